package org.kehou.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.DayOfWeek;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kehou.catalog.CatalogManagement;
import org.kehou.catalog.Slot;
import org.kehou.enrollment.EnrollmentFixtures.Campus;
import org.kehou.enrollment.EnrollmentFixtures.Family;
import org.kehou.organization.OrganizationManagement;
import org.kehou.platform.AccountManagement;
import org.kehou.platform.Notifications;
import org.kehou.platform.Notifications.InboxItem;
import org.kehou.platform.PageQuery;
import org.kehou.platform.UserScope;
import org.kehou.support.DemoFixtures;
import org.kehou.support.KehouTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The registration notices (ENROL-1, ENROL-2) derived from the history after the claim: confirmed, waiting with the
 * place in line, promoted when a withdrawal frees the seat; each event told once however often the relay runs, and a
 * wait already ended is not told at all.
 */
@KehouTest
class RegistrationNoticesTests {

    @Autowired
    RegistrationNotices notices;

    @Autowired
    Notifications notifications;

    @Autowired
    DemoFixtures demo;

    @Autowired
    OrganizationManagement organization;

    @Autowired
    CatalogManagement catalog;

    @Autowired
    EnrollmentManagement enrollment;

    @Autowired
    AccountManagement accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Test
    void eachConfirmedWaitingAndPromotedEventIsToldOnceToItsGuardian() {
        var fixtures = new EnrollmentFixtures(organization, catalog, enrollment, accounts, clock);
        Campus campus = fixtures.campus(demo.scope("LY-JX-ADMIN"));
        UUID offering = fixtures.offering(campus, DayOfWeek.FRIDAY, Slot.SLOT_2, 1, 3);
        fixtures.openWindowNow(campus, 5);
        Family seated = fixtures.family(campus, 3, 1);
        Family waiting = fixtures.family(campus, 3, 1);
        Family leaving = fixtures.family(campus, 3, 1);
        UserScope seatedAccount = fixtures.account(seated);
        UserScope waitingAccount = fixtures.account(waiting);
        UserScope leavingAccount = fixtures.account(leaving);

        UUID first = enrollment
                .enroll(seatedAccount, fixtures.consenting(seated.child(), offering), EnrollmentFixtures.key())
                .enrollmentId();
        enrollment.enroll(waitingAccount, fixtures.consenting(waiting.child(), offering), EnrollmentFixtures.key());
        UUID gaveUp = enrollment
                .enroll(leavingAccount, fixtures.consenting(leaving.child(), offering), EnrollmentFixtures.key())
                .enrollmentId();
        enrollment.withdraw(leavingAccount, gaveUp);

        relayAll();
        relayAll();
        assertThat(keys(seatedAccount)).containsExactly("enrollment.notice.confirmed");
        assertThat(inbox(waitingAccount)).singleElement().satisfies(n -> {
            assertThat(n.messageKey()).isEqualTo("enrollment.notice.waitlisted");
            assertThat(n.arguments()).last().isEqualTo("1");
            assertThat(n.link()).isEqualTo("/guardian/registrations");
        });
        assertThat(keys(leavingAccount)).as("a wait already ended is not told").isEmpty();

        enrollment.withdraw(seatedAccount, first);
        relayAll();
        relayAll();
        assertThat(keys(waitingAccount)).containsExactly("enrollment.notice.promoted", "enrollment.notice.waitlisted");
        assertThat(keys(seatedAccount)).containsExactly("enrollment.notice.confirmed");
        assertThat(jdbc.sql("""
                        select count(*) from enrollment.enrollment_event v
                        where v.offering_id = :o and not exists (select 1 from enrollment.event_notice n
                          where n.enrollment_id = v.enrollment_id and n.seq = v.seq)""").param("o", offering).query(Long.class).single())
                .as("every event of the offering is handled")
                .isZero();
    }

    @Test
    void anOfferIsToldWithItsExpiryAndAnOfferAlreadyAnsweredIsNot() {
        var fixtures = new EnrollmentFixtures(organization, catalog, enrollment, accounts, clock);
        Campus campus = fixtures.campus(demo.scope("LY-JX-ADMIN"));
        UUID offering = fixtures.offering(campus, DayOfWeek.THURSDAY, Slot.SLOT_2, 1, 3);
        fixtures.openOfferWindowNow(campus, 5, 12);
        Family seated = fixtures.family(campus, 3, 1);
        Family first = fixtures.family(campus, 3, 1);
        Family second = fixtures.family(campus, 3, 1);
        UserScope seatedAccount = fixtures.account(seated);
        UserScope firstAccount = fixtures.account(first);
        UserScope secondAccount = fixtures.account(second);
        UUID seat = enrollment
                .enroll(seatedAccount, fixtures.consenting(seated.child(), offering), EnrollmentFixtures.key())
                .enrollmentId();
        UUID offered = enrollment
                .enroll(firstAccount, fixtures.consenting(first.child(), offering), EnrollmentFixtures.key())
                .enrollmentId();
        UUID answered = enrollment
                .enroll(secondAccount, fixtures.consenting(second.child(), offering), EnrollmentFixtures.key())
                .enrollmentId();
        relayAll();

        enrollment.withdraw(seatedAccount, seat);
        relayAll();
        enrollment.declineOffer(firstAccount, offered);
        enrollment.acceptOffer(secondAccount, answered);
        relayAll();

        assertThat(inbox(firstAccount)).anySatisfy(n -> {
            assertThat(n.messageKey()).isEqualTo("enrollment.notice.offered");
            assertThat(n.arguments())
                    .last()
                    .isEqualTo(RegistrationWindowRule.MINUTE.format(
                            java.time.LocalDateTime.now(clock).plusHours(12)));
        });
        assertThat(keys(secondAccount))
                .as("an offer accepted before the relay reached it is not told")
                .containsExactly("enrollment.notice.waitlisted");
    }

    private void relayAll() {
        while (notices.relay() == RegistrationNotices.BATCH) {
            // more than one batch waiting: other tests' registrations
        }
    }

    private List<InboxItem> inbox(UserScope account) {
        return notifications
                .inbox(account, new PageQuery(0, 20, "created", true, ""))
                .items();
    }

    private List<String> keys(UserScope account) {
        return inbox(account).stream().map(InboxItem::messageKey).toList();
    }
}
