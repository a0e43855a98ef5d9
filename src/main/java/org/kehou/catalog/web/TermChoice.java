package org.kehou.catalog.web;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kehou.organization.Term;
import org.kehou.platform.NotFoundException;

/** Which of a school's terms a catalog page shows: the one asked for, else the one under way (else the next). */
final class TermChoice {

    private TermChoice() {}

    /**
     * The term asked for, which must be one of the school's; without one, the term under way today, else the next to
     * begin, else the latest ({@link Term#shownOn}); null when the school has no term.
     */
    static @Nullable Term of(List<Term> terms, @Nullable UUID requested, LocalDate today) {
        if (requested != null) {
            return terms.stream()
                    .filter(t -> t.id().equals(requested))
                    .findFirst()
                    .orElseThrow(() -> new NotFoundException("term"));
        }
        return Term.shownOn(terms, today).orElse(null);
    }
}
