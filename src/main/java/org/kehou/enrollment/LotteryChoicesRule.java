package org.kehou.enrollment;

import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.kehou.platform.RuleViolation;

/**
 * ENROL-2: a lottery application ranks one to {@value Lottery#MAX_CHOICES} different offerings, most wanted first;
 * the draw gives a child at most one of them.
 */
final class LotteryChoicesRule {

    private LotteryChoicesRule() {}

    static void check(List<UUID> choices) {
        if (choices.isEmpty()) {
            throw new RuleViolation("lottery.choiceRequired");
        }
        if (choices.size() > Lottery.MAX_CHOICES) {
            throw new RuleViolation("lottery.tooManyChoices", Lottery.MAX_CHOICES);
        }
        if (new HashSet<>(choices).size() != choices.size()) {
            throw new RuleViolation("lottery.choiceTwice");
        }
    }
}
