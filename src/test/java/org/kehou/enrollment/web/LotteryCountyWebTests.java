package org.kehou.enrollment.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.http.Cookie;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
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
import org.kehou.platform.Role;
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
 * A county-wide lottery (ENROL-2) as the county admin runs it on the county's pages, which are the school's lottery
 * pages under {@code /county/lotteries}: the window governs two schools of the county without a window of their own;
 * the county admin sees the published commitment, sets the siblings option and a priority group for a child of
 * either school, is refused a draw before closing, draws once after closing, verifies (twice, with the same result)
 * and explains any applicant's result. Bad input is answered on the page and changes nothing; another county's
 * window or child, and an unknown one, is not found; a school admin can neither reach the county's pages nor draw
 * the county's window through their own.
 */
@KehouTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.MethodName.class)
class LotteryCountyWebTests {

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
    UserScope county;
    UserScope otherCounty;
    Campus north;
    Campus south;
    UUID northChess;
    UUID southChoir;
    UUID window;
    UUID foreignWindow;
    UUID foreignChild;
    Family northFamily;
    Family southFamily;
    String base;

    @BeforeAll
    void countyWideLottery() throws Exception {
        fixtures = new EnrollmentFixtures(organization, catalog, enrollment, accounts, clock);
        county = demo.scope("LY-JX-ADMIN");
        otherCounty = demo.scope("LY-LL-ADMIN");
        int year = EnrollmentFixtures.year();
        north = fixtures.campus(county, year);
        south = fixtures.campus(county, year);
        northChess = fixtures.offering(north, DayOfWeek.MONDAY, Slot.SLOT_2, 1, 3);
        southChoir = fixtures.offering(south, DayOfWeek.TUESDAY, Slot.SLOT_2, 1, 3);
        window = lotteryWindow(county, year);
        base = "/county/lotteries/" + window;
        northFamily = fixtures.family(north, 3, 1);
        southFamily = fixtures.family(south, 3, 1);
        apply(northFamily, northChess);
        apply(southFamily, southChoir);
        Campus foreign = fixtures.campus(otherCounty, year);
        foreignWindow = lotteryWindow(otherCounty, year);
        foreignChild = fixtures.family(foreign, 3, 1).child();
    }

    @Test
    void theCountyAdminListsTheCountysLotteriesAndSeesTheCommitment() throws Exception {
        String list = page(get("/county/lotteries"), county, null);
        assertThat(list)
                .contains("<html")
                .contains("id=\"lottery-" + window + "\"")
                .contains("全区统一")
                .contains("href=\"" + base + "\"")
                .doesNotContain("id=\"lottery-" + foreignWindow + "\"");
        assertThat(page(get("/county/lotteries"), county, "en")).contains("County lotteries");
        assertThat(page(get("/county/lotteries").header("HX-Request", "true"), county, null))
                .doesNotContain("<html")
                .contains("id=\"lotteries\"");
        String seedHash = jdbc.sql("select seed_hash from enrollment.lottery where window_id = :w")
                .param("w", window)
                .query(String.class)
                .single();
        String detail = page(get(base), county, null);
        assertThat(detail)
                .contains("<html")
                .contains(seedHash)
                .contains("id=\"priority-form\"")
                .contains("action=\"" + base + "/priorities\"")
                .contains("id=\"applicant-" + northFamily.child() + "\"")
                .contains("id=\"applicant-" + southFamily.child() + "\"")
                .contains("报名测试小学");
        assertThat(page(get(base).header("HX-Request", "true"), county, null))
                .doesNotContain("<html")
                .contains("id=\"lottery\"");
        assertThat(page(get("/school/lotteries"), schoolAdmin(north), null))
                .as("a county-wide window is not in a school's list")
                .doesNotContain("id=\"lottery-" + window + "\"");
    }

