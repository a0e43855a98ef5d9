package org.kehou.operations;

import java.time.Duration;
import java.time.LocalDateTime;

/**
 * OPS-3, OPS-4: a patrol or an incident is recorded after it happened, within the last 30 days; never for a time
 * still to come (a few minutes' difference between clocks aside).
 */
final class RecordedTimeRule {

    static final Duration CLOCK_SLACK = Duration.ofMinutes(5);
    static final int DAYS_BACK = 30;

    private RecordedTimeRule() {}

    static Verdict check(String messagePrefix, LocalDateTime at, LocalDateTime now) {
        if (at.isAfter(now.plus(CLOCK_SLACK))) {
            return Verdict.refused(messagePrefix + ".time.future");
        }
        return at.isBefore(now.minusDays(DAYS_BACK))
                ? Verdict.refused(messagePrefix + ".time.tooOld", DAYS_BACK)
                : Verdict.allowed();
    }
}
