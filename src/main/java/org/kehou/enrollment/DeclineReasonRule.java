package org.kehou.enrollment;

import org.jspecify.annotations.Nullable;

/** SCOPE-1, SCOPE-2: a school that declines a care request tells the guardian why, in at most 300 characters. */
final class DeclineReasonRule {

    static final int MAX_LENGTH = 300;

    private DeclineReasonRule() {}

    static CareVerdict check(@Nullable String reason) {
        if (reason == null || reason.isBlank()) {
            return CareVerdict.refused("care.decline.reasonRequired");
        }
        if (reason.strip().length() > MAX_LENGTH) {
            return CareVerdict.refused("care.decline.reasonTooLong", MAX_LENGTH);
        }
        return CareVerdict.allowed();
    }
}
