package org.kehou.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kehou.catalog.VerdictAssertions.assertAllowed;
import static org.kehou.catalog.VerdictAssertions.assertRefused;

import org.junit.jupiter.api.Test;
import org.kehou.organization.Stage;

/** CONTENT-7: services for the school's own grades; evening self-study only for junior-middle grades. */
class ServiceGradesRuleTests {

    @Test
    void allowsEveningSelfStudyForGradesSevenToNine() {
        assertAllowed(ServiceGradesRule.check(ServiceKind.EVENING, true, Stage.JUNIOR_MIDDLE, 7, 9));
        assertAllowed(ServiceGradesRule.check(ServiceKind.EVENING, true, Stage.NINE_YEAR, 7, 9));
    }

    @Test
    void refusesEveningSelfStudyAtAPrimarySchool() {
        assertRefused(
                ServiceGradesRule.check(ServiceKind.EVENING, true, Stage.PRIMARY, 1, 6),
                "service.eveningInPrimarySchool");
    }

    @Test
    void refusesEveningSelfStudyForPrimaryGradesOfANineYearSchool() {
        Verdict verdict = assertRefused(
                ServiceGradesRule.check(ServiceKind.EVENING, true, Stage.NINE_YEAR, 6, 9), "evening.juniorMiddleOnly");
        assertThat(verdict.arguments()).containsExactly(6);
    }

    @Test
    void letsAPrimarySchoolSayItRunsNoEveningSelfStudy() {
        assertAllowed(ServiceGradesRule.check(ServiceKind.EVENING, false, Stage.PRIMARY, 1, 6));
    }

    @Test
    void allowsTheAfternoonSlotsAndCareForAllGrades() {
        assertAllowed(ServiceGradesRule.check(ServiceKind.SLOT_1, true, Stage.NINE_YEAR, 1, 9));
        assertAllowed(ServiceGradesRule.check(ServiceKind.EXTENDED_CARE, true, Stage.PRIMARY, 1, 6));
    }

    @Test
    void refusesGradesTheSchoolDoesNotHaveAndAReversedBand() {
        Verdict verdict = assertRefused(
                ServiceGradesRule.check(ServiceKind.EARLY_ARRIVAL, true, Stage.PRIMARY, 5, 7),
                "schedule.gradeNotInSchool");
        assertThat(verdict.arguments()).containsExactly(7);
        assertRefused(ServiceGradesRule.check(ServiceKind.SLOT_2, true, Stage.PRIMARY, 4, 2), "plan.gradeBandReversed");
    }
}
