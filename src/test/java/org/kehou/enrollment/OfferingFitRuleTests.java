package org.kehou.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.kehou.catalog.OfferingState;
import org.kehou.platform.RuleViolation;

/** A child is registered only for a published offering of their own school and grade. */
class OfferingFitRuleTests {

    static final UUID SCHOOL = UUID.fromString("00000000-0000-7000-8000-00000000a001");
    static final UUID OTHER_SCHOOL = UUID.fromString("00000000-0000-7000-8000-00000000a002");

    @Test
    void acceptsAPublishedOfferingOfTheChildsSchoolAndGrade() {
        assertThatCode(() -> OfferingFitRule.check(OfferingState.PUBLISHED, SCHOOL, Set.of(3, 4), SCHOOL, 4))
                .doesNotThrowAnyException();
    }

    @ParameterizedTest
    @EnumSource(
            value = OfferingState.class,
            names = {"CLOSED", "CANCELLED", "DRAFT"})
    void refusesAnOfferingThatIsNotPublished(OfferingState state) {
        assertRefused(() -> OfferingFitRule.check(state, SCHOOL, Set.of(3), SCHOOL, 3), "enrollment.offeringNotOpen");
    }

    @Test
    void refusesAnotherSchoolsOffering() {
        assertRefused(
                () -> OfferingFitRule.check(OfferingState.PUBLISHED, OTHER_SCHOOL, Set.of(3), SCHOOL, 3),
                "enrollment.otherSchool");
    }

    @Test
    void refusesAGradeTheOfferingIsNotForNamingItsGrades() {
        assertThatThrownBy(() -> OfferingFitRule.check(OfferingState.PUBLISHED, SCHOOL, Set.of(5, 3), SCHOOL, 4))
                .isInstanceOfSatisfying(RuleViolation.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("enrollment.gradeNotOffered");
                    assertThat(e.arguments()).containsExactly(4, "3, 5");
                });
    }

    static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String key) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        RuleViolation.class, e -> assertThat(e.messageKey()).isEqualTo(key));
    }
}
