package org.kehou.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kehou.catalog.CatalogManagement;
import org.kehou.catalog.ServicePlanning;
import org.kehou.enrollment.CareFixtures.Family;
import org.kehou.enrollment.CareRequests;
import org.kehou.operations.CareCheckOut.CareChild;
import org.kehou.operations.CareCheckOut.GroupCheckOut;
import org.kehou.operations.EarlyArrivals.Arrival;
import org.kehou.operations.EarlyArrivals.ArrivalDay;
import org.kehou.operations.EarlyArrivals.CheckIn;
import org.kehou.operations.EarlyArrivals.CheckInLine;
import org.kehou.operations.OperationsFixtures.TestSchool;
import org.kehou.operations.PickupManagement.Release;
import org.kehou.organization.OrganizationManagement;
import org.kehou.organization.OrganizationQueries;
import org.kehou.platform.AccountManagement;
import org.kehou.platform.AuditTrail;
import org.kehou.platform.NotFoundException;
import org.kehou.platform.RuleViolation;
import org.kehou.support.DemoFixtures;
import org.kehou.support.KehouTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The early-arrival check-in (SCOPE-1) and the extended-care check-out (SCOPE-2) on a school day of a past term with
 * a fixed clock: the care staff take their children in once, with the time and their name, a child not on the list
 * with a reason, a correction as a further entry; the supervisor of a care group hands its children over through the
 * gate's hand-over, and a child waiting past their latest pickup time is marked late. Nobody else reaches either.
 */
@KehouTest
class EarlyArrivalsTests {

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
    PickupSchedule schedule;

    @Autowired
    CareRequests care;

    @Autowired
    PickupManagement pickup;

    @Autowired
    AuditTrail audit;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    java.time.Clock clock;

    @Autowired
    DemoFixtures demo;

    TestSchool school;
    Family expected;
    Family other;

    @BeforeEach
    void school() {
        school = new OperationsFixtures(organization, queries, accounts, planning, catalog, clock)
                .school(demo.county("410305"));
        expected = school.family("签到甲");
        other = school.otherFamily("签到乙");
        earlyArrival(expected, school.teacherStaff(), school.day());
    }

