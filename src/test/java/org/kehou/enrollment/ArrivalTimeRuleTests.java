package org.kehou.enrollment;

import static org.kehou.enrollment.CareVerdictAssertions.assertAllowed;
import static org.kehou.enrollment.CareVerdictAssertions.assertRefused;

import java.time.LocalTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SCOPE-1: early arrival lies from 06:30 up to, not including, the 08:00 morning start. */
class ArrivalTimeRuleTests {

    @ParameterizedTest
    @ValueSource(strings = {"06:30", "07:10", "07:59"})
    void allowsTimesBeforeTheMorningStart(String time) {
        assertAllowed(ArrivalTimeRule.check(LocalTime.parse(time)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"00:00", "06:29", "08:00", "12:00"})
    void refusesTimesOutsideTheBounds(String time) {
        assertRefused(ArrivalTimeRule.check(LocalTime.parse(time)), "care.arrival.outOfBounds");
    }
}
