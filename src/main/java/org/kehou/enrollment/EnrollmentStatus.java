package org.kehou.enrollment;

/**
 * Where a registration stands: confirmed (the child has a seat), waitlisted (in line for one, promoted
 * automatically when a seat frees) or withdrawn by the guardian.
 */
public enum EnrollmentStatus {
    CONFIRMED,
    WAITLISTED,
    WITHDRAWN;

    public String messageKey() {
        return "enrollment.status." + name();
    }
}
