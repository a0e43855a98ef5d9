package org.kehou.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.kehou.operations.PickupManagement.ReleaseLine;

/** A hand-over before the service ends is an early release, never one "after the service" (OPS-2). */
class EarlyReleaseTests {

    static final LocalDate DAY = LocalDate.of(2026, 12, 3);

    @Test
    void aChildGivenBeforeTheEndLeftEarly() {
        ReleaseLine line = line(PickupService.SLOT_1, DAY.atTime(15, 36), LocalTime.of(17, 0));
        assertThat(line.early()).isTrue();
        assertThat(line.afterEnd()).isFalse();
    }

    @Test
    void aChildGivenAtOrAfterTheEndLeftAfterTheService() {
        assertThat(line(PickupService.SLOT_1, DAY.atTime(17, 0), LocalTime.of(17, 0))
                        .afterEnd())
                .isTrue();
        ReleaseLine late = line(PickupService.SLOT_2, DAY.atTime(18, 20), LocalTime.of(18, 0));
        assertThat(late.early()).isFalse();
        assertThat(late.afterEnd()).isTrue();
    }

    @Test
    void aDayRecordedLaterIsNoEarlyRelease() {
        ReleaseLine later = line(PickupService.SLOT_1, DAY.plusDays(1).atTime(9, 0), LocalTime.of(17, 0));
        assertThat(later.early()).isFalse();
    }

    @Test
    void extendedCareAndAnUnknownEndAreNeitherEarlyNorAfter() {
        ReleaseLine care = line(PickupService.EXTENDED_CARE, DAY.atTime(18, 10), LocalTime.of(18, 45));
        assertThat(care.early()).isFalse();
        assertThat(care.afterEnd()).isFalse();
        ReleaseLine unknown = line(PickupService.SLOT_1, DAY.atTime(15, 0), null);
        assertThat(unknown.early()).isFalse();
        assertThat(unknown.afterEnd()).isFalse();
    }

    private static ReleaseLine line(PickupService service, LocalDateTime at, @Nullable LocalTime endsAt) {
        return new ReleaseLine(
                UUID.randomUUID(),
                UUID.randomUUID(),
                DAY,
                service,
                1,
                ReleaseTo.GUARDIAN,
                UUID.randomUUID(),
                "李俊",
                "relation.MOTHER",
                at,
                "梁老师",
                null,
                null,
                endsAt);
    }
}
