package org.kehou.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kehou.catalog.CatalogManagement;
import org.kehou.catalog.ServiceKind;
import org.kehou.catalog.ServicePlanning;
import org.kehou.catalog.ServicePlanning.NewServiceTime;
import org.kehou.enrollment.CareFixtures.Family;
import org.kehou.operations.Incidents.IncidentLine;
import org.kehou.operations.Incidents.NewIncident;
import org.kehou.operations.OperationsFixtures.TestSchool;
import org.kehou.operations.Patrols.NewPatrol;
import org.kehou.operations.PickupAlerts.Alert;
import org.kehou.operations.PickupManagement.ChildStatus;
import org.kehou.operations.PickupManagement.DayList;
import org.kehou.operations.PickupManagement.NewFlag;
import org.kehou.operations.PickupManagement.NewPickupPerson;
import org.kehou.operations.PickupManagement.Release;
import org.kehou.operations.PickupManagement.ReleaseLine;
import org.kehou.organization.OrganizationManagement;
import org.kehou.organization.OrganizationQueries;
import org.kehou.platform.AccountManagement;
import org.kehou.platform.AuditTrail;
import org.kehou.platform.AuditTrail.AuditRecord;
import org.kehou.platform.MobileNumber;
import org.kehou.platform.NotFoundException;
import org.kehou.platform.Notifications;
import org.kehou.platform.PageQuery;
import org.kehou.platform.Photos;
import org.kehou.platform.RuleViolation;
import org.kehou.support.DemoFixtures;
import org.kehou.support.KehouTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The operations module with the organization, catalog and platform it uses (OPS-2..4): children are handed to their
 * guardians, the people their guardians authorised, or sent home alone with consent, by the staff who serve them;
 * anyone else, anyone flagged and going alone without consent are refused and the refusal is kept; the record is
 * never changed, only corrected by a further entry; the not-yet-picked-up alert is raised once, with a fixed clock,
 * for the children not handed over; patrol coverage counts the day's offerings patrolled; an incident tells the
 * guardians of the children involved.
 */
@KehouTest
class OperationsIntegrationTests {

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

    @Autowired
    DemoFixtures demo;

    OperationsFixtures fixtures;
    TestSchool school;

    @BeforeEach
    void school() {
        fixtures = new OperationsFixtures(organization, queries, accounts, planning, catalog, clock);
        school = fixtures.school(demo.county("410305"));
    }

    @Test
    void handsAChildToAGuardianAnAuthorisedPersonOrAloneWithConsent() {
        Family first = school.family("交接甲");
        Family second = school.family("交接乙");
        Family third = school.family("交接丙");
        UUID grandmother = pickup.authorise(
                first.scope(),
                first.student(),
                new NewPickupPerson(
                        "王外婆", PickupRelation.GRANDPARENT, MobileNumber.of("13900001111"), OperationsFixtures.photo()));
        pickup.consentToGoingAlone(third.scope(), third.student(), true);

        ReleaseLine toGrandmother = pickup.release(school.teacher(), release(first, ReleaseTo.PERSON, grandmother));
        ReleaseLine toMother = pickup.release(school.admin(), release(second, ReleaseTo.GUARDIAN, second.guardian()));
        ReleaseLine alone = pickup.release(school.teacher(), release(third, ReleaseTo.ALONE, null));

        assertThat(toGrandmother.personName()).isEqualTo("王外婆");
        assertThat(toGrandmother.relationKey()).isEqualTo("pickup.relation.GRANDPARENT");
        assertThat(toGrandmother.staffName()).isEqualTo(school.teacher().displayName());
        assertThat(toGrandmother.releasedAt()).isNotNull();
        assertThat(toGrandmother.entryNo()).isEqualTo(1);
        assertThat(toMother.personName()).isEqualTo("交接乙妈妈");
        assertThat(toMother.staffName()).isEqualTo(school.admin().displayName());
        assertThat(alone.personName()).isNull();
        assertThat(alone.releasedTo()).isEqualTo(ReleaseTo.ALONE);

        DayList list = pickup.day(school.teacher(), school.schoolClass(), school.day(), PickupService.SLOT_2);
        assertThat(list.runs()).isTrue();
        assertThat(list.endsAt()).isEqualTo(OperationsFixtures.SLOT_2_ENDS);
        assertThat(list.children())
                .filteredOn(c -> Set.of(first.student(), second.student(), third.student())
                        .contains(c.studentId()))
                .hasSize(3)
                .allMatch(ChildStatus::released);
        ChildStatus firstStatus = list.children().stream()
                .filter(c -> c.studentId().equals(first.student()))
                .findFirst()
                .orElseThrow();
        assertThat(firstStatus.choices())
                .extracting(PickupManagement.Choice::name)
                .containsExactly("交接甲妈妈", "王外婆");
        assertThat(firstStatus.choices().get(1).mobile()).isEqualTo("139****1111");
        assertThat(firstStatus.choices().get(1).photoId()).isNotNull();

        var family = pickup.family(first.scope(), first.student());
        assertThat(family.persons()).singleElement().satisfies(p -> {
            assertThat(p.mobile()).isEqualTo("13900001111");
            assertThat(p.photoId()).isNotNull();
        });
        assertThat(family.releases()).extracting(ReleaseLine::id).containsExactly(toGrandmother.id());
        assertThat(audit.historyOf(grandmother))
                .extracting(AuditRecord::action)
                .containsExactly("pickup.person.authorised");
        assertThat(audit.historyOf(grandmother).getFirst().afterState())
                .contains("139****1111")
                .doesNotContain("13900001111");
        assertThat(audit.historyOf(toGrandmother.id()))
                .extracting(AuditRecord::action)
                .containsExactly("pickup.released");
    }

