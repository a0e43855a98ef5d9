package org.kehou.organization;

import java.time.LocalDate;
import org.kehou.platform.RuleViolation;

/**
 * ORG-2: a school year runs September to August; its autumn term (上学期) runs about September – January and its
 * spring term (下学期) about February – July. Calendars shift by a few weeks from year to year (an autumn term may open
 * on 28 August, a spring term after an early Spring Festival in late January), so the rule allows autumn dates from
 * 15 August to 15 February and spring dates from 15 January to 31 August.
 */
final class TermDatesRule {

    private TermDatesRule() {}

    static void check(int schoolYear, TermKind kind, LocalDate startsOn, LocalDate endsOn) {
        if (!endsOn.isAfter(startsOn)) {
            throw new RuleViolation("term.endsBeforeStart");
        }
        LocalDate earliest =
                kind == TermKind.AUTUMN ? LocalDate.of(schoolYear, 8, 15) : LocalDate.of(schoolYear + 1, 1, 15);
        LocalDate latest =
                kind == TermKind.AUTUMN ? LocalDate.of(schoolYear + 1, 2, 15) : LocalDate.of(schoolYear + 1, 8, 31);
        if (startsOn.isBefore(earliest) || endsOn.isAfter(latest)) {
            throw new RuleViolation("term.outsideSchoolYear", schoolYear, schoolYear + 1);
        }
    }

    /** The school year a date belongs to: from September it is the year's own, before it the previous one. */
    static int schoolYearOf(LocalDate day) {
        return day.getMonthValue() >= 9 ? day.getYear() : day.getYear() - 1;
    }
}
