package org.kehou.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.DayOfWeek;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kehou.catalog.CatalogManagement;
import org.kehou.catalog.CourseCategory;
import org.kehou.catalog.Slot;
import org.kehou.enrollment.EnrollmentFixtures.Campus;
import org.kehou.enrollment.EnrollmentFixtures.Family;
import org.kehou.enrollment.Rosters.CategoryCount;
import org.kehou.enrollment.Rosters.GradeCount;
import org.kehou.enrollment.Rosters.OfferingRoster;
import org.kehou.enrollment.Rosters.RegistrationCounts;
import org.kehou.enrollment.Rosters.SchoolCounts;
import org.kehou.organization.OrganizationManagement;
import org.kehou.organization.TermKind;
import org.kehou.platform.AccountManagement;
import org.kehou.platform.NotFoundException;
import org.kehou.platform.RuleViolation;
import org.kehou.platform.UserScope;
import org.kehou.support.DemoFixtures;
import org.kehou.support.KehouTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rosters, counts, staff moves and cancellations (ENROL-2, ENROL-3) over registrations made through the seat
 * ledger: the roster lists the confirmed children and the waiting list in order; the counts are the stored
 * registrations by grade and by category and slot, per school for the county; a move claims the destination's
 * seat, promotes the first in line at the source, keeps the history, audits and tells the family, and a refused or
 * out-of-scope move changes nothing; a cancelled offering's registrations are withdrawn and the families told.
 */
@KehouTest
class RostersAndMovesTests {

    @Autowired
    Rosters rosters;

    @Autowired
    StaffMoves moves;

    @Autowired
    EnrollmentManagement enrollment;

    @Autowired
    OrganizationManagement organization;

    @Autowired
    CatalogManagement catalog;

    @Autowired
    AccountManagement accounts;

    @Autowired
    DemoFixtures demo;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    EnrollmentFixtures fixtures;
    Campus campus;

    @BeforeEach
    void campus() {
        fixtures = new EnrollmentFixtures(organization, catalog, enrollment, accounts, clock);
        campus = fixtures.campus(demo.scope("LY-JX-ADMIN"));
    }

