package org.kehou.enrollment.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.http.Cookie;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kehou.enrollment.CareFixtures;
import org.kehou.enrollment.CareFixtures.Family;
import org.kehou.enrollment.CareRequests;
import org.kehou.organization.OrganizationManagement;
import org.kehou.organization.OrganizationQueries;
import org.kehou.platform.AccountManagement;
import org.kehou.platform.UserScope;
import org.kehou.support.DemoFixtures;
import org.kehou.support.KehouTest;
import org.kehou.support.SignIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Bad input on every care form and list (SCOPE-1, SCOPE-2): empty, malformed or impossible dates and times, unknown
 * weekdays, missing or too long reasons, markup, malformed ids and ids of another school. The page comes back with a
 * clear message in the user's language, the input escaped, nothing stored, never a 500.
 */
@KehouTest
class CareRequestBadInputTests {

    static final String MARKUP = "<script>alert(1)</script>";
    static final String ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;";
    static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Autowired
    MockMvc mvc;

    @Autowired
    DemoFixtures demo;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CareRequests care;

    @Autowired
    OrganizationManagement organization;

    @Autowired
    OrganizationQueries queries;

    @Autowired
    AccountManagement accounts;

    @Autowired
    Clock clock;

    CareFixtures fixtures;
    UserScope admin;
    Family family;
    LocalDate day;

    @BeforeEach
    void family() {
        fixtures = new CareFixtures(organization, queries, accounts, clock);
        admin = demo.scope("JX-PS-ADMIN");
        family = fixtures.family(admin, demo.anyClassOf("JX-PS"), "填错" + SEQUENCE.incrementAndGet());
        List<LocalDate> days = fixtures.schoolDays(admin, 10);
        day = days.get(2);
    }

    @Test
    void earlyArrivalFormRefusesBadDatesTimesReasonsAndIds() throws Exception {
        String empty = assertRefused(family.scope(), post("/guardian/care/early-arrivals"), "此项必填");
        assertThat(empty).contains("请填写申请原因。");
        assertRefused(family.scope(), early("firstDay", "2026-13-01"), "请输入有效日期（如 2027-03-01）。");
        assertRefused(family.scope(), early("lastDay", day.minusDays(1).toString()), "结束日期不能早于开始日期。");
        LocalDate yesterday = LocalDate.now(clock).minusDays(1);
        assertRefused(
                family.scope(), early("firstDay", yesterday.toString(), "lastDay", day.toString()), "开始日期不能早于今天。");
        assertRefused(
                family.scope(), early("firstDay", "2099-03-02", "lastDay", "2099-03-02"), "开始和结束日期应在孩子学校的同一个学期内。");
        assertRefused(family.scope(), early("arrivalTime", "25:99"), "请输入有效的时间（如 07:10）。");
        assertRefused(family.scope(), early("arrivalTime", "06:00"), "到校时间应不早于 06:30，且早于 08:00。");
        assertRefused(family.scope(), early("arrivalTime", "08:30"), "到校时间应不早于 06:30，且早于 08:00。");
        String markup = assertRefused(family.scope(), early("reason", MARKUP), "不能包含");
        assertThat(markup).contains(ESCAPED);
        assertRefused(family.scope(), early("reason", "因".repeat(301)), "内容过长");
        assertRefused(family.scope(), early("reason", " "), "请填写申请原因。");
        assertRefused(family.scope(), early("specialNeed", "maybe"), "请选择是否有特殊需求。");
        assertRefused(family.scope(), early("studentId", "not-a-uuid"), "请选择您的孩子。");
    }

    @Test
    void extendedCareFormRefusesUnknownWeekdaysAndLatePickups() throws Exception {
        assertRefused(family.scope(), extended("weekdays", "FUNDAY"), "托管日只能是周一至周五。");
        assertRefused(family.scope(), extended("weekdays", "SATURDAY"), "托管日只能是周一至周五。");
        assertRefused(family.scope(), extended(), "请至少选择周一至周五中的一天。");
        assertRefused(family.scope(), weekday("pickupBy", "20:00"), "最晚接走时间应在 17:00 至 19:30 之间。");
        assertRefused(family.scope(), weekday("pickupBy", "abc"), "请输入有效的时间（如 18:30）。");
        assertRefused(family.scope(), weekday("lastDay", "soon"), "请输入有效日期（如 2027-03-01）。");
        assertRefused(family.scope(), weekday("reason", MARKUP), "不能包含");
    }

