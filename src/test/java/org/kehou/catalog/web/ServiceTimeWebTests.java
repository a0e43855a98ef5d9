package org.kehou.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.http.Cookie;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kehou.organization.OrganizationManagement;
import org.kehou.organization.TermKind;
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
 * A school's service times on school days (SCOPE-1, SCOPE-2, CONTENT-4, CONTENT-6, CONTENT-7): each kind is saved
 * and shown in the order of the day; evening self-study at a primary school, for primary grades of a nine-year
 * school, services out of order and times outside the day are refused beside the form in the user's language with
 * nothing stored; county readers see the times without the form.
 */
@KehouTest
class ServiceTimeWebTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    DemoFixtures demo;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OrganizationManagement organization;

    @Autowired
    AccountManagement accounts;

    @Autowired
    Clock clock;

    UserScope primaryAdmin;
    UserScope nineYearAdmin;
    UUID primaryTerm;
    UUID nineYearTerm;

    @BeforeEach
    void schools() {
        primaryAdmin = demo.scope("JX-PS-ADMIN");
        UUID nineYear = demo.school("JX-NY");
        accounts.openAccount(new NewAccount(
                "九年制服务时段管理员",
                null,
                "JX-NY-SRV-ADMIN",
                DemoFixtures.PASSWORD,
                EnumSet.of(Role.SCHOOL_ADMIN),
                demo.county("410305"),
                nineYear,
                null,
                null,
                null,
                false));
        nineYearAdmin = demo.scope("JX-NY-SRV-ADMIN");
        primaryTerm = newTerm(primaryAdmin);
        nineYearTerm = newTerm(nineYearAdmin);
    }

    @Test
    void savesEachKindAndShowsTheDayInOrder() throws Exception {
        save(nineYearAdmin, time(nineYearTerm, "EARLY_ARRIVAL", "07:00", "07:50"));
        save(nineYearAdmin, time(nineYearTerm, "SLOT_1", "15:30", "16:30"));
        save(nineYearAdmin, time(nineYearTerm, "SLOT_2", "16:40", "17:40"));
        save(
                nineYearAdmin,
                time(nineYearTerm, "EXTENDED_CARE", "17:40", "19:00")
                        .param("firstGrade", "1")
                        .param("lastGrade", "6"));
        var response = save(nineYearAdmin, time(nineYearTerm, "EVENING", "18:30", "20:30"));
        assertThat(response.getRedirectedUrl()).isEqualTo("/school/services?term=" + nineYearTerm);

        String page = page(nineYearAdmin, "/school/services?term=" + nineYearTerm, null);
        assertThat(cells(page, "EARLY_ARRIVAL")).contains("07:00–07:50").contains("开展");
        assertThat(cells(page, "EXTENDED_CARE")).contains("17:40–19:00").contains("1—6年级");
        assertThat(cells(page, "EVENING")).contains("18:30–20:30").contains("7—9年级");
        assertThat(page.indexOf("id=\"service-EARLY_ARRIVAL\""))
                .isLessThan(page.indexOf("id=\"service-SLOT_1\""))
                .isLessThan(page.indexOf("id=\"service-EVENING\""));
        assertThat(jdbc.sql("select first_grade from catalog.service_time where term_id = :t and kind = 'EVENING'")
                        .param("t", nineYearTerm)
                        .query(Integer.class)
                        .single())
                .isEqualTo(7);
    }

    @Test
    void changesAKindInPlaceFromItsPrefilledForm() throws Exception {
        save(primaryAdmin, time(primaryTerm, "SLOT_1", "15:30", "16:30"));
        String edit = page(primaryAdmin, "/school/services?term=" + primaryTerm + "&kind=SLOT_1", null);
        assertThat(edit).contains("value=\"15:30\"").contains("value=\"16:30\"");

        save(primaryAdmin, time(primaryTerm, "SLOT_1", "15:40", "16:40"));

        assertThat(jdbc.sql("select count(*) from catalog.service_time where term_id = :t")
                        .param("t", primaryTerm)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(cells(page(primaryAdmin, "/school/services?term=" + primaryTerm, null), "SLOT_1"))
                .contains("15:40–16:40");
    }

    @Test
    void refusesEveningSelfStudyAtAPrimarySchoolInBothLanguages() throws Exception {
        String zh = refused(primaryAdmin, time(primaryTerm, "EVENING", "19:00", "20:30"), null);
        assertBeside(zh, "kind", "小学不开设晚自习：晚自习只面向初中年级（七至九年级）。");
        String en = refused(primaryAdmin, time(primaryTerm, "EVENING", "19:00", "20:30"), "en");
        assertBeside(
                en,
                "kind",
                "A primary school runs no evening self-study: it is for junior middle grades (7 to 9) only.");
    }

    @Test
    void letsAPrimarySchoolSayItRunsNoEveningSelfStudy() throws Exception {
        save(
                primaryAdmin,
                post("/school/services")
                        .param("termId", primaryTerm.toString())
                        .param("kind", "EVENING")
                        .param("_offered", "on"));

        assertThat(cells(page(primaryAdmin, "/school/services?term=" + primaryTerm, null), "EVENING"))
                .contains("不开展");
    }

    @Test
    void refusesEveningSelfStudyForPrimaryGradesOfANineYearSchool() throws Exception {
        var request = time(nineYearTerm, "EVENING", "19:00", "20:30").param("firstGrade", "6");
        assertBeside(refused(nineYearAdmin, request, null), "firstGrade", "晚自习只面向初中年级（七至九年级），请去掉 6 年级。");
        var again = time(nineYearTerm, "EVENING", "19:00", "20:30").param("firstGrade", "6");
        assertBeside(
                refused(nineYearAdmin, again, "en"),
                "firstGrade",
                "Evening self-study is for junior middle grades (7 to 9) only; remove grade 6.");
    }

    @Test
    void refusesServicesOutOfOrderInBothLanguages() throws Exception {
        save(primaryAdmin, time(primaryTerm, "SLOT_1", "15:30", "16:30"));
        save(primaryAdmin, time(primaryTerm, "SLOT_2", "16:40", "17:40"));

        String zh = refused(primaryAdmin, time(primaryTerm, "EARLY_ARRIVAL", "07:00", "15:45"), null);
        assertThat(zh).contains("提前到校看护须在第一时段（课业辅导）开始之前结束：第一时段（课业辅导）从 15:30 开始，请调整时间。");
        String en = refused(primaryAdmin, time(primaryTerm, "SLOT_2", "16:00", "17:00"), "en");
        assertThat(en)
                .contains("Slot 1 (homework help) must end before Slot 2 (enrichment) starts: Slot 2 (enrichment)"
                        + " starts at 16:00; adjust the times.");
        assertThat(refused(primaryAdmin, time(primaryTerm, "EXTENDED_CARE", "17:30", "18:30"), null))
                .contains("第二时段（素质拓展）须在延时托管开始之前结束");
        assertThat(cells(page(primaryAdmin, "/school/services?term=" + primaryTerm, null), "SLOT_2"))
                .contains("16:40–17:40");
    }

    @Test
    void refusesTimesOutsideTheDayOrEndingBeforeTheyStart() throws Exception {
        assertThat(refused(primaryAdmin, time(primaryTerm, "EARLY_ARRIVAL", "05:30", "07:30"), null))
                .contains("时间须在 06:00 至 22:00 之间，请调整时间。");
        assertThat(refused(primaryAdmin, time(primaryTerm, "EXTENDED_CARE", "18:00", "22:30"), "en"))
                .contains("Times must lie between 06:00 and 22:00; adjust the times.");
        assertBeside(
                refused(primaryAdmin, time(primaryTerm, "SLOT_1", "16:30", "15:30"), null), "endsAt", "结束时间须晚于开始时间。");
        assertBeside(
                refused(primaryAdmin, time(primaryTerm, "SLOT_1", "16:30", "15:30"), "en"),
                "endsAt",
                "The end time must be after the start time.");
    }

    @Test
    void countyAndCityReadersSeeTheTimesWithoutTheForm() throws Exception {
        save(nineYearAdmin, time(nineYearTerm, "SLOT_1", "15:30", "16:30"));
        String path = "/county/schools/" + demo.school("JX-NY") + "/services?term=" + nineYearTerm;

        String county = page(demo.scope("LY-JX-ADMIN"), path, null);
        assertThat(cells(county, "SLOT_1")).contains("15:30–16:30");
        assertThat(county).doesNotContain("id=\"service-form\"");
        assertThat(page(demo.scope("LY-CITY-001"), path, null)).contains("15:30–16:30");
        var other = mvc.perform(get(path).with(SignIn.as(demo.scope("LY-LL-ADMIN"))))
                .andReturn()
                .getResponse();
        assertThat(other.getStatus()).isEqualTo(404);
        assertThat(other.getContentAsString()).doesNotContain("15:30–16:30");
    }

    @Test
    void showsTheTermUnderWayUnlessAnotherIsChosen() throws Exception {
        UUID current = jdbc.sql("""
                        select id from organization.term where school_id = :s and starts_on <= :today
                        and ends_on >= :today order by starts_on limit 1""")
                .param("s", primaryAdmin.schoolId())
                .param("today", LocalDate.now(clock))
                .query(UUID.class)
                .optional()
                .orElse(null);
        String page = page(primaryAdmin, "/school/services", null);
        if (current != null) {
            assertThat(page).containsPattern("<option value=\"" + current + "\" selected=\"selected\"");
        }
        assertThat(page(primaryAdmin, "/school/services?term=" + primaryTerm, null))
                .containsPattern("<option value=\"" + primaryTerm + "\" selected=\"selected\"");
        var otherSchool = mvc.perform(get("/school/services")
                        .param("term", nineYearTerm.toString())
                        .with(SignIn.as(primaryAdmin)))
                .andReturn()
                .getResponse();
        assertThat(otherSchool.getStatus()).isEqualTo(404);
    }

    private UUID newTerm(UserScope admin) {
        int year = jdbc.sql("select coalesce(max(school_year), 2069) + 1 from organization.term where school_id = :s"
                        + " and school_year between 2070 and 2099")
                .param("s", admin.schoolId())
                .query(Integer.class)
                .single();
        return organization.planTerm(
                admin,
                admin.schoolId(),
                year,
                TermKind.AUTUMN,
                LocalDate.of(year, 9, 1),
                LocalDate.of(year + 1, 1, 15));
    }

    static MockHttpServletRequestBuilder time(UUID term, String kind, String from, String to) {
        return post("/school/services")
                .param("termId", term.toString())
                .param("kind", kind)
                .param("offered", "true")
                .param("startsAt", from)
                .param("endsAt", to);
    }

    private MockHttpServletResponse save(UserScope admin, MockHttpServletRequestBuilder request) throws Exception {
        var response = mvc.perform(request.with(csrf()).with(SignIn.as(admin)))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(302);
        return response;
    }

    private String refused(UserScope admin, MockHttpServletRequestBuilder request, String language) throws Exception {
        long before = rows();
        if (language != null) {
            request.cookie(new Cookie("kehou-lang", language));
        }
        var response = mvc.perform(request.with(csrf()).with(SignIn.as(admin)))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(rows()).as("nothing stored").isEqualTo(before);
        return response.getContentAsString();
    }

    private String page(UserScope caller, String path, String language) throws Exception {
        var request = get(path).with(SignIn.as(caller));
        if (language != null) {
            request.cookie(new Cookie("kehou-lang", language));
        }
        var response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return response.getContentAsString();
    }

    private static String cells(String page, String kind) {
        var row = Pattern.compile("(?s)<tr id=\"service-" + kind + "\">(.*?)</tr>")
                .matcher(page);
        assertThat(row.find()).as("row of " + kind).isTrue();
        return row.group(1);
    }

    private static void assertBeside(String page, String field, String message) {
        Pattern beside =
                Pattern.compile("(?s)id=\"" + field + "\".*?<div class=\"invalid-feedback[^\"]*\">([^<]*)</div>");
        var matcher = beside.matcher(page);
        assertThat(matcher.find()).as("an error beside " + field).isTrue();
        assertThat(matcher.group(1)).as("the error beside " + field).contains(message);
    }

    private long rows() {
        return jdbc.sql("select count(*) + coalesce(sum(version), 0) from catalog.service_time")
                .query(Long.class)
                .single();
    }
}
