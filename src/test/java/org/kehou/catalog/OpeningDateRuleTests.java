package org.kehou.catalog;

import static org.kehou.catalog.VerdictAssertions.assertAllowed;
import static org.kehou.catalog.VerdictAssertions.assertRefused;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** SCOPE-3: openings are planned for days to come. */
class OpeningDateRuleTests {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    @Test
    void allowsTodayAndLaterDays() {
        assertAllowed(OpeningDateRule.check(TODAY, TODAY));
        assertAllowed(OpeningDateRule.check(TODAY.plusDays(4), TODAY));
    }

    @Test
    void refusesADayGoneBy() {
        assertRefused(OpeningDateRule.check(TODAY.minusDays(1), TODAY), "opening.inThePast");
    }
}
