package org.kehou.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.kehou.enrollment.OfferingFitRuleTests.assertRefused;

import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * ENROL-2: the rules of registration lotteries, each with a case it lets through and one it refuses: a window gives
 * its seats one way only, an application ranks one to three different offerings, the draw runs once after closing
 * with the committed seed, and priority groups are 1 to 3 with a reason.
 */
class LotteryRulesTests {

    static final LocalDateTime CLOSES = LocalDateTime.of(2026, 9, 1, 10, 0);
    static final UUID A = UUID.fromString("00000000-0000-7000-8000-000000000001");
    static final UUID B = UUID.fromString("00000000-0000-7000-8000-000000000002");
    static final UUID C = UUID.fromString("00000000-0000-7000-8000-000000000003");
    static final UUID D = UUID.fromString("00000000-0000-7000-8000-000000000004");

    @Test
    void aWindowGivesItsSeatsOneWayOnly() {
        assertThatCode(() -> AllocationRule.check(Allocation.LOTTERY, Allocation.LOTTERY))
                .doesNotThrowAnyException();
        assertThatCode(() -> AllocationRule.check(Allocation.FIRST_COME, Allocation.FIRST_COME))
                .doesNotThrowAnyException();
        assertRefused(
                () -> AllocationRule.check(Allocation.LOTTERY, Allocation.FIRST_COME), "enrollment.lotteryWindow");
        assertRefused(() -> AllocationRule.check(Allocation.FIRST_COME, Allocation.LOTTERY), "lottery.firstComeWindow");
    }

    @Test
    void anApplicationRanksOneToThreeDifferentOfferings() {
        assertThatCode(() -> LotteryChoicesRule.check(List.of(A))).doesNotThrowAnyException();
        assertThatCode(() -> LotteryChoicesRule.check(List.of(A, B, C))).doesNotThrowAnyException();
        assertRefused(() -> LotteryChoicesRule.check(List.of()), "lottery.choiceRequired");
        assertRefused(() -> LotteryChoicesRule.check(List.of(A, B, C, D)), "lottery.tooManyChoices");
        assertRefused(() -> LotteryChoicesRule.check(List.of(A, B, A)), "lottery.choiceTwice");
    }

    @Test
    void theDrawRunsOnceAndOnlyAfterClosing() {
        assertThatCode(() -> LotteryDrawRule.checkDraw(CLOSES, false, CLOSES)).doesNotThrowAnyException();
        assertRefused(() -> LotteryDrawRule.checkDraw(CLOSES, false, CLOSES.minusMinutes(1)), "lottery.notClosed");
        assertRefused(() -> LotteryDrawRule.checkDraw(CLOSES, true, CLOSES.plusDays(1)), "lottery.drawnAlready");
        assertThatCode(() -> LotteryDrawRule.checkNotDrawn(false)).doesNotThrowAnyException();
        assertRefused(() -> LotteryDrawRule.checkNotDrawn(true), "lottery.drawnAlready");
    }

    @Test
    void theDrawUsesOnlyTheCommittedSeed() {
        String commitment = LotterySeedRule.commitment("4f1c");
        assertThat(commitment).hasSize(64).isEqualTo(LotterySeedRule.commitment("4f1c"));
        assertThatCode(() -> LotterySeedRule.check("4f1c", commitment)).doesNotThrowAnyException();
        assertRefused(() -> LotterySeedRule.check("4f1d", commitment), "lottery.seedMismatch");
    }

    @Test
    void priorityGroupsAreOneToThreeWithAShortReason() {
        assertThatCode(() -> PriorityGroupRule.check(1, "教职工子女")).doesNotThrowAnyException();
        assertThatCode(() -> PriorityGroupRule.check(3, "x".repeat(60))).doesNotThrowAnyException();
        assertRefused(() -> PriorityGroupRule.check(0, "教职工子女"), "lottery.priorityGroup");
        assertRefused(() -> PriorityGroupRule.check(4, "教职工子女"), "lottery.priorityGroup");
        assertRefused(() -> PriorityGroupRule.check(2, " "), "lottery.priorityReason");
        assertRefused(() -> PriorityGroupRule.check(2, "x".repeat(61)), "lottery.priorityReasonLong");
    }
}
