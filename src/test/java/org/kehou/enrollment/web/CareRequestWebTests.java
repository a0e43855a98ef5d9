package org.kehou.enrollment.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.http.Cookie;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kehou.enrollment.CareFixtures;
import org.kehou.enrollment.CareFixtures.Family;
import org.kehou.enrollment.CareRequests;
import org.kehou.enrollment.CareRequests.NewCareGroup;
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
 * The care pages (SCOPE-1, SCOPE-2, ENROL-1) as guardians and school admins use them: a guardian files for their own
 * child and reads the decision and its history; the school accepts with care staff or a group, declines with a
 * reason, and prints the day lists; every refusal is shown in the user's language and changes nothing.
 */
@KehouTest
class CareRequestWebTests {

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
    UUID schoolClass;
    List<LocalDate> days;

    @BeforeEach
    void school() {
        fixtures = new CareFixtures(organization, queries, accounts, clock);
        admin = demo.scope("JX-PS-ADMIN");
        schoolClass = demo.anyClassOf("JX-PS");
        days = fixtures.schoolDays(admin, 30);
    }

    @Test
    void aGuardianAsksForEarlyArrivalWithASpecialNeedAndTheSchoolCanOnlyAssignCareStaff() throws Exception {
        Family family = family("网页早到");
        LocalDate day = days.get(1);
        String page = page(get("/guardian/care"), family.scope(), null);
        assertThat(page)
                .contains("id=\"early-arrival-form\"")
                .contains("id=\"extended-care-form\"")
                .contains("网页早到")
                .contains("家长有特殊需求");

        var filed = perform(
                post("/guardian/care/early-arrivals")
                        .param("studentId", family.student().toString())
                        .param("firstDay", day.toString())
                        .param("lastDay", day.toString())
                        .param("arrivalTime", "07:05")
                        .param("reason", "倒早班")
                        .param("specialNeed", "true"),
                family.scope(),
                null);
        assertThat(filed.getStatus()).as(filed.getContentAsString()).isEqualTo(302);
        assertThat(filed.getRedirectedUrl()).isEqualTo("/guardian/care?child=" + family.student());
        UUID id = request(family.student(), "early_arrival_request");
        assertThat(page(get("/guardian/care"), family.scope(), null))
                .contains("id=\"request-" + id + "\"")
                .contains("待处理")
                .contains("提交申请")
                .contains("07:05 到校");

        assertThat(page(get("/school/care-requests"), admin, null)).contains("id=\"pending-" + id + "\"");
        String detail = page(get("/school/care-requests/early-arrivals/{id}", id), admin, null);
        assertThat(detail)
                .contains("倒早班")
                .contains("家长注明有特殊需求：学校不得拒绝")
                .contains("id=\"staff-form\"")
                .doesNotContain("id=\"decline-form\"");

        var decline =
                post("/school/care-requests/early-arrivals/{id}/decline", id).param("reason", "人手不足");
        assertThat(assertRefused(decline, admin, null, id)).contains("学校不得拒绝该提前到校申请，只能安排看护老师。");
        assertThat(assertRefused(decline, admin, "en", id))
                .contains("The guardian states a special need: the school may not decline this early-arrival request");

        UUID staff = fixtures.careStaff(admin, "网页看护老师" + SEQUENCE.incrementAndGet());
        var accept =
                post("/school/care-requests/early-arrivals/{id}/accept", id).param("careStaffId", staff.toString());
        var accepted = perform(accept, admin, null);
        assertThat(accepted.getStatus()).isEqualTo(302);
        assertThat(accepted.getRedirectedUrl()).isEqualTo("/school/care-requests");
        assertThat(assertRefused(accept, admin, null, id)).contains("该申请已经处理过，不能再次处理。");
        assertThat(assertRefused(accept, admin, "en", id))
                .contains("This request has already been decided and cannot be decided again.");

        String name = queries.staff(admin, admin.schoolId()).stream()
                .filter(s -> s.id().equals(staff))
                .findFirst()
                .orElseThrow()
                .name();
        assertThat(page(get("/guardian/care"), family.scope(), null))
                .contains("已同意")
                .contains("看护老师：" + name);
        assertThat(page(get("/inbox"), family.scope(), null)).contains("学校已同意网页早到");
        assertThat(page(get("/school/early-arrivals").param("date", day.toString()), admin, null))
                .contains("id=\"arrival-" + id + "\"")
                .contains(name)
                .contains("data-print");
    }

