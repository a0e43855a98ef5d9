package org.kehou.enrollment.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.http.Cookie;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kehou.catalog.CatalogManagement;
import org.kehou.catalog.Slot;
import org.kehou.enrollment.Allocation;
import org.kehou.enrollment.EnrollmentFixtures;
import org.kehou.enrollment.EnrollmentFixtures.Campus;
import org.kehou.enrollment.EnrollmentFixtures.Family;
import org.kehou.enrollment.EnrollmentManagement;
import org.kehou.enrollment.EnrollmentManagement.NewWindow;
import org.kehou.organization.OrganizationManagement;
import org.kehou.organization.TermKind;
import org.kehou.platform.AccountManagement;
import org.kehou.platform.UserScope;
import org.kehou.platform.web.Htmx;
import org.kehou.support.DemoFixtures;
import org.kehou.support.KehouTest;
import org.kehou.support.SignIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The registration pages (ENROL-1..3, ENROL-5, CONTENT-2) as guardians, schools and counties use them: a guardian
 * sees the offerings that fit their child with seats and the window, registers only after ticking the consent, gets
 * a seat or a place in line, withdraws, and reads the history; the school opens windows and sees the load but cannot
 * register anyone; every refusal is shown beside its field and stores nothing.
 */
@KehouTest
class RegistrationWebTests {

    static final Pattern KEY = Pattern.compile("name=\"idempotencyKey\" value=\"([^\"]+)\"");

    @Autowired
    MockMvc mvc;

    @Autowired
    DemoFixtures demo;

    @Autowired
    OrganizationManagement organization;

    @Autowired
    CatalogManagement catalog;

    @Autowired
    EnrollmentManagement enrollment;

    @Autowired
    AccountManagement accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    EnrollmentFixtures fixtures;
    Campus campus;
    UUID slot1;
    UUID slot2;
    UUID tiny;
    Family family;
    UserScope guardian;
    UserScope admin;

    @BeforeEach
    void campus() {
        fixtures = new EnrollmentFixtures(organization, catalog, enrollment, accounts, clock);
        campus = fixtures.campus(demo.scope("LY-JX-ADMIN"));
        slot1 = fixtures.offering(campus, DayOfWeek.MONDAY, Slot.SLOT_1, 30, 3);
        slot2 = fixtures.offering(campus, DayOfWeek.MONDAY, Slot.SLOT_2, 30, 3, 4);
        tiny = fixtures.offering(campus, DayOfWeek.TUESDAY, Slot.SLOT_2, 1, 3);
        fixtures.offering(campus, DayOfWeek.WEDNESDAY, Slot.SLOT_2, 30, 4);
        fixtures.openWindowNow(campus, 5);
        family = fixtures.family(campus, 3, 2);
        guardian = fixtures.account(family);
        admin = fixtures.adminAccount(campus);
    }

    private UserScope signedIn(Family other) {
        return fixtures.account(other);
    }

    @Test
    void aGuardianSeesTheOfferingsThatFitTheChildBySlotWithSeatsAndTheOpenWindow() throws Exception {
        String page = page(get("/guardian/registration"), guardian);
        assertThat(page)
                .contains("id=\"offering-" + slot1 + "\"")
                .contains("id=\"offering-" + slot2 + "\"")
                .contains("id=\"offering-" + tiny + "\"")
                .contains("第一时段")
                .contains("第二时段")
                .contains("余 30 / 30 个名额")
                .contains("报名进行中")
                .contains("报名测试老师")
                .contains("hx-trigger=\"every 15s\"")
                .contains("<html");
        // a grade-4-only offering is not shown to a grade-3 child
        assertThat(countOfferings(page)).isEqualTo(3);

        String slotOne = page(
                get("/guardian/registration")
                        .param("child", family.child().toString())
                        .param("slot", "SLOT_1")
                        .header(Htmx.HEADER, "true"),
                guardian);
        assertThat(slotOne)
                .doesNotContain("<html")
                .contains("id=\"offering-" + slot1 + "\"")
                .doesNotContain("id=\"offering-" + slot2 + "\"");
    }

    @Test
    void anotherFamilysChildIsNotFoundOnEveryPage() throws Exception {
        Family other = fixtures.family(campus, 3, 1);
        assertThat(perform(
                                get("/guardian/registration")
                                        .param("child", other.child().toString()),
                                guardian)
                        .getStatus())
                .isEqualTo(404);
        assertThat(perform(
                                get("/guardian/registration/enrol")
                                        .param("child", other.child().toString())
                                        .param("offering", slot1.toString()),
                                guardian)
                        .getStatus())
                .isEqualTo(404);
        long before = registrations();
        var response =
                perform(enrol(other.child(), slot1, true, UUID.randomUUID().toString()), guardian);
        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(registrations()).isEqualTo(before);
    }

