package org.kehou.catalog;

import java.time.LocalDate;

/** SCOPE-3: a non-school-day opening is planned for today or a later day, never for a day gone by. */
final class OpeningDateRule {

    private OpeningDateRule() {}

    static Verdict check(LocalDate onDate, LocalDate today) {
        return onDate.isBefore(today) ? Verdict.refused("opening.inThePast", onDate.toString()) : Verdict.allowed();
    }
}
