package org.kehou.operations.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

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
import org.kehou.platform.UserScope;
import org.kehou.support.DemoFixtures;
import org.kehou.support.KehouTest;
import org.kehou.support.SignIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The session pages and the roll-call API (OPS-1, CONTENT-5) as their users see them, with and without htmx: the
 * teacher's roll call and homework of a past session (so every save is a correction with a reason), the guardian's
 * leave report, the school admin's leave list, rates and record check, and the API answering a replayed body with
 * nothing added.
 */
@KehouTest
class SessionWebTests {

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
    SessionFixtures sessions;
    UUID offering;
    Family first;
    Family second;
    String page;

    @BeforeEach
    void session() {
        school = new OperationsFixtures(organization, queries, accounts, planning, catalog, clock)
                .school(demo.county("410305"));
        sessions = new SessionFixtures(catalog, jdbc);
        offering = sessions.offering(school, Slot.SLOT_1);
        first = school.family("页面甲");
        second = school.family("页面乙");
        sessions.register(offering, first, second);
        page = "/teacher/sessions/" + offering + "/" + school.day();
    }

    @Test
    void theTeacherSeesEveryChildPresentAndSavesTheCorrectionInOneRequest() throws Exception {
        String html = html(school.teacher(), page + "/roll-call");
        assertThat(html).contains("页面甲").contains("页面乙").contains("尚未保存").contains("更正原因（必填）");
        assertThat(html).contains("name=\"marks[" + first.student() + "]\"");
        // a session's presence reads 到课, as on the school's dashboard, not the day's attendance 出勤
        assertThat(html).contains("到课 2").doesNotContain("出勤");
        var fragment = mvc.perform(
                        get(page + "/roll-call").header("HX-Request", "true").with(SignIn.as(school.teacher())))
                .andReturn()
                .getResponse();
        assertThat(fragment.getContentAsString())
                .doesNotContain("<html")
                .contains("id=\"sheet\"")
                .contains("页面甲");

        var saved = mvc.perform(post(page + "/roll-call")
                        .param("marks[" + first.student() + "]", "ABSENT")
                        .param("marks[" + second.student() + "]", "PRESENT")
                        .param("reason", "补录当天点名")
                        .with(csrf())
                        .with(SignIn.as(school.teacher())))
                .andReturn()
                .getResponse();

        assertThat(saved.getStatus()).isEqualTo(302);
        assertThat(entries()).isEqualTo(2);
        String after = html(school.teacher(), page + "/roll-call");
        assertThat(after).contains("记录1条").contains("补录当天点名").contains("id=\"last-saved\"");
        assertThat(after).doesNotContain("尚未保存");
        // the absent child's entry is shown; the child simply saved as present shows none, the sheet says it was saved
        assertThat(after)
                .contains("id=\"history-" + first.student() + "\"")
                .doesNotContain("id=\"history-" + second.student() + "\"");
    }

    /**
     * A session still to come opens with the notice that it cannot be recorded yet and without a save, where a save
     * would be refused and the taps lost; the same session on its day offers the save (OPS-1).
     */
    @Test
    void aSessionToComeShowsItsChildrenWithoutASave() throws Exception {
        UserScope teacher = demo.scope("JX-PS-T01");
        LocalDate today = LocalDate.now(clock);
        var terms = queries.terms(demo.scope("JX-PS-ADMIN"), demo.school("JX-PS"));
        LocalDate ahead = today.plusDays(1)
                .datesUntil(today.plusDays(60))
                .filter(d -> terms.stream().anyMatch(t -> t.isSchoolDay(d)))
                .findFirst()
                .orElseThrow();
        UUID demoOffering = jdbc.sql("""
                        select o.id from catalog.offering o
                        join catalog.offering_instructor i on i.offering_id = o.id
                        join organization.term t on t.id = o.term_id
                        where o.school_id = :school and i.instructor_id = :staff and o.state = 'PUBLISHED'
                          and o.weekday = :weekday and t.starts_on <= :day and t.ends_on >= :day
                        order by o.slot, o.id limit 1""")
                .param("school", teacher.schoolId())
                .param("staff", teacher.staffId())
                .param("weekday", ahead.getDayOfWeek().name())
                .param("day", ahead)
                .query(UUID.class)
                .single();

        String html = html(teacher, "/teacher/sessions/" + demoOffering + "/" + ahead + "/roll-call");

        assertThat(html)
                .contains("id=\"upcoming-note\"")
                .contains(ahead + "还没到，不能提前记录。")
                .contains("id=\"sheet\"")
                .doesNotContain("id=\"save\"");
        assertThat(html(school.teacher(), page + "/roll-call"))
                .doesNotContain("id=\"upcoming-note\"")
                .contains("id=\"save\"");
    }

