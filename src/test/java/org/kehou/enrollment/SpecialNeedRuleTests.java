package org.kehou.enrollment;

import static org.kehou.enrollment.CareVerdictAssertions.assertAllowed;
import static org.kehou.enrollment.CareVerdictAssertions.assertRefused;

import org.junit.jupiter.api.Test;

/** SCOPE-1: a school may not refuse early arrival to a child whose guardian states a special need. */
class SpecialNeedRuleTests {

    @Test
    void refusesToDeclineASpecialNeed() {
        assertRefused(SpecialNeedRule.decline(true), "care.decline.specialNeed");
    }

    @Test
    void allowsDecliningAnOrdinaryRequest() {
        assertAllowed(SpecialNeedRule.decline(false));
    }
}
