package org.kehou.enrollment;

/**
 * SCOPE-1: a school may not refuse early arrival to a child whose guardian states a special need (家长有特殊需求, such
 * as shift work); it can only assign the care staff who look after the child.
 */
final class SpecialNeedRule {

    private SpecialNeedRule() {}

    /** Whether a request may be declined. */
    static CareVerdict decline(boolean specialNeed) {
        return specialNeed ? CareVerdict.refused("care.decline.specialNeed") : CareVerdict.allowed();
    }
}
