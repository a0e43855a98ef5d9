package org.kehou.organization;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * An immutable snapshot of a term's dates and calendar (ORG-2), for checks on hot paths such as whether a day is a
 * session day of a school (OPS-1). It answers as {@link Term} does: weekdays are school days, weekends are not,
 * except where a holiday or a make-up day is marked; days outside the term are vacation.
 *
 * @param marked the holidays and make-up days of the term by date
 */
public record TermCalendar(
        UUID id, UUID schoolId, LocalDate startsOn, LocalDate endsOn, Map<LocalDate, DayKind> marked) {

    public TermCalendar {
        marked = Map.copyOf(marked);
    }

    /** What the day is in this school's calendar. */
    public DayKind dayKind(LocalDate day) {
        if (!contains(day)) {
            return DayKind.VACATION;
        }
        DayKind kind = marked.get(day);
        if (kind != null) {
            return kind;
        }
        DayOfWeek weekday = day.getDayOfWeek();
        return weekday == DayOfWeek.SATURDAY || weekday == DayOfWeek.SUNDAY ? DayKind.WEEKEND : DayKind.SCHOOL_DAY;
    }

    public boolean isSchoolDay(LocalDate day) {
        return dayKind(day).isSchoolDay();
    }

    /** Whether the day lies within the term, from its first to its last day. */
    public boolean contains(LocalDate day) {
        return !day.isBefore(startsOn) && !day.isAfter(endsOn);
    }
}
