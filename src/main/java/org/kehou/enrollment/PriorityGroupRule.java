package org.kehou.enrollment;

import org.kehou.platform.RuleViolation;

/**
 * ENROL-2: the school's priority groups for a lottery are 1 (lowest) to {@value #MAX_GROUP} (highest), placed before
 * everyone without a group; each entry names its reason (e.g. a special-needs family, a staff child) so the order
 * can be explained, in at most {@value #MAX_REASON} characters.
 */
final class PriorityGroupRule {

    static final int MAX_GROUP = 3;
    static final int MAX_REASON = 60;

    private PriorityGroupRule() {}

    static void check(int group, String reason) {
        if (group < 1 || group > MAX_GROUP) {
            throw new RuleViolation("lottery.priorityGroup", MAX_GROUP);
        }
        if (reason.isBlank()) {
            throw new RuleViolation("lottery.priorityReason");
        }
        if (reason.strip().length() > MAX_REASON) {
            throw new RuleViolation("lottery.priorityReasonLong", MAX_REASON);
        }
    }
}
