package org.kehou.enrollment;

import static org.kehou.enrollment.CareVerdictAssertions.assertAllowed;
import static org.kehou.enrollment.CareVerdictAssertions.assertRefused;

import java.time.LocalTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SCOPE-2: the latest pickup of extended care lies from 17:00 to 19:30. */
class PickupTimeRuleTests {

    @ParameterizedTest
    @ValueSource(strings = {"17:00", "18:30", "19:30"})
    void allowsPickupInTheEvening(String time) {
        assertAllowed(PickupTimeRule.check(LocalTime.parse(time)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"16:59", "19:31", "22:00", "07:00"})
    void refusesPickupOutsideTheBounds(String time) {
        assertRefused(PickupTimeRule.check(LocalTime.parse(time)), "care.pickup.outOfBounds");
    }
}
