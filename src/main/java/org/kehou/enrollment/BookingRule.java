package org.kehou.enrollment;

import java.time.LocalDate;
import java.util.UUID;
import org.kehou.platform.RuleViolation;

/**
 * SCOPE-3: a guardian books their child onto an opening of the child's own school, for a day still to come, within
 * its capacity, once; a booking is cancelled up to the day before the opening, so the school knows who comes.
 */
final class BookingRule {

    private BookingRule() {}

    static void check(UUID openingSchool, UUID childSchool, LocalDate onDate, LocalDate today) {
        if (!openingSchool.equals(childSchool)) {
            throw new RuleViolation("booking.otherSchool");
        }
        if (!onDate.isAfter(today)) {
            throw new RuleViolation("booking.tooLate");
        }
    }

    /** The child has no active booking of the opening yet. */
    static void checkNotBooked(boolean alreadyBooked) {
        if (alreadyBooked) {
            throw new RuleViolation("booking.alreadyBooked");
        }
    }

    /** The conditional update of the opening's places took one (one row changed); otherwise it is full. */
    static void checkPlace(int claimed) {
        if (claimed != 1) {
            throw new RuleViolation("booking.full");
        }
    }

    static void checkCancellable(LocalDate onDate, LocalDate today) {
        if (!onDate.isAfter(today)) {
            throw new RuleViolation("booking.cancelTooLate");
        }
    }
}
