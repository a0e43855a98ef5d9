package org.kehou.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kehou.catalog.VerdictAssertions.assertAllowed;
import static org.kehou.catalog.VerdictAssertions.assertRefused;

import java.time.LocalTime;
import org.junit.jupiter.api.Test;

/** SCOPE-1, SCOPE-2, CONTENT-4, CONTENT-6, CONTENT-7: a service ends after it starts, between 06:00 and 22:00. */
class ServiceHoursRuleTests {

    @Test
    void allowsAnAfternoonSlotAndTheEdgesOfTheDay() {
        assertAllowed(ServiceHoursRule.check(LocalTime.of(15, 30), LocalTime.of(16, 30)));
        assertAllowed(ServiceHoursRule.check(LocalTime.of(6, 0), LocalTime.of(22, 0)));
    }

    @Test
    void refusesAServiceEndingWhenOrBeforeItStarts() {
        assertRefused(ServiceHoursRule.check(LocalTime.of(16, 30), LocalTime.of(15, 30)), "service.endsBeforeStart");
        assertRefused(ServiceHoursRule.check(LocalTime.of(16, 30), LocalTime.of(16, 30)), "service.endsBeforeStart");
    }

    @Test
    void refusesAServiceBeforeSixOrAfterTen() {
        Verdict early =
                assertRefused(ServiceHoursRule.check(LocalTime.of(5, 50), LocalTime.of(7, 30)), "service.outsideHours");
        assertThat(early.arguments()).containsExactly("06:00", "22:00");
        assertRefused(ServiceHoursRule.check(LocalTime.of(19, 0), LocalTime.of(22, 10)), "service.outsideHours");
    }
}