    @Test
    void anOrdinaryRequestIsDeclinedOnlyWithAReasonTheGuardianReads() throws Exception {
        Family family = family("网页婉拒");
        UUID id = care.requestEarlyArrival(
                family.scope(), CareFixtures.earlyArrival(family.student(), days.get(2), false));

        var empty =
                post("/school/care-requests/early-arrivals/{id}/decline", id).param("reason", " ");
        assertBeside(assertRefused(empty, admin, null, id), "decline-reason", "请填写不同意的原因。");
        assertBeside(assertRefused(empty, admin, "en", id), "decline-reason", "Give the reason for declining.");

        var declined = perform(
                post("/school/care-requests/early-arrivals/{id}/decline", id).param("reason", "当天校门八点开"), admin, null);
        assertThat(declined.getStatus()).isEqualTo(302);
        assertThat(page(get("/guardian/care"), family.scope(), null))
                .contains("未同意")
                .contains("未同意的原因：当天校门八点开");
        assertThat(page(get("/guardian/care"), family.scope(), "en")).contains("Declined because: 当天校门八点开");
        assertThat(page(get("/school/care-requests").param("q", "网页婉拒"), admin, null))
                .contains("id=\"decided-" + id + "\"");
    }

    @Test
    void extendedCareIsPlacedInACareGroupAndPrintedOnTheRosterOfTheDay() throws Exception {
        Family family = family("网页托管");
        LocalDate day = days.get(3);
        var filed = perform(
                post("/guardian/care/extended-care")
                        .param("studentId", family.student().toString())
                        .param("firstDay", day.toString())
                        .param("lastDay", day.toString())
                        .param("weekdays", day.getDayOfWeek().name())
                        .param("pickupBy", "18:40")
                        .param("reason", "下班晚"),
                family.scope(),
                null);
        assertThat(filed.getStatus()).as(filed.getContentAsString()).isEqualTo(302);
        UUID id = request(family.student(), "extended_care_request");

        UUID supervisor = fixtures.careStaff(admin, "网页托管老师" + SEQUENCE.incrementAndGet());
        String group = "网页托管组" + SEQUENCE.incrementAndGet();
        var formed = perform(
                post("/school/care-groups")
                        .param("name", group)
                        .param("supervisorId", supervisor.toString())
                        .param("room", "三楼阅览室"),
                admin,
                null);
        assertThat(formed.getStatus()).as(formed.getContentAsString()).isEqualTo(302);
        assertThat(page(get("/school/care-requests"), admin, null))
                .contains(group)
                .contains("三楼阅览室");
        long groups = count("select count(*) from enrollment.care_group");
        var again = post("/school/care-groups")
                .param("name", group)
                .param("supervisorId", supervisor.toString())
                .param("room", "别处");
        assertThat(page(again, admin, null)).contains("本校已有同名托管组。");
        assertThat(page(again, admin, "en")).contains("This school already has a care group of that name.");
        assertThat(count("select count(*) from enrollment.care_group")).isEqualTo(groups);

        UUID groupId = jdbc.sql("select id from enrollment.care_group where name = :n")
                .param("n", group)
                .query(UUID.class)
                .single();
        UserScope otherAdmin = demo.scope("LL-PS-ADMIN");
        UUID otherStaff = fixtures.careStaff(otherAdmin, "别校托管老师" + SEQUENCE.incrementAndGet());
        UUID otherGroup = care.formCareGroup(
                otherAdmin,
                otherAdmin.schoolId(),
                new NewCareGroup("别校托管组" + SEQUENCE.incrementAndGet(), otherStaff, "二楼", null));
        var foreign =
                post("/school/care-requests/extended-care/{id}/approve", id).param("groupId", otherGroup.toString());
        assertBeside(assertRefused(foreign, admin, null, id), "group-groupId", "请选择本校的托管组。");
        assertBeside(assertRefused(foreign, admin, "en", id), "group-groupId", "Choose a care group of this school.");

        var approved = perform(
                post("/school/care-requests/extended-care/{id}/approve", id).param("groupId", groupId.toString()),
                admin,
                null);
        assertThat(approved.getStatus()).isEqualTo(302);
        String roster = page(get("/school/extended-care").param("date", day.toString()), admin, null);
        assertThat(roster)
                .contains("id=\"roster-" + groupId + "\"")
                .contains("id=\"care-" + id + "\"")
                .contains("18:40")
                .contains("接走时间及接送人签字");
        assertThat(page(get("/guardian/care"), family.scope(), null)).contains("托管组：" + group + "（三楼阅览室");
        assertThat(page(get("/school/care-requests/extended-care/{id}", id), admin, null))
                .contains("调整托管组")
                .doesNotContain("id=\"decline-form\"");
    }