    @Test
    void theCountyAdminSetsTheInputsDrawsOnceAfterClosingVerifiesAndExplainsEveryChild() throws Exception {
        long before = fingerprint(window);
        assertThat(page(priority(southFamily.child().toString(), "9", "随迁子女"), county, null))
                .contains("优先组应为 1 至 3");
        assertThat(page(priority(southFamily.child().toString(), "abc", "随迁子女"), county, null))
                .contains("优先组应为 1 至 3");
        assertThat(page(priority(southFamily.child().toString(), "2", "长".repeat(61)), county, null))
                .contains("优先理由不能超过 60 个字");
        assertThat(page(priority("nobody", "2", "随迁子女"), county, null)).contains("请从列表中选择学生");
        assertThat(page(post(base + "/siblings").param("siblings", "TWINS"), county, null))
                .contains("请选择同胞安排方式");
        assertThat(page(post(base + "/draw"), county, null)).contains("截止后才能摇号");
        assertThat(page(post(base + "/draw"), county, "en")).contains("the draw can only run after that");
        assertThat(page(post(base + "/verify"), county, null)).contains("尚未摇号");
        assertThat(perform(priority(foreignChild.toString(), "2", "随迁子女"), county, null)
                        .getStatus())
                .as("another county's child")
                .isEqualTo(404);
        assertThat(fingerprint(window)).as("nothing changed").isEqualTo(before);

        assertThat(perform(priority(southFamily.child().toString(), "2", "随迁子女"), county, null)
                        .getStatus())
                .isEqualTo(302);
        assertThat(perform(post(base + "/siblings").param("siblings", "TOGETHER"), county, null)
                        .getStatus())
                .isEqualTo(302);
        assertThat(page(get(base), county, null)).contains("第 2 组（随迁子女）");

        close(window);
        UserScope school = schoolAdmin(north);
        assertThat(perform(post("/school/lotteries/" + window + "/draw"), school, null)
                        .getStatus())
                .as("a school admin cannot draw the county's window")
                .isEqualTo(404);
        assertThat(perform(post(base + "/draw"), school, null).getStatus()).isEqualTo(403);
        assertThat(perform(post(base + "/draw"), otherCounty, null).getStatus()).isEqualTo(404);
        assertThat(count("select count(*) from enrollment.lottery_draw where window_id = '" + window + "'"))
                .isZero();

        MockHttpServletResponse drawn = perform(post(base + "/draw"), county, null);
        assertThat(drawn.getStatus()).as(drawn.getContentAsString()).isEqualTo(302);
        assertThat(drawn.getRedirectedUrl()).isEqualTo(base);
        long afterDraw = fingerprint(window);
        List<String> results = results(window);
        assertThat(page(post(base + "/draw"), county, null)).contains("本次摇号已经完成");
        assertThat(page(priority(northFamily.child().toString(), "1", "随迁子女"), county, null))
                .contains("本次摇号已经完成");
        assertThat(fingerprint(window)).as("a second draw changes nothing").isEqualTo(afterDraw);
        assertThat(page(post(base + "/verify"), county, "en")).contains("Verified: the seed matches");
        assertThat(page(post(base + "/verify"), county, null)).contains("核验通过");
        assertThat(results(window))
                .as("verifying recomputes, it does not redraw")
                .isEqualTo(results);

        String south = page(get(base + "/children/" + southFamily.child()), county, null);
        assertThat(south)
                .contains("id=\"explanation\"")
                .contains("第 1 位")
                .contains("获得名额")
                .contains("href=\"" + base + "\"");
        assertThat(page(get(base + "/children/" + northFamily.child()).header("HX-Request", "true"), county, null))
                .doesNotContain("<html")
                .contains("id=\"draw-key\"");
        assertThat(perform(get(base + "/children/" + foreignChild), county, null)
                        .getStatus())
                .isEqualTo(404);
        assertThat(perform(get(base + "/children/" + UUID.randomUUID()), county, null)
                        .getStatus())
                .isEqualTo(404);
        assertThat(perform(get(base + "/children/" + southFamily.child()), otherCounty, null)
                        .getStatus())
                .isEqualTo(404);
    }

