package org.kehou.operations.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.kehou.operations.TeacherDay;
import org.kehou.operations.TeacherDay.SessionKind;
import org.kehou.organization.OrganizationQueries;
import org.kehou.organization.Term;
import org.kehou.platform.UserScope;
import org.kehou.support.DemoFixtures;
import org.kehou.support.KehouTest;
import org.kehou.support.SignIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The teacher's day as the demo teacher sees it (ADR 0014): the demo city registers children, so the demo teacher
 * has sessions with children on a school day; the page is whole or, for htmx, only the list; a date that cannot be
 * read shows today and says so; the API answers the same list and refuses a bad date with 400 in the caller's
 * language; only teachers reach either.
 */
@KehouTest
class TeacherDayWebTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    DemoFixtures demo;

    @Autowired
    TeacherDay days;

    @Autowired
    OrganizationQueries organization;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Test
    void theDemoCityHasRegistrationsAndTheDemoTeacherHasSessionsOnASchoolDay() {
        assertThat(count(
                        "select count(*) from enrollment.enrollment where account_id = :demo and status = 'CONFIRMED'"))
                .isGreaterThan(100);
        assertThat(
                        count(
                                "select count(*) from enrollment.enrollment where account_id = :demo and status = 'WAITLISTED'"))
                .isPositive();
        // every demo registration has its history, as one made by a guardian would
        assertThat(count("""
                        select count(*) from enrollment.enrollment e where e.account_id = :demo
                          and not exists (select 1 from enrollment.enrollment_event v where v.enrollment_id = e.id)""")).isZero();
        assertThat(count("select count(*) from enrollment.early_arrival_request where status = 'ACCEPTED'"))
                .isPositive();
        assertThat(count("select count(*) from enrollment.extended_care_request where status = 'ACCEPTED'"))
                .isPositive();
        // no seat holds more than its capacity
        assertThat(count("select count(*) from enrollment.seat where taken > capacity"))
                .isZero();
        UserScope teacher = demo.scope("JX-PS-T01");
        LocalDate day = schoolDay(teacher);
        TeacherDay.Day list = days.of(teacher, day);
        assertThat(list.schoolDay()).isTrue();
        assertThat(list.sessions()).anySatisfy(s -> {
            assertThat(s.kind()).isEqualTo(SessionKind.SLOT_1);
            assertThat(s.children()).isPositive();
        });
        assertThat(list.sessions()).anySatisfy(s -> assertThat(s.kind()).isEqualTo(SessionKind.EXTENDED_CARE));
    }

    @Test
    void thePageListsTheSessionsWithTheirLinksWholeOrForHtmx() throws Exception {
        UserScope teacher = demo.scope("JX-PS-T01");
        LocalDate day = schoolDay(teacher);
        MockHttpServletResponse page = mvc.perform(
                        get("/teacher/today").param("date", day.toString()).with(SignIn.as(teacher)))
                .andReturn()
                .getResponse();
        assertThat(page.getStatus()).isEqualTo(200);
        String html = page.getContentAsString();
        assertThat(html)
                .contains("<html")
                .contains("我的今天")
                .contains("第一时段")
                .contains("/teacher/sessions/")
                .contains("/" + day + "/roll-call")
                .contains("/" + day + "/homework")
                .contains("/teacher/pickup?date=" + day)
                .contains("名学生")
                .doesNotContain("no-sessions");
        MockHttpServletResponse fragment = mvc.perform(get("/teacher/today")
                        .param("date", day.toString())
                        .header("HX-Request", "true")
                        .with(SignIn.as(teacher)))
                .andReturn()
                .getResponse();
        assertThat(fragment.getStatus()).isEqualTo(200);
        assertThat(fragment.getContentAsString())
                .doesNotContain("<html")
                .contains("id=\"sessions\"")
                .contains("roll-call");
    }

    @Test
    void aDayWithoutSessionsSaysSoAndABadDateShowsToday() throws Exception {
        UserScope teacher = demo.scope("JX-PS-T01");
        String empty = mvc.perform(
                        get("/teacher/today").param("date", "2001-01-01").with(SignIn.as(teacher)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(empty).contains("no-sessions").contains("这一天不上学");
        for (String bad : List.of("morgen", "2026-13-40", "x".repeat(500))) {
            MockHttpServletResponse response = mvc.perform(
                            get("/teacher/today").param("date", bad).with(SignIn.as(teacher)))
                    .andReturn()
                    .getResponse();
            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(response.getContentAsString())
                    .contains("bad-date")
                    .contains("显示的是今天")
                    .contains(LocalDate.now(clock).toString());
        }
    }

    @Test
    void theApiAnswersTheSameListAndRefusesABadDate() throws Exception {
        UserScope teacher = demo.scope("JX-PS-T01");
        LocalDate day = schoolDay(teacher);
        MockHttpServletResponse ok = mvc.perform(get("/api/v1/teacher/today")
                        .param("date", day.toString())
                        .with(SignIn.as(teacher)))
                .andReturn()
                .getResponse();
        assertThat(ok.getStatus()).isEqualTo(200);
        long offerings = days.of(teacher, day).sessions().stream()
                .filter(s -> s.kind().isOffering())
                .count();
        assertThat(ok.getContentAsString())
                .contains("\"schoolDay\":true")
                .contains("\"kind\":\"SLOT_1\"")
                .contains("\"children\":");
        assertThat(ok.getContentAsString().split("\"kind\":\"SLOT_", -1).length
                        - 1
                        + ok.getContentAsString().split("\"kind\":\"EVENING", -1).length
                        - 1)
                .isEqualTo(offerings);
        for (String bad : List.of("tomorrow", "2026-02-30", "9".repeat(300))) {
            MockHttpServletResponse refused = mvc.perform(get("/api/v1/teacher/today")
                            .param("date", bad)
                            .locale(Locale.ENGLISH)
                            .header("Accept-Language", "en")
                            .with(SignIn.as(teacher)))
                    .andReturn()
                    .getResponse();
            assertThat(refused.getStatus()).isEqualTo(400);
            assertThat(refused.getContentAsString())
                    .contains("could not be read")
                    .doesNotContain("Exception");
        }
        MockHttpServletResponse guardian = mvc.perform(
                        get("/api/v1/teacher/today").with(SignIn.as(demo.scope("19900000001"))))
                .andReturn()
                .getResponse();
        assertThat(guardian.getStatus()).isEqualTo(403);
    }

    private LocalDate schoolDay(UserScope teacher) {
        List<Term> terms = organization.termsOfOwnSchool(teacher);
        LocalDate today = LocalDate.now(clock);
        return today.datesUntil(today.plusDays(200))
                .filter(d -> terms.stream().anyMatch(t -> t.isSchoolDay(d)))
                .filter(d -> !days.of(teacher, d).sessions().isEmpty())
                .findFirst()
                .orElseThrow();
    }

    /** The account the demo registrations are recorded under. */
    static final java.util.UUID DEMO_ACCOUNT = java.util.UUID.nameUUIDFromBytes("kehou-demo-enrollment".getBytes());

    private long count(String sql) {
        var query = jdbc.sql(sql);
        if (sql.contains(":demo")) {
            query = query.param("demo", DEMO_ACCOUNT);
        }
        return query.query(Long.class).single();
    }
}
