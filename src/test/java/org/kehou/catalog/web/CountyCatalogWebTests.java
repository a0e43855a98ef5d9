package org.kehou.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kehou.catalog.web.VenueWebTests.assertBeside;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.http.Cookie;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kehou.catalog.ActivityKind;
import org.kehou.catalog.CatalogManagement;
import org.kehou.catalog.CatalogManagement.NewCourse;
import org.kehou.catalog.CourseCategory;
import org.kehou.catalog.ProviderKind;
import org.kehou.platform.AccountManagement;
import org.kehou.platform.AccountManagement.NewAccount;
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
 * The county's and the city's view of the catalog (COURSE-1, CONTENT-3, ENROL-5): the courses per category of each
 * school and county match the catalog, with totals; a county raises its exercise minimum and sets its notice period,
 * and a minimum below the city's or a value out of range is refused beside its field in the user's language with
 * nothing changed; the city sets its default, which counties below it then follow; inspectors only read.
 */
@KehouTest
class CountyCatalogWebTests {

    /** 老城区, a county of the demo city without schools, whose settings no other test reads. */
    static final String QUIET_COUNTY = "410302";

    @Autowired
    MockMvc mvc;

    @Autowired
    DemoFixtures demo;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CatalogManagement catalog;

    @Autowired
    AccountManagement accounts;

    @Test
    void theCountsOfEachSchoolAndTheTotalsMatchTheCatalog() throws Exception {
        UserScope admin = demo.scope("JX-PS-ADMIN");
        catalog.defineCourse(
                admin,
                admin.schoolId(),
                new NewCourse(
                        "网页统计书法",
                        CourseCategory.TRADITIONAL_CULTURE,
                        ActivityKind.ARTS,
                        List.of(2),
                        null,
                        null,
                        ProviderKind.STAFF,
                        null,
                        List.of()));
        UUID county = demo.county("410305");
        String page = page("/county/catalog", demo.scope("LY-JX-ADMIN"), null);
        List<UUID> schools = jdbc.sql("select id from organization.school where county_id = :c")
                .param("c", county)
                .query(UUID.class)
                .list();
        assertThat(schools).isNotEmpty();
        Map<CourseCategory, Long> sums = new HashMap<>();
        long all = 0;
        for (UUID school : schools) {
            long total = 0;
            for (CourseCategory category : CourseCategory.values()) {
                long expected = jdbc.sql("select count(*) from catalog.course where school_id = :s and category = :c")
                        .param("s", school)
                        .param("c", category.name())
                        .query(Long.class)
                        .single();
                assertThat(cell(page, "count-" + school + "-" + category))
                        .as(school + " " + category)
                        .isEqualTo(expected);
                total += expected;
                sums.merge(category, expected, Long::sum);
            }
            assertThat(cell(page, "total-" + school)).isEqualTo(total);
            all += total;
        }
        for (CourseCategory category : CourseCategory.values()) {
            assertThat(cell(page, "sum-" + category)).isEqualTo(sums.get(category));
        }
        assertThat(cell(page, "sum-total")).isEqualTo(all);
        assertThat(cell(page, "count-" + admin.schoolId() + "-TRADITIONAL_CULTURE"))
                .isGreaterThan(0);
        assertThat(page).doesNotContain(demo.school("LL-PS").toString());
    }

    @Test
    void theCityCountsEachCountysCourses() throws Exception {
        String page = page("/city/catalog", demo.scope("LY-CITY-001"), null);
        long all = 0;
        for (UUID county :
                jdbc.sql("select id from organization.county").query(UUID.class).list()) {
            long total = 0;
            for (CourseCategory category : CourseCategory.values()) {
                long expected = jdbc.sql("select count(*) from catalog.course where county_id = :c and category = :k")
                        .param("c", county)
                        .param("k", category.name())
                        .query(Long.class)
                        .single();
                assertThat(cell(page, "count-" + county + "-" + category)).isEqualTo(expected);
                total += expected;
            }
            assertThat(cell(page, "total-" + county)).isEqualTo(total);
            all += total;
        }
        assertThat(cell(page, "sum-total")).isEqualTo(all).isEqualTo(demo.count("select count(*) from catalog.course"));
    }

