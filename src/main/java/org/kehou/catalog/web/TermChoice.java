package org.kehou.catalog.web;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kehou.organization.Term;
import org.kehou.platform.NotFoundException;

/** Which of a school's terms a catalog page shows: the one asked for, else the latest that has begun. */
final class TermChoice {

    private TermChoice() {}

    /**
     * The term asked for, which must be one of the school's; without one, the latest term that has begun by today,
     * or the earliest planned one when none has begun yet; null when the school has no term.
     *
     * @param terms the school's terms, latest first
     */
    static @Nullable Term of(List<Term> terms, @Nullable UUID requested, LocalDate today) {
        if (requested != null) {
            return terms.stream()
                    .filter(t -> t.id().equals(requested))
                    .findFirst()
                    .orElseThrow(() -> new NotFoundException("term"));
        }
        return terms.stream()
                .filter(t -> !t.startsOn().isAfter(today))
                .findFirst()
                .orElse(terms.isEmpty() ? null : terms.getLast());
    }
}
