package org.kehou.enrollment.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.util.List;
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
import org.kehou.support.SignIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The registration API (ENROL-1..4) as a guardian's app uses it: a bearer token from a login, no CSRF token, 201
 * for a seat, 202 for a place in line, 409 when full or already registered, 422 for a rule's refusal, 400 without
 * an Idempotency-Key, 401 without a token, 403 for staff, 404 for another family's child, and a replay of the same
 * key that gets the first answer again.
 */
@KehouTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EnrollmentApiTests {

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
    UUID solo;
    UUID otherChessTime;
    Family family;
    Family neighbours;
    String token;
    String neighboursToken;

    @BeforeAll
    void campus() throws Exception {
        fixtures = new EnrollmentFixtures(organization, catalog, enrollment, accounts, clock);
        campus = fixtures.campus(demo.scope("LY-JX-ADMIN"));
        chess = fixtures.offering(campus, DayOfWeek.MONDAY, Slot.SLOT_2, 20, 3, 4);
        solo = fixtures.offering(campus, DayOfWeek.TUESDAY, Slot.SLOT_2, 1, 3);
        otherChessTime = fixtures.offering(campus, DayOfWeek.MONDAY, Slot.SLOT_2, 20, 3);
        fixtures.openWindowNow(campus, 1);
        family = fixtures.family(campus, 3, 3);
        neighbours = fixtures.family(campus, 3, 2);
        fixtures.account(family);
        fixtures.account(neighbours);
        token = token(family.mobile());
        neighboursToken = token(neighbours.mobile());
    }

    @Test
    void aGuardianRegistersWithABearerTokenAndNoCsrfTokenOrSession() throws Exception {
        UUID child = family.children().get(0);
        MockHttpServletResponse response =
                mvc.perform(enroll(token, key(), child, chess)).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(201);
        String body = response.getContentAsString();
        assertThat(JsonPath.<String>read(body, "$.status")).isEqualTo("CONFIRMED");
        assertThat(JsonPath.<String>read(body, "$.childId")).isEqualTo(child.toString());
        assertThat(JsonPath.<String>read(body, "$.offeringId")).isEqualTo(chess.toString());
        assertThat(JsonPath.<Object>read(body, "$.position")).isNull();
        assertThat(response.getHeader("Set-Cookie")).isNull();
        String mine = mvc.perform(get("/api/v1/guardians/me/enrollments").header("Authorization", "Bearer " + token))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(JsonPath.<List<String>>read(mine, "$.items[*].id")).contains(JsonPath.<String>read(body, "$.id"));
        assertThat(JsonPath.<List<String>>read(mine, "$.items[*].childId"))
                .doesNotContain(neighbours.child().toString());
    }

    @Test
    void aFullOfferingAnswers202WithThePlaceInLineThen409() throws Exception {
        UUID first = family.children().get(1);
        UUID second = neighbours.children().get(0);
        UUID third = neighbours.children().get(1);
        assertThat(mvc.perform(enroll(token, key(), first, solo))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(201);

        MockHttpServletResponse waiting = mvc.perform(enroll(neighboursToken, key(), second, solo))
                .andReturn()
                .getResponse();
        MockHttpServletResponse full = mvc.perform(enroll(neighboursToken, key(), third, solo))
                .andReturn()
                .getResponse();
        MockHttpServletResponse again =
                mvc.perform(enroll(token, key(), first, solo)).andReturn().getResponse();

        assertThat(waiting.getStatus()).isEqualTo(202);
        assertThat(JsonPath.<String>read(waiting.getContentAsString(), "$.status"))
                .isEqualTo("WAITLISTED");
        assertThat(JsonPath.<Integer>read(waiting.getContentAsString(), "$.position"))
                .isEqualTo(1);
        assertThat(full.getStatus()).isEqualTo(409);
        assertThat(full.getContentType()).startsWith("application/problem+json");
        assertThat(JsonPath.<String>read(full.getContentAsString(), "$.result")).isEqualTo("FULL");
        assertThat(JsonPath.<String>read(full.getContentAsString(), "$.detail")).contains("名额已满");
        assertThat(again.getStatus()).isEqualTo(409);
        assertThat(JsonPath.<String>read(again.getContentAsString(), "$.result"))
                .isEqualTo("ALREADY_ENROLLED");
        String seats = mvc.perform(get("/api/v1/offerings/{id}/seats", solo))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(JsonPath.<Integer>read(seats, "$.left")).isZero();
        assertThat(JsonPath.<Integer>read(seats, "$.waiting")).isEqualTo(1);
    }

    @Test
    void aSecondOfferingAtTheSameTimeIsRefusedWith422() throws Exception {
        UUID child = family.children().get(2);
        assertThat(mvc.perform(enroll(token, key(), child, chess))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(201);
        MockHttpServletResponse clash = mvc.perform(
                        enroll(token, key(), child, otherChessTime).cookie(ENGLISH))
                .andReturn()
                .getResponse();
        assertThat(clash.getStatus()).isEqualTo(422);
        assertThat(JsonPath.<String>read(clash.getContentAsString(), "$.result"))
                .isEqualTo("TIME_CONFLICT");
        assertThat(JsonPath.<String>read(clash.getContentAsString(), "$.detail"))
                .contains("slot 1 and slot 2");
    }

    @Test
    void theSameKeyAndBodyGetTheFirstAnswerAgainAndAnotherBodyIsRefused() throws Exception {
        Family twins = fixtures.family(campus, 4, 2);
        fixtures.account(twins);
        String twinsToken = token(twins.mobile());
        String key = key();
        MockHttpServletResponse first = mvc.perform(enroll(twinsToken, key, twins.child(), chess))
                .andReturn()
                .getResponse();
        MockHttpServletResponse replay = mvc.perform(enroll(twinsToken, key, twins.child(), chess))
                .andReturn()
                .getResponse();
        MockHttpServletResponse other = mvc.perform(
                        enroll(twinsToken, key, twins.children().get(1), chess))
                .andReturn()
                .getResponse();

        assertThat(first.getStatus()).isEqualTo(201);
        assertThat(replay.getStatus()).isEqualTo(201);
        assertThat(replay.getContentAsString()).isEqualTo(first.getContentAsString());
        assertThat(replay.getHeader("Idempotent-Replayed")).isEqualTo("true");
        assertThat(other.getStatus()).isEqualTo(422);
        assertThat(JsonPath.<String>read(other.getContentAsString(), "$.detail"))
                .contains("Idempotency-Key");
        assertThat(jdbc.sql("select count(*) from enrollment.enrollment where child_id in (:c)")
                        .param("c", twins.children())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void withoutAnIdempotencyKeyTheRequestIsRefusedWith400() throws Exception {
        MockHttpServletResponse response = mvc.perform(enroll(token, null, family.child(), chess))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(JsonPath.<String>read(response.getContentAsString(), "$.parameter"))
                .isEqualTo("Idempotency-Key");
        assertThat(JsonPath.<String>read(response.getContentAsString(), "$.detail"))
                .contains("Idempotency-Key");
    }

    @Test
    void withoutAValidTokenTheAnswerIs401AsAProblemDetail() throws Exception {
        for (var request : List.of(
                enroll(null, key(), family.child(), chess),
                enroll("kh_not-a-token", key(), family.child(), chess),
                get("/api/v1/guardians/me/enrollments"))) {
            MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
            assertThat(response.getStatus()).isEqualTo(401);
            assertThat(response.getContentType()).startsWith("application/problem+json");
            assertThat(response.getContentAsString()).contains("Bearer").doesNotContain("<html");
        }
    }

    @Test
    void aSchoolsStaffCannotRegisterAChildEvenWithAToken() throws Exception {
        String staffToken = token("JX-PS-ADMIN");
        MockHttpServletResponse response = mvc.perform(enroll(staffToken, key(), family.child(), chess))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(response.getContentAsString()).contains("\"status\":403");
    }

    @Test
    void anotherFamilysChildAndTheirRegistrationsAreNotFound() throws Exception {
        UUID theirs = neighbours.children().get(0);
        assertThat(mvc.perform(enroll(token, key(), theirs, chess))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        Family someone = fixtures.family(campus, 3, 1);
        UUID registration = enrollment
                .enroll(someone.guardian(), fixtures.consenting(someone.child(), chess), key())
                .enrollmentId();
        assertThat(mvc.perform(delete("/api/v1/enrollments/{id}", registration)
                                .header("Authorization", "Bearer " + token))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        assertThat(jdbc.sql("select status from enrollment.enrollment where id = :id")
                        .param("id", registration)
                        .query(String.class)
                        .single())
                .isEqualTo("CONFIRMED");
    }

    @Test
    void aWithdrawalFreesTheSeatForTheFirstInLine() throws Exception {
        UUID duet = fixtures.offering(campus, DayOfWeek.FRIDAY, Slot.SLOT_1, 1, 3);
        Family first = fixtures.family(campus, 3, 1);
        Family second = fixtures.family(campus, 3, 1);
        fixtures.account(first);
        fixtures.account(second);
        String firstToken = token(first.mobile());
        String id = JsonPath.read(
                mvc.perform(enroll(firstToken, key(), first.child(), duet))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
        assertThat(mvc.perform(enroll(token(second.mobile()), key(), second.child(), duet))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(202);

        assertThat(mvc.perform(delete("/api/v1/enrollments/{id}", id).header("Authorization", "Bearer " + firstToken))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(204);

        assertThat(enrollment.familyEnrollments(second.guardian()))
                .singleElement()
                .satisfies(e -> assertThat(e.status().name()).isEqualTo("CONFIRMED"));
    }

    @Test
    void browserSessionWritesStillNeedTheirCsrfToken() throws Exception {
        var scope = accounts.scopeOf(
                        accounts.findForLogin(family.mobile()).orElseThrow().id())
                .orElseThrow();
        MockHttpServletResponse withoutCsrf = mvc.perform(
                        enroll(null, key(), family.child(), chess).with(SignIn.as(scope)))
                .andReturn()
                .getResponse();
        assertThat(withoutCsrf.getStatus()).isEqualTo(403);
        Family late = fixtures.family(campus, 3, 1);
        fixtures.account(late);
        var lateScope = accounts.scopeOf(
                        accounts.findForLogin(late.mobile()).orElseThrow().id())
                .orElseThrow();
        MockHttpServletResponse withCsrf = mvc.perform(enroll(null, key(), late.child(), chess)
                        .with(SignIn.as(lateScope))
                        .with(csrf()))
                .andReturn()
                .getResponse();
        assertThat(withCsrf.getStatus()).isEqualTo(201);
    }

    @Test
    void theConsentTextAndItsVersionAreGivenInTheUsersLanguage() throws Exception {
        String zh = mvc.perform(get("/api/v1/enrollments/consent").header("Authorization", "Bearer " + token))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String en = mvc.perform(get("/api/v1/enrollments/consent")
                        .header("Authorization", "Bearer " + token)
                        .cookie(ENGLISH))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(JsonPath.<String>read(zh, "$.version")).isEqualTo(enrollment.consentVersion());
        assertThat(JsonPath.<String>read(zh, "$.text")).contains("自愿");
        assertThat(JsonPath.<String>read(en, "$.text")).contains("own choice");
    }

    @Test
    void aSchoolAdminOpensAWindowThroughTheApi() throws Exception {
        String adminToken = token("JX-PS-ADMIN");
        LocalDateTime now = LocalDateTime.now(clock);
        int year = EnrollmentFixtures.year();
        String window =
                """
                {"schoolYear": %d, "termKind": "AUTUMN", "opensAt": "%s", "closesAt": "%s", "waitlistLimit": 10}""".formatted(year, now.plusDays(1).withNano(0), now.plusDays(2).withNano(0));
        MockHttpServletResponse opened = mvc.perform(post("/api/v1/registration-windows")
                        .header("Authorization", "Bearer " + adminToken)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(window))
                .andReturn()
                .getResponse();
        MockHttpServletResponse overlapping = mvc.perform(post("/api/v1/registration-windows")
                        .header("Authorization", "Bearer " + adminToken)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(window))
                .andReturn()
                .getResponse();
        String listed = mvc.perform(get("/api/v1/registration-windows").header("Authorization", "Bearer " + adminToken))
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(opened.getStatus()).isEqualTo(201);
        assertThat(opened.getHeader("Location")).contains(JsonPath.<String>read(opened.getContentAsString(), "$.id"));
        assertThat(overlapping.getStatus()).isEqualTo(422);
        assertThat(JsonPath.<String>read(overlapping.getContentAsString(), "$.detail"))
                .contains("重叠");
        assertThat(JsonPath.<List<Integer>>read(listed, "$.items[*].schoolYear"))
                .contains(year);
    }

    @Test
    void theEndpointsAreInTheOpenApiDocument() throws Exception {
        String document = mvc.perform(get("/api/v1/openapi").with(SignIn.as(demo.scope("JX-PS-ADMIN"))))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(document)
                .contains("/api/v1/enrollments")
                .contains("/api/v1/enrollments/{enrollmentId}")
                .contains("/api/v1/guardians/me/enrollments")
                .contains("/api/v1/offerings/{offeringId}/seats")
                .contains("/api/v1/registration-windows")
                .contains("/api/v1/tokens")
                .contains("Idempotency-Key");
    }

    static final jakarta.servlet.http.Cookie ENGLISH = new jakarta.servlet.http.Cookie("kehou-lang", "en");

    String token(String login) throws Exception {
        String body = mvc.perform(post("/api/v1/tokens")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"login\": \"" + login + "\", \"password\": \"" + EnrollmentFixtures.PASSWORD
                                + "\"}"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(body, "$.token");
    }

    MockHttpServletRequestBuilder enroll(String bearer, String key, UUID child, UUID offering) {
        MockHttpServletRequestBuilder request = post("/api/v1/enrollments")
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"childId": "%s", "offeringId": "%s", "consent": true, "consentVersion": "%s"}""".formatted(child, offering, enrollment.consentVersion()));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request;
    }

    static String key() {
        return EnrollmentFixtures.key();
    }
}
