package org.kehou.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kehou.catalog.CatalogManagement;
import org.kehou.catalog.ServicePlanning;
import org.kehou.enrollment.CareFixtures.Family;
import org.kehou.operations.Incidents.NewIncident;
import org.kehou.operations.OperationsFixtures.TestSchool;
import org.kehou.operations.Patrols.NewPatrol;
import org.kehou.operations.PickupManagement.NewFlag;
import org.kehou.operations.PickupManagement.NewPickupPerson;
import org.kehou.operations.PickupManagement.Release;
import org.kehou.operations.PickupManagement.ReleaseLine;
import org.kehou.organization.OrganizationManagement;
import org.kehou.organization.OrganizationQueries;
import org.kehou.platform.AccountManagement;
import org.kehou.platform.AuditTrail;
import org.kehou.platform.MobileNumber;
import org.kehou.platform.Notifications;
import org.kehou.platform.PageQuery;
import org.kehou.platform.Photos;
import org.kehou.platform.RuleViolation;
import org.kehou.support.PostgresTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The operations migrations, aggregates and queries on PostgreSQL: people, flags and refusals round-trip; a
 * hand-over's entries are numbered and the database itself refuses to change or delete them or the refusals; the
 * conditional alert row is inserted once; patrol issues, photos and coverage, and incidents with their children and
 * notices, read back as written.
 */
@PostgresTest
@SpringBootTest(properties = "kehou.demo.enabled=false")
class OperationsPostgresTests {

    static final java.util.concurrent.atomic.AtomicInteger COUNTIES = new java.util.concurrent.atomic.AtomicInteger();

    @Autowired
    PickupManagement pickup;

    @Autowired
    PickupSchedule schedule;

    @Autowired
    Incidents incidents;

    @Autowired
    PatrolRepository patrolRepository;

    @Autowired
    OrganizationManagement organization;

    @Autowired
    OrganizationQueries queries;

    @Autowired
    AccountManagement accounts;

    @Autowired
    ServicePlanning planning;

    @Autowired
    CatalogManagement catalog;

    @Autowired
    Photos photos;

    @Autowired
    AuditTrail audit;

