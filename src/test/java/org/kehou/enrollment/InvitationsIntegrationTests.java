package org.kehou.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kehou.enrollment.OfferingFitRuleTests.assertRefused;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kehou.catalog.CatalogManagement;
import org.kehou.catalog.Slot;
import org.kehou.enrollment.EnrollmentFixtures.Campus;
import org.kehou.enrollment.EnrollmentFixtures.Family;
import org.kehou.enrollment.EnrollmentManagement.NewWindow;
import org.kehou.enrollment.Invitations.InvitationOutcome;
import org.kehou.enrollment.Invitations.Invite;
import org.kehou.organization.OrganizationManagement;
import org.kehou.organization.OrganizationQueries;
import org.kehou.organization.TermKind;
import org.kehou.platform.AccountManagement;
import org.kehou.platform.NotFoundException;
import org.kehou.platform.Notifications;
import org.kehou.platform.Notifications.InboxItem;
import org.kehou.platform.PageQuery;
import org.kehou.platform.UserScope;
import org.kehou.support.DemoFixtures;
import org.kehou.support.KehouTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Invitations to register (ENROL-1, ENROL-2): the audience of grades and classes resolves to the guardians of the
 * school's children there, each told once however many of their children it holds; the same form twice sends once;
 * another school's class, grade or window is not found; a closed or superseded window is refused; and an invitation
 * registers nobody.
 */
@KehouTest
class InvitationsIntegrationTests {

    @Autowired
    Invitations invitations;

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
    OrganizationQueries queries;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    EnrollmentFixtures fixtures() {
        return new EnrollmentFixtures(organization, catalog, enrollment, accounts, clock);
    }

    @Test
    void eachGuardianOfTheAudienceIsInvitedOnceAndNobodyIsEnrolled() {
        var fixtures = fixtures();
        var more = new InvitationFixtures(organization);
        Campus campus = fixtures.campus(demo.scope("LY-JX-ADMIN"));
        Campus secondClasses = more.secondClasses(campus);
        UUID offering = fixtures.offering(campus, DayOfWeek.MONDAY, Slot.SLOT_2, 30, 3, 4);
        UUID window = fixtures.openWindowNow(campus, 5);
        Family first = fixtures.family(campus, 3, 1);
        Family siblings = fixtures.family(campus, 3, 1);
        UUID younger = more.sibling(campus, siblings, campus.classes().get(4));
        Family noAccount = fixtures.family(campus, 3, 1);
        Family secondClass = fixtures.family(secondClasses, 3, 1);
        Family notInvited = fixtures.family(secondClasses, 4, 1);
        Family otherSchool = fixtures.family(fixtures.campus(demo.scope("LY-JX-ADMIN")), 3, 1);
        UserScope firstAccount = fixtures.account(first);
        UserScope siblingsAccount = fixtures.account(siblings);
        UserScope secondClassAccount = fixtures.account(secondClass);
        UserScope notInvitedAccount = fixtures.account(notInvited);
        UserScope otherSchoolAccount = fixtures.account(otherSchool);
        long seatsBefore = seatsTaken(offering);

        InvitationOutcome sent = invitations.invite(
                campus.admin(),
                new Invite(window, List.of(campus.classes().get(4)), List.of(3), null),
                InvitationFixtures.key());

        assertThat(sent.replayed()).isFalse();
        assertThat(sent.guardians())
                .as("first, siblings, noAccount and secondClass, each once")
                .isEqualTo(4);
        assertThat(sent.children()).isEqualTo(5);
        assertThat(sent.accounts())
                .as("a guardian without an account is counted, not notified")
                .isEqualTo(3);
        assertThat(invitationsTo(siblingsAccount)).singleElement().satisfies(n -> {
            assertThat(n.messageKey()).isEqualTo("invitation.notice.AUTUMN");
            assertThat(n.arguments().get(1)).contains("、");
            assertThat(n.link()).startsWith("/guardian/registration?child=");
        });
        assertThat(invitationsTo(firstAccount))
                .singleElement()
                .satisfies(n -> assertThat(n.link()).isEqualTo("/guardian/registration?child=" + first.child()));
        assertThat(invitationsTo(secondClassAccount))
                .as("grade 3 is every class of it")
                .hasSize(1);
        assertThat(invitationsTo(notInvitedAccount))
                .as("only grade 4's chosen class")
                .isEmpty();
        assertThat(invitationsTo(otherSchoolAccount)).isEmpty();
        List<UUID> everyone = List.of(
                first.child(), siblings.child(), younger, noAccount.child(), secondClass.child(), notInvited.child());
        assertThat(jdbc.sql("select count(*) from enrollment.enrollment where child_id in (:c)")
                        .param("c", everyone)
                        .query(Long.class)
                        .single())
                .as("an invitation registers nobody")
                .isZero();
        assertThat(seatsTaken(offering)).isEqualTo(seatsBefore);
        assertThat(invitations.invitations(campus.admin())).singleElement().satisfies(i -> {
            assertThat(i.id()).isEqualTo(sent.invitationId());
            assertThat(i.grades()).containsExactly(3);
            assertThat(i.classes())
                    .singleElement()
                    .satisfies(c -> assertThat(c.gradeLevel()).isEqualTo(4));
            assertThat(i.guardians()).isEqualTo(4);
            assertThat(i.children()).isEqualTo(5);
            assertThat(i.accounts()).isEqualTo(3);
            assertThat(i.window()).isNotNull();
            assertThat(i.window().id()).isEqualTo(window);
            assertThat(i.invitedBy()).isEqualTo(campus.admin().displayName());
        });
    }

