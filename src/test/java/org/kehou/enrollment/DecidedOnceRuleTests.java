package org.kehou.enrollment;

import static org.kehou.enrollment.CareVerdictAssertions.assertAllowed;
import static org.kehou.enrollment.CareVerdictAssertions.assertRefused;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** SCOPE-1, SCOPE-2: a care request is decided once; only an accepted one changes staff or group. */
class DecidedOnceRuleTests {

    @Test
    void allowsDecidingAPendingRequest() {
        assertAllowed(DecidedOnceRule.decide(CareStatus.PENDING));
    }

    @ParameterizedTest
    @EnumSource(value = CareStatus.class, names = "PENDING", mode = EnumSource.Mode.EXCLUDE)
    void refusesDecidingADecidedRequestAgain(CareStatus status) {
        assertRefused(DecidedOnceRule.decide(status), "care.alreadyDecided");
    }

    @Test
    void allowsNewStaffOrGroupOnlyForAnAcceptedRequest() {
        assertAllowed(DecidedOnceRule.reassign(CareStatus.ACCEPTED));
        assertRefused(DecidedOnceRule.reassign(CareStatus.PENDING), "care.notAccepted");
        assertRefused(DecidedOnceRule.reassign(CareStatus.DECLINED), "care.notAccepted");
    }
}
