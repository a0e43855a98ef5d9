package org.kehou.operations;

import java.time.LocalDate;

/**
 * SCOPE-1: a child is checked in early with the time it happens, so only on the day itself, and only on a school day
 * of the school, when early arrival runs.
 */
final class CheckInDayRule {

    private CheckInDayRule() {}

    static Verdict check(LocalDate day, LocalDate today, boolean schoolDay) {
        if (!day.equals(today)) {
            return Verdict.refused("checkin.date.notToday", day.toString());
        }
        return schoolDay ? Verdict.allowed() : Verdict.refused("checkin.date.noSchool", day.toString());
    }
}
