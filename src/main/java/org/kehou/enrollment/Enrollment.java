package org.kehou.enrollment;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kehou.catalog.Slot;
import org.kehou.platform.RuleViolation;

/**
 * A child's registration for an offering as stored: confirmed, waitlisted, offered a freed seat or withdrawn
 * (ENROL-2, ENROL-3). It is created by the seat claim and changes only through these transitions, which check where
 * it stands.
 *
 * @param waitlistTicket the claim number it queued with, or null when it took a seat at once
 * @param offerExpiresAt until when a freed seat is held for it, while it is offered
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
        @Nullable Long waitlistTicket,
        @Nullable LocalDateTime offerExpiresAt) {

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

    /** Offered a freed seat from the line until {@code expiresAt} (ENROL-2, promotion by offer). */
    Enrollment offered(LocalDateTime expiresAt) {
        if (status != EnrollmentStatus.WAITLISTED) {
            throw new RuleViolation("enrollment.notWaiting");
        }
        return new Enrollment(
                id,
                countyId,
                schoolId,
                termId,
                offeringId,
                childId,
                weekday,
                slot,
                EnrollmentStatus.OFFERED,
                waitlistTicket,
                expiresAt);
    }

    /** Takes the seat it was offered, before the offer expires. */
    Enrollment accepted(LocalDateTime now) {
        if (status != EnrollmentStatus.OFFERED) {
            throw new RuleViolation("enrollment.notOffered");
        }
        OfferExpiryRule.checkOpen(offerExpiresAt, now);
        return with(EnrollmentStatus.CONFIRMED);
    }

    /** Whether it is an offer that has run out at {@code now}, which the expiry job withdraws. */
    boolean offerExpired(LocalDateTime now) {
        return status == EnrollmentStatus.OFFERED && offerExpiresAt != null && !now.isBefore(offerExpiresAt);
    }

    /** Confirmed, or offered: a seat is counted for it either way, and freed when it leaves. */
    boolean holdsSeat() {
        return status == EnrollmentStatus.CONFIRMED || status == EnrollmentStatus.OFFERED;
    }

    /** The weekday and slot of its offering, which a child may hold only once in a term (CONTENT-2, COURSE-3). */
    static String slotKey(DayOfWeek weekday, Slot slot) {
        return weekday.name() + "/" + slot.name();
    }

    private Enrollment with(EnrollmentStatus next) {
        return new Enrollment(
                id, countyId, schoolId, termId, offeringId, childId, weekday, slot, next, waitlistTicket, null);
    }
}
