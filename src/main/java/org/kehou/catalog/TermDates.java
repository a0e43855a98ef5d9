package org.kehou.catalog;

import java.time.LocalDate;
import java.util.function.Predicate;
import org.kehou.organization.Term;

/** The dates of a term and which of them are school days, as the catalog's rules need them. */
record TermDates(LocalDate startsOn, LocalDate endsOn, Predicate<LocalDate> schoolDay) {

    static TermDates of(Term term) {
        return new TermDates(term.startsOn(), term.endsOn(), term::isSchoolDay);
    }

    boolean contains(LocalDate day) {
        return !day.isBefore(startsOn) && !day.isAfter(endsOn);
    }
}
