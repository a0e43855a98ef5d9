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
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
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
import org.kehou.support.DemoFixtures;
import org.kehou.support.KehouTest;
import org.kehou.support.SignIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The lottery pages (ENROL-1, ENROL-2) as guardians, school admins and the public use them, whole and as htmx
 * fragments: a guardian applies for their own child with ranked choices and consent, the school sets priority groups
 * and the siblings option, draws once after closing, verifies and explains; every bad input is answered beside its
 * field in the user's language and stores nothing; another family's child and another school's lottery are not
 * found.
 */
@KehouTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LotteryWebTests {

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
    UUID chess;
    UUID choir;
    UUID art;
    UUID drama;
    UUID window;
    Family family;
    Family neighbours;
    UserScope guardian;
    UserScope neighbour;

    @BeforeAll
    void campus() {
        fixtures = new EnrollmentFixtures(organization, catalog, enrollment, accounts, clock);
        campus = fixtures.campus(demo.scope("LY-JX-ADMIN"));
        chess = fixtures.offering(campus, DayOfWeek.MONDAY, Slot.SLOT_2, 1, 3);
        choir = fixtures.offering(campus, DayOfWeek.TUESDAY, Slot.SLOT_2, 1, 3);
        art = fixtures.offering(campus, DayOfWeek.WEDNESDAY, Slot.SLOT_2, 1, 3);
        drama = fixtures.offering(campus, DayOfWeek.THURSDAY, Slot.SLOT_2, 1, 3);
        window = lotteryWindow(campus);
        family = fixtures.family(campus, 3, 1);
        neighbours = fixtures.family(campus, 3, 1);
        guardian = fixtures.account(family);
        neighbour = fixtures.account(neighbours);
    }

    @Test
    void aGuardianAppliesWithRankedChoicesAndConsentAndMayChangeTheApplication() throws Exception {
        String list = page(get("/guardian/lotteries"), guardian, null);
        assertThat(list)
                .contains("id=\"lottery-" + window + "-" + family.child() + "\"")
                .contains("<html");
        assertThat(page(get("/guardian/lotteries").header("HX-Request", "true"), guardian, null))
                .doesNotContain("<html")
                .contains("id=\"lotteries\"");
        String form = page(get(applicationPath(family.child())), guardian, null);
        assertThat(form).contains("id=\"application-form\"").contains("第 1 志愿").contains("<html");
        assertThat(page(get(applicationPath(family.child())).header("HX-Request", "true"), guardian, null))
                .doesNotContain("<html")
                .contains("id=\"application\"");

        MockHttpServletResponse applied =
                perform(application(family.child(), true, chess.toString(), choir.toString()), guardian, null);
        assertThat(applied.getStatus()).as(applied.getContentAsString()).isEqualTo(302);
        MockHttpServletResponse changed =
                perform(application(family.child(), true, choir.toString(), "", chess.toString()), guardian, null);
        assertThat(changed.getStatus()).isEqualTo(302);
        assertThat(page(get(applicationPath(family.child())), guardian, null))
                .contains("id=\"revision-1\"")
                .contains("id=\"revision-2\"")
                .contains("修改申请");
        assertThat(jdbc.sql("select choice1 from enrollment.lottery_application where child_id = :c")
                        .param("c", family.child())
                        .query(UUID.class)
                        .single())
                .isEqualTo(choir);
    }

    @Test
    void badApplicationsAreAnsweredBesideTheirFieldAndStoreNothing() throws Exception {
        UUID child = neighbours.child();
        assertRefused(
                application(child, true, chess.toString(), choir.toString(), art.toString(), drama.toString()),
                null,
                "最多可填报 3 个志愿");
        assertRefused(application(child, true, chess.toString(), chess.toString()), null, "同一门课程不能重复填报");
        assertRefused(application(child, true, "not-a-course"), null, "请从列表中选择课程");
        assertRefused(application(child, true, "x".repeat(5000)), null, "请从列表中选择课程");
        assertRefused(application(child, true), null, "请至少选择一门课程");
        assertRefused(application(child, true, UUID.randomUUID().toString()), null, "");
        assertRefused(application(child, false, chess.toString()), null, "未经同意不会保存任何报名信息");
        assertRefused(
                application(child, true, chess.toString(), chess.toString()), "en", "A course cannot be ranked twice");

        MockHttpServletResponse foreign = perform(application(family.child(), true, chess.toString()), neighbour, null);
        assertThat(foreign.getStatus())
                .as("another family's child is not found")
                .isEqualTo(404);
        assertThat(perform(get(applicationPath(family.child())), neighbour, null)
                        .getStatus())
                .isEqualTo(404);
        assertThat(count("select count(*) from enrollment.lottery_application where child_id = '" + child + "'"))
                .isZero();
    }

    @Test
    void theSchoolSetsPrioritiesDrawsOnceAfterClosingVerifiesAndExplains() throws Exception {
        Campus own = fixtures.campus(demo.scope("LY-JX-ADMIN"));
        UUID painting = fixtures.offering(own, DayOfWeek.FRIDAY, Slot.SLOT_2, 1, 3);
        UUID lottery = lotteryWindow(own);
        Family first = fixtures.family(own, 3, 1);
        Family second = fixtures.family(own, 3, 1);
        UserScope firstGuardian = fixtures.account(first);
        UserScope secondGuardian = fixtures.account(second);
        assertThat(perform(applicationFor(lottery, first.child(), painting), firstGuardian, null)
                        .getStatus())
                .isEqualTo(302);
        assertThat(perform(applicationFor(lottery, second.child(), painting), secondGuardian, null)
                        .getStatus())
                .isEqualTo(302);
        String base = "/school/lotteries/" + lottery;
        UserScope adminScope = adminAccount(own);

        assertThat(page(get("/school/lotteries"), adminScope, null)).contains("id=\"lottery-" + lottery + "\"");
        assertThat(page(get("/school/lotteries").header("HX-Request", "true"), adminScope, null))
                .doesNotContain("<html");
        assertThat(page(get(base), adminScope, null))
                .contains("id=\"priority-form\"")
                .contains("id=\"seed-hash\"");
        assertThat(page(get(base).header("HX-Request", "true"), adminScope, null))
                .doesNotContain("<html")
                .contains("id=\"lottery\"");

        long before = lotteryFingerprint(lottery);
        assertThat(page(priority(base, second.child().toString(), "9", "教职工子女"), adminScope, null))
                .contains("优先组应为 1 至 3");
        assertThat(page(priority(base, second.child().toString(), "abc", "教职工子女"), adminScope, null))
                .contains("优先组应为 1 至 3");
        assertThat(page(priority(base, second.child().toString(), "2", "长".repeat(61)), adminScope, null))
                .contains("优先理由不能超过 60 个字");
        assertThat(page(priority(base, second.child().toString(), "2", " "), adminScope, null))
                .contains("请填写优先理由");
        assertThat(page(priority(base, "nobody", "2", "教职工子女"), adminScope, null))
                .contains("请从列表中选择学生");
        assertThat(page(post(base + "/siblings").param("siblings", "TWINS"), adminScope, null))
                .contains("请选择同胞安排方式");
        assertThat(page(post(base + "/draw"), adminScope, null)).contains("截止后才能摇号");
        assertThat(lotteryFingerprint(lottery)).as("nothing changed").isEqualTo(before);

        UserScope otherSchool = demo.scope("JX-PS-ADMIN");
        assertThat(perform(get(base), otherSchool, null).getStatus()).isEqualTo(404);
        assertThat(perform(priority(base, second.child().toString(), "2", "教职工子女"), otherSchool, null)
                        .getStatus())
                .isEqualTo(404);
        assertThat(lotteryFingerprint(lottery)).isEqualTo(before);

        assertThat(perform(priority(base, second.child().toString(), "2", "教职工子女"), adminScope, null)
                        .getStatus())
                .isEqualTo(302);
        assertThat(perform(post(base + "/siblings").param("siblings", "TOGETHER"), adminScope, null)
                        .getStatus())
                .isEqualTo(302);

        jdbc.sql("update enrollment.registration_window set closes_at = :t, version = version + 1 where id = :id")
                .param("t", LocalDateTime.now(clock).minusMinutes(1))
                .param("id", lottery)
                .update();
        assertThat(perform(post(base + "/draw"), otherSchool, null).getStatus()).isEqualTo(404);
        MockHttpServletResponse drawn = perform(post(base + "/draw"), adminScope, null);
        assertThat(drawn.getStatus()).as(drawn.getContentAsString()).isEqualTo(302);
        assertThat(page(post(base + "/draw"), adminScope, null)).contains("本次摇号已经完成");
        assertThat(page(post(base + "/verify"), adminScope, "en")).contains("Verified: the seed matches");

        String explained = page(get(base + "/children/" + second.child()), adminScope, null);
        assertThat(explained).contains("id=\"explanation\"").contains("第 1 位").contains("获得名额");
        assertThat(page(get(base + "/children/" + second.child()).header("HX-Request", "true"), adminScope, null))
                .doesNotContain("<html")
                .contains("id=\"draw-key\"");
        assertThat(perform(get(base + "/children/" + first.child()), otherSchool, null)
                        .getStatus())
                .isEqualTo(404);
        assertThat(page(get("/guardian/lotteries/" + lottery + "/children/" + first.child()), firstGuardian, null))
                .contains("id=\"explanation\"")
                .contains("候补");

        String notice = anonymous("/public/lotteries/" + lottery);
        assertThat(notice)
                .contains(jdbc.sql("select seed from enrollment.lottery_draw where window_id = :w")
                        .param("w", lottery)
                        .query(String.class)
                        .single());
    }

    @Test
    void theCommitmentIsPublicWithoutSignInAndTheSeedStaysSecretUntilTheDraw() throws Exception {
        String notice = anonymous("/public/lotteries/" + window);
        String hash = jdbc.sql("select seed_hash from enrollment.lottery where window_id = :w")
                .param("w", window)
                .query(String.class)
                .single();
        String seed = jdbc.sql("select seed from enrollment.lottery where window_id = :w")
                .param("w", window)
                .query(String.class)
                .single();
        assertThat(notice).contains(hash).doesNotContain(seed).contains("摇号时公布");
        assertThat(anonymous("/public/schools/" + campus.schoolId() + "/lotteries"))
                .contains("id=\"lottery-" + window + "\"");
        assertThat(mvc.perform(get("/public/lotteries/" + UUID.randomUUID()))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
    }

    private UUID lotteryWindow(Campus c) {
        LocalDateTime now = LocalDateTime.now(clock);
        return enrollment.openWindow(
                c.admin(),
                new NewWindow(
                        null,
                        c.schoolYear(),
                        TermKind.AUTUMN,
                        now.minusHours(1),
                        now.plusHours(2),
                        Allocation.LOTTERY,
                        3));
    }

    /** A sign-in account administering the campus, as the pages resolve the caller's scope from the account. */
    private UserScope adminAccount(Campus c) {
        UUID id = accounts.openAccount(new AccountManagement.NewAccount(
                "摇号测试管理员",
                "176" + String.format("%08d", EnrollmentFixtures.next() % 100_000_000),
                null,
                EnrollmentFixtures.PASSWORD,
                java.util.Set.of(org.kehou.platform.Role.SCHOOL_ADMIN),
                c.countyId(),
                c.schoolId(),
                null,
                null,
                null,
                false));
        return accounts.scopeOf(id).orElseThrow();
    }

    private String applicationPath(UUID child) {
        return "/guardian/lotteries/" + window + "/children/" + child;
    }

    private MockHttpServletRequestBuilder application(UUID child, boolean consent, String... choices) {
        MockHttpServletRequestBuilder request = post(applicationPath(child))
                .param("consentVersion", enrollment.consentVersion())
                .param("choices", choices);
        return consent ? request.param("consent", "true") : request;
    }

    private MockHttpServletRequestBuilder applicationFor(UUID lottery, UUID child, UUID choice) {
        return post("/guardian/lotteries/" + lottery + "/children/" + child)
                .param("consentVersion", enrollment.consentVersion())
                .param("choices", choice.toString())
                .param("consent", "true");
    }

    private static MockHttpServletRequestBuilder priority(String base, String child, String group, String reason) {
        return post(base + "/priorities")
                .param("childId", child)
                .param("group", group)
                .param("reason", reason);
    }

    private void assertRefused(MockHttpServletRequestBuilder request, @Nullable String language, String message)
            throws Exception {
        long before = count("select count(*) from enrollment.lottery_application_event");
        MockHttpServletResponse response = perform(request, neighbour, language);
        String body = response.getContentAsString();
        assertThat(response.getStatus()).as(body).isIn(200, 404);
        if (response.getStatus() == 200) {
            assertThat(body).contains(message).doesNotContain("Exception");
        }
        assertThat(count("select count(*) from enrollment.lottery_application_event"))
                .as("nothing stored")
                .isEqualTo(before);
    }

    private long lotteryFingerprint(UUID lottery) {
        return count("select count(*) from enrollment.lottery_priority where window_id = '" + lottery + "'") * 1000
                + count("select count(*) from enrollment.lottery_draw where window_id = '" + lottery + "'") * 100
                + count("select count(*) from enrollment.lottery where siblings = 'TOGETHER' and window_id = '"
                        + lottery + "'");
    }

    private String anonymous(String path) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(path)).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return response.getContentAsString();
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
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        String body = response.getContentAsString();
        assertThat(body).doesNotContain("Exception");
        return body;
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
