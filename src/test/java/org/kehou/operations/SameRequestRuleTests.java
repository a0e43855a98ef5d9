package org.kehou.operations;

import static org.kehou.operations.VerdictAssertions.assertAllowed;
import static org.kehou.operations.VerdictAssertions.assertRefused;

import org.junit.jupiter.api.Test;

class SameRequestRuleTests {

    @Test
    void answersARetryOfTheSameRequest() {
        assertAllowed(SameRequestRule.check("abc", "abc"));
    }

    @Test
    void refusesAKeyUsedForAnotherRequest() {
        assertRefused(SameRequestRule.check("abc", "abd"), "pickup.api.keyReused");
    }
}
