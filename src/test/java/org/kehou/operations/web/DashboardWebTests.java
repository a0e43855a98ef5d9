package org.kehou.operations.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kehou.catalog.CatalogManagement;
import org.kehou.catalog.ServicePlanning;
import org.kehou.operations.OperationsFixtures;
import org.kehou.operations.OperationsFixtures.TestSchool;
import org.kehou.organization.OrganizationManagement;
import org.kehou.organization.OrganizationQueries;
import org.kehou.platform.AccountManagement;
import org.kehou.support.DemoFixtures;
import org.kehou.support.KehouTest;
import org.kehou.support.SignIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The "today" pages (OPS-1..4, CONTENT-5): the whole page, or with {@code HX-Request} only the figures it refreshes;
 * any day may be asked for, a day that cannot be read shows today with a note, and the county sees each of its
 * schools.
 */
@KehouTest
class DashboardWebTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    DemoFixtures demo;

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

    @BeforeEach
    void school() {
        school = new OperationsFixtures(organization, queries, accounts, planning, catalog, clock)
                .school(demo.county("410305"));
        new OperationsFixtures(organization, queries, accounts, planning, catalog, clock)
                .offering(school, school.day().getDayOfWeek(), true);
    }

    @Test
    void aSchoolAdminSeesTheDaysFiguresAndHtmxGetsOnlyThem() throws Exception {
        String page = page("/school/today?date=" + school.day(), false);
        assertThat(page)
                .contains("<h1")
                .contains(queries.school(school.admin(), school.id()).name())
                .containsPattern("id=\"sessions\">\\s*<div[^>]*>已点名课程</div>\\s*<div[^>]*>0 / 1</div>")
                .contains("id=\"not-released\">0<")
                .contains("id=\"patrol-percent\">0%<")
                .contains("href=\"/school/today\"");

        String fragment = page("/school/today?date=" + school.day(), true);
        assertThat(fragment).doesNotContain("<h1").contains("id=\"figures\"").contains("date=" + school.day());
    }

    @Test
    void aDayThatCannotBeReadShowsTodayWithANote() throws Exception {
        String page = page("/school/today?date=2026-13-45<script>", false);
        assertThat(page)
                .contains("无法识别日期“2026-13-45&lt;script&gt;”")
                .doesNotContain("2026-13-45<script>")
                .contains("value=\"" + java.time.LocalDate.now(clock) + "\"");
    }

    @Test
    void theCountySeesEachOfItsSchools() throws Exception {
        String page = mvc.perform(get("/county/today?date=" + school.day())
                        .locale(Locale.SIMPLIFIED_CHINESE)
                        .with(SignIn.as(demo.scope("LY-JX-ADMIN"))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .containsPattern("id=\"school-" + school.id() + "\">\\s*<td>[^<]+</td>\\s*<td[^>]*>0 / 1</td>")
                .contains("id=\"totals\"")
                .as("the totals' patrol coverage is a share of the sessions, as each school's is")
                .containsPattern("id=\"totals\">(?:\\s*<td[^>]*>[^<]*</td>){6}\\s*<td[^>]*>\\d+%</td>")
                .as("on a phone each school is a card of its figures, the county's totals first")
                .containsPattern("id=\"school-cards\">\\s*<div[^>]*id=\"card-totals\"")
                .containsPattern("id=\"card-" + school.id() + "\"[\\s\\S]*?已点名课程</dt>\\s*<dd[^>]*>0 / 1</dd>")
                .contains("class=\"table-responsive d-none d-md-block d-print-block\"");
        String english = mvc.perform(get("/county/today?date=" + school.day())
                        .cookie(new jakarta.servlet.http.Cookie("kehou-lang", "en"))
                        .with(SignIn.as(demo.scope("LY-JX-ADMIN"))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(english).contains("Jianxi District · Schools today").doesNotContain("涧西区 ·");
    }

    private String page(String url, boolean htmx) throws Exception {
        var request = get(url).locale(Locale.SIMPLIFIED_CHINESE).with(SignIn.as(school.admin()));
        if (htmx) {
            request = request.header("HX-Request", "true");
        }
        return mvc.perform(request)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }
}
