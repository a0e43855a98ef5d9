package org.kehou.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

/** Assertions on what a care rule says. */
final class CareVerdictAssertions {

    private CareVerdictAssertions() {}

    static void assertAllowed(CareVerdict verdict) {
        assertThat(verdict.isAllowed())
                .as("allowed, but was %s", verdict.messageKey())
                .isTrue();
    }

    static CareVerdict assertRefused(CareVerdict verdict, String messageKey) {
        assertThat(verdict.messageKey()).as("refusal").isEqualTo(messageKey);
        return verdict;
    }
}
