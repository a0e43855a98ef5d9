package org.kehou.operations;

import java.time.LocalDate;

/**
 * OPS-1: a guardian reports leave beforehand, for a day still to come and at most {@link #AHEAD_DAYS} days ahead;
 * on the day itself the guardian tells the teacher, who marks the roll call.
 */
final class LeaveDateRule {

    static final int AHEAD_DAYS = 60;

    private LeaveDateRule() {}

    static Verdict check(LocalDate day, LocalDate today) {
        if (!day.isAfter(today)) {
            return Verdict.refused("leave.date.notAhead", day.toString());
        }
        return day.isAfter(today.plusDays(AHEAD_DAYS))
                ? Verdict.refused("leave.date.tooFar", AHEAD_DAYS)
                : Verdict.allowed();
    }
}
