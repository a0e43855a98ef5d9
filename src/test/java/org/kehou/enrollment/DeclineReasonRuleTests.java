package org.kehou.enrollment;

import static org.kehou.enrollment.CareVerdictAssertions.assertAllowed;
import static org.kehou.enrollment.CareVerdictAssertions.assertRefused;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** SCOPE-1, SCOPE-2: declining a care request needs a reason the guardian can read. */
class DeclineReasonRuleTests {

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "\t"})
    void refusesADeclineWithoutReason(String reason) {
        assertRefused(DeclineReasonRule.check(reason), "care.decline.reasonRequired");
    }

    @Test
    void refusesAReasonLongerThanThreeHundredCharacters() {
        assertRefused(DeclineReasonRule.check("因".repeat(301)), "care.decline.reasonTooLong");
        assertAllowed(DeclineReasonRule.check("因".repeat(300)));
    }

    @Test
    void allowsADeclineWithAReason() {
        assertAllowed(DeclineReasonRule.check("看护教室在维修"));
    }
}
