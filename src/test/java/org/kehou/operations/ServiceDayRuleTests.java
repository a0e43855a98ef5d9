package org.kehou.operations;

import static org.kehou.operations.VerdictAssertions.assertAllowed;
import static org.kehou.operations.VerdictAssertions.assertRefused;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ServiceDayRuleTests {

    static final LocalDate DAY = LocalDate.of(2026, 12, 5);

    @Test
    void refusesASlotOnADayWithoutSchool() {
        assertRefused(
                ServiceDayRule.check(PickupService.SLOT_2, DAY, false),
                "pickup.service.notThatDay",
                PickupService.SLOT_2,
                "2026-12-05");
        assertRefused(ServiceDayRule.check(PickupService.EXTENDED_CARE, DAY, false), "pickup.service.notThatDay");
    }

    @Test
    void refusesAnOpeningOnASchoolDay() {
        assertRefused(ServiceDayRule.check(PickupService.OPENING, DAY, true), "pickup.service.notThatDay");
    }

    @Test
    void takesEachServiceOnItsOwnDays() {
        assertAllowed(ServiceDayRule.check(PickupService.SLOT_1, DAY, true));
        assertAllowed(ServiceDayRule.check(PickupService.EVENING, DAY, true));
        assertAllowed(ServiceDayRule.check(PickupService.OPENING, DAY, false));
    }
}
