package org.kehou.operations;

import java.util.Collection;
import org.jspecify.annotations.Nullable;

/** OPS-3: a patrol that found an issue says what follows from it, so that it can be followed up to its end. */
final class FollowUpRule {

    private FollowUpRule() {}

    static Verdict check(Collection<PatrolIssue> issues, @Nullable String followUp) {
        return !issues.isEmpty() && (followUp == null || followUp.isBlank())
                ? Verdict.refused("patrol.followUp.required")
                : Verdict.allowed();
    }
}
