package org.kehou.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.kehou.organization.TermFixtures.autumn2025;
import static org.kehou.organization.TermFixtures.firstFortnightOfAutumn2025;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.kehou.platform.RuleViolation;

/** ORG-2: a term's calendar of school days, weekends, holidays, make-up days and vacation. */
class TermTests {

    private static final LocalDate MONDAY = LocalDate.of(2025, 9, 1);
    private static final LocalDate FRIDAY = LocalDate.of(2025, 9, 5);
    private static final LocalDate SATURDAY = LocalDate.of(2025, 9, 6);
    private static final LocalDate SUNDAY = LocalDate.of(2025, 9, 7);
    private static final LocalDate NATIONAL_DAY = LocalDate.of(2025, 10, 1);
    private static final LocalDate MAKE_UP_SUNDAY = LocalDate.of(2025, 9, 28);

    @Test
    void weekdaysAreSchoolDays() {
        Term term = autumn2025();

        for (LocalDate day = MONDAY; !day.isAfter(FRIDAY); day = day.plusDays(1)) {
            assertThat(term.dayKind(day)).as(day.toString()).isEqualTo(DayKind.SCHOOL_DAY);
            assertThat(term.isSchoolDay(day)).isTrue();
        }
    }

    @Test
    void weekendsAreNotSchoolDays() {
        Term term = autumn2025();

        assertThat(term.dayKind(SATURDAY)).isEqualTo(DayKind.WEEKEND);
        assertThat(term.dayKind(SUNDAY)).isEqualTo(DayKind.WEEKEND);
        assertThat(term.isSchoolDay(SATURDAY)).isFalse();
        assertThat(term.isSchoolDay(SUNDAY)).isFalse();
    }

    @Test
    void firstAndLastDayBelongToTheTerm() {
        Term term = autumn2025();

        assertThat(term.dayKind(term.startsOn())).isEqualTo(DayKind.SCHOOL_DAY);
        assertThat(term.dayKind(term.endsOn())).isEqualTo(DayKind.SCHOOL_DAY);
    }

    @Test
    void daysOutsideTheTermAreVacation() {
        Term term = autumn2025();
        LocalDate fridayBefore = LocalDate.of(2025, 8, 29);
        LocalDate mondayAfter = LocalDate.of(2026, 1, 19);

        assertThat(term.dayKind(fridayBefore)).isEqualTo(DayKind.VACATION);
        assertThat(term.dayKind(term.startsOn().minusDays(1))).isEqualTo(DayKind.VACATION);
        assertThat(term.dayKind(term.endsOn().plusDays(1))).isEqualTo(DayKind.VACATION);
        assertThat(term.dayKind(mondayAfter)).isEqualTo(DayKind.VACATION);
        assertThat(term.isSchoolDay(mondayAfter)).isFalse();
    }

    @Test
    void markedHolidayOnAWeekdayIsNotASchoolDay() {
        Term term = autumn2025();

        term.mark(NATIONAL_DAY, DayKind.HOLIDAY, "国庆节");

        assertThat(term.dayKind(NATIONAL_DAY)).isEqualTo(DayKind.HOLIDAY);
        assertThat(term.isSchoolDay(NATIONAL_DAY)).isFalse();
        assertThat(term.days()).containsExactly(new CalendarDay(NATIONAL_DAY, DayKind.HOLIDAY, "国庆节"));
    }

    @Test
    void makeUpDayOnAWeekendIsASchoolDay() {
        Term term = autumn2025();

        term.mark(MAKE_UP_SUNDAY, DayKind.MAKE_UP_DAY, "国庆调休");

        assertThat(term.dayKind(MAKE_UP_SUNDAY)).isEqualTo(DayKind.MAKE_UP_DAY);
        assertThat(term.isSchoolDay(MAKE_UP_SUNDAY)).isTrue();
    }

    @Test
    void refusesMakeUpDayOnAWeekday() {
        Term term = autumn2025();

        assertThatExceptionOfType(RuleViolation.class)
                .isThrownBy(() -> term.mark(FRIDAY, DayKind.MAKE_UP_DAY, null))
                .extracting(RuleViolation::messageKey)
                .isEqualTo("calendar.makeUpOnWeekday");
        assertThat(term.days()).isEmpty();
        assertThat(term.dayKind(FRIDAY)).isEqualTo(DayKind.SCHOOL_DAY);
    }

