package org.kehou.enrollment;

import static org.kehou.enrollment.CareVerdictAssertions.assertAllowed;
import static org.kehou.enrollment.CareVerdictAssertions.assertRefused;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kehou.enrollment.NoOverlapRule.OpenSpan;

/** SCOPE-1, SCOPE-2: one open request of a kind per child and day. */
class NoOverlapRuleTests {

    static final LocalDate MONDAY = LocalDate.of(2026, 11, 2);
    static final OpenSpan OPEN =
            new OpenSpan(MONDAY, MONDAY.plusDays(4), EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY));

    @Test
    void refusesDaysThatMeetAnOpenRequest() {
        assertRefused(
                NoOverlapRule.check(
                        MONDAY.plusDays(2), MONDAY.plusDays(9), EnumSet.of(DayOfWeek.WEDNESDAY), List.of(OPEN)),
                "care.dates.overlap");
    }

    @Test
    void allowsOtherDatesOrOtherWeekdays() {
        assertAllowed(NoOverlapRule.check(
                MONDAY.plusDays(7), MONDAY.plusDays(11), EnumSet.of(DayOfWeek.MONDAY), List.of(OPEN)));
        assertAllowed(NoOverlapRule.check(MONDAY, MONDAY.plusDays(4), EnumSet.of(DayOfWeek.FRIDAY), List.of(OPEN)));
        assertAllowed(NoOverlapRule.check(MONDAY, MONDAY, EnumSet.allOf(DayOfWeek.class), List.of()));
    }
}
