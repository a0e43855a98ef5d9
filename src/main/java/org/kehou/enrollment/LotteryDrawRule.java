package org.kehou.enrollment;

import java.time.LocalDateTime;
import org.kehou.platform.RuleViolation;

/**
 * ENROL-2: a lottery is drawn once, after its window has closed, so every application had until the closing
 * minute and nobody can apply after seeing the order; priority groups and the siblings option, being inputs of the
 * draw, change only before it.
 */
final class LotteryDrawRule {

    private LotteryDrawRule() {}

    /** Refuses a draw before the window closed or a second draw. */
    static void checkDraw(LocalDateTime closesAt, boolean drawn, LocalDateTime now) {
        checkNotDrawn(drawn);
        if (now.isBefore(closesAt)) {
            throw new RuleViolation("lottery.notClosed", RegistrationWindowRule.MINUTE.format(closesAt));
        }
    }

    /** Refuses a change of the draw's inputs once it has run. */
    static void checkNotDrawn(boolean drawn) {
        if (drawn) {
            throw new RuleViolation("lottery.drawnAlready");
        }
    }
}
