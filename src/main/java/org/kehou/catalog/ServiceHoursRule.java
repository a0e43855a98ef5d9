package org.kehou.catalog;

import java.time.LocalTime;

/**
 * SCOPE-1, SCOPE-2, CONTENT-4, CONTENT-6, CONTENT-7: a service, or a non-school-day opening (SCOPE-3), ends after it
 * starts and lies within the school's opening hours, 06:00 to 22:00.
 */
final class ServiceHoursRule {

    static final LocalTime EARLIEST = LocalTime.of(6, 0);
    static final LocalTime LATEST = LocalTime.of(22, 0);

    private ServiceHoursRule() {}

    static Verdict check(LocalTime startsAt, LocalTime endsAt) {
        if (!endsAt.isAfter(startsAt)) {
            return Verdict.refused("service.endsBeforeStart");
        }
        if (startsAt.isBefore(EARLIEST) || endsAt.isAfter(LATEST)) {
            return Verdict.refused("service.outsideHours", EARLIEST.toString(), LATEST.toString());
        }
        return Verdict.allowed();
    }
}
