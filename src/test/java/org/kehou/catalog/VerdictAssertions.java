package org.kehou.catalog;

import static org.assertj.core.api.Assertions.assertThat;

/** Assertions on what a rule says. */
final class VerdictAssertions {

    private VerdictAssertions() {}

    static void assertAllowed(Verdict verdict) {
        assertThat(verdict.isAllowed())
                .as("allowed, but was %s", verdict.messageKey())
                .isTrue();
    }

    static Verdict assertRefused(Verdict verdict, String messageKey) {
        assertThat(verdict.messageKey()).as("refusal").isEqualTo(messageKey);
        return verdict;
    }
}
