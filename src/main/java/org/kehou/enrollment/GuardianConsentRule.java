package org.kehou.enrollment;

import org.kehou.platform.RuleViolation;

/**
 * ENROL-1: registration is voluntary. A guardian registers a child only by agreeing, explicitly, to the consent
 * text currently shown; an agreement to an older text is not consent to the current one. Without consent nothing
 * is stored.
 */
final class GuardianConsentRule {

    private GuardianConsentRule() {}

    static void check(boolean consent, String consentVersion, String currentVersion) {
        if (!consent) {
            throw new RuleViolation("enrollment.consentRequired");
        }
        if (!currentVersion.equals(consentVersion)) {
            throw new RuleViolation("enrollment.consentOutdated", consentVersion, currentVersion);
        }
    }
}
