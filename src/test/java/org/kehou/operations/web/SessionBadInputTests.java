package org.kehou.operations.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.http.Cookie;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kehou.catalog.CatalogManagement;
import org.kehou.catalog.ServicePlanning;
import org.kehou.catalog.Slot;
import org.kehou.enrollment.CareFixtures.Family;
import org.kehou.operations.OperationsFixtures;
import org.kehou.operations.OperationsFixtures.TestSchool;
import org.kehou.operations.SessionFixtures;
import org.kehou.organization.OrganizationManagement;
import org.kehou.organization.OrganizationQueries;
import org.kehou.platform.AccountManagement;
import org.kehou.support.DemoFixtures;
import org.kehou.support.KehouTest;
import org.kehou.support.SignIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Bad input to the session pages, the leave form and the roll-call API (OPS-1, CONTENT-5): an unknown child, a
 * malformed mark, a reason too long or missing, a day that is no session, another school's offering, a malformed
 * body; each answered with a clear message in the user's language (or 404), never a 500, and nothing stored.
 */
@KehouTest
class SessionBadInputTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    DemoFixtures demo;

    @Autowired
    JdbcClient jdbc;

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
    Clock clock;

    TestSchool school;
    UUID offering;
    Family child;
    String page;
    String api;

    @BeforeEach
    void session() {
        school = new OperationsFixtures(organization, queries, accounts, planning, catalog, clock)
                .school(demo.county("410305"));
        SessionFixtures sessions = new SessionFixtures(catalog, jdbc);
        offering = sessions.offering(school, Slot.SLOT_2);
        child = school.family("坏输入甲");
        sessions.register(offering, child);
        page = "/teacher/sessions/" + offering + "/" + school.day() + "/roll-call";
        api = "/api/v1/sessions/" + offering + "/" + school.day() + "/roll-call";
    }

    @Test
    void theRollCallFormRefusesBadMarksChildrenAndReasonsInEitherLanguage() throws Exception {
        String[][] cases = {
            {"marks[" + UUID.randomUUID() + "]", "ABSENT", "补录", "没有报名这门课程", "is not registered for this offering"},
            {"marks[not-an-id]", "ABSENT", "补录", "没有报名这门课程", "is not registered for this offering"},
            {"marks[" + "CHILD" + "]", "SICK", "补录", "不是有效的考勤状态", "is not an attendance mark"},
            {"reason", "", "", "更正须填写原因", "a correction needs a reason"},
            {"reason", "", "理".repeat(201), "内容过长", "This is too long"},
            {"marks[" + "CHILD" + "]", "<script>x</script>", "补录", "不是有效的考勤状态", "is not an attendance mark"},
        };
        for (String[] c : cases) {
            for (int language = 0; language < 2; language++) {
                String field = c[0].replace("CHILD", child.student().toString());
                MockHttpServletRequestBuilder request = post(page)
                        .cookie(new Cookie("kehou-lang", language == 0 ? "zh-CN" : "en"))
                        .with(csrf())
                        .with(SignIn.as(school.teacher()));
                if (!field.equals("reason")) {
                    request.param(field, c[1]);
                }
                request.param("reason", c[2]);
                MockHttpServletResponse response =
                        mvc.perform(request).andReturn().getResponse();
                assertThat(response.getStatus()).as(field + "=" + c[1]).isEqualTo(200);
                assertThat(response.getContentAsString())
                        .as(field + "=" + c[1])
                        .contains(c[3 + language])
                        .doesNotContain("<script>x</script>");
                assertThat(entries()).isZero();
            }
        }
    }

    @Test
    void aDayThatIsNoSessionSaysSoAndStoresNothing() throws Exception {
        LocalDate thursday = school.day().plusDays(1);
        String other = "/teacher/sessions/" + offering + "/" + thursday + "/roll-call";
        assertThat(html(get(other))).contains("不是这门课程的上课日");
        assertThat(html(post(other).param("reason", "补录").with(csrf()))).contains("不是这门课程的上课日");
        String homework = "/teacher/sessions/" + offering + "/" + school.day() + "/homework";
        assertThat(html(get(homework))).contains("只有第一时段");
        assertThat(html(post(homework).param("reason", "补录").with(csrf()))).contains("只有第一时段");
        assertThat(entries()).isZero();
    }

    @Test
    void anotherSchoolsOfferingAMalformedIdOrDateIsNotFound() throws Exception {
        for (String url : new String[] {
            page,
            "/teacher/sessions/" + UUID.randomUUID() + "/" + school.day() + "/roll-call",
            "/teacher/sessions/not-an-id/" + school.day() + "/roll-call",
            "/teacher/sessions/" + offering + "/2024-13-45/roll-call",
            "/teacher/sessions/" + offering + "/yesterday/homework"
        }) {
            var asOther = url.equals(page) ? SignIn.as(school.otherTeacher()) : SignIn.as(school.teacher());
            assertThat(mvc.perform(get(url).with(asOther))
                            .andReturn()
                            .getResponse()
                            .getStatus())
                    .as(url)
                    .isEqualTo(404);
            assertThat(mvc.perform(post(url).param("reason", "补录").with(csrf()).with(asOther))
                            .andReturn()
                            .getResponse()
                            .getStatus())
                    .as(url)
                    .isEqualTo(404);
        }
        assertThat(entries()).isZero();
    }

    @Test
    void theApiRefusesBadBodiesWithAClearMessageAndStoresNothing() throws Exception {
        String[][] cases = {
            {"{\"reason\": \"补录\", \"exceptions\": [{\"childId\": \"%s\", \"mark\": \"SICK\"}]}", "422", "不是有效的考勤状态"},
            {
                "{\"reason\": \"补录\", \"exceptions\": [{\"childId\": \"" + UUID.randomUUID()
                        + "\", \"mark\": \"LATE\"}]}",
                "422",
                "没有报名这门课程"
            },
            {"{\"reason\": \"补录\", \"exceptions\": [{\"childId\": \"nope\", \"mark\": \"LATE\"}]}", "400", ""},
            {"{\"exceptions\": []}", "422", "更正须填写原因"},
            {"{\"reason\": \"" + "理".repeat(201) + "\", \"exceptions\": []}", "400", "内容过长"},
            {"{\"reason\": \"补录\"}", "400", ""},
            {"not json", "400", ""},
        };
        for (String[] c : cases) {
            var response = mvc.perform(post(api)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(c[0].formatted(child.student()))
                            .with(csrf())
                            .with(SignIn.as(school.teacher())))
                    .andReturn()
                    .getResponse();
            assertThat(response.getStatus()).as(c[0]).isEqualTo(Integer.parseInt(c[1]));
            assertThat(response.getContentAsString()).as(c[0]).contains(c[2]);
            assertThat(entries()).isZero();
        }
        var badKey = mvc.perform(post(api)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\": \"补录\", \"exceptions\": []}")
                        .header("Idempotency-Key", "a b")
                        .with(csrf())
                        .with(SignIn.as(school.teacher())))
                .andReturn()
                .getResponse();
        assertThat(badKey.getStatus()).isEqualTo(400);
        var otherSchool = mvc.perform(post(api)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\": \"补录\", \"exceptions\": []}")
                        .with(csrf())
                        .with(SignIn.as(demo.scope("LL-PS-ADMIN"))))
                .andReturn()
                .getResponse();
        assertThat(otherSchool.getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get(api).with(SignIn.as(school.otherTeacher())))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        assertThat(entries()).isZero();
    }

    @Test
    void theLeaveFormRefusesBadDaysAndReasonsBesideTheField() throws Exception {
        String leave = "/guardian/children/" + child.student() + "/leave";
        LocalDate today = LocalDate.now(clock);
        String[][] cases = {
            {today.toString(), "", "病", "请在当天之前请假", "before the day"},
            {today.plusDays(90).toString(), "", "病", "最多提前60天", "at most 60 days ahead"},
            {"2026-02-30", "", "病", "请输入有效的日期", "Please enter a valid date"},
            {"", "", "病", "此项必填", "This is required"},
            {today.plusDays(1).toString(), "", "", "请填写请假原因", "Please give the reason"},
            {today.plusDays(1).toString(), "", "理".repeat(201), "内容过长", "This is too long"},
            {today.plusDays(1).toString(), "SLOT_9", "病", "请从列表中选择时段", "Please choose a slot"},
        };
        for (String[] c : cases) {
            for (int language = 0; language < 2; language++) {
                var response = mvc.perform(post(leave)
                                .param("day", c[0])
                                .param("slot", c[1])
                                .param("reason", c[2])
                                .cookie(new Cookie("kehou-lang", language == 0 ? "zh-CN" : "en"))
                                .with(csrf())
                                .with(SignIn.as(child.scope())))
                        .andReturn()
                        .getResponse();
                assertThat(response.getStatus()).as(c[0] + c[1]).isEqualTo(200);
                assertThat(response.getContentAsString()).as(c[0] + c[1]).contains(c[3 + language]);
            }
        }
        Family other = school.family("坏输入乙");
        assertThat(mvc.perform(post("/guardian/children/" + other.student() + "/leave")
                                .param("day", today.plusDays(1).toString())
                                .param("reason", "病")
                                .with(csrf())
                                .with(SignIn.as(child.scope())))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from operations.leave_notice where school_id = :s")
                        .param("s", school.id())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void theSchoolPagesShowTheDefaultForADateTheyCannotRead() throws Exception {
        assertThat(html(get("/school/leave").param("date", "tomorrow"), school.admin()))
                .contains("无法识别日期“tomorrow”");
        assertThat(html(get("/school/homework-rates").param("from", "x"), school.admin()))
                .contains("无法识别日期“x”");
        assertThat(html(
                        get("/school/homework-rates")
                                .param("from", "2025-02-01")
                                .param("to", "2025-01-01"),
                        school.admin()))
                .contains("结束日期不能早于开始日期");
        assertThat(html(
                        get("/school/homework-rates")
                                .param("from", "2020-01-01")
                                .param("to", "2025-01-01"),
                        school.admin()))
                .contains("一次最多统计366天");
    }

    private String html(MockHttpServletRequestBuilder request) throws Exception {
        return html(request, school.teacher());
    }

    private String html(MockHttpServletRequestBuilder request, org.kehou.platform.UserScope user) throws Exception {
        MockHttpServletResponse response =
                mvc.perform(request.with(SignIn.as(user))).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return response.getContentAsString();
    }

    private long entries() {
        return jdbc.sql("select count(*) from operations.session_entry where offering_id = :o")
                .param("o", offering)
                .query(Long.class)
                .single();
    }
}
