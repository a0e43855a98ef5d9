package org.kehou.operations;

import static org.kehou.operations.VerdictAssertions.assertAllowed;
import static org.kehou.operations.VerdictAssertions.assertRefused;

import java.util.Set;
import org.junit.jupiter.api.Test;

class FollowUpRuleTests {

    @Test
    void anIssueNeedsAFollowUp() {
        assertRefused(FollowUpRule.check(Set.of(PatrolIssue.SAFETY_PROBLEM), null), "patrol.followUp.required");
        assertRefused(FollowUpRule.check(Set.of(PatrolIssue.NO_EXERCISE), "  "), "patrol.followUp.required");
        assertAllowed(FollowUpRule.check(Set.of(PatrolIssue.NO_EXERCISE), "通知任课老师补上锻炼"));
    }

    @Test
    void aPatrolThatFoundNothingNeedsNone() {
        assertAllowed(FollowUpRule.check(Set.of(), null));
    }
}