    @Test
    void aCountyRaisesItsExerciseMinimumAndSetsItsNoticePeriod() throws Exception {
        UserScope quiet = quietCountyAdmin();
        int city = cityMinimum();
        var saved = mvc.perform(post("/county/catalog/exercise-minimum")
                        .param("minutes", String.valueOf(city + 10))
                        .with(csrf())
                        .with(SignIn.as(quiet)))
                .andReturn()
                .getResponse();
        assertThat(saved.getStatus()).isEqualTo(302);
        assertThat(saved.getRedirectedUrl()).isEqualTo("/county/catalog");
        assertThat(catalog.exerciseMinimum(quiet.countyId())).isEqualTo(city + 10);
        var notice = mvc.perform(post("/county/catalog/notice-period")
                        .param("days", "9")
                        .with(csrf())
                        .with(SignIn.as(quiet)))
                .andReturn()
                .getResponse();
        assertThat(notice.getStatus()).isEqualTo(302);
        assertThat(catalog.noticeDays(quiet.countyId())).isEqualTo(9);
        String page = page("/county/catalog", quiet, null);
        assertThat(page)
                .contains("本县区学校每个时段至少安排 " + (city + 10) + " 分钟体育锻炼（全市标准 " + city + " 分钟）。")
                .contains("收费课程须公示满 9 天后方可开放报名。")
                .contains("本县区还没有学校。");
    }

    @Test
    void aCountyMinimumBelowTheCitysIsRefusedBesideTheFieldInBothLanguages() throws Exception {
        UserScope quiet = quietCountyAdmin();
        int city = cityMinimum();
        int before = catalog.exerciseMinimum(quiet.countyId());
        MockHttpServletRequestBuilder lower =
                post("/county/catalog/exercise-minimum").param("minutes", String.valueOf(city - 5));
        assertRefused(quiet, lower, null, "minutes", "县区设定的体育锻炼时间不得低于全市标准 " + city + " 分钟。");
        assertRefused(
                quiet,
                lower,
                "en",
                "minutes",
                "A county may not set less exercise than the city minimum of " + city + " minutes.");
        assertThat(catalog.exerciseMinimum(quiet.countyId())).isEqualTo(before);
    }

    @Test
    void valuesOutOfRangeAreRefusedBesideTheirFieldInBothLanguages() throws Exception {
        UserScope quiet = quietCountyAdmin();
        MockHttpServletRequestBuilder tooMuch =
                post("/county/catalog/exercise-minimum").param("minutes", "241");
        assertRefused(quiet, tooMuch, null, "minutes", "体育锻炼时间应在 0 至 240 分钟之间。");
        assertRefused(quiet, tooMuch, "en", "minutes", "Exercise time must be between 0 and 240 minutes.");
        for (String days : List.of("0", "61")) {
            MockHttpServletRequestBuilder period =
                    post("/county/catalog/notice-period").param("days", days);
            assertRefused(quiet, period, null, "days", "公示天数应在 1 至 60 天之间。");
            assertRefused(quiet, period, "en", "days", "The notice period must be between 1 and 60 days.");
        }
        assertRefused(quiet, post("/county/catalog/notice-period"), null, "days", "此项必填。");
    }

    @Test
    void theCitySetsItsDefaultAndACountyBelowItFollowsTheCity() throws Exception {
        UserScope cityAdmin = demo.scope("LY-CITY-001");
        UserScope quiet = quietCountyAdmin();
        int before = cityMinimum();
        int raised = Math.max(before, catalog.exerciseMinimum(quiet.countyId())) + 5;
        try {
            var saved = mvc.perform(post("/city/catalog/exercise-minimum")
                            .param("minutes", String.valueOf(raised))
                            .with(csrf())
                            .with(SignIn.as(cityAdmin)))
                    .andReturn()
                    .getResponse();
            assertThat(saved.getStatus()).isEqualTo(302);
            assertThat(cityMinimum()).isEqualTo(raised);
            String page = page("/city/catalog", cityAdmin, null);
            assertThat(page)
                    .contains("id=\"minimum-" + quiet.countyId() + "\">" + raised + " 分钟<")
                    .contains("全市标准：每个时段至少安排 " + raised + " 分钟体育锻炼");
        } finally {
            catalog.setExerciseMinimum(cityAdmin, null, before);
        }
        assertThat(cityMinimum()).isEqualTo(before);
        MockHttpServletRequestBuilder negative =
                post("/city/catalog/exercise-minimum").param("minutes", "-1");
        assertRefused(cityAdmin, negative, null, "minutes", "体育锻炼时间应在 0 至 240 分钟之间。");
        assertRefused(cityAdmin, negative, "en", "minutes", "Exercise time must be between 0 and 240 minutes.");
    }

