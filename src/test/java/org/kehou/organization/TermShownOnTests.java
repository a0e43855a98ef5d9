package org.kehou.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Which term a school's pages show when none is chosen: the one under way, else the next, else the latest. */
class TermShownOnTests {

    static final UUID COUNTY = UUID.randomUUID();
    static final UUID SCHOOL = UUID.randomUUID();
    final Term autumn = Term.plan(
            UUID.randomUUID(),
            COUNTY,
            SCHOOL,
            2026,
            TermKind.AUTUMN,
            LocalDate.of(2026, 9, 1),
            LocalDate.of(2027, 1, 22));
    final Term spring = Term.plan(
            UUID.randomUUID(),
            COUNTY,
            SCHOOL,
            2026,
            TermKind.SPRING,
            LocalDate.of(2027, 2, 22),
            LocalDate.of(2027, 7, 9));
    final List<Term> terms = List.of(spring, autumn);

    @Test
    void theTermUnderWay() {
        assertThat(Term.shownOn(terms, LocalDate.of(2026, 12, 1))).contains(autumn);
        assertThat(Term.shownOn(terms, LocalDate.of(2027, 2, 22))).contains(spring);
    }

    @Test
    void betweenTermsTheNextOneAndAfterTheLastTheLatest() {
        assertThat(Term.shownOn(terms, LocalDate.of(2027, 2, 1))).contains(spring);
        assertThat(Term.shownOn(terms, LocalDate.of(2026, 8, 1))).contains(autumn);
        assertThat(Term.shownOn(terms, LocalDate.of(2027, 8, 1))).contains(spring);
        assertThat(Term.shownOn(List.of(), LocalDate.of(2027, 8, 1))).isEmpty();
    }
}