    @Test
    void onlyTheChosenClassIsInvitedNotTheRestOfItsGrade() {
        var fixtures = fixtures();
        Campus campus = fixtures.campus(demo.scope("LY-JX-ADMIN"));
        Campus secondClasses = new InvitationFixtures(organization).secondClasses(campus);
        UUID window = fixtures.openWindowNow(campus, 5);
        UserScope chosenAccount = fixtures.account(fixtures.family(campus, 3, 1));
        UserScope leftAccount = fixtures.account(fixtures.family(secondClasses, 3, 1));

        InvitationOutcome sent = invitations.invite(
                campus.admin(),
                InvitationFixtures.classes(window, campus.classes().get(3)),
                InvitationFixtures.key());

        assertThat(sent.guardians()).isEqualTo(1);
        assertThat(invitationsTo(chosenAccount)).hasSize(1);
        assertThat(invitationsTo(leftAccount)).isEmpty();
    }

    @Test
    void theSameFormSubmittedTwiceSendsOnceAndANewFormSendsAgain() {
        var fixtures = fixtures();
        Campus campus = fixtures.campus(demo.scope("LY-JX-ADMIN"));
        UUID window = fixtures.openWindowNow(campus, 5);
        Family family = fixtures.family(campus, 3, 2);
        UserScope account = fixtures.account(family);
        String key = InvitationFixtures.key();
        Invite invite = new Invite(window, List.of(), List.of(3), "请在截止前报名");

        InvitationOutcome first = invitations.invite(campus.admin(), invite, key);
        InvitationOutcome again = invitations.invite(campus.admin(), invite, key);

        assertThat(again.replayed()).isTrue();
        assertThat(again.invitationId()).isEqualTo(first.invitationId());
        assertThat(first.guardians()).as("two children, one guardian").isEqualTo(1);
        assertThat(first.children()).isEqualTo(2);
        assertThat(invitationsTo(account)).singleElement().satisfies(n -> {
            assertThat(n.messageKey()).isEqualTo("invitation.notice.AUTUMN.withMessage");
            assertThat(n.arguments()).last().isEqualTo("请在截止前报名");
        });
        assertThat(invitationCount(campus)).isEqualTo(1);

        InvitationOutcome reminder = invitations.invite(campus.admin(), invite, InvitationFixtures.key());
        assertThat(reminder.replayed()).isFalse();
        assertThat(invitationsTo(account)).hasSize(2);
        assertThat(invitationCount(campus)).isEqualTo(2);
    }

    @Test
    void anotherSchoolsClassGradeOrWindowIsNotFoundAndNothingIsSent() {
        var fixtures = fixtures();
        Campus campus = fixtures.campus(demo.scope("LY-JX-ADMIN"));
        Campus other = fixtures.campus(demo.scope("LY-JX-ADMIN"));
        Campus otherCounty = fixtures.campus(demo.scope("LY-LL-ADMIN"));
        UUID window = fixtures.openWindowNow(campus, 5);
        UUID foreignWindow = fixtures.openWindowNow(other, 5);
        UUID otherCountyWindow = fixtures.openWindowNow(otherCounty, 5);
        UserScope account = fixtures.account(fixtures.family(campus, 3, 1));
        UserScope foreignAccount = fixtures.account(fixtures.family(other, 3, 1));
        long sentBefore = notificationCount();

        for (Invite invite : List.of(
                InvitationFixtures.classes(window, other.classes().get(3)),
                InvitationFixtures.classes(
                        window, campus.classes().get(3), otherCounty.classes().get(3)),
                InvitationFixtures.grades(window, 3, 9),
                InvitationFixtures.grades(foreignWindow, 3),
                InvitationFixtures.grades(otherCountyWindow, 3),
                InvitationFixtures.grades(UUID.randomUUID(), 3))) {
            assertThatThrownBy(() -> invitations.invite(campus.admin(), invite, InvitationFixtures.key()))
                    .as(invite.toString())
                    .isInstanceOf(NotFoundException.class);
        }
        assertThatThrownBy(() -> invitations.invite(
                        demo.scope("JX-PS-T01"), InvitationFixtures.grades(window, 3), InvitationFixtures.key()))
                .as("a teacher invites nobody")
                .isInstanceOf(NotFoundException.class);
        assertThat(invitationCount(campus)).isZero();
        assertThat(notificationCount()).isEqualTo(sentBefore);
        assertThat(invitationsTo(account)).isEmpty();
        assertThat(invitationsTo(foreignAccount)).isEmpty();
    }

