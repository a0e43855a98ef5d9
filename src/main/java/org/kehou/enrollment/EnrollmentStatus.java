package org.kehou.enrollment;

/**
 * Where a registration stands: confirmed (the child has a seat), waitlisted (in line for one, promoted
 * automatically when a seat frees, or offered it), offered (a freed seat is held for the child until the guardian
 * accepts or declines or the offer expires; ENROL-2) or withdrawn.
 */
public enum EnrollmentStatus {
    CONFIRMED,
    WAITLISTED,
    OFFERED,
    WITHDRAWN;

    public String messageKey() {
        return "enrollment.status." + name();
    }
}
