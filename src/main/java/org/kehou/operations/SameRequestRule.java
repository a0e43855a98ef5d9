package org.kehou.operations;

/**
 * OPS-2: an idempotency key of the hand-over API stands for one request; a retry must ask for the same hand-over, and
 * a key used before for another one is refused rather than answered with the other request's result.
 */
final class SameRequestRule {

    private SameRequestRule() {}

    static Verdict check(String firstFingerprint, String fingerprint) {
        return firstFingerprint.equals(fingerprint) ? Verdict.allowed() : Verdict.refused("pickup.api.keyReused");
    }
}
