package org.kehou.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.http.Cookie;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kehou.catalog.CatalogManagement;
import org.kehou.catalog.CatalogManagement.NewCourse;
import org.kehou.catalog.CatalogManagement.NewOffering;
import org.kehou.catalog.CatalogManagement.NewVenue;
import org.kehou.catalog.CourseCategory;
import org.kehou.catalog.ProviderKind;
import org.kehou.catalog.Slot;
import org.kehou.catalog.VenueKind;
import org.kehou.organization.OrganizationManagement;
import org.kehou.organization.OrganizationManagement.NewStaff;
import org.kehou.organization.StaffPosition;
import org.kehou.organization.TermKind;
import org.kehou.platform.UserScope;
import org.kehou.support.DemoFixtures;
import org.kehou.support.KehouTest;
import org.kehou.support.SignIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * An offering's lifecycle on the school's page (COURSE-2, ENROL-5): the term is chosen, a draft is published, a
 * published one closed, either cancelled (a published one only with a reason, refused beside the field otherwise);
 * a term is copied into another as drafts; a fee is allowed only on an institution course, whose notice is published
 * here and whose offering opens only after the notice period. Every refusal shows its message in the user's language
 * and changes nothing.
 */
@KehouTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OfferingLifecycleWebTests {

    static final String MARKUP = "<script>alert(1)</script>";
    static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Autowired
    MockMvc mvc;

    @Autowired
    DemoFixtures demo;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CatalogManagement catalog;

    @Autowired
    OrganizationManagement organization;

    @Autowired
    Clock clock;

    UserScope admin;
    UUID school;
    UUID autumn;
    UUID spring;
    UUID teacher;
    UUID staffCourse;
    UUID institutionCourse;

    @BeforeAll
    void aSchoolWithTwoTermsOfItsOwn() {
        admin = demo.scope("JX-PS-ADMIN");
        school = admin.schoolId();
        autumn = organization.planTerm(
                admin, school, 2081, TermKind.AUTUMN, LocalDate.of(2081, 9, 1), LocalDate.of(2082, 1, 17));
        spring = organization.planTerm(
                admin, school, 2081, TermKind.SPRING, LocalDate.of(2082, 2, 20), LocalDate.of(2082, 7, 7));
        teacher =
                organization.addStaff(admin, school, new NewStaff("LC-T1", "周期老师", null, StaffPosition.TEACHER, null));
        staffCourse = course("周期书法", ProviderKind.STAFF);
        institutionCourse = course("周期机器人", ProviderKind.INSTITUTION);
    }

    @Test
    void showsTheTermAskedForAndOtherwiseTheLatestThatHasBegun() throws Exception {
        UUID inAutumn = offering(autumn, DayOfWeek.MONDAY, null);
        String chosen = page("/school/offerings?term=" + autumn, null);
        assertThat(chosen).contains("id=\"offering-" + inAutumn + "\"");
        assertThat(chosen).containsPattern("<option value=\"" + autumn + "\" selected=\"selected\">");

        UUID current = jdbc.sql("""
                        select id from organization.term where school_id = :s and starts_on <= :today
                        order by starts_on desc limit 1""")
                .param("s", school)
                .param("today", LocalDate.now(clock))
                .query(UUID.class)
                .single();
        String byDefault = page("/school/offerings", null);
        assertThat(byDefault)
                .containsPattern("<option value=\"" + current + "\" selected=\"selected\">")
                .doesNotContain("id=\"offering-" + inAutumn + "\"");

        UUID otherSchoolsTerm = jdbc.sql("select id from organization.term where school_id = :s order by id limit 1")
                .param("s", demo.school("LL-PS"))
                .query(UUID.class)
                .single();
        assertThat(status(get("/school/offerings").param("term", otherSchoolsTerm.toString())))
                .isEqualTo(404);
        assertThat(status(get("/school/offerings").param("term", "not-a-term"))).isEqualTo(404);
    }

    @Test
    void aDraftIsPublishedThenClosedAndClosingTwiceIsRefused() throws Exception {
        UUID offering = offering(autumn, DayOfWeek.TUESDAY, null);
        assertThat(act(offering, "publish", null).getStatus()).isEqualTo(302);
        assertThat(state(offering)).isEqualTo("PUBLISHED");
        var closed = act(offering, "close", null);
        assertThat(closed.getStatus()).isEqualTo(302);
        assertThat(closed.getRedirectedUrl()).isEqualTo("/school/offerings?term=" + autumn);
        assertThat(state(offering)).isEqualTo("CLOSED");

        long version = version(offering);
        var again = act(offering, "close", null);
        assertThat(again.getStatus()).isEqualTo(200);
        assertThat(again.getContentAsString())
                .contains("id=\"publish-refusal\"")
                .contains("只有已发布的开课可以结束。");
        assertThat(act(offering, "close", "en").getContentAsString())
                .contains("Only a published offering can be closed.");
        assertThat(act(offering, "cancel", null).getContentAsString()).contains("已结束或已取消的开课不能再取消。");
        assertThat(version(offering)).as("nothing changed").isEqualTo(version);
        assertThat(state(offering)).isEqualTo("CLOSED");
    }

    @Test
    void aDraftIsCancelledWithoutAReasonButAPublishedOneNeedsOne() throws Exception {
        UUID draft = offering(autumn, DayOfWeek.WEDNESDAY, null);
        assertThat(act(draft, "cancel", null).getStatus()).isEqualTo(302);
        assertThat(state(draft)).isEqualTo("CANCELLED");

        UUID published = offering(autumn, DayOfWeek.THURSDAY, null);
        catalog.publishOffering(admin, published);
        long version = version(published);
        String refused = cancel(published, "  ", null);
        assertBeside(refused, "reason-" + published, "取消已发布的开课须填写原因，原因会告知家长。");
        assertBeside(
                cancel(published, "", "en"),
                "reason-" + published,
                "Cancelling a published offering needs a reason; families are told it.");
        assertBeside(cancel(published, "因".repeat(201), null), "reason-" + published, "内容过长");
        String markup = cancel(published, MARKUP, null);
        assertBeside(markup, "reason-" + published, "不能包含");
        assertThat(markup).doesNotContain(MARKUP);
        assertThat(version(published)).as("nothing changed").isEqualTo(version);
        assertThat(state(published)).isEqualTo("PUBLISHED");

        var cancelled = mvc.perform(post("/school/offerings/{id}/cancel", published)
                        .param("term", autumn.toString())
                        .param("reason", "书法老师调离")
                        .with(csrf())
                        .with(SignIn.as(admin)))
                .andReturn()
                .getResponse();
        assertThat(cancelled.getStatus()).isEqualTo(302);
        assertThat(state(published)).isEqualTo("CANCELLED");
        assertThat(page("/school/offerings?term=" + autumn, null)).contains("取消原因：书法老师调离");
        assertThat(page("/school/offerings?term=" + autumn, "en")).contains("Reason for cancelling: 书法老师调离");
    }

    @Test
    void copiesATermIntoAnotherAsDraftsLeavingOutClashesAndTheCancelled() throws Exception {
        UUID from = organization.planTerm(
                admin, school, 2083, TermKind.AUTUMN, LocalDate.of(2083, 9, 3), LocalDate.of(2084, 1, 19));
        UUID to = organization.planTerm(
                admin, school, 2083, TermKind.SPRING, LocalDate.of(2084, 2, 20), LocalDate.of(2084, 7, 7));
        UUID venue = venue();
        UUID published = offering(from, DayOfWeek.MONDAY, null, venue);
        catalog.publishOffering(admin, published);
        offering(from, DayOfWeek.TUESDAY, null, venue);
        UUID cancelled = offering(from, DayOfWeek.WEDNESDAY, null, venue);
        catalog.cancelOffering(admin, cancelled, null);
        UUID taken = offering(to, DayOfWeek.TUESDAY, null, venue);

        long before = count();
        String same = copy(from, from, null).getResponse().getContentAsString();
        assertBeside(same, "toTermId", "请选择另一个学期作为复制目标。");
        assertBeside(copy(from, from, "en").getResponse().getContentAsString(), "toTermId", "Choose another term");
        assertBeside(copy(from, null, null).getResponse().getContentAsString(), "toTermId", "此项必填");
        assertThat(count()).as("nothing copied").isEqualTo(before);

        MvcResult copied = mvc.perform(post("/school/offerings/copy")
                        .param("fromTermId", from.toString())
                        .param("toTermId", to.toString())
                        .with(csrf())
                        .with(SignIn.as(admin)))
                .andReturn();
        assertThat(copied.getResponse().getStatus()).isEqualTo(302);
        assertThat(copied.getResponse().getRedirectedUrl()).isEqualTo("/school/offerings?term=" + to);
        assertThat(jdbc.sql("select state from catalog.offering where term_id = :t and id <> :taken")
                        .param("t", to)
                        .param("taken", taken)
                        .query(String.class)
                        .list())
                .containsExactly("DRAFT");
        assertThat(copied.getFlashMap().get("copiedCount")).isEqualTo(1);
        assertThat(copied.getFlashMap().get("skippedCount")).isEqualTo(1);
    }

    @Test
    void aFeeIsRefusedBesideTheFieldOnASchoolRunCourse() throws Exception {
        long before = count();
        String zh = draftPage(staffCourse, "300", null);
        assertBeside(zh, "fee", "只有校外培训机构提供的课程可以代收费，学校自办和师资库课程不得收费。");
        String en = draftPage(staffCourse, "300", "en");
        assertBeside(en, "fee", "Only an offering of a training institution may collect a fee");
        assertBeside(draftPage(institutionCourse, "-5", null), "fee", "收费金额不能为负数。");
        assertBeside(draftPage(institutionCourse, "abc", null), "fee", "请输入金额");
        assertBeside(draftPage(institutionCourse, "12.345", null), "fee", "最多六位整数、两位小数");
        assertThat(count()).as("nothing stored").isEqualTo(before);
    }

    @Test
    void aFeeBearingOfferingOpensOnlyAfterItsNoticeHasBeenPublicForTheNoticePeriod() throws Exception {
        UUID offering = offering(spring, DayOfWeek.FRIDAY, new BigDecimal("600"));
        String list = page("/school/offerings?term=" + spring, null);
        assertThat(list).contains("600").contains("/school/offerings/" + offering + "/notice");

        String refused = act(offering, "publish", null).getContentAsString();
        assertThat(refused).contains("收费课程须先公示课程内容和收费标准，请先发布收费公示。");

        String form = page("/school/offerings/" + offering + "/notice", null);
        assertThat(form).contains("周期机器人").contains("须满 5 天");
        long notices = notices();
        String empty = mvc.perform(post("/school/offerings/{id}/notice", offering)
                        .with(csrf())
                        .with(SignIn.as(admin)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        for (String field : List.of("content", "feeStandard", "covers", "refundRule", "payee")) {
            assertBeside(empty, field, "此项必填");
        }
        assertBeside(notice(offering, "payee", MARKUP), "payee", "不能包含");
        assertBeside(notice(offering, "feeStandard", "元".repeat(201)), "feeStandard", "内容过长");
        assertThat(notices()).as("nothing stored").isEqualTo(notices);

        var published = mvc.perform(noticeRequest(offering).with(csrf()).with(SignIn.as(admin)))
                .andReturn()
                .getResponse();
        assertThat(published.getStatus()).isEqualTo(302);
        assertThat(published.getRedirectedUrl()).isEqualTo("/school/offerings?term=" + spring);
        LocalDate today = LocalDate.now(clock);
        String opens = today.plusDays(5).format(DateTimeFormatter.ISO_LOCAL_DATE);
        assertThat(page("/school/offerings?term=" + spring, null))
                .contains("公示日期：" + today.format(DateTimeFormatter.ISO_LOCAL_DATE))
                .contains("可于 " + opens + " 起开放报名");
        assertThat(page("/school/offerings/" + offering + "/notice", null)).contains("id=\"notice-published\"");

        long version = version(offering);
        assertThat(act(offering, "publish", null).getContentAsString())
                .contains("收费公示须满 5 天后才能开放报名，最早可于 " + opens + " 开放。");
        assertThat(act(offering, "publish", "en").getContentAsString()).contains("5 days");
        assertThat(version(offering)).isEqualTo(version);
        assertThat(state(offering)).isEqualTo("DRAFT");

        assertThat(notice(offering, "content", "再次公示")).contains("该课程已发布收费公示。");
        UUID free = offering(spring, DayOfWeek.MONDAY, null);
        assertThat(notice(free, "content", "免费课程")).contains("只有校外培训机构的收费课程需要发布收费公示。");
        assertThat(notices()).isEqualTo(notices + 1);
    }

    @Test
    void anotherSchoolsOfferingIsNotFound() throws Exception {
        UUID foreign = jdbc.sql("select id from catalog.offering where school_id <> :s order by id limit 1")
                .param("s", school)
                .query(UUID.class)
                .optional()
                .orElse(UUID.randomUUID());
        long before = notices();
        assertThat(status(get("/school/offerings/{id}/notice", foreign))).isEqualTo(404);
        assertThat(status(noticeRequest(foreign).with(csrf()))).isEqualTo(404);
        assertThat(status(post("/school/offerings/{id}/close", foreign).with(csrf())))
                .isEqualTo(404);
        assertThat(status(post("/school/offerings/{id}/cancel", foreign)
                        .param("reason", "x")
                        .with(csrf())))
                .isEqualTo(404);
        assertThat(notices()).isEqualTo(before);
    }

    private UUID course(String name, ProviderKind provider) {
        return catalog.defineCourse(
                admin,
                school,
                new NewCourse(
                        name, CourseCategory.SCHOOL_BASED, null, List.of(3, 4), null, null, provider, null, List.of()));
    }

    private UUID venue() {
        return catalog.addVenue(
                admin, school, new NewVenue("周期场地" + SEQUENCE.incrementAndGet(), VenueKind.CLASSROOM, 40));
    }

    private UUID offering(UUID term, DayOfWeek weekday, @Nullable BigDecimal fee) {
        return offering(term, weekday, fee, venue());
    }

    /** A slot-2 offering for grade 3 taught by this test's own teacher, of the institution course when it bears a fee. */
    private UUID offering(UUID term, DayOfWeek weekday, @Nullable BigDecimal fee, UUID venue) {
        UUID instructor = fee == null ? teacher : UUID.randomUUID();
        List<UUID> busy = jdbc.sql("""
                        select o.id from catalog.offering o join catalog.offering_instructor i on i.offering_id = o.id
                        where i.instructor_id = :t and o.term_id = :term and o.weekday = :day
                          and o.state in ('DRAFT', 'PUBLISHED')""")
                .param("t", instructor)
                .param("term", term)
                .param("day", weekday.name())
                .query(UUID.class)
                .list();
        if (!busy.isEmpty()) {
            instructor = organization.addStaff(
                    admin,
                    school,
                    new NewStaff(
                            "LC-T" + (100 + SEQUENCE.incrementAndGet()), "周期老师", null, StaffPosition.TEACHER, null));
        }
        return catalog.draftOffering(
                admin,
                school,
                new NewOffering(
                        fee == null ? staffCourse : institutionCourse,
                        term,
                        weekday,
                        Slot.SLOT_2,
                        venue,
                        Set.of(instructor),
                        30,
                        List.of(3),
                        fee,
                        20,
                        null,
                        null,
                        null,
                        List.of()));
    }

    private String draftPage(UUID course, String fee, @Nullable String language) throws Exception {
        var request = post("/school/offerings")
                .param("courseId", course.toString())
                .param("termId", spring.toString())
                .param("weekday", "WEDNESDAY")
                .param("slot", "SLOT_2")
                .param("venueId", venue().toString())
                .param("instructorId", teacher.toString())
                .param("capacity", "30")
                .param("grades", "3")
                .param("exerciseMinutes", "20")
                .param("fee", fee)
                .with(csrf())
                .with(SignIn.as(admin));
        if (language != null) {
            request.cookie(new Cookie("kehou-lang", language));
        }
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return response.getContentAsString();
    }

    private MockHttpServletResponse act(UUID offering, String action, @Nullable String language) throws Exception {
        var request = post("/school/offerings/{id}/" + action, offering)
                .param("term", autumn.toString())
                .with(csrf())
                .with(SignIn.as(admin));
        if (language != null) {
            request.cookie(new Cookie("kehou-lang", language));
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    private String cancel(UUID offering, String reason, @Nullable String language) throws Exception {
        var request = post("/school/offerings/{id}/cancel", offering)
                .param("term", autumn.toString())
                .param("reason", reason)
                .with(csrf())
                .with(SignIn.as(admin));
        if (language != null) {
            request.cookie(new Cookie("kehou-lang", language));
        }
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsString()).doesNotContain("Exception");
        return response.getContentAsString();
    }

    private MvcResult copy(UUID from, @Nullable UUID to, @Nullable String language) throws Exception {
        var request = post("/school/offerings/copy")
                .param("fromTermId", from.toString())
                .with(csrf())
                .with(SignIn.as(admin));
        if (to != null) {
            request.param("toTermId", to.toString());
        }
        if (language != null) {
            request.cookie(new Cookie("kehou-lang", language));
        }
        return mvc.perform(request).andReturn();
    }

    private MockHttpServletRequestBuilder noticeRequest(UUID offering) {
        return post("/school/offerings/{id}/notice", offering)
                .param("content", "机器人编程入门，每周一次")
                .param("feeStandard", "每学期 600 元")
                .param("covers", "器材与教材")
                .param("refundRule", "开课两周内可全额退费")
                .param("payee", "某某科技培训中心");
    }

    private String notice(UUID offering, String field, String value) throws Exception {
        var response = mvc.perform(
                        noticeRequest(offering).param(field, value).with(csrf()).with(SignIn.as(admin)))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return response.getContentAsString();
    }

    private String page(String url, @Nullable String language) throws Exception {
        var request = get(url).with(SignIn.as(admin));
        if (language != null) {
            request.cookie(new Cookie("kehou-lang", language));
        }
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).as(url).isEqualTo(200);
        return response.getContentAsString();
    }

    private int status(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(SignIn.as(admin)))
                .andReturn()
                .getResponse()
                .getStatus();
    }

    static void assertBeside(String page, String field, String message) {
        Pattern beside =
                Pattern.compile("(?s)id=\"" + field + "\".*?<div class=\"invalid-feedback[^\"]*\">([^<]*)</div>");
        var matcher = beside.matcher(page);
        assertThat(matcher.find()).as("an error beside " + field).isTrue();
        assertThat(matcher.group(1)).as("the error beside " + field).contains(message);
    }

    private String state(UUID offering) {
        return jdbc.sql("select state from catalog.offering where id = :id")
                .param("id", offering)
                .query(String.class)
                .single();
    }

    private long version(UUID offering) {
        return jdbc.sql("select version from catalog.offering where id = :id")
                .param("id", offering)
                .query(Long.class)
                .single();
    }

    private long count() {
        return jdbc.sql("select count(*) from catalog.offering")
                .query(Long.class)
                .single();
    }

    private long notices() {
        return jdbc.sql("select count(*) from catalog.fee_notice")
                .query(Long.class)
                .single();
    }
}
