package org.kehou.organization;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** ORG-1: the stage of a school fixes its grades; compulsory education is grades 1–9. */
class StageTests {

    @Test
    void primarySchoolHasGradesOneToSix() {
        assertThat(Stage.PRIMARY.grades()).containsExactly(1, 2, 3, 4, 5, 6);
    }

    @Test
    void juniorMiddleSchoolHasGradesSevenToNine() {
        assertThat(Stage.JUNIOR_MIDDLE.grades()).containsExactly(7, 8, 9);
    }

    @Test
    void nineYearSchoolHasGradesOneToNine() {
        assertThat(Stage.NINE_YEAR.grades()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
    }

    @Test
    void hasGradeMatchesItsGrades() {
        for (Stage stage : Stage.values()) {
            for (int grade = -1; grade <= 12; grade++) {
                assertThat(stage.hasGrade(grade))
                        .as("%s grade %d", stage, grade)
                        .isEqualTo(stage.grades().contains(grade));
            }
        }
    }

    @Test
    void primarySchoolHasNoSeventhGrade() {
        assertThat(Stage.PRIMARY.hasGrade(7)).isFalse();
        assertThat(Stage.JUNIOR_MIDDLE.hasGrade(6)).isFalse();
        assertThat(Stage.NINE_YEAR.hasGrade(10)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {7, 8, 9})
    void gradesSevenToNineAreJuniorMiddle(int grade) {
        assertThat(Stage.isJuniorMiddleGrade(grade)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 6, 10})
    void otherGradesAreNotJuniorMiddle(int grade) {
        assertThat(Stage.isJuniorMiddleGrade(grade)).isFalse();
    }
}
