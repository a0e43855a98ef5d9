package org.kehou.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kehou.catalog.CatalogManagement;
import org.kehou.catalog.CatalogManagement.NewCourse;
import org.kehou.catalog.CatalogManagement.NewOffering;
import org.kehou.catalog.CatalogManagement.NewOpening;
import org.kehou.catalog.CatalogManagement.NewVenue;
import org.kehou.catalog.CourseCategory;
import org.kehou.catalog.OpeningPurpose;
import org.kehou.catalog.ProviderKind;
import org.kehou.catalog.ServiceKind;
import org.kehou.catalog.ServicePlanning;
import org.kehou.catalog.ServicePlanning.NewServiceTime;
import org.kehou.catalog.Slot;
import org.kehou.catalog.SlotOneContent;
import org.kehou.catalog.StaffSessions;
import org.kehou.catalog.VenueKind;
import org.kehou.enrollment.CareFixtures.Family;
import org.kehou.enrollment.CareRequests;
import org.kehou.enrollment.Rosters;
import org.kehou.operations.OperationsFixtures.TestSchool;
import org.kehou.operations.TeacherDay.Session;
import org.kehou.operations.TeacherDay.SessionKind;
import org.kehou.organization.OrganizationManagement;
import org.kehou.organization.OrganizationQueries;
import org.kehou.platform.AccountManagement;
import org.kehou.platform.NotFoundException;
import org.kehou.support.DemoFixtures;
import org.kehou.support.KehouTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The teacher's day (ADR 0014), on a school day of a past term with a fixed clock: the slot offerings the teacher
 * instructs that weekday with their confirmed children, the extended-care group they supervise, the early arrivals
 * they look after, in time order; an opening they supervise on a day without school; never a colleague's sessions.
 */
@KehouTest
class TeacherDayTests {

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
    StaffSessions sessions;

    @Autowired
    CareRequests care;

    @Autowired
    Rosters rosters;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Autowired
    DemoFixtures demo;

    TestSchool school;
    TeacherDay days;

    @BeforeEach
    void school() {
        school = new OperationsFixtures(organization, queries, accounts, planning, catalog, clock)
                .school(demo.county("410305"));
        days = new TeacherDay(schedule, planning, sessions, care, rosters);
        for (Object[] t : List.of(
                new Object[] {ServiceKind.EARLY_ARRIVAL, LocalTime.of(7, 20), LocalTime.of(7, 50)},
                new Object[] {ServiceKind.EXTENDED_CARE, LocalTime.of(18, 0), LocalTime.of(18, 45)})) {
            planning.setServiceTime(
                    school.admin(),
                    school.id(),
                    new NewServiceTime(
                            school.term(), (ServiceKind) t[0], true, (LocalTime) t[1], (LocalTime) t[2], null, null));
        }
    }

    @Test
    void listsTheTeachersOfferingsCareAndArrivalsOfASchoolDayInTimeOrder() {
        LocalDate day = school.day();
        UUID slotTwo = offering(school.teacherStaff(), day.getDayOfWeek(), Slot.SLOT_2);
        UUID slotOne = offering(school.teacherStaff(), day.getDayOfWeek(), Slot.SLOT_1);
        offering(school.teacherStaff(), day.getDayOfWeek().plus(1), Slot.SLOT_2);
        offering(school.otherTeacher().staffId(), day.getDayOfWeek(), Slot.SLOT_2);
        Family first = school.family("今日甲");
        Family second = school.family("今日乙");
        confirm(slotOne, first, day.getDayOfWeek(), Slot.SLOT_1);
        confirm(slotOne, second, day.getDayOfWeek(), Slot.SLOT_1);
        confirm(slotTwo, first, day.getDayOfWeek(), Slot.SLOT_2);
        UUID group = careGroup(school.teacherStaff(), "今日托管组");
        extendedCare(second, group, day);
        earlyArrival(first, school.teacherStaff(), day);

        List<Session> list = days.of(school.teacher(), day).sessions();

        assertThat(list)
                .extracting(Session::kind)
                .containsExactly(
                        SessionKind.EARLY_ARRIVAL, SessionKind.SLOT_1, SessionKind.SLOT_2, SessionKind.EXTENDED_CARE);
        assertThat(list).extracting(Session::id).containsExactly(null, slotOne, slotTwo, group);
        assertThat(list).extracting(Session::children).containsExactly(1, 2, 1, 1);
        assertThat(list)
                .extracting(Session::startsAt)
                .containsExactly(LocalTime.of(7, 20), LocalTime.of(16, 0), LocalTime.of(17, 0), LocalTime.of(18, 0));
        assertThat(list.get(3).title()).isEqualTo("今日托管组");
        assertThat(list.get(3).place()).isEqualTo("图书馆");
        assertThat(days.of(school.teacher(), day.plusDays(1)).sessions())
                .extracting(Session::kind)
                .containsExactly(SessionKind.SLOT_2);
    }

