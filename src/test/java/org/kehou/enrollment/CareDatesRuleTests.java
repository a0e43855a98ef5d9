package org.kehou.enrollment;

import static org.kehou.enrollment.CareVerdictAssertions.assertAllowed;
import static org.kehou.enrollment.CareVerdictAssertions.assertRefused;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kehou.enrollment.CareDatesRule.TermDays;

/** SCOPE-1, SCOPE-2: care is asked for from a school day to a school day of one term, not in the past. */
class CareDatesRuleTests {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 2);
    static final LocalDate HOLIDAY = LocalDate.of(2026, 11, 11);
    static final TermDays AUTUMN = new TermDays(
            LocalDate.of(2026, 9, 1),
            LocalDate.of(2027, 1, 22),
            d -> d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY && !d.equals(HOLIDAY));
    static final TermDays SPRING = new TermDays(
            LocalDate.of(2027, 2, 22),
            LocalDate.of(2027, 7, 9),
            d -> d.getDayOfWeek().getValue() <= 5);
    static final List<TermDays> TERMS = List.of(AUTUMN, SPRING);

    @Test
    void allowsSchoolDaysOfOneTerm() {
        assertAllowed(CareDatesRule.check(TODAY, TODAY, TODAY, TERMS));
        assertAllowed(CareDatesRule.check(LocalDate.of(2026, 11, 9), LocalDate.of(2026, 12, 18), TODAY, TERMS));
        assertAllowed(CareDatesRule.check(LocalDate.of(2027, 3, 1), LocalDate.of(2027, 3, 5), TODAY, TERMS));
    }

    @Test
    void refusesALastDayBeforeTheFirst() {
        assertRefused(
                CareDatesRule.check(LocalDate.of(2026, 11, 10), LocalDate.of(2026, 11, 9), TODAY, TERMS),
                "care.dates.order");
    }

    @Test
    void refusesDaysInThePast() {
        assertRefused(CareDatesRule.check(TODAY.minusDays(3), TODAY, TODAY, TERMS), "care.dates.past");
    }

    @Test
    void refusesDaysOutsideATermOrAcrossTwo() {
        assertRefused(
                CareDatesRule.check(LocalDate.of(2027, 2, 1), LocalDate.of(2027, 2, 5), TODAY, TERMS),
                "care.dates.outsideTerm");
        assertRefused(
                CareDatesRule.check(LocalDate.of(2027, 1, 18), LocalDate.of(2027, 3, 1), TODAY, TERMS),
                "care.dates.outsideTerm");
        assertRefused(CareDatesRule.check(TODAY, TODAY, TODAY, List.of()), "care.dates.outsideTerm");
    }

    @Test
    void refusesAFirstOrLastDayThatIsNoSchoolDay() {
        assertRefused(
                CareDatesRule.check(LocalDate.of(2026, 11, 7), LocalDate.of(2026, 11, 13), TODAY, TERMS),
                "care.dates.notSchoolDay");
        assertRefused(CareDatesRule.check(TODAY, HOLIDAY, TODAY, TERMS), "care.dates.notSchoolDay");
    }
}
