package org.kehou.operations.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kehou.catalog.CatalogManagement;
import org.kehou.catalog.ServicePlanning;
import org.kehou.enrollment.CareFixtures.Family;
import org.kehou.operations.OperationsFixtures;
import org.kehou.operations.OperationsFixtures.TestSchool;
import org.kehou.organization.DayKind;
import org.kehou.organization.OrganizationManagement;
import org.kehou.organization.OrganizationQueries;
import org.kehou.organization.TermKind;
import org.kehou.platform.AccountManagement;
import org.kehou.support.DemoFixtures;
import org.kehou.support.KehouTest;
import org.kehou.support.SignIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The check-in and check-out pages (SCOPE-1, SCOPE-2) of a school whose term holds today as a school day: whole or,
 * for htmx, only the list; one tap checks a child in and a second is refused beside the child; bad input (unknown or
 * foreign child, missing or too long reason, a date that cannot be read) shows a clear message or 404 and stores
 * nothing; the school admin's check-in at {@code /school/arrivals} shows all of the school's early arrivals and
 * takes children in and corrects entries by the same rules; the staff of another school get 404 for the school's
 * children; the supervisor releases a child of the care group through the gate's hand-over.
 */
@KehouTest
class CheckInWebTests {

    @Autowired
    MockMvc mvc;

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
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Autowired
    DemoFixtures demo;

    TestSchool school;
    LocalDate today;
    Family expected;
    Family unlisted;

    @BeforeEach
    void school() {
        today = LocalDate.now(clock);
        school = schoolInSessionToday();
        expected = school.family("网签甲");
        unlisted = school.otherFamily("网签乙");
        expectEarly(school, expected, "网签甲");
    }

    /** A new school of the demo county whose term holds today as a school day. */
    private TestSchool schoolInSessionToday() {
        TestSchool created = new OperationsFixtures(organization, queries, accounts, planning, catalog, clock)
                .school(demo.county("410305"));
        int year = today.getMonthValue() >= 9 ? today.getYear() : today.getYear() - 1;
        boolean autumn = !today.isBefore(LocalDate.of(year, 9, 1)) && today.isBefore(LocalDate.of(year + 1, 2, 15));
        LocalDate earliest = autumn ? LocalDate.of(year, 8, 15) : LocalDate.of(year + 1, 1, 15);
        LocalDate latest = autumn ? LocalDate.of(year + 1, 2, 15) : LocalDate.of(year + 1, 8, 31);
        LocalDate start = today.minusDays(5).isBefore(earliest) ? earliest : today.minusDays(5);
        LocalDate end = today.plusDays(5).isAfter(latest) ? latest : today.plusDays(5);
        UUID term = organization.planTerm(
                created.admin(), created.id(), year, autumn ? TermKind.AUTUMN : TermKind.SPRING, start, end);
        if (today.getDayOfWeek() == DayOfWeek.SATURDAY || today.getDayOfWeek() == DayOfWeek.SUNDAY) {
            organization.markDay(created.admin(), term, today, DayKind.MAKE_UP_DAY, "补课");
        }
        return created;
    }

    /** Today's accepted early arrival of the child, in the care of the school's head teacher. */
    private void expectEarly(TestSchool at, Family family, String name) {
        jdbc.sql("""
                        insert into enrollment.early_arrival_request (id, version, county_id, school_id, student_id,
                          student_name, grade_level, class_name, guardian_id, first_day, last_day, arrival_time,
                          reason, special_need, status, care_staff_id, care_staff_name, submitted_at, decided_at)
                        values (:id, 0, :county, :school, :student, :name, 2, '1班', :guardian, :day, :day, '07:25',
                          '上班早', false, 'ACCEPTED', :staff, '看护老师', :at, :at)""")
                .param("id", UUID.randomUUID())
                .param("county", at.countyId())
                .param("school", at.id())
                .param("student", family.student())
                .param("name", name)
                .param("guardian", family.guardian())
                .param("day", today)
                .param("staff", at.teacherStaff())
                .param("at", LocalDateTime.now(clock))
                .update();
    }

