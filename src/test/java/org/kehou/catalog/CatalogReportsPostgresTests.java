package org.kehou.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kehou.catalog.CatalogManagement.NewCourse;
import org.kehou.catalog.CatalogManagement.NewOffering;
import org.kehou.catalog.CatalogManagement.NewVenue;
import org.kehou.catalog.CatalogReports.TimetableEntry;
import org.kehou.catalog.CatalogReports.TimetableQuery;
import org.kehou.organization.OrganizationManagement;
import org.kehou.organization.OrganizationManagement.NewStaff;
import org.kehou.organization.OrganizationManagement.SchoolDetails;
import org.kehou.organization.StaffPosition;
import org.kehou.organization.Stage;
import org.kehou.organization.TermKind;
import org.kehou.platform.NotFoundException;
import org.kehou.platform.Role;
import org.kehou.platform.UserScope;
import org.kehou.support.PostgresTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The catalog's read models on PostgreSQL: the course grid, the county's and the city's counts with their settings,
 * and timetables whose optional filters bind as typed nulls and whose states bind as a list.
 */
@PostgresTest
@SpringBootTest(properties = "kehou.demo.enabled=false")
class CatalogReportsPostgresTests {

    @Autowired
    CatalogManagement catalog;

    @Autowired
    CatalogReports reports;

    @Autowired
    OrganizationManagement organization;

    @Autowired
    JdbcClient jdbc;