    @Test
    void anotherCountysAnUnknownAndAFirstComeWindowAreNotFound() throws Exception {
        long before = fingerprint(foreignWindow);
        String foreign = "/county/lotteries/" + foreignWindow;
        for (MockHttpServletRequestBuilder request : List.of(
                get(foreign),
                post(foreign + "/siblings").param("siblings", "TOGETHER"),
                post(foreign + "/priorities")
                        .param("childId", foreignChild.toString())
                        .param("group", "1")
                        .param("reason", "随迁子女"),
                post(foreign + "/draw"),
                post(foreign + "/verify"),
                get(foreign + "/children/" + foreignChild))) {
            assertThat(perform(request, county, null).getStatus()).isEqualTo(404);
        }
        assertThat(fingerprint(foreignWindow)).isEqualTo(before);
        assertThat(perform(get("/county/lotteries/" + UUID.randomUUID()), county, null)
                        .getStatus())
                .isEqualTo(404);
        assertThat(perform(post("/county/lotteries/not-a-window/draw"), county, null)
                        .getStatus())
                .isIn(400, 404);
        LocalDateTime now = LocalDateTime.now(clock);
        UUID firstCome = enrollment.openWindow(
                county,
                new NewWindow(
                        null,
                        EnrollmentFixtures.year(),
                        TermKind.AUTUMN,
                        now.minusHours(1),
                        now.plusHours(1),
                        Allocation.FIRST_COME,
                        3));
        assertThat(perform(get("/county/lotteries/" + firstCome), county, null).getStatus())
                .isEqualTo(404);
        assertThat(perform(get("/county/lotteries"), schoolAdmin(north), null).getStatus())
                .isEqualTo(403);
    }

    private UUID lotteryWindow(UserScope admin, int year) {
        LocalDateTime now = LocalDateTime.now(clock);
        return enrollment.openWindow(
                admin,
                new NewWindow(null, year, TermKind.AUTUMN, now.minusHours(1), now.plusHours(2), Allocation.LOTTERY, 3));
    }

    private void apply(Family family, UUID choice) throws Exception {
        MockHttpServletResponse applied = perform(
                post("/guardian/lotteries/" + window + "/children/" + family.child())
                        .param("consentVersion", enrollment.consentVersion())
                        .param("choices", choice.toString())
                        .param("consent", "true"),
                fixtures.account(family),
                null);
        assertThat(applied.getStatus()).as(applied.getContentAsString()).isEqualTo(302);
    }

    private void close(UUID lottery) {
        jdbc.sql("update enrollment.registration_window set closes_at = :t, version = version + 1 where id = :id")
                .param("t", LocalDateTime.now(clock).minusMinutes(1))
                .param("id", lottery)
                .update();
    }

    /** A sign-in account administering the campus. */
    private UserScope schoolAdmin(Campus c) {
        UUID id = accounts.openAccount(new AccountManagement.NewAccount(
                "全区摇号测试管理员",
                "177" + String.format("%08d", EnrollmentFixtures.next() % 100_000_000),
                null,
                EnrollmentFixtures.PASSWORD,
                Set.of(Role.SCHOOL_ADMIN),
                c.countyId(),
                c.schoolId(),
                null,
                null,
                null,
                false));
        return accounts.scopeOf(id).orElseThrow();
    }

    private MockHttpServletRequestBuilder priority(String child, String group, String reason) {
        return post(base + "/priorities")
                .param("childId", child)
                .param("group", group)
                .param("reason", reason);
    }

    private long fingerprint(UUID lottery) {
        return count("select count(*) from enrollment.lottery_priority where window_id = '" + lottery + "'") * 1000
                + count("select count(*) from enrollment.lottery_draw where window_id = '" + lottery + "'") * 100
                + count("select count(*) from enrollment.lottery_result where window_id = '" + lottery + "'") * 10
                + count("select version from enrollment.lottery where window_id = '" + lottery + "'");
    }

    private List<String> results(UUID lottery) {
        return jdbc.sql("""
                        select child_id, position, outcome from enrollment.lottery_result where window_id = :w
                        order by position""")
                .param("w", lottery)
                .query((rs, n) ->
                        rs.getString("child_id") + ":" + rs.getInt("position") + ":" + rs.getString("outcome"))
                .list();
    }

    private MockHttpServletResponse perform(
            MockHttpServletRequestBuilder request, UserScope caller, @Nullable String language) throws Exception {
        request.with(csrf()).with(SignIn.as(caller));
        if (language != null) {
            request.cookie(new Cookie("kehou-lang", language));
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    private String page(MockHttpServletRequestBuilder request, UserScope caller, @Nullable String language)
            throws Exception {
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
