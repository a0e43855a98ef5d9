package org.kehou.enrollment;

import java.time.LocalTime;

/**
 * SCOPE-1: early arrival is before the school's morning start; the time asked for lies from {@link #EARLIEST} up to,
 * but not including, {@link #MORNING_START}.
 */
final class ArrivalTimeRule {

    static final LocalTime EARLIEST = LocalTime.of(6, 30);
    static final LocalTime MORNING_START = LocalTime.of(8, 0);

    private ArrivalTimeRule() {}

    static CareVerdict check(LocalTime arrival) {
        if (arrival.isBefore(EARLIEST) || !arrival.isBefore(MORNING_START)) {
            return CareVerdict.refused("care.arrival.outOfBounds", EARLIEST.toString(), MORNING_START.toString());
        }
        return CareVerdict.allowed();
    }
}
