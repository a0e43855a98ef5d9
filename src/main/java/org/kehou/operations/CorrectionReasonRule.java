package org.kehou.operations;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * OPS-1, CONTENT-5: on the session's day the teacher may save again and the new entries supersede the earlier ones;
 * after the day every entry is a correction that must say why, in at most {@link #MAX_LENGTH} characters.
 */
final class CorrectionReasonRule {

    static final int MAX_LENGTH = 200;

    private CorrectionReasonRule() {}

    static Verdict check(LocalDate day, LocalDate today, @Nullable String reason) {
        String text = reason == null ? "" : reason.strip();
        if (text.length() > MAX_LENGTH) {
            return Verdict.refused("session.reason.tooLong", MAX_LENGTH);
        }
        return day.isBefore(today) && text.isEmpty()
                ? Verdict.refused("session.reason.required", day.toString())
                : Verdict.allowed();
    }
}
