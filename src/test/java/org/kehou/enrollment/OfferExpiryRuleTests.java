package org.kehou.enrollment;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.kehou.enrollment.OfferingFitRuleTests.assertRefused;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** A freed seat is offered for 1 to 72 hours and can be accepted only before the offer expires (ENROL-2). */
class OfferExpiryRuleTests {

    static final LocalDateTime NOON = LocalDateTime.of(2026, 9, 1, 12, 0);

    @Test
    void anOfferLastsBetweenOneAndSeventyTwoHours() {
        assertThatCode(() -> OfferExpiryRule.check(Promotion.OFFER, 1)).doesNotThrowAnyException();
        assertThatCode(() -> OfferExpiryRule.check(Promotion.OFFER, 72)).doesNotThrowAnyException();
        assertRefused(() -> OfferExpiryRule.check(Promotion.OFFER, 0), "window.offerHours");
        assertRefused(() -> OfferExpiryRule.check(Promotion.OFFER, 73), "window.offerHours");
        assertRefused(() -> OfferExpiryRule.check(Promotion.OFFER, -5), "window.offerHours");
        assertRefused(() -> OfferExpiryRule.check(Promotion.OFFER, null), "window.offerHours");
    }

    @Test
    void automaticPromotionTakesNoOfferHours() {
        assertThatCode(() -> OfferExpiryRule.check(Promotion.AUTOMATIC, null)).doesNotThrowAnyException();
        assertRefused(() -> OfferExpiryRule.check(Promotion.AUTOMATIC, 24), "window.offerHoursAutomatic");
    }

    @Test
    void anOfferIsOpenUntilTheMinuteItExpires() {
        assertThatCode(() -> OfferExpiryRule.checkOpen(NOON, NOON.minusSeconds(1)))
                .doesNotThrowAnyException();
        assertRefused(() -> OfferExpiryRule.checkOpen(NOON, NOON), "enrollment.offerExpired");
        assertRefused(() -> OfferExpiryRule.checkOpen(NOON, NOON.plusHours(1)), "enrollment.offerExpired");
        assertRefused(() -> OfferExpiryRule.checkOpen(null, NOON), "enrollment.offerExpired");
    }
}
