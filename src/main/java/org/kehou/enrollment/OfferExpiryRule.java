package org.kehou.enrollment;

import java.time.LocalDateTime;
import org.jspecify.annotations.Nullable;
import org.kehou.platform.RuleViolation;

/**
 * ENROL-2: a school that offers freed seats instead of giving them at once gives the guardian between
 * {@value #MIN_HOURS} and {@value #MAX_HOURS} hours to answer, and an offer can be accepted only before it expires.
 */
final class OfferExpiryRule {

    static final int MIN_HOURS = 1;
    static final int MAX_HOURS = 72;

    private OfferExpiryRule() {}

    /** The hours a window's offers last: none under automatic promotion, 1..72 under offers. */
    static void check(Promotion promotion, @Nullable Integer hours) {
        if (promotion == Promotion.AUTOMATIC) {
            if (hours != null) {
                throw new RuleViolation("window.offerHoursAutomatic");
            }
            return;
        }
        if (hours == null || hours < MIN_HOURS || hours > MAX_HOURS) {
            throw new RuleViolation("window.offerHours", MIN_HOURS, MAX_HOURS);
        }
    }

    /** Whether an offer expiring at {@code expiresAt} may still be accepted at {@code now}. */
    static void checkOpen(@Nullable LocalDateTime expiresAt, LocalDateTime now) {
        if (expiresAt == null || !now.isBefore(expiresAt)) {
            throw new RuleViolation("enrollment.offerExpired");
        }
    }
}
