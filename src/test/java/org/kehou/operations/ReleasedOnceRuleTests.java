package org.kehou.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kehou.operations.VerdictAssertions.assertAllowed;
import static org.kehou.operations.VerdictAssertions.assertRefused;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kehou.operations.PickupManagement.ReleaseLine;
import org.springframework.context.MessageSourceResolvable;

class ReleasedOnceRuleTests {

    static final ReleaseLine LATEST = new ReleaseLine(
            UUID.randomUUID(),
            UUID.randomUUID(),
            LocalDate.of(2026, 12, 2),
            PickupService.SLOT_2,
            1,
            ReleaseTo.GUARDIAN,
            UUID.randomUUID(),
            "李俊",
            "relation.MOTHER",
            LocalDateTime.of(2026, 12, 2, 18, 5, 31),
            "梁老师",
            null,
            null);

    @Test
    void handsAChildOverOnceADay() {
        assertAllowed(ReleasedOnceRule.check(null, null, null, "小明"));
        assertRefused(ReleasedOnceRule.check(LATEST, null, null, "小明"), "pickup.release.already", "小明", "18:05", "李俊");
    }

    @Test
    void namesGoingAloneInTheUsersLanguage() {
        ReleaseLine alone = new ReleaseLine(
                LATEST.id(),
                LATEST.studentId(),
                LATEST.onDate(),
                LATEST.service(),
                1,
                ReleaseTo.ALONE,
                null,
                null,
                null,
                LATEST.releasedAt(),
                "梁老师",
                null,
                null);
        Verdict verdict = ReleasedOnceRule.check(alone, null, null, "小明");
        assertThat(verdict.arguments().get(2))
                .isInstanceOfSatisfying(
                        MessageSourceResolvable.class,
                        r -> assertThat(r.getCodes()).containsExactly("pickup.to.ALONE"));
    }

    @Test
    void correctsOnlyTheLatestEntryAndSaysWhy() {
        assertAllowed(ReleasedOnceRule.check(LATEST, LATEST.id(), "记错了接送人", "小明"));
        assertRefused(ReleasedOnceRule.check(LATEST, LATEST.id(), " ", "小明"), "pickup.correction.noteRequired");
        assertRefused(ReleasedOnceRule.check(LATEST, UUID.randomUUID(), "记错了", "小明"), "pickup.correction.stale", "小明");
        assertRefused(ReleasedOnceRule.check(null, LATEST.id(), "记错了", "小明"), "pickup.correction.nothing", "小明");
    }
}
