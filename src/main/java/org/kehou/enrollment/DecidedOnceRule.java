package org.kehou.enrollment;

/**
 * SCOPE-1, SCOPE-2: a care request is decided once. A decided request cannot be accepted or declined again; only an
 * accepted one may have its care staff or its group changed.
 */
final class DecidedOnceRule {

    private DecidedOnceRule() {}

    /** Whether a request in this state may be accepted or declined. */
    static CareVerdict decide(CareStatus status) {
        return status.isDecided() ? CareVerdict.refused("care.alreadyDecided") : CareVerdict.allowed();
    }

    /** Whether a request in this state may get other care staff or another group. */
    static CareVerdict reassign(CareStatus status) {
        return status == CareStatus.ACCEPTED ? CareVerdict.allowed() : CareVerdict.refused("care.notAccepted");
    }
}
