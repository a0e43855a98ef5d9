package org.kehou.enrollment;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.kehou.organization.Term;

/**
 * SCOPE-1, SCOPE-2: care is asked for on school days: the first and the last day of a request lie in one term of
 * the child's school and are school days of its calendar, the last is not before the first, and neither is in the
 * past.
 */
final class CareDatesRule {

    private CareDatesRule() {}

    static CareVerdict check(LocalDate first, LocalDate last, LocalDate today, List<TermDays> terms) {
        if (last.isBefore(first)) {
            return CareVerdict.refused("care.dates.order");
        }
        if (first.isBefore(today)) {
            return CareVerdict.refused("care.dates.past");
        }
        Optional<TermDays> term = termContaining(first, last, terms);
        if (term.isEmpty()) {
            return CareVerdict.refused("care.dates.outsideTerm");
        }
        for (LocalDate day : List.of(first, last)) {
            if (!term.get().schoolDay().test(day)) {
                return CareVerdict.refused("care.dates.notSchoolDay", day.toString());
            }
        }
        return CareVerdict.allowed();
    }

    /** The term holding both days, if there is one. */
    static Optional<TermDays> termContaining(LocalDate first, LocalDate last, List<TermDays> terms) {
        return terms.stream().filter(t -> t.contains(first) && t.contains(last)).findFirst();
    }

    /** The dates of a term and which of them are school days, as this rule needs them. */
    record TermDays(LocalDate startsOn, LocalDate endsOn, Predicate<LocalDate> schoolDay) {

        static TermDays of(Term term) {
            return new TermDays(term.startsOn(), term.endsOn(), term::isSchoolDay);
        }

        boolean contains(LocalDate day) {
            return !day.isBefore(startsOn) && !day.isAfter(endsOn);
        }
    }
}
