package org.kehou.enrollment;

import java.time.LocalTime;

/**
 * SCOPE-2: extended care follows the end of the after-school service; the latest pickup time lies from
 * {@link #EARLIEST} to {@link #LATEST}, both included, so that no child is kept into the night.
 */
final class PickupTimeRule {

    static final LocalTime EARLIEST = LocalTime.of(17, 0);
    static final LocalTime LATEST = LocalTime.of(19, 30);

    private PickupTimeRule() {}

    static CareVerdict check(LocalTime pickupBy) {
        if (pickupBy.isBefore(EARLIEST) || pickupBy.isAfter(LATEST)) {
            return CareVerdict.refused("care.pickup.outOfBounds", EARLIEST.toString(), LATEST.toString());
        }
        return CareVerdict.allowed();
    }
}
