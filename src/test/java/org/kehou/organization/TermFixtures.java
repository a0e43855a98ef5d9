package org.kehou.organization;

import java.time.LocalDate;
import java.util.UUID;

/** Terms as a school plans them. */
final class TermFixtures {

    static final UUID COUNTY = UUID.fromString("00000000-0000-7000-8000-00000000000a");
    static final UUID SCHOOL = UUID.fromString("00000000-0000-7000-8000-000000000051");

    private TermFixtures() {}

    /** Autumn term of 2025–2026: Monday 1 September 2025 to Friday 16 January 2026, no exceptions marked. */
    static Term autumn2025() {
        return term(TermKind.AUTUMN, LocalDate.of(2025, 9, 1), LocalDate.of(2026, 1, 16));
    }

    /** Two weeks of the autumn term of 2025–2026: Monday 1 to Sunday 14 September 2025. */
    static Term firstFortnightOfAutumn2025() {
        return term(TermKind.AUTUMN, LocalDate.of(2025, 9, 1), LocalDate.of(2025, 9, 14));
    }

    static Term term(TermKind kind, LocalDate startsOn, LocalDate endsOn) {
        return Term.plan(UUID.randomUUID(), COUNTY, SCHOOL, 2025, kind, startsOn, endsOn);
    }
}
