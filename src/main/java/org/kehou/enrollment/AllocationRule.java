package org.kehou.enrollment;

import org.kehou.platform.RuleViolation;

/**
 * ENROL-2: a window gives its seats one way only. A first-come window takes registrations and no lottery
 * applications; a lottery window takes applications, and a first-come registration would jump the draw.
 */
final class AllocationRule {

    private AllocationRule() {}

    static void check(Allocation window, Allocation asked) {
        if (window == asked) {
            return;
        }
        throw new RuleViolation(window == Allocation.LOTTERY ? "enrollment.lotteryWindow" : "lottery.firstComeWindow");
    }
}
