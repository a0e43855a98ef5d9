package org.kehou.enrollment;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kehou.platform.RuleViolation;

/**
 * ENROL-3: a school moves a child from one offering to another only with a reason the family is told, from an active
 * registration, to another offering of the same term, where the child does not hold the weekday and slot already
 * (CONTENT-2, COURSE-3) and a seat is free. The destination's fit to the child's grade and school is {@link
 * OfferingFitRule}'s.
 */
final class StaffMoveRule {

    static final int MAX_REASON = 200;

    private StaffMoveRule() {}

    /** The request itself: a reason, and a destination other than the source in the same term. */
    static void check(@Nullable String reason, UUID source, UUID sourceTerm, UUID destination, UUID destinationTerm) {
        String given = reason == null ? "" : reason.strip();
        if (given.isEmpty()) {
            throw new RuleViolation("move.reasonRequired");
        }
        if (given.length() > MAX_REASON) {
            throw new RuleViolation("move.reasonTooLong", MAX_REASON);
        }
        if (source.equals(destination)) {
            throw new RuleViolation("move.sameOffering");
        }
        if (!sourceTerm.equals(destinationTerm)) {
            throw new RuleViolation("move.otherTerm");
        }
    }

    /** The registration moved is confirmed or waiting, as it stands under the seat lock. */
    static void checkActive(EnrollmentStatus status) {
        if (status == EnrollmentStatus.WITHDRAWN) {
            throw new RuleViolation("move.notActive");
        }
    }

    /** The child holds no other active registration at the destination's weekday and slot, nor the destination. */
    static void checkSlotFree(long heldElsewhere) {
        if (heldElsewhere > 0) {
            throw new RuleViolation("move.slotTaken");
        }
    }

    /** The destination's conditional seat update took a seat (one row changed); otherwise it is full. */
    static void checkSeat(int claimed) {
        if (claimed != 1) {
            throw new RuleViolation("move.full");
        }
    }
}
