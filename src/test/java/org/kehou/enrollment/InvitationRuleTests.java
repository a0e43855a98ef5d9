package org.kehou.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.kehou.enrollment.OfferingFitRuleTests.assertRefused;
import static org.kehou.enrollment.RegistrationWindowRuleTests.SCHOOL;
import static org.kehou.enrollment.RegistrationWindowRuleTests.window;

import java.time.LocalDateTime;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * ENROL-1, ENROL-2: an invitation names someone to invite, a bounded audience, a short message, and a window that
 * governs the school and has not closed.
 */
class InvitationRuleTests {

    static final LocalDateTime NOW = LocalDateTime.of(2026, 9, 1, 10, 0);

    @Test
    void refusesAnInvitationToNobody() {
        assertRefused(() -> InvitationRule.checkAudience(List.of(), List.of()), "invitation.audienceRequired");
        assertThatCode(() -> InvitationRule.checkAudience(List.of(UUID.randomUUID()), List.of()))
                .doesNotThrowAnyException();
        assertThatCode(() -> InvitationRule.checkAudience(List.of(), List.of(3)))
                .doesNotThrowAnyException();
    }

    @Test
    void refusesMoreThanAHundredGradesAndClassesAtOnce() {
        List<UUID> classes = Collections.nCopies(InvitationRule.MAX_AUDIENCE, UUID.randomUUID());
        assertThatCode(() -> InvitationRule.checkAudience(classes, List.of())).doesNotThrowAnyException();
        assertRefused(() -> InvitationRule.checkAudience(classes, List.of(1)), "invitation.audienceTooLarge");
    }

    @Test
    void keepsAMessageOfTwoHundredCharactersAndRefusesALongerOne() {
        assertThat(InvitationRule.message("请".repeat(200))).hasSize(200);
        assertRefused(() -> InvitationRule.message("请".repeat(201)), "invitation.messageTooLong");
    }

    @Test
    void aBlankMessageIsNoMessageAndControlCharactersAreDropped() {
        assertThat(InvitationRule.message(null)).isNull();
        assertThat(InvitationRule.message("  \n ")).isNull();
        assertThat(InvitationRule.message(" 请\u001f按时报名\t")).isEqualTo("请 按时报名");
    }

    @Test
    void invitesToAWindowOpenNowOrLater() {
        var open = window(null, NOW.minusHours(1), NOW.plusHours(1));
        var later = window(null, NOW.plusDays(1), NOW.plusDays(2));
        assertThatCode(() -> InvitationRule.checkWindow(open, List.of(open, later), NOW))
                .doesNotThrowAnyException();
        assertThatCode(() -> InvitationRule.checkWindow(later, List.of(open, later), NOW))
                .doesNotThrowAnyException();
    }

    @Test
    void refusesAWindowThatHasClosed() {
        var closed = window(null, NOW.minusHours(2), NOW);
        assertRefused(() -> InvitationRule.checkWindow(closed, List.of(closed), NOW), "invitation.windowClosed");
    }

    @Test
    void refusesTheCountysWindowWhenTheSchoolHasOneOfItsOwnForTheTerm() {
        var county = window(null, NOW.plusDays(1), NOW.plusDays(2));
        var own = window(SCHOOL, NOW.plusDays(3), NOW.plusDays(4));
        assertRefused(
                () -> InvitationRule.checkWindow(county, List.of(county, own), NOW), "invitation.windowSuperseded");
        assertThatCode(() -> InvitationRule.checkWindow(own, List.of(county, own), NOW))
                .doesNotThrowAnyException();
    }
}