    @Test
    void aGuardiansRefusedRequestIsShownBesideItsFieldInTheirLanguage() throws Exception {
        Family family = family("网页填错");
        LocalDate day = days.get(4);
        LocalDate saturday = day.with(TemporalAdjusters.next(DayOfWeek.SATURDAY));
        var early = post("/guardian/care/early-arrivals")
                .param("studentId", family.student().toString())
                .param("firstDay", day.toString())
                .param("lastDay", day.toString())
                .param("arrivalTime", "06:00")
                .param("reason", "早");
        assertBeside(guardianRefused(early, family, null), "early-arrivalTime", "到校时间应不早于 06:30，且早于 08:00。");
        assertBeside(
                guardianRefused(early, family, "en"),
                "early-arrivalTime",
                "The arrival time must be 06:30 or later and before 08:00.");
        var weekend = post("/guardian/care/extended-care")
                .param("studentId", family.student().toString())
                .param("firstDay", saturday.toString())
                .param("lastDay", saturday.toString())
                .param("weekdays", "MONDAY")
                .param("pickupBy", "18:00")
                .param("reason", "晚");
        assertBeside(guardianRefused(weekend, family, null), "extended-firstDay", "不是孩子学校的上学日。");
        assertBeside(guardianRefused(weekend, family, "en"), "extended-firstDay", "is not a school day at the school");
    }

    @Test
    void aGuardianFindsNoOtherFamilysChildAndAnotherSchoolNoRequestOfThisOne() throws Exception {
        Family family = family("网页他家");
        Family neighbour = family("网页邻居");
        UUID id = care.requestEarlyArrival(
                family.scope(), CareFixtures.earlyArrival(family.student(), days.get(5), false));
        assertThat(perform(get("/guardian/care").param("child", family.student().toString()), neighbour.scope(), null)
                        .getStatus())
                .isEqualTo(404);
        long before = count("select count(*) from enrollment.early_arrival_request");
        var other = perform(
                post("/guardian/care/early-arrivals")
                        .param("studentId", family.student().toString())
                        .param("firstDay", days.get(6).toString())
                        .param("lastDay", days.get(6).toString())
                        .param("arrivalTime", "07:10")
                        .param("reason", "早"),
                neighbour.scope(),
                null);
        assertThat(other.getStatus()).isEqualTo(404);
        assertThat(count("select count(*) from enrollment.early_arrival_request"))
                .isEqualTo(before);

        UserScope otherAdmin = demo.scope("LL-PS-ADMIN");
        assertThat(perform(get("/school/care-requests/early-arrivals/{id}", id), otherAdmin, null)
                        .getStatus())
                .isEqualTo(404);
        var foreign = perform(
                post("/school/care-requests/early-arrivals/{id}/decline", id).param("reason", "不收"), otherAdmin, null);
        assertThat(foreign.getStatus()).isEqualTo(404);
        assertThat(jdbc.sql("select status from enrollment.early_arrival_request where id = :id")
                        .param("id", id)
                        .query(String.class)
                        .single())
                .isEqualTo("PENDING");
        assertThat(page(get("/school/care-requests"), otherAdmin, null)).doesNotContain(id.toString());
    }

    @Test
    void theDayListsSayWhenADayIsNoSchoolDayOrCannotBeRead() throws Exception {
        LocalDate saturday = days.get(0).with(TemporalAdjusters.next(DayOfWeek.SATURDAY));
        assertThat(page(get("/school/early-arrivals").param("date", saturday.toString()), admin, null))
                .contains(saturday + " 不是本校的上学日。");
        assertThat(page(get("/school/extended-care").param("date", saturday.toString()), admin, "en"))
                .contains(saturday + " is not a school day at this school.");
        String bad = page(get("/school/early-arrivals").param("date", "2026-02-30"), admin, null);
        assertThat(bad).contains("日期“2026-02-30”无效，已显示今天的名单。");
        assertThat(page(get("/school/extended-care").param("date", "<b>x</b>"), admin, "en"))
                .contains("The date &quot;&lt;b&gt;x&lt;/b&gt;&quot; is not valid; showing the list for today.")
                .doesNotContain("<b>x</b>");
        String fragment = page(
                get("/school/early-arrivals")
                        .param("date", days.get(0).toString())
                        .header("HX-Request", "true"),
                admin,
                null);
        assertThat(fragment).doesNotContain("<html").contains("id=\"list\"");
    }

