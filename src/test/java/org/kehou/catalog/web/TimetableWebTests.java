package org.kehou.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kehou.catalog.web.VenueWebTests.assertBeside;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import jakarta.servlet.http.Cookie;
import java.time.DayOfWeek;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kehou.catalog.ActivityKind;
import org.kehou.catalog.CatalogManagement;
import org.kehou.catalog.CatalogManagement.NewCourse;
import org.kehou.catalog.CatalogManagement.NewOffering;
import org.kehou.catalog.CatalogManagement.NewVenue;
import org.kehou.catalog.CourseCategory;
import org.kehou.catalog.ProviderKind;
import org.kehou.catalog.Slot;
import org.kehou.catalog.VenueKind;
import org.kehou.platform.UserScope;
import org.kehou.support.DemoFixtures;
import org.kehou.support.KehouTest;
import org.kehou.support.SignIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Week timetables (COURSE-2, COURSE-3): each running offering sits in the cell of its weekday and slot with its
 * course, venue, instructor and grades; drafts only when asked for; a venue's view lists only that venue's offerings,
 * an instructor's only theirs, a class those of its grade; a teacher sees only what they teach; a term, class, venue
 * or instructor of another school is not found, and a filter that cannot be read is named beside its field.
 */
@KehouTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TimetableWebTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    DemoFixtures demo;

    @Autowired
    java.time.Clock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CatalogManagement catalog;

    UserScope admin;
    UUID school;
    UUID term;
    UUID lab;
    UUID ground;
    UUID staffA;
    UUID staffB;
    UUID robotsMonday;
    UUID robotsWednesday;
    UUID footballMonday;
    UUID footballThursdayDraft;
    UUID teacherOffering;

    @BeforeAll
    void offerings() {
        admin = demo.scope("JX-PS-ADMIN");
        school = admin.schoolId();
        term = jdbc.sql("select id from organization.term where school_id = :s order by starts_on desc limit 1")
                .param("s", school)
                .query(UUID.class)
                .single();
        lab = catalog.addVenue(admin, school, new NewVenue("课表机器人实验室", VenueKind.LAB, 40));
        ground = catalog.addVenue(admin, school, new NewVenue("课表足球场", VenueKind.SPORTS_GROUND, 200));
        UUID teacherRoom = catalog.addVenue(admin, school, new NewVenue("课表教师教室", VenueKind.CLASSROOM, 45));
        List<UUID> free = List.of(demo.newTeacher(school), demo.newTeacher(school));
        staffA = free.get(0);
        staffB = free.get(1);
        UUID robots = course("课表机器人社", CourseCategory.SCIENCE_LITERACY, ActivityKind.INTEREST_GROUP);
        UUID football = course("课表足球队", CourseCategory.SCHOOL_BASED, ActivityKind.CULTURE_AND_SPORTS);
        robotsMonday = offering(robots, DayOfWeek.MONDAY, lab, staffA, 3, true);
        robotsWednesday = offering(robots, DayOfWeek.WEDNESDAY, lab, staffB, 4, true);
        footballMonday = offering(football, DayOfWeek.MONDAY, ground, staffB, 3, true);
        footballThursdayDraft = offering(football, DayOfWeek.THURSDAY, ground, staffA, 5, false);
        UUID teacher = demo.scope("JX-PS-T01").staffId();
        List<String> taken = jdbc.sql("""
                        select o.weekday from catalog.offering o
                        join catalog.offering_instructor i on i.offering_id = o.id
                        where i.instructor_id = :t and o.term_id = :term and o.slot = 'SLOT_2'
                          and o.state in ('DRAFT', 'PUBLISHED')""")
                .param("t", teacher)
                .param("term", term)
                .query(String.class)
                .list();
        DayOfWeek day = List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY).stream()
                .filter(d -> !taken.contains(d.name()))
                .findFirst()
                .orElse(DayOfWeek.FRIDAY);
        teacherOffering = offering(
                course("课表班主任阅读", CourseCategory.WHOLE_SUBJECT_READING, ActivityKind.READING),
                day,
                teacherRoom,
                teacher,
                6,
                true);
    }

    @Test
    void eachRunningOfferingSitsInTheCellOfItsWeekdayAndSlot() throws Exception {
        String page = page("/school/timetable?term=" + term, admin, null);
        String monday = cell(page, Slot.SLOT_2, DayOfWeek.MONDAY);
        String robots = entry(monday, robotsMonday);
        assertThat(robots)
                .contains("课表机器人社")
                .contains("兴趣小组")
                .contains("场地：课表机器人实验室")
                .contains("授课：" + staffName(staffA))
                .contains("3年级");
        assertThat(entry(monday, footballMonday)).contains("课表足球队").contains("场地：课表足球场");
        assertThat(cell(page, Slot.SLOT_2, DayOfWeek.WEDNESDAY)).contains("entry-" + robotsWednesday);
        assertThat(cell(page, Slot.SLOT_1, DayOfWeek.MONDAY)).doesNotContain("entry-" + robotsMonday);
        assertThat(page).doesNotContain("entry-" + footballThursdayDraft).doesNotContain("slot-EVENING");
        assertThat(page).contains("仅含已发布的课程");

        String drafts = page("/school/timetable?drafts=true&term=" + term, admin, null);
        assertThat(entry(cell(drafts, Slot.SLOT_2, DayOfWeek.THURSDAY), footballThursdayDraft))
                .contains("课表足球队")
                .contains("草稿");
        String english = page("/school/timetable?term=" + term, admin, "en");
        assertThat(entry(cell(english, Slot.SLOT_2, DayOfWeek.MONDAY), robotsMonday))
                .contains("Venue: 课表机器人实验室")
                .contains("Grades 3");
    }

    @Test
    void theTermUnderWayIsShownWhenNoneIsChosen() throws Exception {
        var latest = jdbc.sql("""
                        select school_year, kind from organization.term where school_id = :s and ends_on >= :today
                        order by case when starts_on <= :today then 0 else 1 end, starts_on limit 1""")
                .param("s", school)
                .param("today", java.time.LocalDate.now(clock))
                .query((rs, n) -> rs.getInt(1) + "—" + (rs.getInt(1) + 1) + "学年"
                        + ("AUTUMN".equals(rs.getString(2)) ? "上学期" : "下学期"))
                .single();
        assertThat(page("/school/timetable", admin, null)).contains("id=\"timetable-term\">" + latest + "<");
    }

    @Test
    void aVenuesViewListsOnlyThatVenuesOfferings() throws Exception {
        String page = page("/school/timetable?term=" + term + "&venue=" + lab + "&drafts=true", admin, null);
        assertThat(page)
                .contains("entry-" + robotsMonday)
                .contains("entry-" + robotsWednesday)
                .doesNotContain("entry-" + footballMonday)
                .doesNotContain("entry-" + footballThursdayDraft)
                .doesNotContain("entry-" + teacherOffering)
                .contains("场地：课表机器人实验室");
        assertThat(page.split("class=\"entry")).hasSize(3);
    }

    @Test
    void anInstructorsViewListsOnlyTheirOfferings() throws Exception {
        String page = page("/school/timetable?term=" + term + "&instructor=" + staffA, admin, null);
        assertThat(page)
                .contains("entry-" + robotsMonday)
                .doesNotContain("entry-" + robotsWednesday)
                .doesNotContain("entry-" + footballMonday)
                .doesNotContain("entry-" + footballThursdayDraft)
                .contains("授课人员：" + staffName(staffA));
        String withDrafts =
                page("/school/timetable?term=" + term + "&instructor=" + staffA + "&drafts=true", admin, null);
        assertThat(withDrafts.split("class=\"entry")).hasSize(3);
        assertThat(withDrafts).contains("entry-" + footballThursdayDraft).contains("含草稿");
    }

    @Test
    void aClassSeesTheOfferingsOfItsGrade() throws Exception {
        UUID gradeFour = jdbc.sql(
                        "select id from organization.school_class where school_id = :s and grade_level = 4 order by id limit 1")
                .param("s", school)
                .query(UUID.class)
                .single();
        String page = page("/school/timetable?term=" + term + "&classId=" + gradeFour, admin, null);
        assertThat(page)
                .contains("entry-" + robotsWednesday)
                .doesNotContain("entry-" + robotsMonday)
                .doesNotContain("entry-" + footballMonday)
                .contains("（该年级的课程）");
        String third = page("/school/timetable?term=" + term + "&grade=3", admin, null);
        assertThat(third)
                .contains("entry-" + robotsMonday)
                .contains("entry-" + footballMonday)
                .doesNotContain("entry-" + robotsWednesday);
    }

    @Test
    void aTeacherSeesOnlyWhatTheyTeach() throws Exception {
        UserScope teacher = demo.scope("JX-PS-T01");
        String page = page("/teacher/timetable?term=" + term, teacher, null);
        assertThat(page)
                .contains("entry-" + teacherOffering)
                .contains("课表班主任阅读")
                .doesNotContain("entry-" + robotsMonday)
                .doesNotContain("entry-" + footballMonday)
                .contains(teacher.displayName() + " 的课后服务课表");
        List<String> taught = jdbc.sql("""
                        select cast(o.id as varchar) from catalog.offering o
                        join catalog.offering_instructor i on i.offering_id = o.id
                        where i.instructor_id = :t and o.term_id = :term and o.state in ('PUBLISHED', 'CLOSED')""")
                .param("t", teacher.staffId())
                .param("term", term)
                .query(String.class)
                .list();
        assertThat(page.split("class=\"entry")).hasSize(taught.size() + 1);
    }

    @Test
    void theCountyReadsASchoolsTimetableAndAnotherCountyDoesNot() throws Exception {
        String page = page("/county/schools/" + school + "/timetable?term=" + term, demo.scope("LY-JX-ADMIN"), null);
        assertThat(page).contains("entry-" + robotsMonday).contains("action=\"/county/schools/" + school);
        var other = mvc.perform(get("/county/schools/{id}/timetable", school)
                        .param("term", term.toString())
                        .with(SignIn.as(demo.scope("LY-LL-ADMIN"))))
                .andReturn()
                .getResponse();
        assertThat(other.getStatus()).isEqualTo(404);
        assertThat(other.getContentAsString()).doesNotContain("课表机器人社");
        String junior = page("/county/schools/" + demo.school("JX-JM") + "/timetable", demo.scope("LY-JX-ADMIN"), null);
        assertThat(junior).contains("id=\"slot-EVENING\"");
    }

    @Test
    void aTermClassVenueOrInstructorOfAnotherSchoolIsNotFound() throws Exception {
        UUID otherSchool = demo.school("JX-JM");
        UUID otherVenue = catalog.addVenue(
                demo.scope("LL-PS-ADMIN"),
                demo.school("LL-PS"),
                new NewVenue("课表他校场地" + UUID.randomUUID().toString().substring(0, 8), VenueKind.GYM, 80));
        UUID otherStaff = jdbc.sql("select id from organization.staff where school_id = :s order by id limit 1")
                .param("s", otherSchool)
                .query(UUID.class)
                .single();
        UUID otherTerm = jdbc.sql("select id from organization.term where school_id = :s order by id limit 1")
                .param("s", otherSchool)
                .query(UUID.class)
                .single();
        UUID otherClass = demo.anyClassOf("LL-PS");
        for (String filter : List.of(
                "venue=" + otherVenue,
                "instructor=" + otherStaff,
                "term=" + otherTerm,
                "classId=" + otherClass,
                "venue=" + UUID.randomUUID())) {
            var response = mvc.perform(get("/school/timetable?" + filter).with(SignIn.as(admin)))
                    .andReturn()
                    .getResponse();
            assertThat(response.getStatus()).as(filter).isEqualTo(404);
            assertThat(response.getContentAsString()).as(filter).doesNotContain("课表他校场地");
        }
    }

    @Test
    void aFilterThatCannotBeReadIsNamedBesideItsFieldInBothLanguages() throws Exception {
        String page = page("/school/timetable?grade=abc&venue=nope&term=" + term, admin, null);
        assertBeside(page, "grade", "请输入数字。");
        assertBeside(page, "venue", "请选择有效的选项。");
        assertThat(page).contains("entry-" + robotsMonday);
        assertBeside(page("/school/timetable?grade=8", admin, null), "grade", "本校没有 8 年级，请选择本校的年级。");
        String english = page("/school/timetable?grade=8&term=nope", admin, "en");
        assertBeside(english, "term", "Choose a valid option.");
        assertBeside(english, "grade", "This school has no grade 8; choose one of its grades.");
    }

    @Test
    void anHtmxRequestGetsTheTimetableAloneAndThePageIsReadyToPrint() throws Exception {
        var fragment = mvc.perform(get("/school/timetable")
                        .param("term", term.toString())
                        .header("HX-Request", "true")
                        .with(SignIn.as(admin)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(fragment)
                .doesNotContain("<html")
                .contains("<div id=\"timetable-view\">")
                .contains("entry-" + robotsMonday);
        String page = page("/school/timetable?term=" + term, admin, null);
        assertThat(page)
                .contains("href=\"/css/timetable.css\"")
                .contains("src=\"/js/app.js\"")
                .contains("data-print")
                .doesNotContain("onclick");
        String css =
                mvc.perform(get("/css/timetable.css")).andReturn().getResponse().getContentAsString();
        assertThat(css).contains("@page { size: A4 landscape; margin: 12mm; }");
        String script = mvc.perform(get("/js/app.js")).andReturn().getResponse().getContentAsString();
        assertThat(script).contains("window.print()");
    }

    private UUID course(String name, CourseCategory category, ActivityKind kind) {
        return catalog.defineCourse(
                admin,
                school,
                new NewCourse(
                        name, category, kind, List.of(3, 4, 5, 6), null, null, ProviderKind.STAFF, null, List.of()));
    }

    private UUID offering(UUID course, DayOfWeek day, UUID venue, UUID staff, int grade, boolean publish) {
        UUID id = catalog.draftOffering(
                admin,
                school,
                new NewOffering(
                        course,
                        term,
                        day,
                        Slot.SLOT_2,
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
        if (publish) {
            catalog.publishOffering(admin, id);
        }
        return id;
    }

    private String staffName(UUID staff) {
        return jdbc.sql("select name from organization.staff where id = :id")
                .param("id", staff)
                .query(String.class)
                .single();
    }

    private String page(String url, UserScope caller, String language) throws Exception {
        var request = get(url).with(SignIn.as(caller));
        if (language != null) {
            request.cookie(new Cookie("kehou-lang", language));
        }
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).as(url).isEqualTo(200);
        return response.getContentAsString();
    }

    private static String cell(String page, Slot slot, DayOfWeek day) {
        int at = page.indexOf("id=\"cell-" + slot + "-" + day + "\"");
        assertThat(at).as("cell " + slot + " " + day).isNotNegative();
        return page.substring(at, page.indexOf("</td>", at));
    }

    private static String entry(String cell, UUID offering) {
        int at = cell.indexOf("id=\"entry-" + offering + "\"");
        assertThat(at).as("entry " + offering).isNotNegative();
        int next = cell.indexOf("class=\"entry", at);
        return cell.substring(at, next < 0 ? cell.length() : next);
    }
}