    @Test
    void thePageListsTheExpectedChildrenWholeOrForHtmxAndOneTapChecksInOnce() throws Exception {
        String page = body(get("/teacher/early-arrivals").param("date", today.toString()), 200);
        assertThat(page)
                .contains("<html")
                .contains("提前到校签到")
                .contains("网签甲")
                .contains("预计 07:25 到")
                .contains("待到校")
                .contains("id=\"tap-" + expected.student() + "\"");
        String fragment = body(
                get("/teacher/early-arrivals").param("date", today.toString()).header("HX-Request", "true"), 200);
        assertThat(fragment).doesNotContain("<html").contains("id=\"list\"").contains("网签甲");

        MockHttpServletResponse done = mvc.perform(
                        checkIn(expected.student()).with(csrf()).with(SignIn.as(school.teacher())))
                .andReturn()
                .getResponse();
        assertThat(done.getStatus()).isEqualTo(302);
        assertThat(done.getRedirectedUrl()).isEqualTo("/teacher/early-arrivals?date=" + today);
        assertThat(body(get("/teacher/early-arrivals"), 200))
                .contains("已到校")
                .contains("经办：" + school.teacher().displayName())
                .doesNotContain("id=\"tap-" + expected.student() + "\"");

        String again = body(checkIn(expected.student()).header("HX-Request", "true"), 200);
        assertThat(again).doesNotContain("<html").contains("已于").contains("如有错误请更正");
        assertThat(entries()).isEqualTo(1);
    }

