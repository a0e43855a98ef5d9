package org.kehou.operations;

import static org.kehou.operations.VerdictAssertions.assertAllowed;
import static org.kehou.operations.VerdictAssertions.assertRefused;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ReleaseDateRuleTests {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

    @Test
    void refusesAHandOverOnADayToCome() {
        assertRefused(ReleaseDateRule.check(TODAY.plusDays(1), TODAY), "pickup.date.future", "2026-12-03");
    }

    @Test
    void takesTodayAndDaysPast() {
        assertAllowed(ReleaseDateRule.check(TODAY, TODAY));
        assertAllowed(ReleaseDateRule.check(TODAY.minusDays(3), TODAY));
    }
}
