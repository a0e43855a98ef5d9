package org.kehou.operations;

import static org.kehou.operations.VerdictAssertions.assertAllowed;
import static org.kehou.operations.VerdictAssertions.assertRefused;

import org.junit.jupiter.api.Test;

class GoHomeAloneRuleTests {

    @Test
    void refusesGoingHomeAloneWithoutStandingConsent() {
        assertRefused(GoHomeAloneRule.check(ReleaseTo.ALONE, false, "小明"), "pickup.refused.noConsent", "小明");
    }

    @Test
    void letsAChildGoAloneWithConsent() {
        assertAllowed(GoHomeAloneRule.check(ReleaseTo.ALONE, true, "小明"));
    }

    @Test
    void saysNothingAboutAHandOverToAPerson() {
        assertAllowed(GoHomeAloneRule.check(ReleaseTo.GUARDIAN, false, "小明"));
        assertAllowed(GoHomeAloneRule.check(ReleaseTo.PERSON, false, "小明"));
    }
}