    @Test
    void decisionFormsRefuseMissingMalformedAndForeignChoices() throws Exception {
        UUID early = care.requestEarlyArrival(family.scope(), CareFixtures.earlyArrival(family.student(), day, false));
        UUID extended = care.requestExtendedCare(family.scope(), CareFixtures.extendedCare(family.student(), day));
        UserScope otherAdmin = demo.scope("LL-PS-ADMIN");
        UUID foreignStaff = fixtures.careStaff(otherAdmin, "别校看护" + SEQUENCE.incrementAndGet());
        String accept = "/school/care-requests/early-arrivals/" + early + "/accept";

        assertRefused(admin, post(accept), "此项必填");
        assertRefused(admin, post(accept).param("careStaffId", "xyz"), "请选择本校的看护老师。");
        assertRefused(admin, post(accept).param("careStaffId", foreignStaff.toString()), "看护老师或负责老师应是本校教职工。");
        assertRefused(
                admin,
                post("/school/care-requests/early-arrivals/{id}/staff", early).param("careStaffId", "xyz"),
                "请选择本校的看护老师。");
        for (String kind : List.of("early-arrivals/" + early, "extended-care/" + extended)) {
            String decline = "/school/care-requests/" + kind + "/decline";
            assertRefused(admin, post(decline), "请填写不同意的原因。");
            assertRefused(admin, post(decline).param("reason", MARKUP), "不能包含");
            assertRefused(admin, post(decline).param("reason", "因".repeat(301)), "内容过长");
        }
        String approve = "/school/care-requests/extended-care/" + extended + "/approve";
        assertRefused(admin, post(approve), "此项必填");
        assertRefused(admin, post(approve).param("groupId", "xyz"), "请选择本校的托管组。");
        assertRefused(admin, post(approve).param("groupId", UUID.randomUUID().toString()), "请选择本校的托管组。");
        assertRefused(
                admin,
                post("/school/care-requests/extended-care/{id}/group", extended).param("groupId", "xyz"),
                "请选择本校的托管组。");
        for (String path : List.of(
                "/school/care-requests/early-arrivals/not-a-uuid/accept",
                "/school/care-requests/extended-care/not-a-uuid/decline")) {
            long before = fingerprint();
            var response = perform(admin, post(path).param("reason", "x"), null);
            assertThat(response.getStatus()).as(path).isEqualTo(404);
            assertThat(fingerprint()).isEqualTo(before);
        }
        assertThat(perform(admin, get("/school/care-requests/extended-care/{id}", early), null)
                        .getStatus())
                .as("an early arrival is not found as extended care")
                .isEqualTo(404);
    }

    @Test
    void careGroupFormRefusesEmptyLongMarkupAndForeignValues() throws Exception {
        UUID supervisor = fixtures.careStaff(admin, "托管组老师" + SEQUENCE.incrementAndGet());
        UserScope otherAdmin = demo.scope("LL-PS-ADMIN");
        UUID foreignStaff = fixtures.careStaff(otherAdmin, "别校老师" + SEQUENCE.incrementAndGet());
        String empty = assertRefused(admin, post("/school/care-groups"), "请填写组名。");
        assertThat(empty).contains("此项必填");
        assertRefused(admin, group("组".repeat(51), supervisor).param("room", "一楼"), "内容过长");
        assertThat(assertRefused(admin, group(MARKUP, supervisor, "room", "一楼"), "不能包含"))
                .contains(ESCAPED);
        assertRefused(admin, group("无地点组", supervisor), "请填写地点或选择场地。");
        assertRefused(admin, group("坏场地组", supervisor, "venueId", "xyz"), "请选择本校的场地。");
        assertRefused(
                admin,
                group("别校场地组", supervisor).param("venueId", UUID.randomUUID().toString()),
                "请选择本校的场地。");
        assertRefused(admin, group("借人组", foreignStaff, "room", "一楼"), "看护老师或负责老师应是本校教职工。");
        assertRefused(admin, group("坏老师组", supervisor, "supervisorId", "xyz"), "请选择本校的负责老师。");
    }