    @Test
    void inspectorsReadTheCityViewAndCannotChangeTheDefault() throws Exception {
        UserScope inspector = demo.scope("LY-INSP-001");
        String page = page("/city/catalog", inspector, null);
        assertThat(page).contains("id=\"city-courses\"").doesNotContain("id=\"minimum-form\"");
        int before = cityMinimum();
        var refused = mvc.perform(post("/city/catalog/exercise-minimum")
                        .param("minutes", String.valueOf(before + 1))
                        .with(csrf())
                        .with(SignIn.as(inspector)))
                .andReturn()
                .getResponse();
        assertThat(refused.getStatus()).isEqualTo(404);
        assertThat(cityMinimum()).isEqualTo(before);
        String county = page("/city/counties/" + demo.county("410305") + "/catalog", inspector, null);
        assertThat(county).contains("id=\"county-courses\"").doesNotContain("id=\"minimum-form\"");
    }

    @Test
    void theCountySeesASchoolsCourseSystemWithoutTheFormAndAnotherCountyDoesNot() throws Exception {
        UserScope admin = demo.scope("JX-PS-ADMIN");
        catalog.defineCourse(
                admin,
                admin.schoolId(),
                new NewCourse(
                        "网页县区看课程",
                        CourseCategory.SUBJECT_LITERACY,
                        null,
                        List.of(5),
                        null,
                        null,
                        ProviderKind.STAFF,
                        null,
                        List.of()));
        String page = page("/county/schools/" + admin.schoolId() + "/courses", demo.scope("LY-JX-ADMIN"), null);
        String row = page.substring(
                page.indexOf("id=\"category-SUBJECT_LITERACY\""),
                page.indexOf("</tr>", page.indexOf("id=\"category-SUBJECT_LITERACY\"")));
        assertThat(row.split("<td")[5]).contains("网页县区看课程");
        assertThat(page).doesNotContain("action=\"/school/courses\"").contains("data-print");
        var other = mvc.perform(get("/county/schools/{id}/courses", admin.schoolId())
                        .with(SignIn.as(demo.scope("LY-LL-ADMIN"))))
                .andReturn()
                .getResponse();
        assertThat(other.getStatus()).isEqualTo(404);
        assertThat(other.getContentAsString()).doesNotContain("网页县区看课程");
    }

    private UserScope quietCountyAdmin() {
        UUID county = demo.county(QUIET_COUNTY);
        UUID account = accounts.openAccount(new NewAccount(
                "老城区网页测试管理员",
                null,
                "LC-WEB-ADMIN",
                DemoFixtures.PASSWORD,
                EnumSet.of(Role.COUNTY_ADMIN),
                county,
                null,
                null,
                null,
                null,
                false));
        return accounts.scopeOf(account).orElseThrow();
    }

    private int cityMinimum() {
        return jdbc.sql("select coalesce(max(minutes), 20) from catalog.exercise_minimum where county_id is null")
                .query(Integer.class)
                .single();
    }

    private String page(String url, UserScope caller, String language) throws Exception {
        var request = get(url).with(SignIn.as(caller));
        if (language != null) {
            request.cookie(new Cookie("kehou-lang", language));
        }
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).as(url).isEqualTo(200);
        return response.getContentAsString();
    }

    private static long cell(String page, String id) {
        int at = page.indexOf("id=\"" + id + "\"");
        assertThat(at).as("cell " + id).isNotNegative();
        int start = page.indexOf('>', at) + 1;
        return Long.parseLong(page.substring(start, page.indexOf('<', start)).strip());
    }

    private void assertRefused(
            UserScope caller, MockHttpServletRequestBuilder request, String language, String field, String message)
            throws Exception {
        long before = settings();
        request.with(csrf()).with(SignIn.as(caller));
        if (language != null) {
            request.cookie(new Cookie("kehou-lang", language));
        }
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        String page = response.getContentAsString();
        assertThat(response.getStatus()).as(message).isEqualTo(200);
        assertThat(page).as(message).doesNotContain("Exception");
        assertBeside(page, field, message);
        assertThat(settings()).as("nothing changed for: " + message).isEqualTo(before);
    }

    private long settings() {
        return jdbc.sql("""
                        select (select count(*) + coalesce(sum(version), 0) + coalesce(sum(minutes), 0)
                          from catalog.exercise_minimum) * 1000
                          + (select count(*) + coalesce(sum(version), 0) + coalesce(sum(days), 0)
                          from catalog.notice_period)""").query(Long.class).single();
    }
}