    @Test
    void aTeacherSeesOnlyTheirOwnSessions() {
        LocalDate day = school.day();
        UUID own = offering(school.teacherStaff(), day.getDayOfWeek(), Slot.SLOT_2);
        UUID colleagues = offering(school.otherTeacher().staffId(), day.getDayOfWeek(), Slot.SLOT_1);
        careGroupWithChild(school.otherTeacher().staffId(), day);

        assertThat(days.of(school.teacher(), day).sessions())
                .extracting(Session::id)
                .containsExactly(own);
        assertThat(days.of(school.otherTeacher(), day).sessions())
                .extracting(Session::id)
                .contains(colleagues)
                .doesNotContain(own);
        assertThatThrownBy(() -> days.of(school.admin(), day)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void listsTheOpeningsTheTeacherSupervisesOnADayWithoutSchool() {
        LocalDate saturday = school.day().with(java.time.temporal.TemporalAdjusters.next(DayOfWeek.SATURDAY));
        UUID venue = catalog.addVenue(
                school.admin(), school.id(), new NewVenue("今日操场" + UUID.randomUUID(), VenueKind.SPORTS_GROUND, 100));
        UUID otherVenue = catalog.addVenue(
                school.admin(), school.id(), new NewVenue("今日球场" + UUID.randomUUID(), VenueKind.SPORTS_GROUND, 100));
        UUID opening = jdbcOpening(venue, saturday, school.teacherStaff());
        jdbcOpening(otherVenue, saturday, school.otherTeacher().staffId());

        TeacherDay.Day result = days.of(school.teacher(), saturday);

        assertThat(result.schoolDay()).isFalse();
        assertThat(result.sessions()).extracting(Session::kind).containsExactly(SessionKind.OPENING);
        assertThat(result.sessions()).extracting(Session::id).containsExactly(opening);
        assertThat(result.sessions().getFirst().startsAt()).isEqualTo(LocalTime.of(9, 0));
        assertThat(result.sessions().getFirst().children()).isNull();
        assertThat(days.of(school.teacher(), school.day().plusYears(10)).sessions())
                .isEmpty();
    }

    private UUID offering(UUID instructor, DayOfWeek weekday, Slot slot) {
        String n = UUID.randomUUID().toString().substring(0, 6);
        UUID venue = catalog.addVenue(school.admin(), school.id(), new NewVenue("今日教室" + n, VenueKind.CLASSROOM, 40));
        UUID course = catalog.defineCourse(
                school.admin(),
                school.id(),
                new NewCourse(
                        "今日课程" + n,
                        slot == Slot.SLOT_1 ? CourseCategory.SUBJECT_LITERACY : CourseCategory.SCHOOL_BASED,
                        null,
                        List.of(2),
                        null,
                        null,
                        ProviderKind.STAFF,
                        null,
                        List.of()));
        UUID offering = catalog.draftOffering(
                school.admin(),
                school.id(),
                new NewOffering(
                        course,
                        school.term(),
                        weekday,
                        slot,
                        venue,
                        List.of(instructor),
                        30,
                        List.of(2),
                        null,
                        30,
                        slot == Slot.SLOT_1 ? SlotOneContent.SELF_HOMEWORK : null,
                        null,
                        null,
                        List.of()));
        catalog.publishOffering(school.admin(), offering);
        return offering;
    }

    /** A confirmed registration as the seat ledger stores it; registration itself is tested in its module. */
    private void confirm(UUID offering, Family family, DayOfWeek weekday, Slot slot) {
        jdbc.sql("""
                        insert into enrollment.enrollment (id, version, county_id, school_id, term_id, offering_id,
                          child_id, guardian_id, account_id, weekday, slot, status, active_offering_id, active_slot,
                          consent_version, consented_at, requested_at, confirmed_at)
                        values (:id, 0, :county, :school, :term, :offering, :child, :guardian, :account, :weekday,
                          :slot, 'CONFIRMED', :offering, :slotKey, '2026-1', :at, :at, :at)""")
                .param("id", UUID.randomUUID())
                .param("county", school.countyId())
                .param("school", school.id())
                .param("term", school.term())
                .param("offering", offering)
                .param("child", family.student())
                .param("guardian", family.guardian())
                .param("account", family.account())
                .param("weekday", weekday.name())
                .param("slot", slot.name())
                .param("slotKey", weekday.name() + "/" + slot.name())
                .param("at", LocalDateTime.now(clock))
                .update();
    }

    private UUID careGroup(UUID supervisor, String name) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into enrollment.care_group (id, version, county_id, school_id, name, supervisor_id,
                          supervisor_name, room, formed_at)
                        values (:id, 0, :county, :school, :name, :staff, '今日看护', '图书馆', :at)""")
                .param("id", id)
                .param("county", school.countyId())
                .param("school", school.id())
                .param("name", name)
                .param("staff", supervisor)
                .param("at", LocalDateTime.now(clock))
                .update();
        return id;
    }

    private void careGroupWithChild(UUID supervisor, LocalDate day) {
        extendedCare(school.otherFamily("今日丙"), careGroup(supervisor, "今日他组"), day);
    }

    private void extendedCare(Family family, UUID group, LocalDate day) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into enrollment.extended_care_request (id, version, county_id, school_id, student_id,
                          student_name, grade_level, class_name, guardian_id, first_day, last_day, pickup_by, reason,
                          status, care_group_id, submitted_at, decided_at)
                        values (:id, 0, :county, :school, :student, '今日', 2, '1班', :guardian, :day, :day, '18:30',
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
                        values (:id, 0, :county, :school, :student, '今日', 2, '1班', :guardian, :day, :day, '07:25',
                          '上班早', false, 'ACCEPTED', :staff, '今日看护', :at, :at)""")
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

    private UUID jdbcOpening(UUID venue, LocalDate day, UUID supervisor) {
        UUID id = catalog.planOpening(
                school.admin(),
                school.id(),
                new NewOpening(
                        venue,
                        day,
                        LocalTime.of(9, 0),
                        LocalTime.of(11, 0),
                        50,
                        OpeningPurpose.CARE,
                        List.of(supervisor)));
        catalog.publishOpening(school.admin(), id);
        return id;
    }
}