    @Test
    void registrationNeedsTheTickedConsentAndADoubleSubmitStoresOnce() throws Exception {
        String form = page(
                get("/guardian/registration/enrol")
                        .param("child", family.child().toString())
                        .param("offering", slot1.toString()),
                guardian);
        assertThat(form).contains("id=\"consent-text\"").contains("自愿为孩子报名所选课程").contains("<html");
        String key = key(form);
        assertThat(page(
                        get("/guardian/registration/enrol")
                                .param("child", family.child().toString())
                                .param("offering", slot1.toString())
                                .header(Htmx.HEADER, "true"),
                        guardian))
                .doesNotContain("<html")
                .contains("id=\"chosen\"");

        String refused = page(enrol(family.child(), slot1, false, key), guardian);
        assertThat(refused).contains("id=\"consent-error\"").contains("未经同意不会保存任何报名信息");
        assertThat(key(refused)).isNotEqualTo(key);
        assertThat(registrations()).isZero();

        var first = perform(enrol(family.child(), slot1, true, key), guardian);
        assertThat(first.getStatus()).as(first.getContentAsString()).isEqualTo(302);
        var again = perform(enrol(family.child(), slot1, true, key), guardian);
        assertThat(again.getRedirectedUrl()).isEqualTo(first.getRedirectedUrl());
        assertThat(registrations()).isEqualTo(1);
        assertThat(page(get(first.getRedirectedUrl()), guardian))
                .contains("id=\"answer\"")
                .contains("已成功报名");
    }

    @Test
    void aFullOfferingGivesAPlaceInLineAndAWithdrawalPromotesIt() throws Exception {
        Family first = fixtures.family(campus, 3, 1);
        UserScope firstGuardian = signedIn(first);
        var taken = perform(enrol(first.child(), tiny, true, UUID.randomUUID().toString()), firstGuardian);
        assertThat(taken.getStatus()).isEqualTo(302);
        assertThat(page(get("/guardian/registration"), guardian)).contains("名额已满，候补 0 人");

        var waiting =
                perform(enrol(family.child(), tiny, true, UUID.randomUUID().toString()), guardian);
        String answer = page(get(waiting.getRedirectedUrl()), guardian);
        assertThat(answer)
                .contains("已进入候补名单，当前排第 1 位")
                .contains("候补第 1 位")
                .contains("自动转为正式报名")
                .doesNotContain("保留名额");
        assertThat(page(get(waiting.getRedirectedUrl()).header(Htmx.HEADER, "true"), guardian))
                .doesNotContain("<html")
                .contains("自动转为正式报名");
        assertThat(page(get(waiting.getRedirectedUrl()).cookie(new Cookie("kehou-lang", "en")), guardian))
                .contains("the first in line is registered automatically");

        String twice = page(enrol(family.child(), tiny, true, UUID.randomUUID().toString()), guardian);
        assertThat(twice).contains("id=\"offeringId-error\"").contains("孩子已报名或正在候补该课程");

        UUID held = registration(first.child());
        String mine = page(get("/guardian/registrations"), firstGuardian);
        assertThat(mine).contains("id=\"withdraw-" + held + "\"");
        assertThat(page(get("/guardian/registrations/{id}/withdraw", held), firstGuardian))
                .contains("id=\"confirm-withdraw\"")
                .contains("退出后名额将让给候补的第一位");
        assertThat(page(get("/guardian/registrations/{id}/withdraw", held).header(Htmx.HEADER, "true"), firstGuardian))
                .doesNotContain("<html");
        assertThat(perform(get("/guardian/registrations/{id}/withdraw", held), guardian)
                        .getStatus())
                .isEqualTo(404);
        assertThat(page(get("/guardian/registrations").header(Htmx.HEADER, "true"), firstGuardian))
                .doesNotContain("<html")
                .contains("id=\"registration-" + held + "\"");
        assertThat(perform(post("/guardian/registrations/{id}/withdraw", held), guardian)
                        .getStatus())
                .as("another family cannot withdraw it")
                .isEqualTo(404);
        assertThat(perform(post("/guardian/registrations/{id}/withdraw", held), firstGuardian)
                        .getRedirectedUrl())
                .isEqualTo("/guardian/registrations");
        UUID promoted = registration(family.child());
        assertThat(page(get("/guardian/registrations"), guardian))
                .contains("id=\"status-" + promoted + "\"")
                .contains("已报名");
        assertThat(page(get("/guardian/registrations/{id}/history", promoted), guardian))
                .contains("进入候补")
                .contains("候补转正")
                .contains("系统自动");
        assertThat(page(get("/guardian/registrations/{id}/history", held).header(Htmx.HEADER, "true"), firstGuardian))
                .doesNotContain("<html")
                .contains("报名成功")
                .contains("退出");
        assertThat(perform(get("/guardian/registrations/{id}/history", held), guardian)
                        .getStatus())
                .isEqualTo(404);

        assertThat(page(get("/school/registration/enrollments/{id}/history", held), admin))
                .contains("报名成功");
        assertThat(perform(get("/school/registration/enrollments/{id}/history", held), demo.scope("JX-PS-ADMIN"))
                        .getStatus())
                .isEqualTo(404);
    }