    @Test
    void theCareStaffChecksAnExpectedChildInOnceWithTheTimeAndTheirName() {
        EarlyArrivals arrivals = at(7, 26);

        ArrivalDay before = arrivals.day(school.teacher(), school.day());
        assertThat(before.schoolDay()).isTrue();
        assertThat(before.expected()).extracting(Arrival::studentId).containsExactly(expected.student());
        assertThat(before.expected().getFirst().arrivalTime()).isEqualTo(LocalTime.of(7, 25));
        assertThat(before.waiting()).hasSize(1);

        CheckInLine line =
                arrivals.checkIn(school.teacher(), new CheckIn(expected.student(), school.day(), true, null, ""));

        assertThat(line.checkedInAt()).isEqualTo(school.day().atTime(7, 26));
        assertThat(line.staffName()).isEqualTo(school.teacher().displayName());
        assertThat(line.expected()).isTrue();
        ArrivalDay after = arrivals.day(school.teacher(), school.day());
        assertThat(after.in()).isEqualTo(1);
        assertThat(after.waiting()).isEmpty();
        assertThatThrownBy(() -> at(7, 40)
                        .checkIn(school.teacher(), new CheckIn(expected.student(), school.day(), true, null, "")))
                .isInstanceOf(RuleViolation.class)
                .hasMessageContaining("checkin.already");
        assertThat(entries()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from platform.audit_event where object_id = :id")
                        .param("id", line.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aCorrectionIsAFurtherEntryWithAReason() {
        CheckInLine first =
                at(7, 26).checkIn(school.teacher(), new CheckIn(expected.student(), school.day(), true, null, ""));

        assertThatThrownBy(() -> at(7, 30)
                        .checkIn(
                                school.teacher(),
                                new CheckIn(expected.student(), school.day(), false, first.id(), " ")))
                .hasMessageContaining("checkin.reason.required");
        CheckInLine correction = at(7, 30)
                .checkIn(school.teacher(), new CheckIn(expected.student(), school.day(), false, first.id(), "认错了孩子"));

        assertThat(correction.entryNo()).isEqualTo(2);
        assertThat(correction.corrects()).isEqualTo(first.id());
        Arrival arrival =
                at(7, 31).day(school.teacher(), school.day()).expected().getFirst();
        assertThat(arrival.in()).isFalse();
        assertThat(arrival.entries()).hasSize(2);
        assertThatThrownBy(() -> jdbc.sql("delete from operations.early_arrival_check_in where id = :id")
                        .param("id", first.id())
                        .update())
                .hasStackTraceContaining("append-only");
    }

    @Test
    void aChildNotOnTheListNeedsAReasonAndAChildOfAnotherSchoolIsNotFound() {
        EarlyArrivals arrivals = at(7, 35);
        assertThatThrownBy(() ->
                        arrivals.checkIn(school.teacher(), new CheckIn(other.student(), school.day(), true, null, "")))
                .hasMessageContaining("checkin.reason.required");
        assertThatThrownBy(() -> arrivals.checkIn(
                        school.teacher(), new CheckIn(other.student(), school.day(), true, null, "长".repeat(201))))
                .hasMessageContaining("checkin.reason.tooLong");
        assertThat(entries()).isZero();

        CheckInLine line =
                arrivals.checkIn(school.teacher(), new CheckIn(other.student(), school.day(), true, null, "哥哥早到"));

        assertThat(line.expected()).isFalse();
        assertThat(line.reason()).isEqualTo("哥哥早到");
        assertThat(arrivals.day(school.teacher(), school.day()).unlisted())
                .extracting(Arrival::studentId)
                .containsExactly(other.student());
        assertThat(arrivals.findChildren(school.teacher(), school.day(), "签到乙"))
                .extracting(s -> s.id())
                .contains(other.student());

        UUID foreign = jdbc.sql("select id from organization.student where school_id = :s limit 1")
                .param("s", demo.school("JX-PS"))
                .query(UUID.class)
                .single();
        assertThatThrownBy(
                        () -> arrivals.checkIn(school.teacher(), new CheckIn(foreign, school.day(), true, null, "外校")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> arrivals.checkIn(
                        school.teacher(), new CheckIn(UUID.randomUUID(), school.day(), true, null, "无此人")))
                .isInstanceOf(NotFoundException.class);
        assertThat(entries()).isEqualTo(1);
    }

    @Test
    void onlyTheCareStaffOnTheDayChecksChildrenIn() {
        EarlyArrivals arrivals = at(7, 26);
        assertThat(arrivals.day(school.otherTeacher(), school.day()).expected()).isEmpty();
        assertThatThrownBy(() -> arrivals.checkIn(
                        school.otherTeacher(), new CheckIn(expected.student(), school.day(), true, null, "代签")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> at(7, 26)
                        .checkIn(
                                school.teacher(),
                                new CheckIn(expected.student(), school.day().minusDays(1), true, null, "")))
                .hasMessageContaining("checkin.date.notToday");
        assertThat(arrivals.day(school.admin(), school.day()).expected()).hasSize(1);
    }

    @Test
    void theSupervisorOfACareGroupReleasesItsChildrenThroughTheHandOver() {
        UUID group = careGroup(school.otherTeacher().staffId(), "签到托管组");
        extendedCare(expected, group, school.day());
        CareCheckOut early =
                new CareCheckOut(care, pickup, FixedClocks.at(school.day().atTime(18, 10)));
        CareCheckOut late =
                new CareCheckOut(care, pickup, FixedClocks.at(school.day().atTime(18, 40)));

        GroupCheckOut list = early.day(school.otherTeacher(), school.day()).getFirst();
        assertThat(list.group().id()).isEqualTo(group);
        CareChild child = list.children().getFirst();
        assertThat(child.pickupBy()).isEqualTo(LocalTime.of(18, 30));
        assertThat(child.late()).isFalse();
        assertThat(late.day(school.otherTeacher(), school.day())
                        .getFirst()
                        .children()
                        .getFirst()
                        .late())
                .isTrue();
        assertThat(early.day(school.teacher(), school.day())).isEmpty();

        // the head teacher of another class may not, the supervisor may, and only after extended care
        Release slot = new Release(
                expected.student(),
                school.day(),
                PickupService.SLOT_2,
                ReleaseTo.GUARDIAN,
                expected.guardian(),
                null,
                null,
                null);
        assertThatThrownBy(() -> pickup.release(school.otherTeacher(), slot)).isInstanceOf(NotFoundException.class);
        pickup.release(
                school.otherTeacher(),
                new Release(
                        expected.student(),
                        school.day(),
                        PickupService.EXTENDED_CARE,
                        ReleaseTo.GUARDIAN,
                        expected.guardian(),
                        null,
                        null,
                        null));

        GroupCheckOut after = late.day(school.otherTeacher(), school.day()).getFirst();
        assertThat(after.released()).isEqualTo(1);
        assertThat(after.waiting()).isEmpty();
        assertThat(after.children().getFirst().late()).isFalse();
        assertThat(after.children().getFirst().status().latest().staffName())
                .isEqualTo(school.otherTeacher().displayName());
        Family outside = school.family("签到丙");
        assertThatThrownBy(() -> pickup.release(
                        school.otherTeacher(),
                        new Release(
                                outside.student(),
                                school.day(),
                                PickupService.EXTENDED_CARE,
                                ReleaseTo.GUARDIAN,
                                outside.guardian(),
                                null,
                                null,
                                null)))
                .isInstanceOf(NotFoundException.class);
    }

    private EarlyArrivals at(int hour, int minute) {
        return FixedClocks.transactional(
                new EarlyArrivals(
                        care,
                        schedule,
                        queries,
                        audit,
                        jdbc,
                        FixedClocks.at(school.day().atTime(hour, minute))),
                transactions);
    }

    private long entries() {
        return jdbc.sql("select count(*) from operations.early_arrival_check_in where school_id = :s")
                .param("s", school.id())
                .query(Long.class)
                .single();
    }

    private UUID careGroup(UUID supervisor, String name) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into enrollment.care_group (id, version, county_id, school_id, name, supervisor_id,
                          supervisor_name, room, formed_at)
                        values (:id, 0, :county, :school, :name, :staff, '托管老师', '图书馆', :at)""")
                .param("id", id)
                .param("county", school.countyId())
                .param("school", school.id())
                .param("name", name)
                .param("staff", supervisor)
                .param("at", LocalDateTime.now(clock))
                .update();
        return id;
    }

    private void extendedCare(Family family, UUID group, LocalDate day) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into enrollment.extended_care_request (id, version, county_id, school_id, student_id,
                          student_name, grade_level, class_name, guardian_id, first_day, last_day, pickup_by, reason,
                          status, care_group_id, submitted_at, decided_at)
                        values (:id, 0, :county, :school, :student, '签到', 2, '1班', :guardian, :day, :day, '18:30',
                          '下班晚', 'ACCEPTED', :group, :at, :at)""")
                .param("id", id)
                .param("county", school.countyId())
                .param("school", school.id())
                .param("student", family.student())
                .param("guardian", family.guardian())
                .param("day", day)
                .param("group", group)
                .param("at", LocalDateTime.now(clock))
                .update();
        jdbc.sql("""
                        insert into enrollment.extended_care_weekday (request_id, county_id, school_id, weekday)
                        values (:id, :county, :school, :weekday)""")
                .param("id", id)
                .param("county", school.countyId())
                .param("school", school.id())
                .param("weekday", day.getDayOfWeek().name())
                .update();
    }

    private void earlyArrival(Family family, UUID staff, LocalDate day) {
        jdbc.sql("""
                        insert into enrollment.early_arrival_request (id, version, county_id, school_id, student_id,
                          student_name, grade_level, class_name, guardian_id, first_day, last_day, arrival_time,
                          reason, special_need, status, care_staff_id, care_staff_name, submitted_at, decided_at)
                        values (:id, 0, :county, :school, :student, '签到甲', 2, '1班', :guardian, :day, :day, '07:25',
                          '上班早', false, 'ACCEPTED', :staff, '看护老师', :at, :at)""")
                .param("id", UUID.randomUUID())
                .param("county", school.countyId())
                .param("school", school.id())
                .param("student", family.student())
                .param("guardian", family.guardian())
                .param("day", day)
                .param("staff", staff)
                .param("at", LocalDateTime.now(clock))
                .update();
    }
}
