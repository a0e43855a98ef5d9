package org.kehou.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kehou.enrollment.OfferingFitRuleTests.assertRefused;

import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.kehou.organization.TermKind;
import org.kehou.platform.RuleViolation;

/**
 * ENROL-2: registration is accepted only while a governing window is open, by the injected clock: from the opening
 * minute, not from the closing one; a school's own windows replace its county's; windows are planned sensibly.
 */
class RegistrationWindowRuleTests {

    static final UUID COUNTY = UUID.fromString("00000000-0000-7000-8000-00000000c001");
    static final UUID SCHOOL = UUID.fromString("00000000-0000-7000-8000-00000000a001");
    static final LocalDateTime EIGHT = LocalDateTime.of(2026, 9, 1, 8, 0);
    static final LocalDateTime NOON = LocalDateTime.of(2026, 9, 1, 12, 0);
    static final LocalDateTime BEFORE = LocalDateTime.of(2026, 8, 1, 0, 0);

    @Test
    void refusesWhenTheTermHasNoWindow() {
        assertRefused(() -> RegistrationWindowRule.openAt(List.of(), NOON), "window.none");
    }

    @Test
    void acceptsNothingBeforeTheOpeningMinuteAndNamesIt() {
        var window = window(null, EIGHT, NOON);
        assertThatThrownBy(() -> RegistrationWindowRule.openAt(List.of(window), EIGHT.minusNanos(1)))
                .isInstanceOfSatisfying(RuleViolation.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("window.notYetOpen");
                    assertThat(e.arguments()).containsExactly("2026-09-01 08:00");
                });
    }

    @Test
    void acceptsFromTheOpeningMinuteUntilJustBeforeTheClosingMinute() {
        var window = window(null, EIGHT, NOON);
        assertThat(RegistrationWindowRule.openAt(List.of(window), EIGHT)).isSameAs(window);
        assertThat(RegistrationWindowRule.openAt(List.of(window), NOON.minusNanos(1)))
                .isSameAs(window);
        assertThatThrownBy(() -> RegistrationWindowRule.openAt(List.of(window), NOON))
                .isInstanceOfSatisfying(RuleViolation.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("window.closed");
                    assertThat(e.arguments()).containsExactly("2026-09-01 12:00");
                });
    }

    @Test
    void namesTheNextOpeningBetweenTwoRounds() {
        var first = window(null, EIGHT, NOON);
        var second = window(null, EIGHT.plusDays(1), NOON.plusDays(1));
        assertThatThrownBy(() -> RegistrationWindowRule.openAt(List.of(second, first), NOON.plusHours(1)))
                .isInstanceOfSatisfying(
                        RuleViolation.class, e -> assertThat(e.arguments()).containsExactly("2026-09-02 08:00"));
    }

    @Test
    void aSchoolsOwnWindowsReplaceItsCountys() {
        var county = window(null, EIGHT, NOON);
        var school = window(SCHOOL, EIGHT.plusDays(1), NOON.plusDays(1));
        assertThat(RegistrationWindowRule.governing(List.of(county, school))).containsExactly(school);
        assertRefused(
                () -> RegistrationWindowRule.openAt(List.of(county, school), NOON.minusHours(1)), "window.notYetOpen");
        assertThat(RegistrationWindowRule.governing(List.of(county))).containsExactly(county);
    }

    @Test
    void aWindowClosesAfterItOpensIsNotOverAndGivesSeatsFirstCome() {
        assertRefused(() -> plan(NOON, EIGHT, Allocation.FIRST_COME, 10), "window.closesBeforeOpening");
        assertRefused(() -> plan(EIGHT, EIGHT, Allocation.FIRST_COME, 10), "window.closesBeforeOpening");
        assertRefused(
                () -> RegistrationWindow.plan(
                        UUID.randomUUID(),
                        COUNTY,
                        null,
                        2026,
                        TermKind.AUTUMN,
                        EIGHT,
                        NOON,
                        Allocation.FIRST_COME,
                        10,
                        "admin",
                        NOON),
                "window.inThePast");
        assertThat(plan(EIGHT, NOON, Allocation.LOTTERY, 10).allocation()).isEqualTo(Allocation.LOTTERY);
        assertRefused(() -> plan(EIGHT, NOON, Allocation.FIRST_COME, -1), "window.waitlistLimit");
        assertRefused(() -> plan(EIGHT, NOON, Allocation.FIRST_COME, 1001), "window.waitlistLimit");
        assertThat(plan(EIGHT, NOON, Allocation.FIRST_COME, 0).promotion()).isEqualTo(Promotion.AUTOMATIC);
    }

    @Test
    void aWindowOffersFreedSeatsOnlyForOneToSeventyTwoHours() {
        assertThat(offering(Promotion.OFFER, 24).promotion()).isEqualTo(Promotion.OFFER);
        assertThat(offering(Promotion.OFFER, 24).offerHours()).isEqualTo(24);
        assertThat(offering(Promotion.AUTOMATIC, null).offerHours()).isNull();
        assertRefused(() -> offering(Promotion.OFFER, 0), "window.offerHours");
        assertRefused(() -> offering(Promotion.OFFER, 73), "window.offerHours");
        assertRefused(() -> offering(Promotion.OFFER, null), "window.offerHours");
        assertRefused(() -> offering(Promotion.AUTOMATIC, 12), "window.offerHoursAutomatic");
    }

    static RegistrationWindow offering(Promotion promotion, @Nullable Integer hours) {
        return RegistrationWindow.plan(
                UUID.randomUUID(),
                COUNTY,
                SCHOOL,
                2026,
                TermKind.AUTUMN,
                EIGHT,
                NOON,
                Allocation.FIRST_COME,
                10,
                promotion,
                hours,
                "admin",
                BEFORE);
    }

    @Test
    void windowsOfTheSameSchoolAndTermOverlapOnlyWhenTheirTimesDo() {
        var morning = window(SCHOOL, EIGHT, NOON);
        assertThat(morning.overlaps(window(SCHOOL, NOON.minusMinutes(1), NOON.plusHours(1))))
                .isTrue();
        assertThat(morning.overlaps(window(SCHOOL, NOON, NOON.plusHours(1)))).isFalse();
        assertThat(morning.overlaps(window(null, EIGHT, NOON))).isFalse();
        assertThat(morning.overlaps(window(UUID.randomUUID(), EIGHT, NOON))).isFalse();
    }

    static RegistrationWindow window(@Nullable UUID school, LocalDateTime opens, LocalDateTime closes) {
        return RegistrationWindow.plan(
                UUID.randomUUID(),
                COUNTY,
                school,
                2026,
                TermKind.AUTUMN,
                opens,
                closes,
                Allocation.FIRST_COME,
                10,
                "admin",
                BEFORE);
    }

    static RegistrationWindow plan(LocalDateTime opens, LocalDateTime closes, Allocation allocation, int limit) {
        return RegistrationWindow.plan(
                UUID.randomUUID(),
                COUNTY,
                SCHOOL,
                2026,
                TermKind.AUTUMN,
                opens,
                closes,
                allocation,
                limit,
                "admin",
                BEFORE);
    }
}
