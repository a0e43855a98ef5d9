package org.kehou.operations;

import static org.kehou.operations.VerdictAssertions.assertAllowed;
import static org.kehou.operations.VerdictAssertions.assertRefused;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class RecordedTimeRuleTests {

    static final LocalDateTime NOW = LocalDateTime.of(2026, 12, 2, 17, 30);

    @Test
    void refusesATimeStillToCome() {
        assertRefused(RecordedTimeRule.check("patrol", NOW.plusMinutes(10), NOW), "patrol.time.future");
        assertRefused(RecordedTimeRule.check("incident", NOW.plusHours(1), NOW), "incident.time.future");
        assertAllowed(RecordedTimeRule.check("patrol", NOW.plusMinutes(4), NOW));
    }

    @Test
    void refusesATimeMoreThanThirtyDaysBack() {
        assertRefused(RecordedTimeRule.check("patrol", NOW.minusDays(31), NOW), "patrol.time.tooOld", 30);
        assertAllowed(RecordedTimeRule.check("patrol", NOW.minusDays(29), NOW));
    }
}
