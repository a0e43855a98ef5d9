package org.kehou.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kehou.platform.RuleViolation;

class PickupFlagTests {

    static final LocalDateTime NOW = LocalDateTime.of(2026, 12, 2, 9, 0);

    @Test
    void isLiftedOnceAndOnlyWithAReason() {
        PickupFlag flag = flag();
        assertRefused(() -> flag.lift(" ", UUID.randomUUID(), "梁老师", NOW), "pickup.flag.liftReasonRequired");
        assertThat(flag.active()).isTrue();
        flag.lift("法院裁定已撤销", UUID.randomUUID(), "梁老师", NOW);
        assertThat(flag.active()).isFalse();
        assertThat(flag.liftReason()).isEqualTo("法院裁定已撤销");
        assertRefused(() -> flag.lift("再次", UUID.randomUUID(), "梁老师", NOW), "pickup.flag.alreadyLifted");
    }

    @Test
    void needsANameAndAReason() {
        assertRefused(
                () -> PickupFlag.raise(id(), id(), id(), id(), " ", null, "裁定", id(), "梁老师", NOW),
                "pickup.flag.nameRequired");
        assertRefused(
                () -> PickupFlag.raise(id(), id(), id(), id(), "张大伟", null, "", id(), "梁老师", NOW),
                "pickup.flag.reasonRequired");
    }

    private static PickupFlag flag() {
        return PickupFlag.raise(id(), id(), id(), id(), "张大伟", "1234", "抚养权裁定", id(), "梁老师", NOW);
    }

    private static UUID id() {
        return UUID.randomUUID();
    }

    private static void assertRefused(Runnable command, String key) {
        assertThatThrownBy(command::run)
                .isInstanceOfSatisfying(
                        RuleViolation.class, e -> assertThat(e.messageKey()).isEqualTo(key));
    }
}
