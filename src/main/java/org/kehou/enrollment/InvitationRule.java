package org.kehou.enrollment;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kehou.platform.RuleViolation;

/**
 * ENROL-1, ENROL-2: a school invites the guardians of at least one of its classes or grades, and at most {@link
 * #MAX_AUDIENCE} of them at once, to register in a window that governs the school (its own, or its county's when it
 * has none of its own for that term) and has not closed, with a message of at most {@link #MAX_MESSAGE} characters.
 * An invitation asks; it never registers anyone.
 */
final class InvitationRule {

    static final int MAX_MESSAGE = 200;
    static final int MAX_AUDIENCE = 100;

    private InvitationRule() {}

    /** Someone is invited: at least one class or grade, and not an unbounded list of them. */
    static void checkAudience(Collection<?> classes, Collection<?> grades) {
        if (classes.isEmpty() && grades.isEmpty()) {
            throw new RuleViolation("invitation.audienceRequired");
        }
        if (classes.size() + grades.size() > MAX_AUDIENCE) {
            throw new RuleViolation("invitation.audienceTooLarge", MAX_AUDIENCE);
        }
    }

    /** The school's message, stripped, or null when there is none; refused when longer than guardians should read. */
    static @Nullable String message(@Nullable String message) {
        String shown = message == null ? "" : NoticeText.of(message);
        if (shown.length() > MAX_MESSAGE) {
            throw new RuleViolation("invitation.messageTooLong", MAX_MESSAGE);
        }
        return shown.isEmpty() ? null : shown;
    }

    /**
     * The window governs the school among the windows of its county and its own for that term, and has not closed: a
     * window open now or opening later may be invited to.
     */
    static void checkWindow(RegistrationWindow window, List<RegistrationWindow> termWindows, LocalDateTime now) {
        boolean governs =
                RegistrationWindowRule.governing(termWindows).stream().anyMatch(w -> w.id().equals(window.id()));
        if (!governs) {
            throw new RuleViolation("invitation.windowSuperseded");
        }
        if (!window.closesAt().isAfter(now)) {
            throw new RuleViolation("invitation.windowClosed", RegistrationWindowRule.MINUTE.format(window.closesAt()));
        }
    }
}
