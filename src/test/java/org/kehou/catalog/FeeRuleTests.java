package org.kehou.catalog;

import static org.kehou.catalog.VerdictAssertions.assertAllowed;
import static org.kehou.catalog.VerdictAssertions.assertRefused;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** COURSE-2, ENROL-5: a fee only on an institution offering, which then needs a fee notice. */
class FeeRuleTests {

    static final BigDecimal FEE = new BigDecimal("600.00");

    @Test
    void allowsAFeeOnAnInstitutionOffering() {
        assertAllowed(FeeRule.checkFee(ProviderKind.INSTITUTION, FEE));
    }

    @Test
    void refusesAFeeOnASchoolRunOffering() {
        assertRefused(FeeRule.checkFee(ProviderKind.STAFF, FEE), "fee.onlyInstitution");
    }

    @Test
    void refusesAFeeOnATalentPoolOffering() {
        assertRefused(FeeRule.checkFee(ProviderKind.TALENT, FEE), "fee.onlyInstitution");
    }

    @Test
    void allowsAFreeSchoolRunOffering() {
        assertAllowed(FeeRule.checkFee(ProviderKind.STAFF, null));
        assertAllowed(FeeRule.checkFee(ProviderKind.STAFF, BigDecimal.ZERO));
    }

    @Test
    void refusesANegativeFee() {
        assertRefused(FeeRule.checkFee(ProviderKind.INSTITUTION, new BigDecimal("-1")), "fee.negative");
    }

    @Test
    void requiresANoticeForAFeeBearingOffering() {
        assertRefused(FeeRule.checkNotice(true, false), "fee.noticeRequired");
        assertAllowed(FeeRule.checkNotice(true, true));
        assertAllowed(FeeRule.checkNotice(false, false));
    }

    @Test
    void allowsANoticeOnlyForAFeeBearingInstitutionOffering() {
        assertAllowed(FeeRule.checkNoticeAllowed(ProviderKind.INSTITUTION, true));
        assertRefused(FeeRule.checkNoticeAllowed(ProviderKind.INSTITUTION, false), "fee.noticeWithoutFee");
        assertRefused(FeeRule.checkNoticeAllowed(ProviderKind.STAFF, true), "fee.noticeWithoutFee");
    }
}
