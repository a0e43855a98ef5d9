package org.kehou.catalog;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * COURSE-2, ENROL-5: a fee (代收费) is allowed only on an offering provided by a training institution; a school-run or
 * talent-pool offering is free. A fee-bearing offering needs a published fee notice, and only such an offering has
 * one.
 */
final class FeeRule {

    private FeeRule() {}

    static Verdict checkFee(ProviderKind provider, @Nullable BigDecimal fee) {
        if (fee != null && fee.signum() < 0) {
            return Verdict.refused("fee.negative");
        }
        if (fee != null && fee.signum() > 0 && provider != ProviderKind.INSTITUTION) {
            return Verdict.refused("fee.onlyInstitution");
        }
        return Verdict.allowed();
    }

    /** A fee-bearing offering has its notice before it is published. */
    static Verdict checkNotice(boolean bearsFee, boolean hasNotice) {
        return bearsFee && !hasNotice ? Verdict.refused("fee.noticeRequired") : Verdict.allowed();
    }

    /** A notice is published only for a fee-bearing institution offering. */
    static Verdict checkNoticeAllowed(ProviderKind provider, boolean bearsFee) {
        return provider == ProviderKind.INSTITUTION && bearsFee
                ? Verdict.allowed()
                : Verdict.refused("fee.noticeWithoutFee");
    }
}
