package org.kehou.catalog;

import java.time.Clock;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * ENROL-5: a fee-bearing offering opens for registration only after its content and fee standard have been public
 * (公示) for the county's number of days, five unless the county sets its own. A notice published on day D has been
 * public N days on day D + N.
 */
final class NoticePeriodRule {

    static final int DEFAULT_DAYS = 5;

    private final Clock clock;

    NoticePeriodRule(Clock clock) {
        this.clock = clock;
    }

    /** The first day the offering may open, or null while it has no notice. */
    static @Nullable LocalDate opensOn(@Nullable LocalDate publishedOn, int days) {
        return publishedOn == null ? null : publishedOn.plusDays(days);
    }

    Verdict check(boolean bearsFee, @Nullable LocalDate publishedOn, int days) {
        if (!bearsFee) {
            return Verdict.allowed();
        }
        LocalDate opens = opensOn(publishedOn, days);
        if (opens == null) {
            return Verdict.refused("fee.noticeRequired");
        }
        if (LocalDate.now(clock).isBefore(opens)) {
            return Verdict.refused("notice.periodNotOver", days, opens);
        }
        return Verdict.allowed();
    }
}