    @Test
    void slotOneAndSlotTwoOfTheSameDayMayBothBeTakenButNotTwoOfOneSlot() throws Exception {
        assertThat(perform(enrol(family.child(), slot1, true, UUID.randomUUID().toString()), guardian)
                        .getStatus())
                .isEqualTo(302);
        assertThat(perform(enrol(family.child(), slot2, true, UUID.randomUUID().toString()), guardian)
                        .getStatus())
                .isEqualTo(302);
        UUID clash = fixtures.offering(campus, DayOfWeek.MONDAY, Slot.SLOT_2, 30, 3);
        String refused =
                page(enrol(family.child(), clash, true, UUID.randomUUID().toString()), guardian);
        assertThat(refused).contains("id=\"offeringId-error\"").contains("同一时段已报名其他课程");
        assertThat(registrations()).isEqualTo(2);
    }

    @Test
    void aClosedWindowIsShownAndRefusesBesideTheOffering() throws Exception {
        Campus closed = fixtures.campus(demo.scope("LY-JX-ADMIN"));
        UUID offering = fixtures.offering(closed, DayOfWeek.MONDAY, Slot.SLOT_2, 30, 3);
        LocalDateTime now = LocalDateTime.now(clock);
        fixtures.openWindow(closed, now.plusDays(2), now.plusDays(3), 5);
        Family waiting = fixtures.family(closed, 3, 1);
        UserScope waitingGuardian = signedIn(waiting);
        String page = page(get("/guardian/registration"), waitingGuardian);
        assertThat(page).contains("报名将于").doesNotContain("id=\"enrol-" + offering + "\"");
        String refused =
                page(enrol(waiting.child(), offering, true, UUID.randomUUID().toString()), waitingGuardian);
        assertThat(refused).contains("id=\"offeringId-error\"").contains("开始前不受理报名");
        assertThat(jdbc.sql("select count(*) from enrollment.enrollment where child_id = :c")
                        .param("c", waiting.child())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void theSchoolOpensAWindowSeesTheLoadAndCannotRegisterAnyone() throws Exception {
        String page = page(get("/school/registration"), admin);
        assertThat(page)
                .contains("id=\"window-form\"")
                .contains("id=\"load-" + tiny + "\"")
                .contains("id=\"windows\"")
                .doesNotContain("/guardian/registration/enrol");
        assertThat(page).contains("id=\"grades-" + slot2 + "\">3、4 年级<").contains("id=\"grades-" + tiny + "\">3 年级<");
        assertThat(page(get("/school/registration").header(Htmx.HEADER, "true"), admin))
                .doesNotContain("<html")
                .contains("id=\"load-" + tiny + "\"")
                .contains("id=\"grades-" + slot2 + "\">3、4 年级<");
        assertThat(page(get("/school/registration").cookie(new Cookie("kehou-lang", "en")), admin))
                .contains("Grades")
                .contains("id=\"grades-" + slot2 + "\">3/4<");

        LocalDateTime now = LocalDateTime.now(clock);
        var opened = perform(
                window("/school/registration/windows", campus.schoolYear(), now.plusDays(10), now.plusDays(12)), admin);
        assertThat(opened.getRedirectedUrl()).isEqualTo("/school/registration");
        String overlap = page(
                window("/school/registration/windows", campus.schoolYear(), now.plusDays(11), now.plusDays(13)), admin);
        assertThat(overlap).contains("与已有的报名时段");

        long before = registrations();
        var refused =
                perform(enrol(family.child(), slot1, true, UUID.randomUUID().toString()), admin);
        assertThat(refused.getStatus()).isEqualTo(403);
        assertThat(perform(enrol(family.child(), slot1, true, UUID.randomUUID().toString()), demo.scope("JX-PS-T01"))
                        .getStatus())
                .isEqualTo(403);
        assertThat(registrations()).isEqualTo(before);
    }

    @Test
    void theSchoolOpensALotteryWindowFromThePageAndTheTableSaysWhichWindowsAreLotteries() throws Exception {
        assertThat(page(get("/school/registration"), admin))
                .contains("id=\"allocation\"")
                .contains("value=\"LOTTERY\"")
                .contains("id=\"allocation-" + firstWindow() + "\">先到先得<");

        LocalDateTime now = LocalDateTime.now(clock);
        var opened = perform(
                window("/school/registration/windows", campus.schoolYear(), now.plusDays(10), now.plusDays(12))
                        .param("allocation", "LOTTERY"),
                admin);
        assertThat(opened.getRedirectedUrl()).isEqualTo("/school/registration");
        UUID lottery = jdbc.sql("select id from enrollment.registration_window where school_id = :s"
                        + " and allocation = 'LOTTERY'")
                .param("s", campus.schoolId())
                .query(UUID.class)
                .single();
        assertThat(jdbc.sql("select count(*) from enrollment.lottery where window_id = :w")
                        .param("w", lottery)
                        .query(Long.class)
                        .single())
                .as("a lottery window commits its seed when it opens")
                .isEqualTo(1);

        UserScope county = demo.scope("LY-JX-ADMIN");
        UUID countyWide = enrollment.openWindow(
                county,
                new NewWindow(
                        null,
                        campus.schoolYear(),
                        TermKind.SPRING,
                        now.plusDays(20),
                        now.plusDays(22),
                        Allocation.LOTTERY,
                        5));
        assertThat(page(get("/school/registration").header(Htmx.HEADER, "true"), admin))
                .doesNotContain("<html")
                .contains("id=\"allocation-" + lottery + "\">摇号<")
                .contains("id=\"allocation-" + countyWide + "\">摇号<");
        assertThat(page(get("/school/registration").cookie(new Cookie("kehou-lang", "en")), admin))
                .contains("id=\"allocation-" + countyWide + "\">By lottery<")
                .contains("id=\"allocation-" + firstWindow() + "\">First come<");
    }

    private UUID firstWindow() {
        return jdbc.sql("select id from enrollment.registration_window where school_id = :s"
                        + " and allocation = 'FIRST_COME'")
                .param("s", campus.schoolId())
                .query(UUID.class)
                .single();
    }

    @Test
    void theCountyOpensACountyWideWindowAndInEnglish() throws Exception {
        UserScope county = demo.scope("LY-JX-ADMIN");
        assertThat(page(get("/county/registration"), county))
                .contains("id=\"window-form\"")
                .contains("全区报名时段");
        assertThat(page(get("/county/registration").header(Htmx.HEADER, "true"), county))
                .doesNotContain("<html");
        var english = get("/county/registration").cookie(new Cookie("kehou-lang", "en"));
        assertThat(page(english, county)).contains("County registration windows");
        int year = EnrollmentFixtures.year();
        LocalDateTime now = LocalDateTime.now(clock);
        var opened = perform(window("/county/registration/windows", year, now.plusDays(1), now.plusDays(2)), county);
        assertThat(opened.getRedirectedUrl()).isEqualTo("/county/registration");
        assertThat(jdbc.sql(
                                "select count(*) from enrollment.registration_window where school_year = :y and school_id is null")
                        .param("y", year)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    private int countOfferings(String page) {
        return page.split("class=\"card mb-2\" id=\"offering-", -1).length - 1;
    }

    private UUID registration(UUID child) {
        return jdbc.sql("select id from enrollment.enrollment where child_id = :c and status <> 'WITHDRAWN'")
                .param("c", child)
                .query(UUID.class)
                .single();
    }

    private long registrations() {
        return jdbc.sql("select count(*) from enrollment.enrollment where child_id in (:c)")
                .param("c", family.children())
                .query(Long.class)
                .single();
    }

    static String key(String page) {
        Matcher m = KEY.matcher(page);
        assertThat(m.find()).as("idempotency key in the form").isTrue();
        return m.group(1);
    }

    static MockHttpServletRequestBuilder enrol(UUID child, UUID offering, boolean consent, String key) {
        var request = post("/guardian/registration/enrol")
                .param("childId", child.toString())
                .param("offeringId", offering.toString())
                .param("idempotencyKey", key)
                .param("consentVersion", "2026-1");
        return consent ? request.param("consent", "true") : request;
    }

    static MockHttpServletRequestBuilder window(String path, int year, LocalDateTime opens, LocalDateTime closes) {
        return post(path)
                .param("schoolYear", String.valueOf(year))
                .param("termKind", "AUTUMN")
                .param("opensAt", opens.withSecond(0).withNano(0).toString())
                .param("closesAt", closes.withSecond(0).withNano(0).toString())
                .param("waitlistLimit", "5");
    }

    private MockHttpServletResponse perform(MockHttpServletRequestBuilder request, UserScope caller) throws Exception {
        request.with(csrf()).with(SignIn.as(caller));
        return mvc.perform(request).andReturn().getResponse();
    }

    private String page(MockHttpServletRequestBuilder request, UserScope caller) throws Exception {
        MockHttpServletResponse response = perform(request, caller);
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        String body = response.getContentAsString();
        assertThat(body).doesNotContain("Exception");
        return body;
    }
}