    @Test
    void theDecidedListSearchesSortsAndPagesLeniently() throws Exception {
        Family family = family("网页分页");
        UUID id = care.requestEarlyArrival(
                family.scope(), CareFixtures.earlyArrival(family.student(), days.get(7), false));
        care.declineEarlyArrival(admin, id, "名额已满");
        String name = jdbc.sql("select student_name from enrollment.early_arrival_request where id = :id")
                .param("id", id)
                .query(String.class)
                .single();
        assertThat(page(get("/school/care-requests").param("q", name), admin, null))
                .contains("id=\"decided-" + id + "\"")
                .contains("名额已满");
        assertThat(page(get("/school/care-requests").param("q", "无此人"), admin, null))
                .contains("没有与“无此人”匹配的记录。");
        for (String[] query : new String[][] {
            {"page", "abc"},
            {"desc", "maybe"},
            {"page", "-3"},
            {"page", "9999"},
            {"sort", "name;drop table enrollment.care_group"}
        }) {
            assertThat(page(get("/school/care-requests").param(query[0], query[1]), admin, null))
                    .as(query[0] + "=" + query[1])
                    .contains("id=\"decided-requests\"");
        }
        String fragment = page(get("/school/care-requests").param("q", name).header("HX-Request", "true"), admin, null);
        assertThat(fragment).doesNotContain("<html").contains("id=\"decided-" + id + "\"");
        assertThat(count("select count(*) from enrollment.care_group"))
                .as("no table dropped")
                .isNotNegative();
    }

    private Family family(String name) {
        return fixtures.family(admin, schoolClass, name + SEQUENCE.incrementAndGet());
    }

    private UUID request(UUID student, String table) {
        return jdbc.sql("select id from enrollment." + table
                        + " where student_id = :s order by submitted_at desc limit 1")
                .param("s", student)
                .query(UUID.class)
                .single();
    }

    private MockHttpServletResponse perform(MockHttpServletRequestBuilder request, UserScope caller, String language)
            throws Exception {
        request.with(csrf()).with(SignIn.as(caller));
        if (language != null) {
            request.cookie(new Cookie("kehou-lang", language));
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    private String page(MockHttpServletRequestBuilder request, UserScope caller, String language) throws Exception {
        MockHttpServletResponse response = perform(request, caller, language);
        assertThat(response.getStatus()).isEqualTo(200);
        String body = response.getContentAsString();
        assertThat(body).doesNotContain("Exception");
        return body;
    }

    /** The decision is refused on the request's page: 200, nothing of the request, its history or inbox changed. */
    private String assertRefused(MockHttpServletRequestBuilder request, UserScope caller, String language, UUID id)
            throws Exception {
        long before = fingerprint(id);
        String body = page(request, caller, language);
        assertThat(fingerprint(id)).as("nothing changed").isEqualTo(before);
        return body;
    }

    private String guardianRefused(MockHttpServletRequestBuilder request, Family family, String language)
            throws Exception {
        long before = count("""
                select (select count(*) from enrollment.early_arrival_request where student_id = '%s')
                  + (select count(*) from enrollment.extended_care_request where student_id = '%s')""".formatted(family.student(), family.student()));
        String body = page(request, family.scope(), language);
        assertThat(count("""
                        select (select count(*) from enrollment.early_arrival_request where student_id = '%s')
                          + (select count(*) from enrollment.extended_care_request where student_id = '%s')""".formatted(family.student(), family.student())))
                .as("nothing stored")
                .isEqualTo(before);
        return body;
    }

    private long fingerprint(UUID id) {
        return jdbc.sql("""
                        select coalesce((select version from enrollment.early_arrival_request where id = :id), 0)
                          + coalesce((select version from enrollment.extended_care_request where id = :id), 0) * 7
                          + (select count(*) from enrollment.care_request_history where request_id = :id) * 31
                          + (select count(*) from platform.notification) * 131
                          + (select count(*) from platform.audit_event) * 1009""").param("id", id).query(Long.class).single();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private static void assertBeside(String page, String field, String message) {
        Pattern beside =
                Pattern.compile("(?s)id=\"" + field + "\".*?<div class=\"invalid-feedback[^\"]*\">([^<]*)</div>");
        var matcher = beside.matcher(page);
        assertThat(matcher.find()).as("an error beside " + field).isTrue();
        assertThat(matcher.group(1)).as("the error beside " + field).contains(message);
    }
}
