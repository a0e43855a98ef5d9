package org.kehou.enrollment;

/**
 * What a registration attempt came to: a seat, a place in line, or why neither (ENROL-2, ENROL-4).
 *
 * <ul>
 *   <li>{@code FULL}: no seat is free and the waiting list is closed or full;
 *   <li>{@code ALREADY_ENROLLED}: the child is already confirmed or waiting for this offering;
 *   <li>{@code TIME_CONFLICT}: the child already holds another offering at this weekday and slot of the term
 *       (COURSE-3; slot 1 and slot 2 are separate choices, CONTENT-2).
 * </ul>
 */
public enum EnrollmentResult {
    CONFIRMED,
    WAITLISTED,
    FULL,
    ALREADY_ENROLLED,
    TIME_CONFLICT;

    /** Whether the attempt stored a registration. */
    public boolean stored() {
        return this == CONFIRMED || this == WAITLISTED;
    }

    public String messageKey() {
        return "enrollment.result." + name();
    }
}