    @Test
    void refusesMarkingADayBeforeTheTerm() {
        Term term = autumn2025();
        LocalDate dayBefore = term.startsOn().minusDays(1);

        assertThatExceptionOfType(RuleViolation.class)
                .isThrownBy(() -> term.mark(dayBefore, DayKind.MAKE_UP_DAY, null))
                .extracting(RuleViolation::messageKey)
                .isEqualTo("calendar.outsideTerm");
        assertThat(term.days()).isEmpty();
        assertThat(term.dayKind(dayBefore)).isEqualTo(DayKind.VACATION);
    }

    @Test
    void refusesMarkingADayAfterTheTerm() {
        Term term = autumn2025();
        LocalDate mondayAfter = LocalDate.of(2026, 1, 19);

        assertThatExceptionOfType(RuleViolation.class)
                .isThrownBy(() -> term.mark(mondayAfter, DayKind.HOLIDAY, null))
                .extracting(RuleViolation::messageKey)
                .isEqualTo("calendar.outsideTerm");
        assertThat(term.days()).isEmpty();
    }

    @Test
    void markingAHolidayAsASchoolDayAgainRemovesTheException() {
        Term term = autumn2025();
        term.mark(NATIONAL_DAY, DayKind.HOLIDAY, "国庆节");

        term.mark(NATIONAL_DAY, DayKind.SCHOOL_DAY, null);

        assertThat(term.days()).isEmpty();
        assertThat(term.dayKind(NATIONAL_DAY)).isEqualTo(DayKind.SCHOOL_DAY);
    }

    @Test
    void markingAMakeUpDayAsAPlainDayAgainMakesItAWeekendAgain() {
        Term term = autumn2025();
        term.mark(MAKE_UP_SUNDAY, DayKind.MAKE_UP_DAY, "国庆调休");

        term.mark(MAKE_UP_SUNDAY, DayKind.SCHOOL_DAY, null);

        assertThat(term.days()).isEmpty();
        assertThat(term.dayKind(MAKE_UP_SUNDAY)).isEqualTo(DayKind.WEEKEND);
    }

    @Test
    void markingADayAgainReplacesItsEntry() {
        Term term = autumn2025();
        term.mark(NATIONAL_DAY, DayKind.HOLIDAY, "国庆");

        term.mark(NATIONAL_DAY, DayKind.HOLIDAY, "国庆节 National Day");

        assertThat(term.days()).containsExactly(new CalendarDay(NATIONAL_DAY, DayKind.HOLIDAY, "国庆节 National Day"));
    }

    @Test
    void countsWeekdaysOfAPlainTerm() {
        assertThat(firstFortnightOfAutumn2025().schoolDayCount()).isEqualTo(10);
        assertThat(autumn2025().schoolDayCount()).isEqualTo(100);
    }

    @Test
    void countsWithoutHolidaysAndWithMakeUpDays() {
        Term term = firstFortnightOfAutumn2025();

        term.mark(FRIDAY, DayKind.HOLIDAY, null);
        assertThat(term.schoolDayCount()).isEqualTo(9);

        term.mark(SATURDAY, DayKind.MAKE_UP_DAY, null);
        assertThat(term.schoolDayCount()).isEqualTo(10);
    }

    @Test
    void countsTheNationalDayWeekAsTheStateCouncilPlannedIt() {
        Term term = autumn2025();
        for (LocalDate day = NATIONAL_DAY; !day.isAfter(LocalDate.of(2025, 10, 8)); day = day.plusDays(1)) {
            if (day.getDayOfWeek().getValue() <= 5) {
                term.mark(day, DayKind.HOLIDAY, "国庆节、中秋节");
            }
        }
        term.mark(MAKE_UP_SUNDAY, DayKind.MAKE_UP_DAY, "调休");
        term.mark(LocalDate.of(2025, 10, 11), DayKind.MAKE_UP_DAY, "调休");
        term.mark(LocalDate.of(2026, 1, 1), DayKind.HOLIDAY, "元旦");

        assertThat(term.schoolDayCount()).isEqualTo(100 - 6 + 2 - 1);
    }
}
