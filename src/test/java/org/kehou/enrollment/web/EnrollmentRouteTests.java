package org.kehou.enrollment.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kehou.support.SameAnswer.assertSameAnswer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import java.time.Clock;
import java.time.DayOfWeek;
import java.util.List;
import java.util.Map;
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
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * {@code POST /api/v1/enrollments} answered ahead of the filters (ENROL-4, ADR 0021) answers exactly as the
 * controller does: the same status, body and headers for a seat, a place in line and a refusal, first and replayed;
 * and whatever it is not sure of reaches the controller. A request with a query string always takes the regular
 * path, which is how each answer here is compared with the controller's; an answer the direct path gave has no
 * handler in its MVC result.
 */
@KehouTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EnrollmentRouteTests {

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
    UUID solo;
    UUID other;
    Family family;
    Family neighbours;
    String token;
    String neighboursToken;

    @BeforeAll
    void campus() throws Exception {
        EnrollmentFixtures fixtures = new EnrollmentFixtures(organization, catalog, enrollment, accounts, clock);
        campus = fixtures.campus(demo.scope("LY-JX-ADMIN"));
        solo = fixtures.offering(campus, DayOfWeek.WEDNESDAY, Slot.SLOT_2, 1, 3);
        other = fixtures.offering(campus, DayOfWeek.THURSDAY, Slot.SLOT_2, 20, 3);
        fixtures.openWindowNow(campus, 1);
        family = fixtures.family(campus, 3, 3);
        neighbours = fixtures.family(campus, 3, 3);
        fixtures.account(family);
        fixtures.account(neighbours);
        token = token(family.mobile(), EnrollmentFixtures.PASSWORD);
        neighboursToken = token(neighbours.mobile(), EnrollmentFixtures.PASSWORD);
    }

    @Test
    void aSeatAPlaceInLineAndARefusalAreAnsweredAsTheControllerAnswersThem() throws Exception {
        String seatKey = EnrollmentFixtures.key();
        String lineKey = EnrollmentFixtures.key();
        String fullKey = EnrollmentFixtures.key();
        MvcResult seat = mvc.perform(
                        enroll("", token, seatKey, family.children().get(0), solo))
                .andReturn();
        MvcResult line = mvc.perform(enroll(
                        "", neighboursToken, lineKey, neighbours.children().get(0), solo))
                .andReturn();
        MvcResult full = mvc.perform(enroll(
                        "", neighboursToken, fullKey, neighbours.children().get(1), solo))
                .andReturn();

        assertThat(List.of(seat, line, full))
                .allSatisfy(r -> assertThat(r.getHandler())
                        .as("answered ahead of Spring MVC")
                        .isNull());
        assertThat(seat.getResponse().getStatus()).isEqualTo(201);
        assertThat(line.getResponse().getStatus()).isEqualTo(202);
        assertThat(full.getResponse().getStatus()).isEqualTo(409);
        assertThat(full.getResponse().getContentType()).isEqualTo("application/problem+json");
        assertThat(JsonPath.<String>read(full.getResponse().getContentAsString(), "$.detail"))
                .contains("名额已满");

        // replayed by each path, the first answers come back the same, byte for byte and header for header
        for (var first : Map.of(seatKey, seat, lineKey, line, fullKey, full).entrySet()) {
            String bearer = first.getValue() == seat ? token : neighboursToken;
            UUID child = first.getValue() == seat
                    ? family.children().get(0)
                    : first.getValue() == line
                            ? neighbours.children().get(0)
                            : neighbours.children().get(1);
            MvcResult direct =
                    mvc.perform(enroll("", bearer, first.getKey(), child, solo)).andReturn();
            MvcResult regular = mvc.perform(enroll("?path=regular", bearer, first.getKey(), child, solo))
                    .andReturn();
            assertThat(direct.getHandler()).isNull();
            assertThat(regular.getHandler()).as("the controller answered").isNotNull();
            assertThat(direct.getResponse().getHeader("Idempotent-Replayed")).isEqualTo("true");
            assertSameAnswer(direct.getResponse(), regular.getResponse());
            assertThat(direct.getResponse().getContentAsString())
                    .isEqualTo(first.getValue().getResponse().getContentAsString());
        }
    }

    @Test
    void englishIsAnsweredInEnglishOnBothPaths() throws Exception {
        String key = EnrollmentFixtures.key();
        UUID child = family.children().get(1);
        mvc.perform(enroll("", token, key, child, other)).andReturn();
        MvcResult direct = mvc.perform(enroll("", token, key, child, other).header("Accept-Language", "en"))
                .andReturn();
        MvcResult regular = mvc.perform(
                        enroll("?path=regular", token, key, child, other).header("Accept-Language", "en"))
                .andReturn();
        MvcResult again = mvc.perform(enroll("", token, EnrollmentFixtures.key(), child, other)
                        .header("Accept-Language", "en"))
                .andReturn();

        assertSameAnswer(direct.getResponse(), regular.getResponse());
        assertThat(again.getHandler()).isNull();
        assertThat(again.getResponse().getStatus()).isEqualTo(409);
        assertThat(JsonPath.<String>read(again.getResponse().getContentAsString(), "$.detail"))
                .doesNotContain("名额")
                .containsIgnoringCase("already");
    }

    @Test
    void whatTheRouteIsNotSureOfReachesTheController() throws Exception {
        UUID child = family.children().get(2);
        long before = registrations();

        MvcResult noKey = mvc.perform(enroll("", token, null, child, other)).andReturn();
        MvcResult invalid = mvc.perform(post("/api/v1/enrollments")
                        .header("Authorization", "Bearer " + token)
                        .header("Idempotency-Key", EnrollmentFixtures.key())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"childId\": \"" + child + "\", \"consent\": true, \"consentVersion\": \"x\"}"))
                .andReturn();
        MvcResult unreadable = mvc.perform(post("/api/v1/enrollments")
                        .header("Authorization", "Bearer " + token)
                        .header("Idempotency-Key", EnrollmentFixtures.key())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"childId\": "))
                .andReturn();
        MvcResult notTheirs = mvc.perform(enroll(
                        "",
                        token,
                        EnrollmentFixtures.key(),
                        neighbours.children().get(2),
                        other))
                .andReturn();
        MvcResult staff = mvc.perform(
                        enroll("", token("LY-JX-ADMIN", DemoFixtures.PASSWORD), EnrollmentFixtures.key(), child, other))
                .andReturn();
        MvcResult noToken = mvc.perform(enroll("", "kh_unknown", EnrollmentFixtures.key(), child, other))
                .andReturn();

        assertThat(noKey.getResponse().getStatus()).isEqualTo(400);
        assertThat(invalid.getResponse().getStatus()).isEqualTo(400);
        assertThat(unreadable.getResponse().getStatus()).isEqualTo(400);
        assertThat(notTheirs.getResponse().getStatus()).isEqualTo(404);
        assertThat(staff.getResponse().getStatus()).isEqualTo(403);
        assertThat(noToken.getResponse().getStatus()).isEqualTo(401);
        assertThat(List.of(noKey, invalid, unreadable, notTheirs))
                .allSatisfy(r ->
                        assertThat(r.getHandler()).as("the controller answered").isNotNull());
        assertThat(List.of(noKey, invalid, unreadable, notTheirs, staff, noToken))
                .allSatisfy(
                        r -> assertThat(r.getResponse().getContentAsString()).doesNotContain("Exception"));
        assertThat(registrations()).as("nothing stored").isEqualTo(before);
    }

    private String token(String login, String password) throws Exception {
        String body = mvc.perform(post("/api/v1/tokens")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"login\": \"" + login + "\", \"password\": \"" + password + "\"}"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(body, "$.token");
    }

    private long registrations() {
        return jdbc.sql("select count(*) from enrollment.enrollment where school_id = :school")
                .param("school", campus.schoolId())
                .query(Long.class)
                .single();
    }

    private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder enroll(
            String query, String bearer, String key, UUID child, UUID offering) {
        var request = post("/api/v1/enrollments" + query)
                .contentType(MediaType.APPLICATION_JSON)
                .header("Authorization", "Bearer " + bearer)
                .content("""
                        {"childId": "%s", "offeringId": "%s", "consent": true, "consentVersion": "%s"}""".formatted(child, offering, enrollment.consentVersion()));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request;
    }
}