    @Test
    void refusesAClosedWindowAnEmptyAudienceAndALongMessageAndSendsNothing() {
        var fixtures = fixtures();
        Campus campus = fixtures.campus(demo.scope("LY-JX-ADMIN"));
        UUID window = fixtures.openWindowNow(campus, 5);
        UserScope account = fixtures.account(fixtures.family(campus, 3, 1));
        LocalDateTime now = LocalDateTime.now(clock);
        UUID closed = fixtures.openWindow(campus, now.plusDays(10), now.plusDays(11), 5);
        jdbc.sql("update enrollment.registration_window set opens_at = :o, closes_at = :c where id = :id")
                .param("o", now.minusDays(2))
                .param("c", now.minusDays(1))
                .param("id", closed)
                .update();

        assertRefused(
                () -> invitations.invite(
                        campus.admin(), InvitationFixtures.grades(closed, 3), InvitationFixtures.key()),
                "invitation.windowClosed");
        assertRefused(
                () -> invitations.invite(
                        campus.admin(), new Invite(window, List.of(), List.of(), null), InvitationFixtures.key()),
                "invitation.audienceRequired");
        assertRefused(
                () -> invitations.invite(
                        campus.admin(),
                        new Invite(window, List.of(), List.of(3), "长".repeat(201)),
                        InvitationFixtures.key()),
                "invitation.messageTooLong");
        assertThat(invitationCount(campus)).isZero();
        assertThat(invitationsTo(account)).isEmpty();
        assertThat(invitations.windowsToInviteTo(campus.admin()))
                .extracting(EnrollmentManagement.WindowSummary::id)
                .as("the county's windows of other years govern the school too")
                .contains(window)
                .doesNotContain(closed);
    }

    @Test
    void invitesToTheCountysWindowUnlessTheSchoolHasOneOfItsOwnForTheTerm() {
        var fixtures = fixtures();
        UserScope county = demo.scope("LY-JX-ADMIN");
        Campus campus = fixtures.campus(county);
        UserScope account = fixtures.account(fixtures.family(campus, 3, 1));
        LocalDateTime now = LocalDateTime.now(clock);
        UUID countyWindow = enrollment.openWindow(
                county,
                new NewWindow(
                        null,
                        campus.schoolYear(),
                        TermKind.AUTUMN,
                        now.plusDays(1),
                        now.plusDays(2),
                        Allocation.FIRST_COME,
                        5));

        invitations.invite(campus.admin(), InvitationFixtures.grades(countyWindow, 3), InvitationFixtures.key());
        assertThat(invitationsTo(account)).hasSize(1);

        UUID own = fixtures.openWindow(campus, now.plusDays(3), now.plusDays(4), 5);
        assertRefused(
                () -> invitations.invite(
                        campus.admin(), InvitationFixtures.grades(countyWindow, 3), InvitationFixtures.key()),
                "invitation.windowSuperseded");
        assertThat(invitations.windowsToInviteTo(campus.admin()))
                .extracting(EnrollmentManagement.WindowSummary::id)
                .contains(own)
                .doesNotContain(countyWindow);
        assertThat(invitationsTo(account)).hasSize(1);
    }

    @Test
    void theGuardiansOfClassesAreReadOnlyByTheSchoolsOwnAdminAndOnlyForItsClasses() {
        var fixtures = fixtures();
        Campus campus = fixtures.campus(demo.scope("LY-JX-ADMIN"));
        Campus other = fixtures.campus(demo.scope("LY-JX-ADMIN"));
        Family family = fixtures.family(campus, 3, 2);
        fixtures.family(other, 3, 1);
        List<UUID> both = List.of(campus.classes().get(3), other.classes().get(3));

        assertThat(queries.guardiansOfClasses(campus.admin(), campus.schoolId(), both))
                .as("one row per guardian and child of the school's own classes")
                .extracting(OrganizationQueries.GuardianOfPupil::studentId)
                .containsExactlyInAnyOrderElementsOf(family.children());
        for (UserScope stranger :
                List.of(other.admin(), demo.scope("LY-JX-ADMIN"), demo.scope("JX-PS-T01"), family.guardian())) {
            assertThatThrownBy(() -> queries.guardiansOfClasses(stranger, campus.schoolId(), both))
                    .isInstanceOf(NotFoundException.class);
        }
    }

    private List<InboxItem> invitationsTo(UserScope account) {
        return notifications.inbox(account, new PageQuery(0, 50, "", false, "")).items().stream()
                .filter(n -> n.topic().equals(Invitations.TOPIC))
                .toList();
    }

    private long invitationCount(Campus campus) {
        return jdbc.sql("select count(*) from enrollment.invitation where school_id = :s")
                .param("s", campus.schoolId())
                .query(Long.class)
                .single();
    }

    private long notificationCount() {
        return jdbc.sql("select count(*) from platform.notification where topic = :t")
                .param("t", Invitations.TOPIC)
                .query(Long.class)
                .single();
    }

    private long seatsTaken(UUID offering) {
        return jdbc.sql("select coalesce(sum(taken + waiting), 0) from enrollment.seat where offering_id = :o")
                .param("o", offering)
                .query(Long.class)
                .single();
    }
}
