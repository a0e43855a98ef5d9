package org.kehou.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kehou.enrollment.OfferingFitRuleTests.assertRefused;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kehou.catalog.Slot;

/** A registration changes only from where it stands (ENROL-3). */
class EnrollmentTests {

    @Test
    void aRegistrationIsWithdrawnOnceFromASeatOrFromTheLine() {
        assertThat(enrollment(EnrollmentStatus.CONFIRMED).withdrawn().status()).isEqualTo(EnrollmentStatus.WITHDRAWN);
        assertThat(enrollment(EnrollmentStatus.WAITLISTED).withdrawn().status()).isEqualTo(EnrollmentStatus.WITHDRAWN);
        assertRefused(() -> enrollment(EnrollmentStatus.WITHDRAWN).withdrawn(), "enrollment.alreadyWithdrawn");
    }

    @Test
    void onlyAWaitingRegistrationIsPromoted() {
        assertThat(enrollment(EnrollmentStatus.WAITLISTED).promoted().status()).isEqualTo(EnrollmentStatus.CONFIRMED);
        assertRefused(() -> enrollment(EnrollmentStatus.CONFIRMED).promoted(), "enrollment.notWaiting");
        assertRefused(() -> enrollment(EnrollmentStatus.WITHDRAWN).promoted(), "enrollment.notWaiting");
    }

    @Test
    void onlyAWaitingRegistrationIsOfferedAFreedSeatWhichItThenHolds() {
        LocalDateTime expires = LocalDateTime.of(2026, 9, 2, 12, 0);
        Enrollment offered = enrollment(EnrollmentStatus.WAITLISTED).offered(expires);
        assertThat(offered.status()).isEqualTo(EnrollmentStatus.OFFERED);
        assertThat(offered.offerExpiresAt()).isEqualTo(expires);
        assertThat(offered.holdsSeat()).as("an offer holds its seat").isTrue();
        assertThat(enrollment(EnrollmentStatus.WAITLISTED).holdsSeat()).isFalse();
        assertRefused(() -> enrollment(EnrollmentStatus.CONFIRMED).offered(expires), "enrollment.notWaiting");
        assertRefused(() -> offered.offered(expires), "enrollment.notWaiting");
    }

    @Test
    void anOfferIsAcceptedBeforeItExpiresAndExpiresAtItsTime() {
        LocalDateTime expires = LocalDateTime.of(2026, 9, 2, 12, 0);
        Enrollment offered = enrollment(EnrollmentStatus.WAITLISTED).offered(expires);
        assertThat(offered.accepted(expires.minusMinutes(1)).status()).isEqualTo(EnrollmentStatus.CONFIRMED);
        assertRefused(() -> offered.accepted(expires), "enrollment.offerExpired");
        assertRefused(() -> enrollment(EnrollmentStatus.WAITLISTED).accepted(expires), "enrollment.notOffered");
        assertRefused(() -> enrollment(EnrollmentStatus.CONFIRMED).accepted(expires), "enrollment.notOffered");
        assertThat(offered.offerExpired(expires.minusSeconds(1))).isFalse();
        assertThat(offered.offerExpired(expires)).isTrue();
        assertThat(enrollment(EnrollmentStatus.CONFIRMED).offerExpired(expires)).isFalse();
        assertThat(offered.withdrawn().status()).isEqualTo(EnrollmentStatus.WITHDRAWN);
    }

    @Test
    void slotOneAndSlotTwoOfADayAreSeparateChoices() {
        assertThat(Enrollment.slotKey(DayOfWeek.MONDAY, Slot.SLOT_1))
                .isNotEqualTo(Enrollment.slotKey(DayOfWeek.MONDAY, Slot.SLOT_2))
                .isNotEqualTo(Enrollment.slotKey(DayOfWeek.TUESDAY, Slot.SLOT_1));
    }

    static Enrollment enrollment(EnrollmentStatus status) {
        return new Enrollment(
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                DayOfWeek.MONDAY,
                Slot.SLOT_2,
                status,
                status == EnrollmentStatus.WAITLISTED ? 3L : null,
                null);
    }
}
