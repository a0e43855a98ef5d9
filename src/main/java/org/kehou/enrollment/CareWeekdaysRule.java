package org.kehou.enrollment;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;
import java.util.function.Predicate;

/**
 * SCOPE-2: extended care is asked for on some of the weekdays Monday to Friday, and at least one of them is a school
 * day between the first and the last day of the request.
 */
final class CareWeekdaysRule {

    static final Set<DayOfWeek> SCHOOL_WEEK =
            Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);

    private CareWeekdaysRule() {}

    static CareVerdict check(Set<DayOfWeek> weekdays, LocalDate first, LocalDate last, Predicate<LocalDate> schoolDay) {
        if (weekdays.isEmpty()) {
            return CareVerdict.refused("care.weekdays.none");
        }
        if (!SCHOOL_WEEK.containsAll(weekdays)) {
            return CareVerdict.refused("care.weekdays.weekend");
        }
        boolean anyDay = !last.isBefore(first)
                && first.datesUntil(last.plusDays(1))
                        .anyMatch(d -> weekdays.contains(d.getDayOfWeek()) && schoolDay.test(d));
        return anyDay ? CareVerdict.allowed() : CareVerdict.refused("care.weekdays.noSchoolDay");
    }
}
