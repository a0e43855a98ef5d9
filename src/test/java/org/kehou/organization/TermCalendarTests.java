package org.kehou.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kehou.organization.TermFixtures.autumn2025;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * ORG-2, OPS-1: the in-memory snapshot of a term's calendar (ADR 0020) says of every day what the term itself says:
 * school days, weekends, holidays, make-up days and vacation.
 */
class TermCalendarTests {

    private static final LocalDate NATIONAL_DAY = LocalDate.of(2025, 10, 1);
    private static final LocalDate MAKE_UP_SUNDAY = LocalDate.of(2025, 9, 28);

    @Test
    void answersEveryDayAsTheTermDoes() {
        Term term = autumn2025();
        term.mark(NATIONAL_DAY, DayKind.HOLIDAY, "国庆节");
        term.mark(MAKE_UP_SUNDAY, DayKind.MAKE_UP_DAY, "调休");
        TermCalendar calendar = snapshot(term);

        for (LocalDate day = term.startsOn().minusDays(10);
                !day.isAfter(term.endsOn().plusDays(10));
                day = day.plusDays(1)) {
            assertThat(calendar.dayKind(day)).as(day.toString()).isEqualTo(term.dayKind(day));
            assertThat(calendar.isSchoolDay(day)).as(day.toString()).isEqualTo(term.isSchoolDay(day));
            assertThat(calendar.contains(day)).isEqualTo(term.dayKind(day) != DayKind.VACATION);
        }
        assertThat(calendar.dayKind(NATIONAL_DAY)).isEqualTo(DayKind.HOLIDAY);
        assertThat(calendar.isSchoolDay(MAKE_UP_SUNDAY)).isTrue();
    }

    @Test
    void cannotBeChangedThroughTheMapItWasMadeOf() {
        Term term = autumn2025();
        Map<LocalDate, DayKind> marked = new HashMap<>();
        TermCalendar calendar = new TermCalendar(term.id(), term.schoolId(), term.startsOn(), term.endsOn(), marked);
        marked.put(NATIONAL_DAY, DayKind.HOLIDAY);

        assertThat(calendar.dayKind(NATIONAL_DAY)).isEqualTo(DayKind.SCHOOL_DAY);
    }

    private static TermCalendar snapshot(Term term) {
        Map<LocalDate, DayKind> marked = new HashMap<>();
        term.days().forEach(d -> marked.put(d.onDate(), d.kind()));
        return new TermCalendar(term.id(), term.schoolId(), term.startsOn(), term.endsOn(), marked);
    }
}
