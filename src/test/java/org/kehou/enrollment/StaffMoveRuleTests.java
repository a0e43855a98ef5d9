package org.kehou.enrollment;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.kehou.enrollment.OfferingFitRuleTests.assertRefused;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/** ENROL-3: a school's move needs a reason, another offering of the same term, an active registration and a seat. */
class StaffMoveRuleTests {

    final UUID source = UUID.randomUUID();
    final UUID destination = UUID.randomUUID();
    final UUID term = UUID.randomUUID();

    @Test
    void allowsAMoveWithAReasonToAnotherOfferingOfTheSameTerm() {
        assertThatCode(() -> StaffMoveRule.check(" 家长申请 ", source, term, destination, term))
                .doesNotThrowAnyException();
        assertThatCode(() -> StaffMoveRule.check("长".repeat(200), source, term, destination, term))
                .doesNotThrowAnyException();
    }

    @Test
    void refusesAMoveWithoutAReasonOrWithTooLongAOne() {
        assertRefused(() -> StaffMoveRule.check(null, source, term, destination, term), "move.reasonRequired");
        assertRefused(() -> StaffMoveRule.check("   ", source, term, destination, term), "move.reasonRequired");
        assertRefused(
                () -> StaffMoveRule.check("长".repeat(201), source, term, destination, term), "move.reasonTooLong");
    }

    @Test
    void refusesAMoveToTheSameOfferingOrIntoAnotherTerm() {
        assertRefused(() -> StaffMoveRule.check("原因", source, term, source, term), "move.sameOffering");
        assertRefused(() -> StaffMoveRule.check("原因", source, term, destination, UUID.randomUUID()), "move.otherTerm");
    }

    @Test
    void movesOnlyAnActiveRegistration() {
        assertThatCode(() -> StaffMoveRule.checkActive(EnrollmentStatus.CONFIRMED))
                .doesNotThrowAnyException();
        assertThatCode(() -> StaffMoveRule.checkActive(EnrollmentStatus.WAITLISTED))
                .doesNotThrowAnyException();
        assertRefused(() -> StaffMoveRule.checkActive(EnrollmentStatus.WITHDRAWN), "move.notActive");
    }

    @Test
    void refusesATakenSlotAndAFullDestination() {
        assertThatCode(() -> StaffMoveRule.checkSlotFree(0)).doesNotThrowAnyException();
        assertRefused(() -> StaffMoveRule.checkSlotFree(1), "move.slotTaken");
        assertThatCode(() -> StaffMoveRule.checkSeat(1)).doesNotThrowAnyException();
        assertRefused(() -> StaffMoveRule.checkSeat(0), "move.full");
    }
}
