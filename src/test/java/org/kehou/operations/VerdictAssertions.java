package org.kehou.operations;

import static org.assertj.core.api.Assertions.assertThat;

/** Assertions on what an operations rule said. */
final class VerdictAssertions {

    private VerdictAssertions() {}

    static void assertAllowed(Verdict verdict) {
        assertThat(verdict.isAllowed())
                .as("allowed, but was %s", verdict.messageKey())
                .isTrue();
    }

    static void assertRefused(Verdict verdict, String messageKey, Object... arguments) {
        assertThat(verdict.messageKey()).isEqualTo(messageKey);
        if (arguments.length > 0) {
            assertThat(verdict.arguments()).containsExactly(arguments);
        }
    }
}