    @Test
    void theRosterListsConfirmedChildrenAndTheWaitingListInOrder() {
        UUID offering = fixtures.offering(campus, DayOfWeek.MONDAY, Slot.SLOT_2, 2, 3);
        fixtures.openWindowNow(campus, 5);
        List<Family> families = List.of(
                fixtures.family(campus, 3, 1),
                fixtures.family(campus, 3, 1),
                fixtures.family(campus, 3, 1),
                fixtures.family(campus, 3, 1));
        families.forEach(f -> enroll(f, offering));

        OfferingRoster roster = rosters.roster(campus.admin(), offering);

        assertThat(roster.confirmed())
                .extracting(Rosters.RosterEntry::childId)
                .containsExactly(families.get(0).child(), families.get(1).child());
        assertThat(roster.waiting())
                .extracting(Rosters.RosterEntry::childId, Rosters.RosterEntry::position)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(families.get(2).child(), 1),
                        org.assertj.core.groups.Tuple.tuple(families.get(3).child(), 2));
        assertThat(roster.confirmed().getFirst().guardianMobile())
                .isEqualTo(families.get(0).mobile());
        assertThat(roster.confirmed().getFirst().className()).isEqualTo("1班");
        Campus other = fixtures.campus(demo.scope("LY-JX-ADMIN"));
        assertThatThrownBy(() -> rosters.roster(other.admin(), offering)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void countsAreTheStoredRegistrationsByGradeByCategoryAndSlotAndPerSchoolForTheCounty() {
        UUID third = fixtures.offering(campus, DayOfWeek.MONDAY, Slot.SLOT_2, 1, 3, 4);
        UUID fourth = fixtures.offering(campus, DayOfWeek.TUESDAY, Slot.SLOT_1, 5, 4);
        fixtures.openWindowNow(campus, 5);
        enroll(fixtures.family(campus, 3, 1), third);
        enroll(fixtures.family(campus, 4, 1), third);
        Family twins = fixtures.family(campus, 4, 2);
        enroll(twins.guardian(), twins.children().get(0), fourth);
        enroll(twins.guardian(), twins.children().get(1), fourth);
        UUID withdrawn = enroll(fixtures.family(campus, 4, 1), fourth);
        enrollment.withdraw(guardianOf(withdrawn), withdrawn);

        RegistrationCounts counts = rosters.schoolCounts(campus.admin(), campus.schoolId(), campus.termId());

        assertThat(counts.confirmed()).isEqualTo(3);
        assertThat(counts.waiting()).isEqualTo(1);
        assertThat(counts.byGrade()).containsExactly(new GradeCount(3, 1, 0), new GradeCount(4, 2, 1));
        assertThat(counts.byCategory())
                .containsExactly(
                        new CategoryCount(CourseCategory.SCHOOL_BASED, Slot.SLOT_1, 2, 0),
                        new CategoryCount(CourseCategory.SCHOOL_BASED, Slot.SLOT_2, 1, 1));
        List<SchoolCounts> county = rosters.countyCounts(
                demo.scope("LY-JX-ADMIN"), campus.countyId(), campus.schoolYear(), TermKind.AUTUMN);
        assertThat(county).singleElement().satisfies(s -> {
            assertThat(s.schoolId()).isEqualTo(campus.schoolId());
            assertThat(s.counts().confirmed()).isEqualTo(3);
            assertThat(s.counts().waiting()).isEqualTo(1);
        });
        assertThatThrownBy(() -> rosters.countyCounts(
                        demo.scope("LY-LL-ADMIN"), campus.countyId(), campus.schoolYear(), TermKind.AUTUMN))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> rosters.schoolCounts(
                        fixtures.campus(demo.scope("LY-JX-ADMIN")).admin(), campus.schoolId(), campus.termId()))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void aMoveClaimsTheDestinationSeatPromotesTheFirstInLineAndTellsTheFamily() {
        UUID source = fixtures.offering(campus, DayOfWeek.MONDAY, Slot.SLOT_2, 1, 3);
        UUID destination = fixtures.offering(campus, DayOfWeek.WEDNESDAY, Slot.SLOT_2, 2, 3);
        fixtures.openWindowNow(campus, 5);
        Family moving = fixtures.family(campus, 3, 1);
        UserScope movingAccount = fixtures.account(moving);
        UUID registration = enroll(movingAccount, moving.child(), source);
        Family waiting = fixtures.family(campus, 3, 1);
        UUID inLine = enroll(waiting, source);

        StaffMoves.MoveOutcome outcome = moves.move(campus.admin(), registration, destination, "  家长申请调班  ");

        assertThat(status(registration)).isEqualTo("WITHDRAWN");
        assertThat(status(outcome.enrollmentId())).isEqualTo("CONFIRMED");
        assertThat(outcome.promoted()).isEqualTo(inLine);
        assertThat(status(inLine)).isEqualTo("CONFIRMED");
        assertThat(rosters.confirmedChildIds(destination)).containsExactly(moving.child());
        assertThat(actions(registration)).containsExactly("ENROLLED", "MOVED_OUT");
        assertThat(actions(outcome.enrollmentId())).containsExactly("MOVED_IN");
        assertThat(seat(source)).containsExactly(1, 0);
        assertThat(seat(destination)).containsExactly(1, 0);
        assertThat(jdbc.sql("select count(*) from platform.audit_event where action = 'registration.moved'"
                                + " and object_id = :id")
                        .param("id", registration)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("select arguments from platform.notification where recipient_id = :a"
                                + " and message_key = 'enrollment.notice.moved'")
                        .param("a", movingAccount.accountId())
                        .query(String.class)
                        .single())
                .contains("家长申请调班");
    }

    @Test
    void aRefusedOrOutOfScopeMoveChangesNothing() {
        UUID source = fixtures.offering(campus, DayOfWeek.MONDAY, Slot.SLOT_2, 5, 3);
        UUID full = fixtures.offering(campus, DayOfWeek.WEDNESDAY, Slot.SLOT_2, 1, 3);
        UUID fourthGrade = fixtures.offering(campus, DayOfWeek.THURSDAY, Slot.SLOT_2, 5, 4);
        UUID tuesday = fixtures.offering(campus, DayOfWeek.TUESDAY, Slot.SLOT_2, 5, 3);
        UUID alsoTuesday = fixtures.offering(campus, DayOfWeek.TUESDAY, Slot.SLOT_2, 5, 3);
        fixtures.openWindowNow(campus, 5);
        Family family = fixtures.family(campus, 3, 1);
        UUID registration = enroll(family, source);
        enroll(family, tuesday);
        enroll(fixtures.family(campus, 3, 1), full);
        Campus other = fixtures.campus(demo.scope("LY-JX-ADMIN"));
        UUID elsewhere = fixtures.offering(other, DayOfWeek.FRIDAY, Slot.SLOT_2, 5, 3);
        long before = changes();

        assertRefused(() -> moves.move(campus.admin(), registration, full, "满员"), "move.full");
        assertRefused(() -> moves.move(campus.admin(), registration, fourthGrade, "年级"), "enrollment.gradeNotOffered");
        assertRefused(() -> moves.move(campus.admin(), registration, alsoTuesday, "同时段"), "move.slotTaken");
        assertRefused(() -> moves.move(campus.admin(), registration, tuesday, "已报"), "move.slotTaken");
        assertRefused(() -> moves.move(campus.admin(), registration, full, "  "), "move.reasonRequired");
        assertRefused(() -> moves.move(campus.admin(), registration, full, "长".repeat(201)), "move.reasonTooLong");
        assertRefused(() -> moves.move(campus.admin(), registration, source, "同一"), "move.sameOffering");
        assertThatThrownBy(() -> moves.move(other.admin(), registration, elsewhere, "他校"))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> moves.move(campus.admin(), registration, elsewhere, "他校课程"))
                .isInstanceOf(NotFoundException.class);
        assertThat(changes()).isEqualTo(before);
        assertThat(status(registration)).isEqualTo("CONFIRMED");
    }