    @Test
    void aChildNotOnTheListIsFoundAndTakenInOnlyWithAReason() throws Exception {
        assertThat(body(get("/teacher/early-arrivals").param("q", "网签乙"), 200))
                .contains("id=\"found-" + unlisted.student() + "\"");
        assertThat(body(checkIn(unlisted.student()), 200)).contains("名单外的学生和更正都必须填写原因");
        assertThat(body(checkIn(unlisted.student()).param("reason", "长".repeat(201)), 200))
                .contains("原因最多 200 个字");
        assertThat(body(checkIn(unlisted.student()).param("reason", "<b>x</b>"), 200))
                .contains("不能包含");
        assertThat(entries()).isZero();
        assertThat(mvc.perform(checkIn(unlisted.student())
                                .param("reason", "哥哥早到")
                                .with(csrf())
                                .with(SignIn.as(school.teacher())))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(302);
        assertThat(body(get("/teacher/early-arrivals"), 200))
                .contains("名单外到校的学生")
                .contains("原因：哥哥早到");
        assertThat(entries()).isEqualTo(1);
    }

    @Test
    void badInputIsRefusedClearlyAndStoresNothing() throws Exception {
        UUID foreign = jdbc.sql("select id from organization.student where school_id = :s limit 1")
                .param("s", demo.school("JX-PS"))
                .query(UUID.class)
                .single();
        assertThat(status(checkIn(foreign).param("reason", "外校"))).isEqualTo(404);
        assertThat(status(checkIn(UUID.randomUUID()).param("reason", "无此人"))).isEqualTo(404);
        assertThat(body(
                        post("/teacher/early-arrivals/check-in")
                                .param("studentId", expected.student().toString())
                                .param("date", "2026-13-45"),
                        200))
                .contains("请输入有效的日期");
        assertThat(body(
                        post("/teacher/early-arrivals/check-in")
                                .param("studentId", "nope")
                                .param("date", today.toString()),
                        200))
                .contains("无法识别所选学生");
        assertThat(body(post("/teacher/early-arrivals/check-in").param("date", today.toString()), 200))
                .contains("请选择学生");
        assertThat(body(
                        post("/teacher/early-arrivals/check-in")
                                .param("studentId", expected.student().toString())
                                .param("date", today.minusDays(1).toString())
                                .param("reason", "补签"),
                        200))
                .contains("只能为今天签到");
        assertThat(body(get("/teacher/early-arrivals").param("date", "x'><script>"), 200))
                .contains("无法识别日期")
                .doesNotContain("<script>");
        String english =
                body(checkIn(unlisted.student()).cookie(new jakarta.servlet.http.Cookie("kehou-lang", "en")), 200);
        assertThat(english).contains("needs a reason");
        // another teacher of the school has no early arrivals: an empty list, and no check-in
        assertThat(mvc.perform(get("/teacher/early-arrivals").with(SignIn.as(school.otherTeacher())))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("没有由您看护的提前到校学生");
        assertThat(mvc.perform(checkIn(expected.student()).with(csrf()).with(SignIn.as(school.otherTeacher())))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        assertThat(entries()).isZero();
    }

    @Test
    void theSchoolAdminSeesEveryEarlyArrivalOfTheSchoolWholeOrForHtmxAndChecksChildrenIn() throws Exception {
        String page = admin(get("/school/arrivals").param("date", today.toString()), 200);
        assertThat(page)
                .contains("<html")
                .contains("提前到校签到")
                .contains("网签甲")
                .contains("看护老师：看护老师")
                .contains("待到校")
                .contains("action=\"/school/arrivals/check-in\"")
                .contains("hx-post=\"/school/arrivals/check-in\"")
                .contains("hx-get=\"/school/arrivals\"")
                .contains("href=\"/school/early-arrivals?date=" + today + "\"")
                .doesNotContain("/teacher/")
                .contains("id=\"tap-" + expected.student() + "\"");
        String fragment =
                admin(get("/school/arrivals").param("date", today.toString()).header("HX-Request", "true"), 200);
        assertThat(fragment)
                .doesNotContain("<html")
                .contains("id=\"list\"")
                .contains("网签甲")
                .contains("action=\"/school/arrivals/check-in\"");

        MockHttpServletResponse done = mvc.perform(checkIn("/school/arrivals", expected.student())
                        .with(csrf())
                        .with(SignIn.as(school.admin())))
                .andReturn()
                .getResponse();
        assertThat(done.getStatus()).isEqualTo(302);
        assertThat(done.getRedirectedUrl()).isEqualTo("/school/arrivals?date=" + today);
        assertThat(admin(get("/school/arrivals"), 200))
                .contains("已到校")
                .contains("经办：" + school.admin().displayName())
                .doesNotContain("id=\"tap-" + expected.student() + "\"")
                .contains("id=\"correct-" + expected.student() + "\"");
        // the care staff sees the admin's check-in on their own page
        assertThat(body(get("/teacher/early-arrivals"), 200))
                .contains("经办：" + school.admin().displayName());

        // a child on nobody's list, found by name and taken in with a reason, answered with the list for htmx
        assertThat(admin(get("/school/arrivals").param("q", "网签乙"), 200))
                .contains("id=\"found-" + unlisted.student() + "\"");
        String taken = admin(
                checkIn("/school/arrivals", unlisted.student())
                        .param("reason", "哥哥早到")
                        .header("HX-Request", "true"),
                200);
        assertThat(taken).doesNotContain("<html").contains("名单外到校的学生").contains("原因：哥哥早到");
        assertThat(entries()).isEqualTo(2);

        // a correction with its reason is a further entry
        UUID latest = latestEntry(expected.student());
        assertThat(mvc.perform(checkIn("/school/arrivals", expected.student())
                                .param("corrects", latest.toString())
                                .param("present", "false")
                                .param("reason", "家长送错日子")
                                .with(csrf())
                                .with(SignIn.as(school.admin())))
                        .andReturn()
                        .getResponse()
                        .getRedirectedUrl())
                .isEqualTo("/school/arrivals?date=" + today);
        assertThat(admin(get("/school/arrivals"), 200)).contains("更正为未到校").contains("原因：家长送错日子");
        assertThat(entries()).isEqualTo(3);
    }

    @Test
    void theSchoolAdminsBadInputIsRefusedClearlyAndStoresNothing() throws Exception {
        assertThat(admin(get("/school/arrivals").param("date", "x'><script>"), 200))
                .contains("无法识别日期")
                .doesNotContain("<script>")
                .contains("网签甲");
        assertThat(admin(
                        post("/school/arrivals/check-in")
                                .param("studentId", expected.student().toString())
                                .param("date", "2026-13-45"),
                        200))
                .contains("请输入有效的日期");
        assertThat(admin(
                        post("/school/arrivals/check-in")
                                .param("studentId", "nope")
                                .param("date", today.toString()),
                        200))
                .contains("无法识别所选学生");
        assertThat(adminStatus(checkIn("/school/arrivals", UUID.randomUUID()).param("reason", "无此人")))
                .isEqualTo(404);
        UUID foreign = jdbc.sql("select id from organization.student where school_id = :s limit 1")
                .param("s", demo.school("JX-PS"))
                .query(UUID.class)
                .single();
        assertThat(adminStatus(checkIn("/school/arrivals", foreign).param("reason", "外校")))
                .isEqualTo(404);
        assertThat(admin(checkIn("/school/arrivals", unlisted.student()), 200)).contains("名单外的学生和更正都必须填写原因");
        assertThat(admin(checkIn("/school/arrivals", expected.student()).param("reason", "长".repeat(201)), 200))
                .contains("原因最多 200 个字");
        assertThat(entries()).isZero();

        // a correction without its reason is refused beside the child and adds no entry
        assertThat(adminStatus(checkIn("/school/arrivals", expected.student()))).isEqualTo(302);
        UUID latest = latestEntry(expected.student());
        String refused = admin(
                checkIn("/school/arrivals", expected.student())
                        .param("corrects", latest.toString())
                        .param("present", "false")
                        .param("reason", "  ")
                        .header("HX-Request", "true"),
                200);
        assertThat(refused)
                .doesNotContain("<html")
                .contains("id=\"errors-" + expected.student() + "\"")
                .contains("名单外的学生和更正都必须填写原因");
        String english = admin(
                checkIn("/school/arrivals", expected.student())
                        .param("corrects", latest.toString())
                        .cookie(new jakarta.servlet.http.Cookie("kehou-lang", "en")),
                200);
        assertThat(english).contains("every correction, needs a reason");
        assertThat(entries()).isEqualTo(1);
    }

    @Test
    void theStaffOfAnotherSchoolGetNotFoundForThisSchoolsChildren() throws Exception {
        TestSchool other = schoolInSessionToday();
        Family theirs = other.family("网签丁");
        expectEarly(other, theirs, "网签丁");
        for (var caller : List.of(other.admin(), other.teacher())) {
            String path = caller == other.admin() ? "/school/arrivals" : "/teacher/early-arrivals";
            for (UUID child : List.of(expected.student(), unlisted.student())) {
                int status = mvc.perform(checkIn(path, child)
                                .param("reason", "外校代签")
                                .with(csrf())
                                .with(SignIn.as(caller)))
                        .andReturn()
                        .getResponse()
                        .getStatus();
                assertThat(status).as(caller.displayName() + " " + child).isEqualTo(404);
            }
            String list = mvc.perform(get(path).param("q", "网签").with(SignIn.as(caller)))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(list).contains("网签丁").doesNotContain("网签甲").doesNotContain("网签乙");
        }
        assertThat(entries()).isZero();
        // the paths follow the role: the admin has no teacher's page, the teacher no admin's page
        assertThat(mvc.perform(get("/teacher/early-arrivals").with(SignIn.as(school.admin())))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
        assertThat(status(get("/school/arrivals"))).isEqualTo(403);
        assertThat(status(checkIn("/school/arrivals", expected.student()))).isEqualTo(403);
        assertThat(entries()).isZero();
    }

    @Test
    void theAdminsEarlyArrivalListLinksToTheCheckIn() throws Exception {
        assertThat(admin(get("/school/early-arrivals").param("date", today.toString()), 200))
                .contains("href=\"/school/arrivals?date=" + today + "\"")
                .contains("到校签到情况");
        assertThat(admin(
                        get("/school/early-arrivals")
                                .param("date", today.toString())
                                .cookie(new jakarta.servlet.http.Cookie("kehou-lang", "en")),
                        200))
                .contains("Who has checked in");
    }

    @Test
    void theSupervisorReleasesAChildOfTheCareGroupAndSeesWhoIsStillWaiting() throws Exception {
        UUID group = UUID.randomUUID();
        jdbc.sql("""
                        insert into enrollment.care_group (id, version, county_id, school_id, name, supervisor_id,
                          supervisor_name, room, formed_at)
                        values (:id, 0, :county, :school, '网页托管组', :staff, '托管老师', '图书馆', :at)""")
                .param("id", group)
                .param("county", school.countyId())
                .param("school", school.id())
                .param("staff", school.otherTeacher().staffId())
                .param("at", LocalDateTime.now(clock))
                .update();
        UUID request = UUID.randomUUID();
        jdbc.sql("""
                        insert into enrollment.extended_care_request (id, version, county_id, school_id, student_id,
                          student_name, grade_level, class_name, guardian_id, first_day, last_day, pickup_by, reason,
                          status, care_group_id, submitted_at, decided_at)
                        values (:id, 0, :county, :school, :student, '网签甲', 2, '1班', :guardian, :day, :day, '18:30',
                          '下班晚', 'ACCEPTED', :group, :at, :at)""")
                .param("id", request)
                .param("county", school.countyId())
                .param("school", school.id())
                .param("student", expected.student())
                .param("guardian", expected.guardian())
                .param("day", today)
                .param("group", group)
                .param("at", LocalDateTime.now(clock))
                .update();
        jdbc.sql("""
                        insert into enrollment.extended_care_weekday (request_id, county_id, school_id, weekday)
                        values (:id, :county, :school, :weekday)""")
                .param("id", request)
                .param("county", school.countyId())
                .param("school", school.id())
                .param("weekday", today.getDayOfWeek().name())
                .update();
        var supervisor = school.otherTeacher();
        String page = mvc.perform(get("/teacher/extended-care").with(SignIn.as(supervisor)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains("<html")
                .contains("网页托管组（图书馆）")
                .contains("最晚接走时间 18:30")
                .contains("仍在等待 1 人")
                .contains("/teacher/extended-care/children/" + expected.student() + "/release")
                .doesNotContain("/teacher/extended-care/children/" + expected.student() + "\"");
        assertThat(mvc.perform(get("/teacher/extended-care")
                                .header("HX-Request", "true")
                                .with(SignIn.as(supervisor)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .doesNotContain("<html")
                .contains("id=\"groups\"");
        assertThat(mvc.perform(get("/teacher/extended-care").with(csrf()).with(SignIn.as(school.teacher())))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("没有由您负责的延时托管组");
        // the head teacher of the child's class is not the supervisor: the check-out is not theirs
        assertThat(mvc.perform(release(expected.guardian()).with(csrf()).with(SignIn.as(school.teacher())))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        String refused = mvc.perform(post("/teacher/extended-care/children/{id}/release", expected.student())
                        .param("date", today.toString())
                        .param("service", "EXTENDED_CARE")
                        .param("choice", "OTHER")
                        .param("otherName", "陌生人")
                        .header("HX-Request", "true")
                        .with(csrf())
                        .with(SignIn.as(supervisor)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(refused).doesNotContain("<html").contains("id=\"refusal-" + expected.student() + "\"");
        assertThat(releases()).isZero();

        MockHttpServletResponse released = mvc.perform(release(expected.guardian())
                        .header("HX-Request", "true")
                        .with(SignIn.as(supervisor)))
                .andReturn()
                .getResponse();
        assertThat(released.getStatus()).isEqualTo(200);
        assertThat(released.getContentAsString()).contains("已交接").contains("网签甲妈妈");
        assertThat(releases()).isEqualTo(1);
        assertThat(jdbc.sql("select service from operations.pickup_release where student_id = :s")
                        .param("s", expected.student())
                        .query(String.class)
                        .single())
                .isEqualTo("EXTENDED_CARE");
        assertThat(status(post("/teacher/extended-care/children/{id}/release", unlisted.student())
                        .param("date", today.toString())
                        .param("service", "EXTENDED_CARE")
                        .param("choice", "GUARDIAN:" + unlisted.guardian())))
                .isEqualTo(404);
    }

    @Test
    void theTeachersDayLinksEarlyArrivalToCheckInAndExtendedCareToCheckOut() throws Exception {
        String day = body(get("/teacher/today").param("date", today.toString()), 200);
        assertThat(day).contains("/teacher/early-arrivals?date=" + today).contains("到校签到");
    }

    private MockHttpServletRequestBuilder checkIn(UUID student) {
        return checkIn("/teacher/early-arrivals", student);
    }

    private MockHttpServletRequestBuilder checkIn(String page, UUID student) {
        return post(page + "/check-in").param("studentId", student.toString()).param("date", today.toString());
    }

    private String admin(MockHttpServletRequestBuilder request, int status) throws Exception {
        MockHttpServletResponse response = mvc.perform(request.with(csrf()).with(SignIn.as(school.admin())))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(status);
        return response.getContentAsString();
    }

    private int adminStatus(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(csrf()).with(SignIn.as(school.admin())))
                .andReturn()
                .getResponse()
                .getStatus();
    }

    private UUID latestEntry(UUID student) {
        return jdbc.sql("""
                        select id from operations.early_arrival_check_in where student_id = :s
                        order by entry_no desc limit 1""").param("s", student).query(UUID.class).single();
    }

    private MockHttpServletRequestBuilder release(UUID guardian) {
        return post("/teacher/extended-care/children/{id}/release", expected.student())
                .param("date", today.toString())
                .param("service", "EXTENDED_CARE")
                .param("choice", "GUARDIAN:" + guardian)
                .with(csrf());
    }

    private String body(MockHttpServletRequestBuilder request, int status) throws Exception {
        MockHttpServletResponse response = mvc.perform(request.with(csrf()).with(SignIn.as(school.teacher())))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(status);
        return response.getContentAsString();
    }

    private int status(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(csrf()).with(SignIn.as(school.teacher())))
                .andReturn()
                .getResponse()
                .getStatus();
    }

    private long entries() {
        return jdbc.sql("select count(*) from operations.early_arrival_check_in where school_id = :s")
                .param("s", school.id())
                .query(Long.class)
                .single();
    }

    private long releases() {
        return jdbc.sql("select count(*) from operations.pickup_release where school_id = :s")
                .param("s", school.id())
                .query(Long.class)
                .single();
    }
}
