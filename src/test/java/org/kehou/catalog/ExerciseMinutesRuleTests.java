package org.kehou.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kehou.catalog.VerdictAssertions.assertAllowed;
import static org.kehou.catalog.VerdictAssertions.assertRefused;

import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** CONTENT-3: each slot has the minimum exercise; a county may raise the city minimum, never lower it. */
class ExerciseMinutesRuleTests {

    static final UUID COUNTY = UUID.fromString("00000000-0000-7000-8000-00000000000a");
    static final UUID SCHOOL = UUID.fromString("00000000-0000-7000-8000-000000000051");

    @Test
    void allowsAPlanWithEnoughExerciseInEverySlot() {
        assertAllowed(ExerciseMinutesRule.checkPlan(List.of(slotOne(20), slotTwo(30)), 20));
    }

    @Test
    void refusesAPlanWhoseSecondSlotLacksExercise() {
        Verdict verdict = assertRefused(
                ExerciseMinutesRule.checkPlan(List.of(slotOne(20), slotTwo(10)), 20), "exercise.slotBelowMinimum");

        assertThat(verdict.arguments()).containsExactly(2, 10, 20);
    }

    @Test
    void refusesAPlanWithoutExerciseInSlotOne() {
        assertRefused(ExerciseMinutesRule.checkPlan(List.of(slotOne(0), slotTwo(40)), 20), "exercise.slotBelowMinimum");
    }

    @Test
    void needsNoExerciseInEveningSelfStudy() {
        PlanSlot evening =
                new PlanSlot(COUNTY, SCHOOL, Slot.EVENING, LocalTime.of(19, 0), LocalTime.of(20, 30), "晚自习", 0);

        assertAllowed(ExerciseMinutesRule.checkPlan(List.of(slotOne(20), slotTwo(20), evening), 20));
    }

    @Test
    void letsACountyRaiseTheCityMinimum() {
        assertAllowed(ExerciseMinutesRule.checkCountyMinimum(20, 30));
        assertThat(ExerciseMinutesRule.effectiveMinimum(20, 30)).isEqualTo(30);
    }

    @Test
    void refusesACountyMinimumBelowTheCity() {
        Verdict verdict = assertRefused(ExerciseMinutesRule.checkCountyMinimum(20, 15), "exercise.belowCityMinimum");

        assertThat(verdict.arguments()).containsExactly(20);
    }

    @Test
    void appliesTheCityMinimumWhenTheCityRaisesItAboveACounty() {
        assertThat(ExerciseMinutesRule.effectiveMinimum(30, 25)).isEqualTo(30);
        assertThat(ExerciseMinutesRule.effectiveMinimum(30, null)).isEqualTo(30);
    }

    static PlanSlot slotOne(int exercise) {
        return new PlanSlot(
                COUNTY, SCHOOL, Slot.SLOT_1, LocalTime.of(15, 30), LocalTime.of(16, 30), "自主作业、答疑", exercise);
    }

    static PlanSlot slotTwo(int exercise) {
        return new PlanSlot(
                COUNTY, SCHOOL, Slot.SLOT_2, LocalTime.of(16, 40), LocalTime.of(17, 40), "社团、体育活动", exercise);
    }
}
