package org.kehou.operations;

import org.jspecify.annotations.Nullable;

/**
 * SCOPE-1: a child who is not on the day's list of early arrivals, and every correction, is taken in only with the
 * reason written down (at most {@value #MAX} characters), so that the school can see later why.
 */
final class CheckInReasonRule {

    static final int MAX = 200;

    private CheckInReasonRule() {}

    static Verdict check(boolean required, @Nullable String reason) {
        String text = reason == null ? "" : reason.strip();
        if (text.length() > MAX) {
            return Verdict.refused("checkin.reason.tooLong", MAX);
        }
        return required && text.isEmpty() ? Verdict.refused("checkin.reason.required") : Verdict.allowed();
    }
}
