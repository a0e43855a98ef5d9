package org.kehou.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kehou.platform.RuleViolation;

/**
 * CONTENT-3: a draft daily plan is revised with the same checks as when it was drafted; a published one is not
 * changed until it is withdrawn to draft; a plan copied into another term is a draft there; plans of the same weekday
 * clash when their grade bands share a grade.
 */
class SlotPlanTests {

    static final UUID COUNTY = UUID.fromString("00000000-0000-7000-8000-00000000000a");
    static final UUID SCHOOL = UUID.fromString("00000000-0000-7000-8000-000000000051");
    static final UUID AUTUMN = UUID.fromString("00000000-0000-7000-8000-0000000000e1");
    static final UUID SPRING = UUID.fromString("00000000-0000-7000-8000-0000000000e2");

    @Test
    void revisesTheSlotsOfADraft() {
        SlotPlan plan = monday(1, 3);

        plan.revise(
                List.of(slot(Slot.SLOT_1, 15, 50, 16, 40, "自主阅读", 25), slot(Slot.SLOT_2, 16, 50, 17, 50, "篮球", 40)));

        assertThat(plan.slots())
                .extracting(PlanSlot::startsAt, PlanSlot::activities, PlanSlot::exerciseMinutes)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(LocalTime.of(15, 50), "自主阅读", 25),
                        org.assertj.core.groups.Tuple.tuple(LocalTime.of(16, 50), "篮球", 40));
    }

    @Test
    void refusesARevisionWhoseSlotsOverlapOrLackTime() {
        SlotPlan plan = monday(1, 3);

        assertRefused(
                () -> plan.revise(List.of(
                        slot(Slot.SLOT_1, 15, 30, 16, 50, "作业", 20), slot(Slot.SLOT_2, 16, 40, 17, 40, "社团", 20))),
                "plan.slotsOverlap");
        assertRefused(
                () -> plan.revise(List.of(slot(Slot.SLOT_1, 15, 30, 15, 50, "作业", 30))), "plan.exerciseLongerThanSlot");
        assertRefused(() -> plan.revise(List.of()), "plan.noSlots");
        assertThat(plan.slots()).extracting(PlanSlot::activities).containsExactly("作业", "社团");
    }

    @Test
    void refusesToReviseAPublishedPlanUntilItIsWithdrawn() {
        SlotPlan plan = monday(1, 3);
        plan.publish();

        assertRefused(
                () -> plan.revise(List.of(slot(Slot.SLOT_1, 15, 30, 16, 30, "改", 20))), "plan.publishedNotEditable");

        plan.withdraw();
        plan.revise(List.of(slot(Slot.SLOT_1, 15, 30, 16, 30, "改", 20)));
        assertThat(plan.state()).isEqualTo(SlotPlan.State.DRAFT);
        assertThat(plan.slots()).extracting(PlanSlot::activities).containsExactly("改");
    }

    @Test
    void withdrawsOnlyAPublishedPlan() {
        assertRefused(() -> monday(1, 3).withdraw(), "plan.notPublished");
    }

    @Test
    void aCopyIsADraftOfTheOtherTerm() {
        SlotPlan plan = monday(1, 3);
        plan.publish();

        SlotPlan copy = plan.copyTo(UUID.randomUUID(), SPRING);

        assertThat(copy.termId()).isEqualTo(SPRING);
        assertThat(copy.state()).isEqualTo(SlotPlan.State.DRAFT);
        assertThat(copy.slots()).isEqualTo(plan.slots());
        assertThat(copy.weekday()).isEqualTo(DayOfWeek.MONDAY);
    }

    @Test
    void plansOfOneWeekdayClashWhenTheirBandsShareAGrade() {
        assertThat(monday(1, 3).overlaps(monday(3, 6))).isTrue();
        assertThat(monday(1, 3).overlaps(monday(4, 6))).isFalse();
        SlotPlan tuesday = SlotPlan.draft(
                UUID.randomUUID(),
                COUNTY,
                SCHOOL,
                AUTUMN,
                DayOfWeek.TUESDAY,
                1,
                3,
                monday(1, 3).slots());
        assertThat(monday(1, 3).overlaps(tuesday)).isFalse();
    }

    private static SlotPlan monday(int first, int last) {
        return SlotPlan.draft(
                UUID.randomUUID(),
                COUNTY,
                SCHOOL,
                AUTUMN,
                DayOfWeek.MONDAY,
                first,
                last,
                List.of(slot(Slot.SLOT_1, 15, 30, 16, 30, "作业", 20), slot(Slot.SLOT_2, 16, 40, 17, 40, "社团", 20)));
    }

    private static PlanSlot slot(Slot slot, int h1, int m1, int h2, int m2, String activities, int exercise) {
        return new PlanSlot(COUNTY, SCHOOL, slot, LocalTime.of(h1, m1), LocalTime.of(h2, m2), activities, exercise);
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String key) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        RuleViolation.class, v -> assertThat(v.messageKey()).isEqualTo(key));
    }
}
