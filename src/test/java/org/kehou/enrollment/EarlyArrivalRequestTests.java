package org.kehou.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kehou.platform.RuleViolation;

/** SCOPE-1: an early-arrival request guards its decision with its rules. */
class EarlyArrivalRequestTests {

    static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 2, 9, 0);
    static final CareChild CHILD =
            new CareChild(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "李小明", 2, "1班");

    @Test
    void aSpecialNeedIsAcceptedWithStaffButNeverDeclined() {
        EarlyArrivalRequest request = request(true);
        assertThatThrownBy(() -> request.decline("人手不足", NOW))
                .isInstanceOf(RuleViolation.class)
                .hasMessageStartingWith("care.decline.specialNeed");
        assertThat(request.status()).isEqualTo(CareStatus.PENDING);
        UUID staff = UUID.randomUUID();
        request.accept(staff, "王老师", NOW);
        assertThat(request.status()).isEqualTo(CareStatus.ACCEPTED);
        assertThat(request.careStaffId()).isEqualTo(staff);
    }

    @Test
    void isDecidedOnce() {
        EarlyArrivalRequest request = request(false);
        request.decline("校门八点开", NOW);
        assertThatThrownBy(() -> request.accept(UUID.randomUUID(), "王老师", NOW))
                .hasMessageStartingWith("care.alreadyDecided");
        assertThatThrownBy(() -> request.assignStaff(UUID.randomUUID(), "王老师"))
                .hasMessageStartingWith("care.notAccepted");
        assertThat(request.declineReason()).isEqualTo("校门八点开");
    }

    @Test
    void refusesATimeAfterTheMorningStartOrNoReason() {
        LocalDate day = LocalDate.of(2026, 11, 3);
        assertThatThrownBy(() -> EarlyArrivalRequest.submit(
                        UUID.randomUUID(), CHILD, UUID.randomUUID(), day, day, LocalTime.of(8, 15), "早", false, NOW))
                .hasMessageStartingWith("care.arrival.outOfBounds");
        assertThatThrownBy(() -> EarlyArrivalRequest.submit(
                        UUID.randomUUID(), CHILD, UUID.randomUUID(), day, day, LocalTime.of(7, 15), " ", false, NOW))
                .hasMessageStartingWith("care.reason.required");
    }

    private static EarlyArrivalRequest request(boolean specialNeed) {
        LocalDate day = LocalDate.of(2026, 11, 3);
        return EarlyArrivalRequest.submit(
                UUID.randomUUID(), CHILD, UUID.randomUUID(), day, day, LocalTime.of(7, 10), "倒班", specialNeed, NOW);
    }
}