    @Autowired
    Notifications notifications;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Test
    void handsOverRefusesCorrectsAndAlertsOnPostgres() {
        OperationsFixtures fixtures = fixtures();
        TestSchool school = fixtures.school(county());
        Family gone = school.family("库交接甲");
        Family waiting = school.family("库交接乙");
        UUID person = pickup.authorise(
                gone.scope(),
                gone.student(),
                new NewPickupPerson(
                        "库外婆", PickupRelation.GRANDPARENT, MobileNumber.of("13900008888"), OperationsFixtures.photo()));
        pickup.flag(school.admin(), waiting.student(), new NewFlag("库交接乙妈妈", "0000", "抚养权裁定"));

        ReleaseLine first =
                pickup.release(school.teacher(), release(school, gone, ReleaseTo.GUARDIAN, gone.guardian()));
        ReleaseLine second = pickup.release(
                school.teacher(),
                new Release(
                        gone.student(),
                        school.day(),
                        PickupService.SLOT_2,
                        ReleaseTo.PERSON,
                        person,
                        null,
                        first.id(),
                        "外婆接走"));
        assertThat(second.entryNo()).isEqualTo(2);
        assertThatThrownBy(() -> pickup.release(
                        school.teacher(), release(school, waiting, ReleaseTo.GUARDIAN, waiting.guardian())))
                .isInstanceOfSatisfying(
                        RuleViolation.class, e -> assertThat(e.messageKey()).isEqualTo("pickup.refused.flagged"));

        var day = pickup.day(school.teacher(), school.schoolClass(), school.day(), PickupService.SLOT_2);
        assertThat(day.endsAt()).isEqualTo(OperationsFixtures.SLOT_2_ENDS);
        assertThat(day.children())
                .filteredOn(c -> c.studentId().equals(gone.student()))
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.entries()).extracting(ReleaseLine::entryNo).containsExactly(1, 2);
                    assertThat(c.latest().personName()).isEqualTo("库外婆");
                    assertThat(c.latest().note()).isEqualTo("外婆接走");
                });
        assertThat(day.children())
                .filteredOn(c -> c.studentId().equals(waiting.student()))
                .singleElement()
                .satisfies(c -> assertThat(c.flags())
                        .singleElement()
                        .satisfies(f -> assertThat(f.idHint()).isEqualTo("0000")));
        assertThat(pickup.progress(school.admin(), school.day()))
                .filteredOn(p -> p.schoolClass().id().equals(school.schoolClass()))
                .singleElement()
                .satisfies(p -> assertThat(p.released()).isEqualTo(1));
        assertThat(pickup.refusals(school.admin(), school.id(), new PageQuery(0, 20, "", false, ""))
                        .items())
                .singleElement()
                .satisfies(r -> assertThat(r.reasonArguments()).containsExactly("库交接乙妈妈", "库交接乙", "抚养权裁定"));

        assertThatThrownBy(() -> jdbc.sql("update operations.pickup_release set note = 'x' where id = :id")
                        .param("id", second.id())
                        .update())
                .isInstanceOf(DataAccessException.class);
        assertThatThrownBy(
                        () -> jdbc.sql("delete from operations.pickup_refusal").update())
                .isInstanceOf(DataAccessException.class);

        PickupAlerts alerts = FixedClocks.alerts(
                school.day().atTime(18, 20), queries, schedule, pickup, notifications, jdbc, transactions);
        assertThat(alerts.check(school.countyId(), school.id(), school.day()))
                .hasValueSatisfying(a -> assertThat(a.waiting()).containsExactly(waiting.student()));
        assertThat(alerts.check(school.countyId(), school.id(), school.day())).isEmpty();
        assertThat(FixedClocks.alerts(
                                school.day().atTime(21, 0),
                                queries,
                                schedule,
                                pickup,
                                notifications,
                                jdbc,
                                transactions)
                        .checkDue())
                .extracting(PickupAlerts.Alert::schoolId)
                .doesNotContain(school.id());
        assertThat(jdbc.sql("select message_key from platform.notification where recipient_id = :a")
                        .param("a", waiting.account())
                        .query(String.class)
                        .list())
                .containsExactly("pickup.alert.guardian");
        assertThat(jdbc.sql("select count(*) from operations.pickup_alert where school_id = :s")
                        .param("s", school.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void keepsPatrolsWithTheirIssuesPhotosAndCoverageAndIncidentsWithTheirChildren() {
        OperationsFixtures fixtures = fixtures();
        TestSchool school = fixtures.school(county());
        UUID patrolled = fixtures.offering(school, DayOfWeek.WEDNESDAY, true);
        fixtures.offering(school, DayOfWeek.WEDNESDAY, true);
        Patrols patrols = FixedClocks.patrols(
                school.day().atTime(18, 0),
                patrolRepository,
                queries,
                catalog,
                photos,
                schedule,
                audit,
                jdbc,
                transactions);
        UUID id = patrols.record(
                school.admin(),
                school.id(),
                new NewPatrol(
                        school.day().atTime(17, 20),
                        patrolled,
                        null,
                        null,
                        "学生在排练\n合唱",
                        Set.of(PatrolIssue.NEW_LESSON_IN_SLOT_1, PatrolIssue.SAFETY_PROBLEM),
                        "与任课老师谈话",
                        List.of(OperationsFixtures.photo(), OperationsFixtures.photo())));
        var coverage = patrols.coverage(school.admin(), school.id(), school.day());
        assertThat(coverage.patrolled()).isEqualTo(1);
        assertThat(coverage.total()).isEqualTo(2);
        assertThat(patrols.day(school.admin(), school.id(), school.day()))
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.id()).isEqualTo(id);
                    assertThat(p.observed()).isEqualTo("学生在排练\n合唱");
                    assertThat(p.issues())
                            .containsExactly(PatrolIssue.NEW_LESSON_IN_SLOT_1, PatrolIssue.SAFETY_PROBLEM);
                    assertThat(p.photoIds()).hasSize(2);
                    assertThat(p.patrolledAt()).isEqualTo(school.day().atTime(17, 20));
                });
        patrols.resolve(school.admin(), id, "已谈话");
        assertThat(patrols.patrol(school.admin(), id).followUpStatus()).isEqualTo(FollowUpStatus.RESOLVED);

        Family hurt = school.family("库事件甲");
        UUID incident = incidents.report(
                school.admin(),
                new NewIncident(
                        IncidentKind.ILLNESS,
                        LocalDateTime.now(clock).minusHours(2).withNano(0),
                        "",
                        "发烧",
                        "送医务室并通知家长",
                        Set.of(hurt.student())));
        assertThat(incidents
                        .incidents(school.teacher(), new PageQuery(0, 20, "", false, ""))
                        .items())
                .singleElement()
                .satisfies(i -> {
                    assertThat(i.id()).isEqualTo(incident);
                    assertThat(i.children()).containsExactly("库事件甲");
                });
        assertThat(jdbc.sql("select arguments from platform.notification where recipient_id = :a")
                        .param("a", hurt.account())
                        .query(String.class)
                        .single())
                .contains("送医务室并通知家长");
    }

    private OperationsFixtures fixtures() {
        return new OperationsFixtures(organization, queries, accounts, planning, catalog, clock);
    }

    private Release release(TestSchool school, Family family, ReleaseTo to, UUID person) {
        return new Release(family.student(), school.day(), PickupService.SLOT_2, to, person, null, null, null);
    }

    /** A county of its own in a city made for the test, since the postgres profile has no demo city. */
    private UUID county() {
        UUID city = jdbc.sql("select id from organization.city")
                .query(UUID.class)
                .optional()
                .orElseGet(() -> {
                    UUID id = UUID.randomUUID();
                    jdbc.sql("insert into organization.city (id, version, code, name, name_en)"
                                    + " values (:id, 0, '419900', '测试市', 'Test')")
                            .param("id", id)
                            .update();
                    return id;
                });
        UUID county = UUID.randomUUID();
        jdbc.sql("insert into organization.county (id, version, city_id, code, name, name_en, kind, sort_order)"
                        + " values (:id, 0, :city, :code, '测试区', 'Test', 'DISTRICT', 0)")
                .param("id", county)
                .param("city", city)
                .param("code", String.valueOf(419_700 + COUNTIES.incrementAndGet()))
                .update();
        return county;
    }
}
