package org.kehou.operations;

/** OPS-2: a child goes home alone only with a guardian's standing consent. */
final class GoHomeAloneRule {

    private GoHomeAloneRule() {}

    static Verdict check(ReleaseTo to, boolean standingConsent, String childName) {
        return to == ReleaseTo.ALONE && !standingConsent
                ? Verdict.refused("pickup.refused.noConsent", childName)
                : Verdict.allowed();
    }
}