    @Test
    void aHandOverKeepsTheEndOfItsServiceAsItWasWhenTheTimetableChangesLater() {
        Family family = school.family("交接丁");
        ReleaseLine released = pickup.release(school.teacher(), release(family, ReleaseTo.GUARDIAN, family.guardian()));
        assertThat(released.serviceEndsAt()).isEqualTo(OperationsFixtures.SLOT_2_ENDS);

        LocalTime later = OperationsFixtures.SLOT_2_ENDS.plusMinutes(30);
        planning.setServiceTime(
                school.admin(),
                school.id(),
                new NewServiceTime(school.term(), ServiceKind.SLOT_2, true, LocalTime.of(17, 0), later, null, null));

        assertThat(pickup.day(school.teacher(), school.schoolClass(), school.day(), PickupService.SLOT_2)
                        .endsAt())
                .as("the timetable now ends the service later")
                .isEqualTo(later);
        assertThat(pickup.family(family.scope(), family.student()).releases())
                .singleElement()
                .extracting(ReleaseLine::serviceEndsAt)
                .as("the hand-over keeps the end it was made against")
                .isEqualTo(OperationsFixtures.SLOT_2_ENDS);
    }

    @Test
    void refusesAnyoneNotAuthorisedOrFlaggedAndKeepsTheRefusedAttempt() {
        Family family = school.family("拒绝甲");
        UUID grandmother = pickup.authorise(
                family.scope(),
                family.student(),
                new NewPickupPerson("李奶奶", PickupRelation.GRANDPARENT, MobileNumber.of("13900002222"), null));

        assertRefused(() -> pickup.release(school.teacher(), other(family, "陌生人")), "pickup.refused.notAuthorised");
        assertRefused(
                () -> pickup.release(school.teacher(), release(family, ReleaseTo.ALONE, null)),
                "pickup.refused.noConsent");
        UUID flag = pickup.flag(school.teacher(), family.student(), new NewFlag("拒绝甲妈妈", "1234", "法院裁定由父亲抚养"));
        assertRefused(
                () -> pickup.release(school.teacher(), release(family, ReleaseTo.GUARDIAN, family.guardian())),
                "pickup.refused.flagged");
        pickup.removePerson(family.scope(), family.student(), grandmother);
        assertRefused(
                () -> pickup.release(school.admin(), release(family, ReleaseTo.PERSON, grandmother)),
                "pickup.refused.notOnList");

        assertThat(releases(family.student())).isZero();
        assertThat(jdbc.sql(
                                "select reason_key from operations.pickup_refusal where student_id = :s order by attempted_at")
                        .param("s", family.student())
                        .query(String.class)
                        .list())
                .containsExactlyInAnyOrder(
                        "pickup.refused.notAuthorised",
                        "pickup.refused.noConsent",
                        "pickup.refused.flagged",
                        "pickup.refused.notOnList");
        var refused = pickup.refusals(school.admin(), school.id(), new PageQuery(0, 20, "", false, ""));
        assertThat(refused.items())
                .filteredOn(r -> r.reasonKey().equals("pickup.refused.flagged"))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.personName()).isEqualTo("拒绝甲妈妈");
                    assertThat(r.reasonArguments()).containsExactly("拒绝甲妈妈", "拒绝甲", "法院裁定由父亲抚养");
                    assertThat(r.staffName()).isEqualTo(school.teacher().displayName());
                });
        assertThat(refused.items())
                .filteredOn(r -> r.reasonKey().equals("pickup.refused.notAuthorised"))
                .singleElement()
                .satisfies(r -> assertThat(r.personName()).isEqualTo("陌生人"));

        assertRefused(() -> pickup.liftFlag(school.teacher(), flag, " "), "pickup.flag.liftReasonRequired");
        pickup.liftFlag(school.teacher(), flag, "裁定已撤销");
        assertThat(pickup.release(school.teacher(), release(family, ReleaseTo.GUARDIAN, family.guardian()))
                        .personName())
                .isEqualTo("拒绝甲妈妈");
        assertThat(audit.historyOf(flag))
                .extracting(AuditRecord::action)
                .containsExactly("pickup.flag.lifted", "pickup.flag.raised");
        assertThat(pickup.child(school.admin(), family.student()).flags())
                .singleElement()
                .satisfies(f -> assertThat(f.liftReason()).isEqualTo("裁定已撤销"));
    }

    @Test
    void onlyTheStaffServingAChildHandItOverAndOnlyItsGuardiansKeepItsList() {
        Family family = school.family("范围甲");
        Family otherClass = school.otherFamily("范围乙");
        assertThatThrownBy(() -> pickup.release(
                        school.teacher(), release(otherClass, ReleaseTo.GUARDIAN, otherClass.guardian())))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> pickup.release(
                        demo.scope("JX-PS-ADMIN"), release(family, ReleaseTo.GUARDIAN, family.guardian())))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> pickup.release(family.scope(), release(family, ReleaseTo.GUARDIAN, family.guardian())))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> pickup.day(school.teacher(), school.otherClass(), school.day(), PickupService.SLOT_2))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> pickup.flag(school.teacher(), otherClass.student(), new NewFlag("某人", null, "原因")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> pickup.family(otherClass.scope(), family.student()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> pickup.authorise(
                        otherClass.scope(),
                        family.student(),
                        new NewPickupPerson("外人", PickupRelation.OTHER, MobileNumber.of("13900003333"), null)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> pickup.family(school.teacher(), family.student()))
                .isInstanceOf(NotFoundException.class);
        assertThat(releases(family.student()) + releases(otherClass.student())).isZero();
    }

    @Test
    void aCorrectionIsAFurtherEntryAndTheRecordIsNeverChanged() {
        Family family = school.family("更正甲");
        UUID uncle = pickup.authorise(
                family.scope(),
                family.student(),
                new NewPickupPerson("张舅舅", PickupRelation.RELATIVE, MobileNumber.of("13900004444"), null));
        ReleaseLine first = pickup.release(school.teacher(), release(family, ReleaseTo.GUARDIAN, family.guardian()));

        assertRefused(
                () -> pickup.release(school.teacher(), release(family, ReleaseTo.PERSON, uncle)),
                "pickup.release.already");
        assertRefused(
                () -> pickup.release(school.teacher(), correction(family, ReleaseTo.PERSON, uncle, first.id(), " ")),
                "pickup.correction.noteRequired");
        ReleaseLine second =
                pickup.release(school.teacher(), correction(family, ReleaseTo.PERSON, uncle, first.id(), "实际是舅舅接走"));
        assertThat(second.entryNo()).isEqualTo(2);
        assertThat(second.corrects()).isEqualTo(first.id());
        assertRefused(
                () -> pickup.release(
                        school.teacher(), correction(family, ReleaseTo.GUARDIAN, family.guardian(), first.id(), "再改")),
                "pickup.correction.stale");
        assertThat(pickup.status(school.teacher(), family.student(), school.day())
                        .latest())
                .satisfies(l -> assertThat(l.personName()).isEqualTo("张舅舅"));

        assertThatThrownBy(() -> jdbc.sql("update operations.pickup_release set person_name = 'x' where id = :id")
                        .param("id", first.id())
                        .update())
                .isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> jdbc.sql("delete from operations.pickup_release where id = :id")
                        .param("id", first.id())
                        .update())
                .isInstanceOf(DataAccessException.class);
        assertRefused(() -> pickup.release(school.teacher(), other(family, "路人")), "pickup.release.already");
        pickup.consentToGoingAlone(family.scope(), family.student(), false);
        assertRefused(
                () -> pickup.release(school.teacher(), correction(family, ReleaseTo.ALONE, null, second.id(), "改")),
                "pickup.refused.noConsent");
        assertThatThrownBy(() -> jdbc.sql("delete from operations.pickup_refusal where student_id = :s")
                        .param("s", family.student())
                        .update())
                .isInstanceOf(DataAccessException.class);
        assertThat(releases(family.student())).isEqualTo(2);
    }

    @Test
    void refusesDaysToComeAndDaysTheServiceDoesNotRun() {
        Family family = school.family("日期甲");
        LocalDate saturday = school.day().with(java.time.temporal.TemporalAdjusters.next(DayOfWeek.SATURDAY));
        assertRefused(
                () -> pickup.release(
                        school.teacher(),
                        new Release(
                                family.student(),
                                LocalDate.now(clock).plusDays(1),
                                PickupService.SLOT_2,
                                ReleaseTo.GUARDIAN,
                                family.guardian(),
                                null,
                                null,
                                null)),
                "pickup.date.future");
        assertRefused(
                () -> pickup.release(
                        school.teacher(),
                        new Release(
                                family.student(),
                                saturday,
                                PickupService.SLOT_2,
                                ReleaseTo.GUARDIAN,
                                family.guardian(),
                                null,
                                null,
                                null)),
                "pickup.service.notThatDay");
        assertRefused(
                () -> pickup.release(
                        school.teacher(),
                        new Release(
                                family.student(),
                                school.day(),
                                PickupService.OPENING,
                                ReleaseTo.GUARDIAN,
                                family.guardian(),
                                null,
                                null,
                                null)),
                "pickup.service.notThatDay");
        assertThat(pickup.day(school.teacher(), school.schoolClass(), saturday, PickupService.SLOT_2)
                        .children())
                .isEmpty();
        assertThat(releases(family.student())).isZero();
        assertThat(jdbc.sql("select count(*) from operations.pickup_refusal where student_id = :s")
                        .param("s", family.student())
                        .query(Long.class)
                        .single())
                .as("a wrong day is not a refused hand-over")
                .isZero();
    }

    @Test
    void alertsOnceForTheChildrenNotYetPickedUpAfterTheService() {
        Family gone = school.family("提醒甲");
        Family waiting = school.family("提醒乙");
        Family unrecorded = school.otherFamily("提醒丙");
        pickup.release(school.teacher(), release(gone, ReleaseTo.GUARDIAN, gone.guardian()));

        PickupAlerts early = alerts(school.day().atTime(18, 14));
        assertThat(early.check(school.countyId(), school.id(), school.day())).isEmpty();
        assertThat(alertRows()).isZero();

        PickupAlerts due = alerts(school.day().atTime(18, 16));
        Alert alert = due.check(school.countyId(), school.id(), school.day()).orElseThrow();
        assertThat(alert.service()).isEqualTo(PickupService.SLOT_2);
        assertThat(alert.due()).isEqualTo(school.day().atTime(18, 15));
        assertThat(alert.waiting())
                .contains(waiting.student(), unrecorded.student())
                .doesNotContain(gone.student());
        assertThat(messages(waiting.account())).containsExactly("pickup.alert.guardian");
        assertThat(messages(gone.account())).isEmpty();
        assertThat(messages(unrecorded.account()))
                .as("a class that records no hand-over does not alarm its families")
                .isEmpty();
        assertThat(messages(school.admin().accountId()))
                .containsExactlyInAnyOrder("pickup.alert.school", "pickup.alert.unrecorded");

        assertThat(due.check(school.countyId(), school.id(), school.day())).isEmpty();
        PickupAlerts otherInstance = alerts(school.day().atTime(19, 30));
        assertThat(otherInstance.check(school.countyId(), school.id(), school.day()))
                .isEmpty();
        assertThat(otherInstance.checkDue()).extracting(Alert::schoolId).doesNotContain(school.id());
        assertThat(alertRows()).isEqualTo(1);
        assertThat(messages(waiting.account())).containsExactly("pickup.alert.guardian");
        assertThat(messages(school.admin().accountId())).hasSize(2);
    }

    @Test
    void coverageIsTheShareOfTheDaysOfferingsPatrolledThatDay() {
        UUID patrolled = fixtures.offering(school, DayOfWeek.WEDNESDAY, true);
        UUID notPatrolled = fixtures.offering(school, DayOfWeek.WEDNESDAY, true);
        UUID draft = fixtures.offering(school, DayOfWeek.WEDNESDAY, false);
        UUID thursday = fixtures.offering(school, DayOfWeek.THURSDAY, true);
        LocalDate day = school.day();
        Patrols patrols = patrolsAt(day.atTime(17, 30));

        assertThat(patrols.coverage(school.admin(), school.id(), day).total()).isEqualTo(2);
        assertThat(patrols.coverage(school.admin(), school.id(), day).patrolled())
                .isZero();

        UUID first = patrols.record(
                school.admin(),
                school.id(),
                new NewPatrol(
                        day.atTime(16, 40),
                        patrolled,
                        null,
                        null,
                        "学生在做手工",
                        Set.of(PatrolIssue.NO_EXERCISE),
                        "通知任课老师补上锻炼",
                        List.of(OperationsFixtures.photo())));
        patrols.record(
                school.admin(),
                school.id(),
                new NewPatrol(day.atTime(17, 0), patrolled, null, null, "再次巡查", Set.of(), null, List.of()));
        patrols.record(
                school.admin(),
                school.id(),
                new NewPatrol(day.atTime(17, 10), null, null, "校门口", "放学秩序良好", Set.of(), null, List.of()));
        patrols.record(
                school.admin(),
                school.id(),
                new NewPatrol(
                        day.minusDays(7).atTime(17, 0), notPatrolled, null, null, "上周巡查", Set.of(), null, List.of()));

        var coverage = patrols.coverage(school.admin(), school.id(), day);
        assertThat(coverage.total()).isEqualTo(2);
        assertThat(coverage.patrolled()).isEqualTo(1);
        assertThat(coverage.percent()).isEqualTo(50);
        assertThat(coverage.offerings())
                .extracting(c -> c.offering().id())
                .containsExactlyInAnyOrder(patrolled, notPatrolled)
                .doesNotContain(draft, thursday);

        var line = patrols.day(school.admin(), school.id(), day).stream()
                .filter(p -> p.id().equals(first))
                .findFirst()
                .orElseThrow();
        assertThat(line.issues()).containsExactly(PatrolIssue.NO_EXERCISE);
        assertThat(line.photoIds()).hasSize(1);
        assertThat(line.open()).isTrue();
        assertThat(line.place()).startsWith("运行场地");
        assertThat(patrols.openFollowUps(school.admin(), school.id(), new PageQuery(0, 20, "", false, ""))
                        .items())
                .extracting(Patrols.PatrolLine::id)
                .containsExactly(first);
        patrols.resolve(school.admin(), first, "已补二十分钟跳绳");
        assertThat(patrols.openFollowUps(school.admin(), school.id(), new PageQuery(0, 20, "", false, ""))
                        .items())
                .isEmpty();

        assertRefused(
                () -> patrols.record(
                        school.admin(),
                        school.id(),
                        new NewPatrol(day.atTime(18, 0), null, null, "操场", "将来", Set.of(), null, List.of())),
                "patrol.time.future");
        UUID demoOffering = jdbc.sql("select id from catalog.offering where school_id = :s order by id limit 1")
                .param("s", demo.school("JX-PS"))
                .query(UUID.class)
                .single();
        assertRefused(
                () -> patrols.record(
                        school.admin(),
                        school.id(),
                        new NewPatrol(day.atTime(17, 0), demoOffering, null, null, "别校", Set.of(), null, List.of())),
                "patrol.offering.unknown");
        assertThatThrownBy(() -> patrols.resolve(demo.scope("JX-PS-ADMIN"), first, "越权"))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void anIncidentTellsTheGuardiansOfTheChildrenInvolved() {
        Family hurt = school.family("事件甲");
        Family involved = school.family("事件乙");
        Family otherClass = school.otherFamily("事件丙");
        LocalDateTime when = LocalDateTime.now(clock).minusHours(1).withNano(0);

        UUID id = incidents.report(
                school.teacher(),
                new NewIncident(
                        IncidentKind.CONFLICT,
                        when,
                        "教室",
                        "两人争抢玩具",
                        "已分开并安抚",
                        Set.of(hurt.student(), involved.student())));

        assertThat(messages(hurt.account())).containsExactly("incident.notify.CONFLICT");
        assertThat(messages(involved.account())).containsExactly("incident.notify.CONFLICT");
        assertThat(messages(otherClass.account())).isEmpty();
        assertThat(audit.historyOf(id)).extracting(AuditRecord::action).containsExactly("incident.reported");
        assertThat(incidents
                        .incidents(school.teacher(), new PageQuery(0, 20, "", false, ""))
                        .items())
                .extracting(IncidentLine::id)
                .contains(id);
        assertThat(incidents
                        .incidents(school.admin(), new PageQuery(0, 20, "", false, ""))
                        .items())
                .filteredOn(i -> i.id().equals(id))
                .singleElement()
                .satisfies(i -> assertThat(i.children()).containsExactlyInAnyOrder("事件甲", "事件乙"));
        assertThat(incidents
                        .incidents(school.otherTeacher(), new PageQuery(0, 20, "", false, ""))
                        .items())
                .extracting(IncidentLine::id)
                .doesNotContain(id);

        assertRefused(
                () -> incidents.report(
                        school.teacher(),
                        new NewIncident(IncidentKind.INJURY, when, "", "摔倒", "处理", Set.of(otherClass.student()))),
                "incident.children.unknown");
        assertRefused(
                () -> incidents.report(
                        school.admin(),
                        new NewIncident(IncidentKind.INJURY, when, "", "摔倒", "处理", Set.of(demo.anyStudentOf("JX-PS")))),
                "incident.children.unknown");
        assertRefused(
                () -> incidents.report(
                        school.admin(),
                        new NewIncident(
                                IncidentKind.ILLNESS, when.plusDays(1), "", "发烧", "送医", Set.of(hurt.student()))),
                "incident.time.future");
        assertThat(messages(otherClass.account())).isEmpty();
        assertThat(messages(hurt.account())).hasSize(1);
    }

    private Release release(Family family, ReleaseTo to, UUID person) {
        return new Release(family.student(), school.day(), PickupService.SLOT_2, to, person, null, null, null);
    }

    private Release other(Family family, String name) {
        return new Release(
                family.student(), school.day(), PickupService.SLOT_2, ReleaseTo.OTHER, null, name, null, null);
    }

    private Release correction(Family family, ReleaseTo to, UUID person, UUID corrects, String note) {
        return new Release(family.student(), school.day(), PickupService.SLOT_2, to, person, null, corrects, note);
    }

    private PickupAlerts alerts(LocalDateTime at) {
        return FixedClocks.alerts(at, queries, schedule, pickup, notifications, jdbc, transactions);
    }

    private Patrols patrolsAt(LocalDateTime at) {
        return FixedClocks.patrols(at, patrolRepository, queries, catalog, photos, schedule, audit, jdbc, transactions);
    }

    private long alertRows() {
        return jdbc.sql("select count(*) from operations.pickup_alert where school_id = :s")
                .param("s", school.id())
                .query(Long.class)
                .single();
    }

    private long releases(UUID student) {
        return jdbc.sql("select count(*) from operations.pickup_release where student_id = :s")
                .param("s", student)
                .query(Long.class)
                .single();
    }

    private List<String> messages(UUID account) {
        return jdbc.sql("select message_key from platform.notification where recipient_id = :a order by created_at")
                .param("a", account)
                .query(String.class)
                .list();
    }

    private static void assertRefused(Runnable command, String key) {
        assertThatThrownBy(command::run)
                .isInstanceOfSatisfying(
                        RuleViolation.class, e -> assertThat(e.messageKey()).isEqualTo(key));
    }
}
