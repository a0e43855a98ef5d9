package org.kehou.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.kehou.platform.RuleViolation;

/** ORG-2: a school year runs September to August; autumn term Sept–Jan, spring term Feb–Jul. */
class TermDatesRuleTests {

    @Test
    void acceptsAutumnTermFromSeptemberToJanuary() {
        assertThatNoException()
                .isThrownBy(() -> TermDatesRule.check(
                        2025, TermKind.AUTUMN, LocalDate.of(2025, 9, 1), LocalDate.of(2026, 1, 31)));
    }

    @Test
    void acceptsSpringTermFromFebruaryToJuly() {
        assertThatNoException()
                .isThrownBy(() -> TermDatesRule.check(
                        2025, TermKind.SPRING, LocalDate.of(2026, 2, 1), LocalDate.of(2026, 7, 31)));
    }

    @Test
    void refusesTermEndingBeforeItStarts() {
        assertRefused(
                2025, TermKind.AUTUMN, LocalDate.of(2025, 12, 1), LocalDate.of(2025, 11, 30), "term.endsBeforeStart");
    }

    @Test
    void refusesAutumnTermStartingInTheSummer() {
        RuleViolation refusal = assertRefused(
                2025, TermKind.AUTUMN, LocalDate.of(2025, 7, 1), LocalDate.of(2026, 1, 16), "term.outsideSchoolYear");

        assertThat(refusal.arguments()).containsExactly(2025, 2026);
    }

    @Test
    void refusesAutumnTermRunningIntoMarch() {
        assertRefused(
                2025, TermKind.AUTUMN, LocalDate.of(2025, 9, 1), LocalDate.of(2026, 3, 2), "term.outsideSchoolYear");
    }

    @Test
    void refusesSpringTermStartingInDecember() {
        assertRefused(
                2025, TermKind.SPRING, LocalDate.of(2025, 12, 1), LocalDate.of(2026, 7, 10), "term.outsideSchoolYear");
    }

    @Test
    void refusesSpringTermRunningIntoSeptember() {
        assertRefused(
                2025, TermKind.SPRING, LocalDate.of(2026, 2, 23), LocalDate.of(2026, 9, 4), "term.outsideSchoolYear");
    }

    @Test
    void refusesTermOfAnotherSchoolYear() {
        assertRefused(
                2025, TermKind.AUTUMN, LocalDate.of(2026, 9, 1), LocalDate.of(2027, 1, 15), "term.outsideSchoolYear");
        assertRefused(
                2025, TermKind.SPRING, LocalDate.of(2025, 2, 17), LocalDate.of(2025, 7, 4), "term.outsideSchoolYear");
    }

    @Test
    void planningATermChecksItsDates() {
        assertThatExceptionOfType(RuleViolation.class)
                .isThrownBy(
                        () -> TermFixtures.term(TermKind.SPRING, LocalDate.of(2026, 7, 1), LocalDate.of(2026, 2, 1)))
                .extracting(RuleViolation::messageKey)
                .isEqualTo("term.endsBeforeStart");
        assertThatExceptionOfType(RuleViolation.class)
                .isThrownBy(
                        () -> TermFixtures.term(TermKind.AUTUMN, LocalDate.of(2026, 2, 23), LocalDate.of(2026, 7, 9)))
                .extracting(RuleViolation::messageKey)
                .isEqualTo("term.outsideSchoolYear");
    }

    @Test
    void septemberStartsANewSchoolYear() {
        assertThat(TermDatesRule.schoolYearOf(LocalDate.of(2025, 9, 1))).isEqualTo(2025);
        assertThat(TermDatesRule.schoolYearOf(LocalDate.of(2025, 12, 31))).isEqualTo(2025);
    }

    @Test
    void augustBelongsToTheSchoolYearThatBeganTheSeptemberBefore() {
        assertThat(TermDatesRule.schoolYearOf(LocalDate.of(2026, 8, 31))).isEqualTo(2025);
    }

    @Test
    void januaryBelongsToTheSchoolYearThatBeganTheSeptemberBefore() {
        assertThat(TermDatesRule.schoolYearOf(LocalDate.of(2026, 1, 1))).isEqualTo(2025);
        assertThat(TermDatesRule.schoolYearOf(LocalDate.of(2026, 1, 16))).isEqualTo(2025);
    }

    private static RuleViolation assertRefused(
            int schoolYear, TermKind kind, LocalDate startsOn, LocalDate endsOn, String messageKey) {
        RuleViolation refusal = org.assertj.core.api.Assertions.catchThrowableOfType(
                RuleViolation.class, () -> TermDatesRule.check(schoolYear, kind, startsOn, endsOn));
        assertThat(refusal)
                .as("%s %s %s–%s", schoolYear, kind, startsOn, endsOn)
                .isNotNull();
        assertThat(refusal.messageKey()).isEqualTo(messageKey);
        return refusal;
    }
}
