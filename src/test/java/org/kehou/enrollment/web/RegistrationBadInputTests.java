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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kehou.catalog.CatalogManagement;
import org.kehou.catalog.Slot;
import org.kehou.enrollment.EnrollmentFixtures;
import org.kehou.enrollment.EnrollmentFixtures.Campus;
import org.kehou.enrollment.EnrollmentFixtures.Family;
import org.kehou.enrollment.EnrollmentManagement;
import org.kehou.organization.OrganizationManagement;
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
 * Bad input on every registration form (ENROL-1, ENROL-2): missing, malformed, too long, markup, out of range and
 * ids of another family. The page answers with the message beside its field in the user's language, never a 500,
 * and nothing is stored.
 */
@KehouTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegistrationBadInputTests {

    static final String MARKUP = "<script>alert(1)</script>";
    static final Cookie ENGLISH = new Cookie("kehou-lang", "en");

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

    Campus campus;
    UUID offering;
    Family family;
    UserScope guardian;
    UserScope admin;

    @BeforeAll
    void campus() {
        var fixtures = new EnrollmentFixtures(organization, catalog, enrollment, accounts, clock);
        campus = fixtures.campus(demo.scope("LY-JX-ADMIN"));
        offering = fixtures.offering(campus, DayOfWeek.THURSDAY, Slot.SLOT_2, 20, 3);
        fixtures.openWindowNow(campus, 5);
        family = fixtures.family(campus, 3, 1);
        guardian = fixtures.account(family);
        admin = fixtures.adminAccount(campus);
    }

    @Test
    void theRegistrationFormNamesWhatIsMissingOrMalformedAndStoresNothing() throws Exception {
        String child = family.child().toString();
        String target = offering.toString();
        assertRefused(enrol(null, target, key(), "2026-1"), "id=\"childId-error\"", "此项必填");
        assertRefused(enrol("abc", target, key(), "2026-1"), "id=\"childId-error\"", "请选择您的孩子");
        assertRefused(enrol(child, "not-an-id", key(), "2026-1"), "id=\"offeringId-error\"", "请选择要报名的课程");
        assertRefused(enrol(child, null, key(), "2026-1"), "id=\"offeringId-error\"", "此项必填");
        assertRefused(enrol(child, target, "", "2026-1"), "id=\"key-error\"", "页面已过期");
        assertRefused(enrol(child, target, "k".repeat(65), "2026-1"), "id=\"key-error\"", "页面已过期");
        assertRefused(enrol(child, target, "键 with space", "2026-1"), "id=\"key-error\"", "页面已过期");
        String markup = assertRefused(enrol(child, target, MARKUP, MARKUP), "id=\"consent-error\"", "未经同意");
        assertThat(markup).doesNotContain("<script>alert");
        assertRefused(enrol(child, target, key(), "v".repeat(33)), "id=\"key-error\"", "页面已过期");
        assertRefused(
                enrol(child, target, key(), "2025-0").param("consent", "true"), "id=\"consent-error\"", "第 2025-0 版");
        String english =
                assertRefused(enrol(child, target, key(), "2026-1").cookie(ENGLISH), "id=\"consent-error\"", "consent");
        assertThat(english).contains("Registration terms");
    }

    @Test
    void malformedOrForeignIdsInTheAddressAreNotFound() throws Exception {
        for (MockHttpServletRequestBuilder request : new MockHttpServletRequestBuilder[] {
            get("/guardian/registration").param("child", "abc"),
            get("/guardian/registration").param("child", UUID.randomUUID().toString()),
            get("/guardian/registration/enrol").param("child", "abc").param("offering", offering.toString()),
            get("/guardian/registration/enrol")
                    .param("child", family.child().toString())
                    .param("offering", UUID.randomUUID().toString()),
            get("/guardian/registrations/{id}/history", "abc"),
            get("/guardian/registrations/{id}/history", UUID.randomUUID()),
            get("/guardian/registrations/{id}/withdraw", UUID.randomUUID()),
            post("/guardian/registrations/{id}/withdraw", "abc"),
            post("/guardian/registrations/{id}/withdraw", UUID.randomUUID())
        }) {
            long before = stored();
            MockHttpServletResponse response = perform(request, guardian);
            assertThat(response.getStatus()).as(request.toString()).isEqualTo(404);
            assertThat(response.getContentAsString()).doesNotContain("Exception");
            assertThat(stored()).isEqualTo(before);
        }
        assertThat(perform(get("/school/registration/enrollments/{id}/history", UUID.randomUUID()), admin)
                        .getStatus())
                .isEqualTo(404);
    }

    @Test
    void theWindowFormRefusesMissingMalformedAndOutOfRangeValuesBesideTheirField() throws Exception {
        LocalDateTime now = LocalDateTime.now(clock).withSecond(0).withNano(0);
        String opens = now.plusDays(30).toString();
        String closes = now.plusDays(31).toString();
        String year = String.valueOf(campus.schoolYear() + 50);
        assertWindowRefused(window(null, "AUTUMN", opens, closes, "5"), "此项必填");
        assertWindowRefused(window("abc", "AUTUMN", opens, closes, "5"), "请输入学年的起始年份");
        assertWindowRefused(window("99999", "AUTUMN", opens, closes, "5"), "学年应在 2000 至 2200 之间");
        assertWindowRefused(window(year, "WINTER", opens, closes, "5"), "请选择上学期或下学期");
        assertWindowRefused(window(year, "AUTUMN", "tomorrow", closes, "5"), "请输入有效的日期和时间");
        assertWindowRefused(window(year, "AUTUMN", opens, null, "5"), "此项必填");
        assertWindowRefused(window(year, "AUTUMN", opens, closes, "1001"), "候补人数应在 0 至 1000 之间");
        assertWindowRefused(window(year, "AUTUMN", opens, closes, "-1"), "候补人数应在 0 至 1000 之间");
        assertWindowRefused(window(year, "AUTUMN", opens, closes, MARKUP), "候补人数应为 0 至 1000 之间的整数");
        assertWindowRefused(window(year, "AUTUMN", closes, opens, "5"), "截止时间应晚于开始时间");
        String english = assertWindowRefused(
                window(year, "AUTUMN", closes, opens, "5").cookie(ENGLISH), "must close after it opens");
        assertThat(english).contains("Registration windows");
    }

    @Test
    void theLotteryChoiceRefusesAnUnknownOrMissingAllocationAndTheSameRulesAsFirstCome() throws Exception {
        String year = String.valueOf(campus.schoolYear());
        LocalDateTime now = LocalDateTime.now(clock);
        String opens = now.plusDays(30).withSecond(0).withNano(0).toString();
        String closes = now.plusDays(31).withSecond(0).withNano(0).toString();
        assertWindowRefused(window(year, "AUTUMN", opens, closes, "5").param("allocation", "RAFFLE"), "请选择先到先得或摇号");
        assertWindowRefused(window(year, "AUTUMN", opens, closes, "5").param("allocation", MARKUP), "请选择先到先得或摇号");
        assertWindowRefused(window(year, "AUTUMN", opens, closes, "5").param("allocation", ""), "此项必填");
        assertWindowRefused(window(year, "AUTUMN", closes, opens, "5").param("allocation", "LOTTERY"), "截止时间应晚于开始时间");
        String offer = assertWindowRefused(
                window(year, "AUTUMN", opens, closes, "5")
                        .param("allocation", "LOTTERY")
                        .param("promotion", "OFFER"),
                "确认时限应在 1 至 72 小时之间");
        assertThat(offer).doesNotContain("<script>alert");
        String english = assertWindowRefused(
                window(year, "AUTUMN", opens, closes, "5")
                        .param("allocation", "RAFFLE")
                        .cookie(ENGLISH),
                "Choose first come or lottery");
        assertThat(english).contains("By lottery");
        assertThat(jdbc.sql("select count(*) from enrollment.lottery where school_id = :s")
                        .param("s", campus.schoolId())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private String assertWindowRefused(MockHttpServletRequestBuilder request, String message) throws Exception {
        long before = windows();
        MockHttpServletResponse response = perform(request, admin);
        assertThat(response.getStatus()).as(response.getRedirectedUrl()).isEqualTo(200);
        String body = response.getContentAsString();
        assertThat(body).contains("invalid-feedback").contains(message).doesNotContain("Exception");
        assertThat(windows()).isEqualTo(before);
        return body;
    }

    private String assertRefused(MockHttpServletRequestBuilder request, String field, String message) throws Exception {
        long before = stored();
        MockHttpServletResponse response = perform(request, guardian);
        assertThat(response.getStatus()).as(response.getRedirectedUrl()).isEqualTo(200);
        String body = response.getContentAsString();
        assertThat(body).contains(field).contains(message).doesNotContain("Exception");
        assertThat(stored()).isEqualTo(before);
        return body;
    }

    private long stored() {
        return jdbc.sql("select count(*) from enrollment.enrollment where child_id = :c")
                        .param("c", family.child())
                        .query(Long.class)
                        .single()
                + jdbc.sql("select count(*) from enrollment.idempotency_key where account_id = :a")
                        .param("a", guardian.accountId())
                        .query(Long.class)
                        .single();
    }

    private long windows() {
        return jdbc.sql("select count(*) from enrollment.registration_window where school_id = :s")
                .param("s", campus.schoolId())
                .query(Long.class)
                .single();
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }

    private static MockHttpServletRequestBuilder enrol(String child, String offering, String key, String version) {
        var request = post("/guardian/registration/enrol")
                .param("idempotencyKey", key)
                .param("consentVersion", version);
        if (child != null) {
            request.param("childId", child);
        }
        if (offering != null) {
            request.param("offeringId", offering);
        }
        return request;
    }

    private static MockHttpServletRequestBuilder window(
            String year, String term, String opens, String closes, String waitlist) {
        var request =
                post("/school/registration/windows").param("termKind", term).param("waitlistLimit", waitlist);
        if (year != null) {
            request.param("schoolYear", year);
        }
        if (opens != null) {
            request.param("opensAt", opens);
        }
        if (closes != null) {
            request.param("closesAt", closes);
        }
        return request;
    }

    private MockHttpServletResponse perform(MockHttpServletRequestBuilder request, UserScope caller) throws Exception {
        request.with(csrf()).with(SignIn.as(caller));
        return mvc.perform(request).andReturn().getResponse();
    }
}