    @Test
    void messagesFollowTheUsersLanguage() throws Exception {
        MockHttpServletResponse response =
                perform(admin, post("/school/care-groups").param("name", "组"), "en");
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsString()).contains("This is required.").doesNotContain("此项必填");
        MockHttpServletResponse early = perform(family.scope(), early("arrivalTime", "7 o clock"), "en");
        assertThat(early.getContentAsString())
                .contains("Enter a valid time (such as 07:10).")
                .doesNotContain("请输入");
    }

    @Test
    void dayListsReadAnyDateWithoutFailing() throws Exception {
        for (String date : List.of("", "yesterday", "2026-02-30", "99999-01-01", MARKUP, "2026-1-5", "%00")) {
            for (String list : List.of("/school/early-arrivals", "/school/extended-care")) {
                MockHttpServletResponse response = perform(admin, get(list).param("date", date), null);
                assertThat(response.getStatus()).as(list + "?date=" + date).isEqualTo(200);
                assertThat(response.getContentAsString())
                        .as(list + "?date=" + date)
                        .doesNotContain("Exception")
                        .doesNotContain(MARKUP);
            }
        }
    }

    /** The early-arrival form filled in well, with some fields replaced (name, value, name, value ...). */
    private MockHttpServletRequestBuilder early(String... replaced) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("studentId", family.student().toString());
        values.put("firstDay", day.toString());
        values.put("lastDay", day.toString());
        values.put("arrivalTime", "07:10");
        values.put("reason", "上班早");
        return form("/guardian/care/early-arrivals", values, replaced);
    }

    /** The extended-care form filled in well but for the weekdays, with some fields replaced. */
    private MockHttpServletRequestBuilder extended(String... replaced) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("studentId", family.student().toString());
        values.put("firstDay", day.toString());
        values.put("lastDay", day.toString());
        values.put("pickupBy", "18:30");
        values.put("reason", "下班晚");
        return form("/guardian/care/extended-care", values, replaced);
    }

    /** The extended-care form with the weekday of the day, and some fields replaced. */
    private MockHttpServletRequestBuilder weekday(String... replaced) {
        String[] all = java.util.Arrays.copyOf(replaced, replaced.length + 2);
        all[replaced.length] = "weekdays";
        all[replaced.length + 1] = day.getDayOfWeek().name();
        return extended(all);
    }

    private MockHttpServletRequestBuilder group(String name, UUID supervisor, String... replaced) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("name", name);
        values.put("supervisorId", supervisor.toString());
        return form("/school/care-groups", values, replaced);
    }

    private static MockHttpServletRequestBuilder form(String path, Map<String, String> values, String... replaced) {
        for (int i = 0; i + 1 < replaced.length; i += 2) {
            values.put(replaced[i], replaced[i + 1]);
        }
        MockHttpServletRequestBuilder request = post(path);
        values.forEach(request::param);
        return request;
    }

    private MockHttpServletResponse perform(UserScope caller, MockHttpServletRequestBuilder request, String language)
            throws Exception {
        request.with(csrf()).with(SignIn.as(caller));
        if (language != null) {
            request.cookie(new Cookie("kehou-lang", language));
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    /** Posts the form and checks: 200, the message shown, no stack trace or raw markup, nothing stored or audited. */
    private String assertRefused(UserScope caller, MockHttpServletRequestBuilder request, String message)
            throws Exception {
        long before = fingerprint();
        MockHttpServletResponse response = perform(caller, request, null);
        String page = response.getContentAsString();
        assertThat(response.getStatus()).as(message).isEqualTo(200);
        assertThat(page)
                .as(message)
                .contains(message)
                .doesNotContain("Exception")
                .doesNotContain(MARKUP);
        assertThat(fingerprint()).as("nothing stored for: " + message).isEqualTo(before);
        return page;
    }

    private long fingerprint() {
        return jdbc.sql("""
                        select (select count(*) from platform.audit_event) * 1000003
                          + (select count(*) from enrollment.early_arrival_request) * 7919
                          + (select count(*) from enrollment.extended_care_request) * 104729
                          + (select count(*) from enrollment.care_group) * 31
                          + (select count(*) from enrollment.care_request_history) * 131
                          + (select coalesce(sum(version), 0) from enrollment.early_arrival_request) * 17
                          + (select coalesce(sum(version), 0) from enrollment.extended_care_request) * 13
                          + (select count(*) from platform.notification) * 3""").query(Long.class).single();
    }
}
