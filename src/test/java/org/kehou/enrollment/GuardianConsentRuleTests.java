package org.kehou.enrollment;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.kehou.platform.RuleViolation;

/** ENROL-1: only an explicit consent to the current consent text lets a registration through. */
class GuardianConsentRuleTests {

    @Test
    void refusesARegistrationWithoutConsent() {
        assertThatThrownBy(() -> GuardianConsentRule.check(false, "2026-1", "2026-1"))
                .isInstanceOfSatisfying(
                        RuleViolation.class,
                        e -> org.assertj.core.api.Assertions.assertThat(e.messageKey())
                                .isEqualTo("enrollment.consentRequired"));
    }

    @Test
    void refusesConsentToAnOlderText() {
        assertThatThrownBy(() -> GuardianConsentRule.check(true, "2025-2", "2026-1"))
                .isInstanceOfSatisfying(RuleViolation.class, e -> {
                    org.assertj.core.api.Assertions.assertThat(e.messageKey()).isEqualTo("enrollment.consentOutdated");
                    org.assertj.core.api.Assertions.assertThat(e.arguments()).containsExactly("2025-2", "2026-1");
                });
    }

    @Test
    void acceptsConsentToTheCurrentText() {
        assertThatCode(() -> GuardianConsentRule.check(true, "2026-1", "2026-1"))
                .doesNotThrowAnyException();
    }
}