    @Test
    void cancellingAPublishedOfferingWithdrawsItsRegistrationsAndTellsTheFamilies() {
        UUID offering = fixtures.offering(campus, DayOfWeek.MONDAY, Slot.SLOT_2, 1, 3);
        fixtures.openWindowNow(campus, 5);
        Family seated = fixtures.family(campus, 3, 1);
        UserScope seatedAccount = fixtures.account(seated);
        UUID seat = enroll(seatedAccount, seated.child(), offering);
        Family waiting = fixtures.family(campus, 3, 1);
        UserScope waitingAccount = fixtures.account(waiting);
        UUID line = enroll(waitingAccount, waiting.child(), offering);

        catalog.cancelOffering(campus.admin(), offering, "场地维修");

        assertThat(status(seat)).isEqualTo("WITHDRAWN");
        assertThat(status(line)).isEqualTo("WITHDRAWN");
        assertThat(actions(seat)).containsExactly("ENROLLED", "CANCELLED");
        assertThat(actions(line)).containsExactly("WAITLISTED", "CANCELLED");
        assertThat(seat(offering)).containsExactly(0, 0);
        for (UserScope account : List.of(seatedAccount, waitingAccount)) {
            assertThat(jdbc.sql("select arguments from platform.notification where recipient_id = :a"
                                    + " and message_key = 'enrollment.notice.cancelled'")
                            .param("a", account.accountId())
                            .query(String.class)
                            .single())
                    .contains("场地维修");
        }
        Family late = fixtures.family(campus, 3, 1);
        assertThat(enrollment
                        .enroll(late.guardian(), fixtures.consenting(late.child(), offering), EnrollmentFixtures.key())
                        .result())
                .isNotEqualTo(EnrollmentResult.CONFIRMED);
    }

    private UUID enroll(Family family, UUID offering) {
        return enroll(family.guardian(), family.child(), offering);
    }

    private UUID enroll(UserScope guardian, UUID child, UUID offering) {
        return enrollment
                .enroll(guardian, fixtures.consenting(child, offering), EnrollmentFixtures.key())
                .enrollmentId();
    }

    private UserScope guardianOf(UUID registration) {
        UUID guardian = jdbc.sql("select guardian_id from enrollment.enrollment where id = :id")
                .param("id", registration)
                .query(UUID.class)
                .single();
        return new UserScope(
                UUID.randomUUID(),
                "家长",
                java.util.Set.of(org.kehou.platform.Role.GUARDIAN),
                null,
                null,
                null,
                guardian,
                null);
    }

    private String status(UUID registration) {
        return jdbc.sql("select status from enrollment.enrollment where id = :id")
                .param("id", registration)
                .query(String.class)
                .single();
    }

    private List<String> actions(UUID registration) {
        return jdbc.sql("select action from enrollment.enrollment_event where enrollment_id = :id order by seq")
                .param("id", registration)
                .query(String.class)
                .list();
    }

    private List<Integer> seat(UUID offering) {
        return jdbc.sql("select taken, waiting from enrollment.seat where offering_id = :id")
                .param("id", offering)
                .query((rs, n) -> List.of(rs.getInt(1), rs.getInt(2)))
                .single();
    }

    private long changes() {
        return jdbc.sql("""
                        select (select count(*) from enrollment.enrollment) * 1000
                          + (select coalesce(sum(version), 0) from enrollment.enrollment) * 100
                          + (select count(*) from enrollment.enrollment_event) * 10
                          + (select coalesce(sum(taken * 7 + waiting), 0) from enrollment.seat)
                          + (select count(*) from platform.notification) * 10000
                          + (select count(*) from platform.audit_event where action = 'registration.moved') * 100000""").query(Long.class).single();
    }

    private static void assertRefused(Runnable move, String messageKey) {
        assertThatThrownBy(move::run)
                .isInstanceOf(RuleViolation.class)
                .extracting(e -> ((RuleViolation) e).messageKey())
                .isEqualTo(messageKey);
    }
}
