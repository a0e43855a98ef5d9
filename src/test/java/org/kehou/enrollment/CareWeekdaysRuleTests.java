package org.kehou.enrollment;

import static org.kehou.enrollment.CareVerdictAssertions.assertAllowed;
import static org.kehou.enrollment.CareVerdictAssertions.assertRefused;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** SCOPE-2: extended care on some of Monday to Friday, at least one of them a school day of the request. */
class CareWeekdaysRuleTests {

    static final LocalDate MONDAY = LocalDate.of(2026, 11, 2);
    static final Predicate<LocalDate> WEEKDAYS = d -> d.getDayOfWeek().getValue() <= 5;

    @Test
    void allowsSomeWeekdaysWithSchoolDaysBetweenTheDates() {
        assertAllowed(CareWeekdaysRule.check(
                EnumSet.of(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY), MONDAY, MONDAY.plusDays(4), WEEKDAYS));
    }

    @Test
    void refusesNoWeekdayAtAll() {
        assertRefused(
                CareWeekdaysRule.check(EnumSet.noneOf(DayOfWeek.class), MONDAY, MONDAY, WEEKDAYS),
                "care.weekdays.none");
    }

    @Test
    void refusesWeekendDays() {
        assertRefused(
                CareWeekdaysRule.check(
                        EnumSet.of(DayOfWeek.FRIDAY, DayOfWeek.SATURDAY), MONDAY, MONDAY.plusDays(6), WEEKDAYS),
                "care.weekdays.weekend");
    }

    @Test
    void refusesWeekdaysOnWhichNoSchoolDayFalls() {
        assertRefused(
                CareWeekdaysRule.check(EnumSet.of(DayOfWeek.FRIDAY), MONDAY, MONDAY.plusDays(3), WEEKDAYS),
                "care.weekdays.noSchoolDay");
        assertRefused(
                CareWeekdaysRule.check(EnumSet.of(DayOfWeek.MONDAY), MONDAY, MONDAY, d -> false),
                "care.weekdays.noSchoolDay");
    }
}
