package org.kehou.enrollment;

import java.time.DayOfWeek;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kehou.catalog.Slot;
import org.kehou.platform.RuleViolation;

/**
 * A child's registration for an offering as stored: confirmed, waitlisted or withdrawn (ENROL-2, ENROL-3). It is
 * created by the seat claim and changes only through these transitions, which check where it stands.
 *
 * @param waitlistTicket the claim number it queued with, or null when it took a seat at once
 */
record Enrollment(
        UUID id,
        UUID countyId,
        UUID schoolId,
        UUID termId,
        UUID offeringId,
        UUID childId,
        DayOfWeek weekday,
        Slot slot,
        EnrollmentStatus status,
        @Nullable Long waitlistTicket) {

    /** Withdrawn by a guardian, from a seat or from the line; a second withdrawal is refused. */
    Enrollment withdrawn() {
        if (status == EnrollmentStatus.WITHDRAWN) {
            throw new RuleViolation("enrollment.alreadyWithdrawn");
        }
        return with(EnrollmentStatus.WITHDRAWN);
    }

    /** Promoted from the line to a freed seat. */
    Enrollment promoted() {
        if (status != EnrollmentStatus.WAITLISTED) {
            throw new RuleViolation("enrollment.notWaiting");
        }
        return with(EnrollmentStatus.CONFIRMED);
    }

    boolean holdsSeat() {
        return status == EnrollmentStatus.CONFIRMED;
    }

    /** The weekday and slot of its offering, which a child may hold only once in a term (CONTENT-2, COURSE-3). */
    static String slotKey(DayOfWeek weekday, Slot slot) {
        return weekday.name() + "/" + slot.name();
    }

    private Enrollment with(EnrollmentStatus next) {
        return new Enrollment(id, countyId, schoolId, termId, offeringId, childId, weekday, slot, next, waitlistTicket);
    }
}
