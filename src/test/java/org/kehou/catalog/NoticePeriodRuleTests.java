package org.kehou.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kehou.catalog.VerdictAssertions.assertAllowed;
import static org.kehou.catalog.VerdictAssertions.assertRefused;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** ENROL-5: a fee-bearing offering opens only after its notice has been public for the county's days. */
class NoticePeriodRuleTests {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final LocalDate PUBLISHED = LocalDate.of(2025, 9, 1);

    @Test
    void refusesOpeningBeforeTheNoticeHasBeenPublicFiveDays() {
        Verdict verdict = assertRefused(
                onDay(LocalDate.of(2025, 9, 5)).check(true, PUBLISHED, NoticePeriodRule.DEFAULT_DAYS),
                "notice.periodNotOver");

        assertThat(verdict.arguments()).containsExactly(5, LocalDate.of(2025, 9, 6));
    }

    @Test
    void opensOnceTheNoticeHasBeenPublicFiveDays() {
        assertAllowed(onDay(LocalDate.of(2025, 9, 6)).check(true, PUBLISHED, NoticePeriodRule.DEFAULT_DAYS));
    }

    @Test
    void followsTheCountysOwnNumberOfDays() {
        assertRefused(onDay(LocalDate.of(2025, 9, 6)).check(true, PUBLISHED, 7), "notice.periodNotOver");
        assertAllowed(onDay(LocalDate.of(2025, 9, 8)).check(true, PUBLISHED, 7));
    }

    @Test
    void refusesAFeeBearingOfferingWithoutANotice() {
        assertRefused(onDay(LocalDate.of(2025, 9, 30)).check(true, null, 5), "fee.noticeRequired");
    }

    @Test
    void letsAFreeOfferingOpenAtOnce() {
        assertAllowed(onDay(PUBLISHED).check(false, null, 5));
    }

    private static NoticePeriodRule onDay(LocalDate day) {
        return new NoticePeriodRule(
                Clock.fixed(day.atTime(8, 0).atZone(SHANGHAI).toInstant(), SHANGHAI));
    }
}
