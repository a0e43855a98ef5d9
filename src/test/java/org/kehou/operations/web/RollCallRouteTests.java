package org.kehou.operations.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kehou.support.SameAnswer.assertSameAnswer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kehou.catalog.CatalogManagement;
import org.kehou.catalog.ServicePlanning;
import org.kehou.catalog.Slot;
import org.kehou.enrollment.CareFixtures.Family;
import org.kehou.operations.OperationsFixtures;
import org.kehou.operations.OperationsFixtures.TestSchool;
import org.kehou.operations.SessionFixtures;
import org.kehou.organization.OrganizationManagement;
import org.kehou.organization.OrganizationQueries;
import org.kehou.platform.AccountManagement;
import org.kehou.platform.UserScope;
import org.kehou.support.DemoFixtures;
import org.kehou.support.KehouTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * {@code POST /api/v1/sessions/{offeringId}/{date}/roll-call} answered ahead of the filters (OPS-1, ADR 0021) answers
 * exactly as the controller does, for the teacher and for the school's admin; whatever it is not sure of reaches
 * the controller. A request with a query string always takes the regular path, which is how the answers are
 * compared; an answer the direct path gave has no handler in its MVC result.
 */
@KehouTest
class RollCallRouteTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    DemoFixtures demo;

    @Autowired
    JdbcClient jdbc;

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
    UUID offering;
    Family first;
    Family second;
    String api;

    @BeforeEach
    void session() {
        school = new OperationsFixtures(organization, queries, accounts, planning, catalog, clock)
                .school(demo.county("410305"));
        SessionFixtures sessions = new SessionFixtures(catalog, jdbc);
        offering = sessions.offering(school, Slot.SLOT_1);
        first = school.family("直达甲");
        second = school.family("直达乙");
        sessions.register(offering, first, second);
        api = "/api/v1/sessions/" + offering + "/" + school.day() + "/roll-call";
    }

    @Test
    void aSaveAndItsReplayAreAnsweredAsTheControllerAnswersThem() throws Exception {
        String teacher = token(school.teacher());
        String body = """
                {"reason": "补录", "exceptions": [{"childId": "%s", "mark": "LATE"}]}""".formatted(first.student());

        MvcResult saved = mvc.perform(save(api, teacher, body)).andReturn();

        assertThat(saved.getHandler()).as("answered ahead of Spring MVC").isNull();
        assertThat(saved.getResponse().getStatus()).isEqualTo(200);
        assertThat(JsonPath.<Integer>read(saved.getResponse().getContentAsString(), "$.added"))
                .isEqualTo(2);
        assertThat(entries()).isEqualTo(2);

        // the same body again, by either path and by the teacher or the school's admin: nothing added, one answer
        String admin = token(school.admin());
        for (String bearer : List.of(teacher, admin)) {
            MvcResult direct = mvc.perform(save(api, bearer, body)).andReturn();
            MvcResult regular =
                    mvc.perform(save(api + "?path=regular", bearer, body)).andReturn();
            assertThat(direct.getHandler()).isNull();
            assertThat(regular.getHandler()).as("the controller answered").isNotNull();
            assertSameAnswer(direct.getResponse(), regular.getResponse());
            assertThat(JsonPath.<Integer>read(direct.getResponse().getContentAsString(), "$.added"))
                    .isZero();
        }
        assertThat(entries()).isEqualTo(2);
    }

    @Test
    void aClientThatAsksForTheShortAnswerGetsTheCountsByEitherPath() throws Exception {
        String teacher = token(school.teacher());
        String body = """
                {"reason": "补录", "exceptions": [{"childId": "%s", "mark": "ABSENT"}]}""".formatted(first.student());

        MvcResult direct = mvc.perform(save(api, teacher, body).header("Prefer", "respond-async, return=minimal"))
                .andReturn();
        MvcResult regular = mvc.perform(
                        save(api + "?path=regular", teacher, body).header("Prefer", "return=minimal"))
                .andReturn();

        assertThat(direct.getHandler()).as("answered ahead of Spring MVC").isNull();
        assertThat(regular.getHandler()).as("the controller answered").isNotNull();
        String answer = direct.getResponse().getContentAsString();
        assertThat(direct.getResponse().getHeader("Preference-Applied")).isEqualTo("return=minimal");
        assertThat(JsonPath.<Integer>read(answer, "$.added")).isEqualTo(2);
        assertThat(JsonPath.<Integer>read(answer, "$.marks.ABSENT")).isEqualTo(1);
        assertThat(JsonPath.<Integer>read(answer, "$.marks.PRESENT")).isEqualTo(1);
        assertThat(answer).doesNotContain("\"children\"").doesNotContain("\"name\"");
        // the replay by the other path adds nothing and answers alike
        assertThat(regular.getResponse().getStatus()).isEqualTo(200);
        assertThat(JsonPath.<Integer>read(regular.getResponse().getContentAsString(), "$.added"))
                .isZero();
        assertThat(regular.getResponse().getHeader("Preference-Applied")).isEqualTo("return=minimal");
        assertThat(entries()).isEqualTo(2);

        // any other preference, or none, gets the whole session
        MvcResult other = mvc.perform(save(api, teacher, body).header("Prefer", "return=representation"))
                .andReturn();
        assertThat(other.getResponse().getHeader("Preference-Applied")).isNull();
        assertThat(JsonPath.<List<Object>>read(other.getResponse().getContentAsString(), "$.children"))
                .hasSize(2);
    }

    @Test
    void onlyReturnMinimalAmongThePreferencesAsksForTheShortAnswer() {
        assertThat(RollCallApiController.minimal("return=minimal")).isTrue();
        assertThat(RollCallApiController.minimal(" wait=5 ,  RETURN=MINIMAL ; x=1"))
                .isTrue();
        assertThat(RollCallApiController.minimal(null)).isFalse();
        assertThat(RollCallApiController.minimal("return=representation")).isFalse();
        assertThat(RollCallApiController.minimal("return=minimalist")).isFalse();
        assertThat(RollCallApiController.minimal("")).isFalse();
    }

    @Test
    void whatTheRouteIsNotSureOfReachesTheController() throws Exception {
        String teacher = token(school.teacher());
        String mark = """
                {"reason": "补录", "exceptions": [{"childId": "%s", "mark": "ABSENT"}]}""".formatted(first.student());

        MvcResult noReason =
                mvc.perform(save(api, teacher, """
                        {"exceptions": [{"childId": "%s", "mark": "ABSENT"}]}""".formatted(first.student()))).andReturn();
        MvcResult unknownMark =
                mvc.perform(save(api, teacher, """
                        {"reason": "补录", "exceptions": [{"childId": "%s", "mark": "ASLEEP"}]}""".formatted(first.student()))).andReturn();
        MvcResult invalid =
                mvc.perform(save(api, teacher, "{\"reason\": \"补录\"}")).andReturn();
        MvcResult unreadable =
                mvc.perform(save(api, teacher, "{\"exceptions\": [")).andReturn();
        MvcResult badDate = mvc.perform(save(api.replace(school.day().toString(), "2026-13-40"), teacher, mark))
                .andReturn();
        MvcResult badId = mvc.perform(save(api.replace(offering.toString(), "not-an-id"), teacher, mark))
                .andReturn();
        MvcResult badKey = mvc.perform(save(api, teacher, mark).header("Idempotency-Key", "键"))
                .andReturn();
        MvcResult notServed =
                mvc.perform(save(api, token(school.otherTeacher()), mark)).andReturn();
        MvcResult guardian = mvc.perform(save(api, token(first.scope()), mark)).andReturn();
        MvcResult noToken = mvc.perform(save(api, "kh_unknown", mark)).andReturn();
        MvcResult anyType =
                mvc.perform(save(api, teacher, mark).contentType("*/*")).andReturn();
        MvcResult html = mvc.perform(save(api, teacher, mark).header("Accept", "text/html"))
                .andReturn();
        MvcResult pathParameter = mvc.perform(save(api + ";x=1", teacher, mark)).andReturn();
        MvcResult escaped = mvc.perform(save(api.replace("roll-call", "roll%2Dcall"), teacher, mark))
                .andReturn();

        assertThat(noReason.getResponse().getStatus()).isEqualTo(422);
        assertThat(unknownMark.getResponse().getStatus()).isEqualTo(422);
        assertThat(invalid.getResponse().getStatus()).isEqualTo(400);
        assertThat(unreadable.getResponse().getStatus()).isEqualTo(400);
        assertThat(badDate.getResponse().getStatus()).isEqualTo(400);
        assertThat(badId.getResponse().getStatus()).isEqualTo(400);
        assertThat(badKey.getResponse().getStatus()).isEqualTo(400);
        assertThat(notServed.getResponse().getStatus()).isEqualTo(404);
        assertThat(guardian.getResponse().getStatus()).isEqualTo(403);
        assertThat(noToken.getResponse().getStatus()).isEqualTo(401);
        assertThat(anyType.getResponse().getStatus()).isEqualTo(415);
        assertThat(html.getResponse().getStatus()).isEqualTo(406);
        assertThat(anyType.getHandler()).as("the controller answered").isNotNull();
        // a path parameter or an escaped character: the regular chain's firewall refuses them
        assertThat(pathParameter.getResponse().getStatus()).isEqualTo(400);
        assertThat(escaped.getResponse().getStatus()).isEqualTo(400);
        assertThat(List.of(noReason, unknownMark, invalid, unreadable, badDate, badId, badKey, notServed))
                .allSatisfy(r ->
                        assertThat(r.getHandler()).as("the controller answered").isNotNull());
        assertThat(List.of(
                        noReason,
                        unknownMark,
                        invalid,
                        unreadable,
                        badDate,
                        badId,
                        badKey,
                        notServed,
                        guardian,
                        noToken))
                .allSatisfy(
                        r -> assertThat(r.getResponse().getContentAsString()).doesNotContain("Exception"));
        assertThat(JsonPath.<String>read(noReason.getResponse().getContentAsString(), "$.detail"))
                .contains("原因");
        assertThat(entries()).as("nothing stored").isZero();

        // JSON in another charset is the controller's to read, and it saves it
        MvcResult latin = mvc.perform(save(api, teacher, mark).contentType("application/json;charset=ISO-8859-1"))
                .andReturn();
        assertThat(latin.getHandler()).as("the controller answered").isNotNull();
        assertThat(latin.getResponse().getStatus()).isEqualTo(200);
    }

    private String token(UserScope user) throws Exception {
        String login = jdbc.sql("select coalesce(staff_no, mobile) from platform.user_account where id = :id")
                .param("id", user.accountId())
                .query(String.class)
                .single();
        String body = mvc.perform(post("/api/v1/tokens")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"login\": \"" + login + "\", \"password\": \"" + OperationsFixtures.PASSWORD
                                + "\"}"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(body, "$.token");
    }

    private static MockHttpServletRequestBuilder save(String url, String bearer, String body) {
        return post(url)
                .contentType(MediaType.APPLICATION_JSON)
                .header("Authorization", "Bearer " + bearer)
                .content(body);
    }

    private long entries() {
        return jdbc.sql("select count(*) from operations.session_entry where offering_id = :o and kind = 'ROLL_CALL'")
                .param("o", offering)
                .query(Long.class)
                .single();
    }
}