    @Test
    void surveysASchoolsCatalogAndItsWeek() {
        UUID city = UUID.randomUUID();
        jdbc.sql(
                        "insert into organization.city (id, version, code, name, name_en) values (:id, 0, '419800', '报表市', 'Test')")
                .param("id", city)
                .update();
        UUID county = UUID.randomUUID();
        jdbc.sql("insert into organization.county (id, version, city_id, code, name, name_en, kind, sort_order)"
                        + " values (:id, 0, :city, '419821', '报表区', 'Test', 'DISTRICT', 0)")
                .param("id", county)
                .param("city", city)
                .update();
        UserScope countyAdmin =
                new UserScope(UUID.randomUUID(), "县区", EnumSet.of(Role.COUNTY_ADMIN), county, null, null, null, null);
        UUID school = organization.openSchool(
                countyAdmin, county, new SchoolDetails("T-REP-PG", "报表学校", Stage.NINE_YEAR, null));
        UserScope admin =
                new UserScope(UUID.randomUUID(), "学校", EnumSet.of(Role.SCHOOL_ADMIN), county, school, null, null, null);
        UUID wang = organization.addStaff(
                admin, school, new NewStaff("T-REP-PG-01", "王老师", null, StaffPosition.TEACHER, "体育"));
        UUID li = organization.addStaff(
                admin, school, new NewStaff("T-REP-PG-02", "李老师", null, StaffPosition.TEACHER, "科学"));
        UUID autumn = organization.planTerm(
                admin, school, 2026, TermKind.AUTUMN, LocalDate.of(2026, 9, 1), LocalDate.of(2027, 1, 15));
        UUID gym = catalog.addVenue(admin, school, new NewVenue("体育馆", VenueKind.GYM, 120));
        UUID lab = catalog.addVenue(admin, school, new NewVenue("实验室", VenueKind.LAB, 40));
        UUID basketball = course(admin, school, "篮球", CourseCategory.SCHOOL_BASED, List.of(7, 8));
        UUID science = course(admin, school, "趣味科学", CourseCategory.SCIENCE_LITERACY, List.of(4, 5));
        UUID ball = offering(admin, school, basketball, autumn, DayOfWeek.THURSDAY, Slot.EVENING, gym, wang, 8);
        UUID lessons = offering(admin, school, science, autumn, DayOfWeek.MONDAY, Slot.SLOT_2, lab, li, 4);
        offering(admin, school, science, autumn, DayOfWeek.TUESDAY, Slot.SLOT_2, lab, wang, 5);
        catalog.publishOffering(admin, ball);
        catalog.publishOffering(admin, lessons);
        catalog.setExerciseMinimum(countyAdmin, county, 35);
        catalog.setNoticePeriod(countyAdmin, county, 8);

        var system = reports.courseSystem(admin, school);
        assertThat(system.grades()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(system.rows()
                        .get(CourseCategory.SCIENCE_LITERACY.ordinal())
                        .cells()
                        .get(3))
                .extracting(CatalogManagement.CourseSummary::name)
                .containsExactly("趣味科学");

        var countyCatalog = reports.countyCatalog(countyAdmin, county);
        assertThat(countyCatalog.schools()).singleElement().satisfies(s -> {
            assertThat(s.total()).isEqualTo(2);
            assertThat(s.byCategory()).containsExactly(0L, 0L, 1L, 1L, 0L);
        });
        assertThat(countyCatalog.exerciseMinimum()).isEqualTo(35);
        assertThat(countyCatalog.countyMinimum()).isEqualTo(35);
        assertThat(countyCatalog.noticeDays()).isEqualTo(8);
        assertThat(countyCatalog.canManage()).isTrue();
        UserScope cityAdmin =
                new UserScope(UUID.randomUUID(), "市", EnumSet.of(Role.CITY_ADMIN), null, null, null, null, null);
        assertThat(reports.cityCatalog(cityAdmin).counties())
                .filteredOn(c -> c.county().id().equals(county))
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.total()).isEqualTo(2);
                    assertThat(c.exerciseMinimum()).isEqualTo(35);
                    assertThat(c.noticeDays()).isEqualTo(8);
                });

        var week = reports.schoolTimetable(admin, school, new TimetableQuery(null, null, null, null, false));
        assertThat(week.term().id()).isEqualTo(autumn);
        assertThat(week.slots()).contains(Slot.EVENING);
        assertThat(week.entries()).extracting(TimetableEntry::offeringId).containsExactlyInAnyOrder(ball, lessons);
        assertThat(week.at(Slot.EVENING, DayOfWeek.THURSDAY)).singleElement().satisfies(e -> {
            assertThat(e.courseName()).isEqualTo("篮球");
            assertThat(e.instructors()).containsExactly("王老师");
            assertThat(e.grades()).containsExactly(8);
        });
        assertThat(reports.schoolTimetable(admin, school, new TimetableQuery(autumn, 5, lab, wang, true))
                        .entries())
                .singleElement()
                .satisfies(e -> assertThat(e.state()).isEqualTo(OfferingState.DRAFT));
        assertThat(reports.schoolTimetable(admin, school, new TimetableQuery(autumn, null, gym, null, false))
                        .entries())
                .extracting(TimetableEntry::offeringId)
                .containsExactly(ball);
        assertThat(week.instructors())
                .extracting(CatalogReports.Instructor::name)
                .containsExactly("李老师", "王老师");
        assertThatThrownBy(() -> reports.schoolTimetable(
                        admin, school, new TimetableQuery(null, null, UUID.randomUUID(), null, false)))
                .isInstanceOf(NotFoundException.class);

        UserScope teacher =
                new UserScope(UUID.randomUUID(), "王老师", EnumSet.of(Role.TEACHER), county, school, wang, null, null);
        assertThat(reports.teacherTimetable(teacher, null, true).entries())
                .extracting(TimetableEntry::courseName)
                .containsExactlyInAnyOrder("篮球", "趣味科学");
    }

    private UUID course(UserScope admin, UUID school, String name, CourseCategory category, List<Integer> grades) {
        return catalog.defineCourse(
                admin,
                school,
                new NewCourse(name, category, null, grades, null, null, ProviderKind.STAFF, null, List.of()));
    }

    private UUID offering(
            UserScope admin,
            UUID school,
            UUID course,
            UUID term,
            DayOfWeek day,
            Slot slot,
            UUID venue,
            UUID staff,
            int grade) {
        return catalog.draftOffering(
                admin,
                school,
                new NewOffering(
                        course,
                        term,
                        day,
                        slot,
                        venue,
                        Set.of(staff),
                        30,
                        List.of(grade),
                        null,
                        20,
                        null,
                        null,
                        null,
                        List.of()));
    }
}