    @Test
    void theTeacherRecordsHomeworkOfTheChildrenWhoCame() throws Exception {
        mvc.perform(post(page + "/roll-call")
                .param("marks[" + first.student() + "]", "ABSENT")
                .param("reason", "补录")
                .with(csrf())
                .with(SignIn.as(school.teacher())));
        String html = html(school.teacher(), page + "/homework");
        assertThat(html).contains("页面乙").doesNotContain("页面甲").contains("基本");

        var saved = mvc.perform(post(page + "/homework")
                        .param("marks[" + second.student() + "]", "MOSTLY_DONE")
                        .param("reason", "补录")
                        .with(csrf())
                        .with(SignIn.as(school.teacher())))
                .andReturn()
                .getResponse();

        assertThat(saved.getStatus()).isEqualTo(302);
        assertThat(jdbc.sql("select mark from operations.session_entry where offering_id = :o and kind = 'HOMEWORK'")
                        .param("o", offering)
                        .query(String.class)
                        .list())
                .containsExactly("MOSTLY_DONE");
        String rates = html(
                school.admin(), "/school/homework-rates?from=" + school.day().minusDays(1) + "&to=" + school.day());
        assertThat(rates)
                .contains("基本完成")
                .contains(">100%<")
                .contains("小学（1–6年级）")
                .doesNotContain("初中（7–9年级）");
        var ratesFragment = mvc.perform(get("/school/homework-rates")
                        .header("HX-Request", "true")
                        .with(SignIn.as(school.admin())))
                .andReturn()
                .getResponse();
        assertThat(ratesFragment.getContentAsString()).doesNotContain("<html").contains("id=\"rates\"");
    }

    @Test
    void aGuardianReportsLeaveAndTheSchoolSeesIt() throws Exception {
        LocalDate tomorrow = LocalDate.now(clock).plusDays(1);
        String leavePage = "/guardian/children/" + first.student() + "/leave";
        assertThat(html(first.scope(), leavePage)).contains("页面甲请假").contains("没有请假记录");

        var reported = mvc.perform(post(leavePage)
                        .param("day", tomorrow.toString())
                        .param("slot", "")
                        .param("reason", "去医院复查")
                        .with(csrf())
                        .with(SignIn.as(first.scope())))
                .andReturn()
                .getResponse();

        assertThat(reported.getStatus()).isEqualTo(302);
        assertThat(html(first.scope(), leavePage)).contains("去医院复查").contains("全天");
        assertThat(html(school.admin(), "/school/leave?date=" + tomorrow))
                .contains("页面甲")
                .contains("去医院复查");
        var fragment = mvc.perform(get("/school/leave")
                        .param("date", tomorrow.toString())
                        .header("HX-Request", "true")
                        .with(SignIn.as(school.admin())))
                .andReturn()
                .getResponse();
        assertThat(fragment.getContentAsString())
                .doesNotContain("<html")
                .contains("id=\"rows\"")
                .contains("页面甲");
    }

    @Test
    void theSchoolAdminChecksTheRecord() throws Exception {
        mvc.perform(post(page + "/roll-call").param("reason", "补录").with(csrf()).with(SignIn.as(school.teacher())));
        assertThat(html(school.admin(), "/school/session-records")).contains("记录完整：共2条");
        var fragment = mvc.perform(get("/school/session-records")
                        .header("HX-Request", "true")
                        .with(SignIn.as(school.admin())))
                .andReturn()
                .getResponse();
        assertThat(fragment.getContentAsString()).doesNotContain("<html").contains("id=\"result\"");
    }

    @Test
    void theApiRecordsTheWholeSessionAndAReplayChangesNothing() throws Exception {
        String api = "/api/v1/sessions/" + offering + "/" + school.day() + "/roll-call";
        String body = """
                {"reason": "补录", "exceptions": [{"childId": "%s", "mark": "LATE"}]}""".formatted(first.student());
        for (int attempt = 0; attempt < 2; attempt++) {
            var response = mvc.perform(post(api)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(body)
                            .header("Idempotency-Key", "rollcall-web-1")
                            .with(csrf())
                            .with(SignIn.as(school.teacher())))
                    .andReturn()
                    .getResponse();
            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(response.getContentAsString())
                    .contains("\"added\":" + (attempt == 0 ? 2 : 0))
                    .contains("LATE");
        }
        assertThat(entries()).isEqualTo(2);
        var current = mvc.perform(get(api).with(SignIn.as(school.teacher())))
                .andReturn()
                .getResponse();
        assertThat(current.getStatus()).isEqualTo(200);
        assertThat(current.getContentAsString()).contains("\"mark\":\"LATE\"").contains("\"mark\":\"PRESENT\"");
    }

    private String html(UserScope user, String url) throws Exception {
        MockHttpServletResponse response =
                mvc.perform(get(url).with(SignIn.as(user))).andReturn().getResponse();
        assertThat(response.getStatus()).as(url).isEqualTo(200);
        return response.getContentAsString();
    }

    private long entries() {
        return jdbc.sql("select count(*) from operations.session_entry where offering_id = :o and kind = 'ROLL_CALL'")
                .param("o", offering)
                .query(Long.class)
                .single();
    }
}
