package org.kehou.enrollment;

/** Where an early-arrival or extended-care request stands: filed, then decided once (SCOPE-1, SCOPE-2). */
public enum CareStatus {
    /** Filed by a guardian, waiting for the school. */
    PENDING,
    /** Accepted: care staff assigned (early arrival) or placed in a group (extended care). */
    ACCEPTED,
    /** Declined by the school with a reason; never a request with a special need for early arrival. */
    DECLINED;

    public boolean isDecided() {
        return this != PENDING;
    }

    public String messageKey() {
        return "care.status." + name();
    }
}
