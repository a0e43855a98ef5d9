package org.kehou.enrollment.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
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
import org.kehou.support.DemoFixtures;
import org.kehou.support.KehouTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Bad input on every registration endpoint (§4): empty, malformed, too long, markup, unknown ids and another
 * tenant's ids. The answer is a problem detail with a clear message in the caller's language, never a 500 or a
 * stack trace, and nothing is stored.
 */
@KehouTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EnrollmentBadInputTests {

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

    UUID offering;
    Family family;
    Family neighbours;
    String guardian;
    String schoolAdmin;

    @BeforeAll
    void campus() throws Exception {
        var fixtures = new EnrollmentFixtures(organization, catalog, enrollment, accounts, clock);
        Campus campus = fixtures.campus(demo.scope("LY-JX-ADMIN"));
        offering = fixtures.offering(campus, DayOfWeek.WEDNESDAY, Slot.SLOT_2, 20, 3);
        fixtures.openWindowNow(campus, 5);
        family = fixtures.family(campus, 3, 1);
        neighbours = fixtures.family(campus, 3, 1);
        fixtures.account(family);
        guardian = token(family.mobile());
        schoolAdmin = token("JX-PS-ADMIN");
    }

    @Test
    void aRegistrationRequestNamesWhatIsMissingOrMalformed() throws Exception {
        assertRefused(enroll("{}", key()), 400, "此项必填");
        assertRefused(enroll("{\"childId\": ", key()), 400, "不是有效的 JSON");
        assertRefused(enroll(body("abc", offering.toString(), "true", version()), key()), 400, "childId");
        assertRefused(
                enroll(body(family.child().toString(), offering.toString(), "\"yes\"", version()), key()),
                400,
                "consent");
        assertRefused(
                enroll(body(family.child().toString(), offering.toString(), "true", "v".repeat(33)), key()),
                400,
                "内容过长");
        String page = assertRefused(
                enroll(body(family.child().toString(), offering.toString(), "true", MARKUP), key()),
                400,
                "只能使用字母、数字和连字符");
        assertThat(page).doesNotContain("<script>");
        assertRefused(
                post("/api/v1/enrollments")
                        .header("Authorization", "Bearer " + guardian)
                        .header("Idempotency-Key", key())
                        .contentType(MediaType.TEXT_PLAIN)
                        .content("child"),
                415,
                "JSON");
    }

    @Test
    void theIdempotencyKeyIsRequiredAndPlain() throws Exception {
        String valid = body(family.child().toString(), offering.toString(), "true", version());
        assertRefused(enroll(valid, null), 400, "Idempotency-Key");
        assertRefused(enroll(valid, "   "), 400, "Idempotency-Key");
        assertRefused(enroll(valid, "k".repeat(65)), 400, "1 至 64 个可见 ASCII 字符");
        assertRefused(enroll(valid, "报名-1"), 400, "1 至 64 个可见 ASCII 字符");
    }

    @Test
    void consentIsRequiredAndMustBeToTheCurrentText() throws Exception {
        assertRefused(
                enroll(body(family.child().toString(), offering.toString(), "false", version()), key()),
                422,
                "未经同意不会保存任何报名信息");
        assertRefused(
                enroll(body(family.child().toString(), offering.toString(), "true", "2001-1"), key()),
                422,
                "当前为第 " + version() + " 版");
    }

    @Test
    void anotherFamilysChildAndUnknownOfferingsAreNotFound() throws Exception {
        assertRefused(
                enroll(body(neighbours.child().toString(), offering.toString(), "true", version()), key()),
                404,
                "没有找到");
        assertRefused(
                enroll(body(family.child().toString(), UUID.randomUUID().toString(), "true", version()), key()),
                404,
                "没有找到");
        assertRefused(
                delete("/api/v1/enrollments/{id}", UUID.randomUUID()).header("Authorization", "Bearer " + guardian),
                404,
                "没有找到");
        assertRefused(
                delete("/api/v1/enrollments/{id}", "not-an-id").header("Authorization", "Bearer " + guardian),
                400,
                "UUID");
        assertRefused(get("/api/v1/offerings/{id}/seats", UUID.randomUUID()), 404, "没有找到");
        assertRefused(get("/api/v1/offerings/{id}/seats", "seven"), 400, "UUID");
    }

    @Test
    void aWindowRequestNamesWhatIsWrong() throws Exception {
        LocalDateTime now = LocalDateTime.now(clock).withNano(0);
        assertRefused(window("{}"), 400, "此项必填");
        assertRefused(window(windowBody("WINTER", now.plusDays(1), now.plusDays(2), 5)), 400, "termKind");
        assertRefused(window(windowBody("AUTUMN", now.plusDays(2), now.plusDays(1), 5)), 422, "截止时间应晚于开始时间");
        assertRefused(window(windowBody("AUTUMN", now.minusDays(2), now.minusDays(1), 5)), 422, "已经结束");
        assertRefused(window(windowBody("AUTUMN", now.plusDays(1), now.plusDays(2), 5000)), 400, "候补人数");
        assertRefused(
                window(windowBody("AUTUMN", now.plusDays(1), now.plusDays(2), 5)
                        .replace("\"waitlistLimit\"", "\"allocation\": \"RAFFLE\", \"waitlistLimit\"")),
                400,
                "allocation");
        assertRefused(
                window(windowBody("AUTUMN", now.plusDays(1), now.plusDays(2), 5)
                        .replace("\"opensAt\": \"" + now.plusDays(1) + "\"", "\"opensAt\": \"tomorrow\"")),
                400,
                "opensAt");
        assertRefused(
                window(windowBody("AUTUMN", now.plusDays(1), now.plusDays(2), 5)
                        .replace("{", "{\"schoolId\": \"" + demo.school("LL-PS") + "\", ")),
                404,
                "没有找到");
    }

    @Test
    void messagesFollowTheCallersLanguage() throws Exception {
        assertRefused(enroll("{}", key()).cookie(ENGLISH), 400, "This is required");
        assertRefused(
                enroll(body(family.child().toString(), offering.toString(), "false", version()), key())
                        .cookie(ENGLISH),
                422,
                "nothing is stored");
        assertRefused(
                enroll(body(family.child().toString(), offering.toString(), "true", version()), null)
                        .cookie(ENGLISH),
                400,
                "Idempotency-Key is required");
    }

    /** Sends the request and checks: the status, a problem detail with the message, no trace, nothing stored. */
    private String assertRefused(MockHttpServletRequestBuilder request, int status, String message) throws Exception {
        long before = fingerprint();
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        String body = response.getContentAsString();
        assertThat(response.getStatus()).as(message + ": " + body).isEqualTo(status);
        assertThat(response.getContentType()).as(message).startsWith("application/problem+json");
        assertThat(body)
                .as(message)
                .contains(message)
                .doesNotContain("Exception")
                .doesNotContain("at org.")
                .doesNotContain(MARKUP);
        assertThat(JsonPath.<Integer>read(body, "$.status")).isEqualTo(status);
        assertThat(fingerprint()).as("nothing stored for: " + message).isEqualTo(before);
        return body;
    }

    private long fingerprint() {
        return jdbc.sql("""
                        select (select count(*) from platform.audit_event) * 1000003
                          + (select count(*) from enrollment.enrollment) * 7919
                          + (select count(*) from enrollment.enrollment_event) * 104729
                          + (select count(*) from enrollment.idempotency_key) * 31
                          + (select count(*) from enrollment.registration_window) * 131
                          + (select coalesce(sum(taken + waiting), 0) from enrollment.seat) * 17""").query(Long.class).single();
    }

    private MockHttpServletRequestBuilder enroll(String body, String key) {
        MockHttpServletRequestBuilder request = post("/api/v1/enrollments")
                .header("Authorization", "Bearer " + guardian)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body);
        return key == null ? request : request.header("Idempotency-Key", key);
    }

    private MockHttpServletRequestBuilder window(String body) {
        return post("/api/v1/registration-windows")
                .header("Authorization", "Bearer " + schoolAdmin)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body);
    }

    private static String windowBody(String kind, LocalDateTime opens, LocalDateTime closes, int limit) {
        return """
                {"schoolYear": %d, "termKind": "%s", "opensAt": "%s", "closesAt": "%s", "waitlistLimit": %d}""".formatted(EnrollmentFixtures.year(), kind, opens, closes, limit);
    }

    private static String body(String child, String offering, String consent, String version) {
        return """
                {"childId": "%s", "offeringId": "%s", "consent": %s, "consentVersion": "%s"}""".formatted(child, offering, consent, version.replace("\"", "\\\""));
    }

    private String version() {
        return enrollment.consentVersion();
    }

    private String token(String login) throws Exception {
        String body = mvc.perform(post("/api/v1/tokens")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"login\": \"" + login + "\", \"password\": \"" + EnrollmentFixtures.PASSWORD
                                + "\"}"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(body, "$.token");
    }

    private static String key() {
        return EnrollmentFixtures.key();
    }
}
