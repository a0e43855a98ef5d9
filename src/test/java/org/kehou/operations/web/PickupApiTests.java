package org.kehou.operations.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kehou.catalog.CatalogManagement;
import org.kehou.catalog.ServicePlanning;
import org.kehou.enrollment.CareFixtures.Family;
import org.kehou.operations.OperationsFixtures;
import org.kehou.operations.OperationsFixtures.TestSchool;
import org.kehou.organization.OrganizationManagement;
import org.kehou.organization.OrganizationQueries;
import org.kehou.platform.AccountManagement;
import org.kehou.platform.UserScope;
import org.kehou.support.DemoFixtures;
import org.kehou.support.KehouTest;
import org.kehou.support.SignIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * {@code POST /api/v1/pickups} (OPS-2): a hand-over through the same rules as the page, idempotent on retry: a replay
 * returns the first answer and records nothing new, a refusal is recorded once, a key reused for another request is
 * refused; bad input is a 400 in the caller's language and stores nothing; another school's child is not found and
 * leaves no trace.
 */
@KehouTest
class PickupApiTests {

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

    @BeforeEach
    void school() {
        school = new OperationsFixtures(organization, queries, accounts, planning, catalog, clock)
                .school(demo.county("410305"));
    }

    @Test
    void aRetryReturnsTheFirstHandOverAndRecordsNothingNew() throws Exception {
        Family family = school.family("接口甲");
        String body = body(family.student(), "GUARDIAN", family.guardian(), null);
        String key = "api-" + UUID.randomUUID();

        MockHttpServletResponse first = send(school.teacher(), key, body);
        MockHttpServletResponse again = send(school.teacher(), key, body);

        assertThat(first.getStatus()).isEqualTo(201);
        assertThat(first.getHeader("Idempotent-Replayed")).isNull();
        assertThat(again.getStatus()).isEqualTo(201);
        assertThat(again.getHeader("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.getContentAsString()).isEqualTo(first.getContentAsString());
        assertThat(first.getContentAsString())
                .contains("\"releasedTo\":\"GUARDIAN\"")
                .contains("\"entryNo\":1");
        assertThat(count("pickup_release", family.student())).isEqualTo(1);

        MockHttpServletResponse other = send(school.teacher(), key, body(family.student(), "ALONE", null, null));
        assertThat(other.getStatus()).isEqualTo(422);
        assertThat(other.getContentAsString()).contains("Idempotency-Key");
        assertThat(count("pickup_release", family.student())).isEqualTo(1);
    }

    @Test
    void aRefusalIsRecordedOnceAndAnsweredAgainOnRetry() throws Exception {
        Family family = school.family("接口乙");
        String body = body(family.student(), "OTHER", null, "陌生人");
        String key = "api-" + UUID.randomUUID();

        MockHttpServletResponse first = send(school.teacher(), key, body);
        MockHttpServletResponse again = send(school.teacher(), key, body);

        assertThat(first.getStatus()).isEqualTo(422);
        assertThat(again.getStatus()).isEqualTo(422);
        assertThat(first.getContentAsString()).contains("陌生人");
        assertThat(again.getContentAsString()).isEqualTo(first.getContentAsString());
        assertThat(count("pickup_refusal", family.student())).isEqualTo(1);
        assertThat(count("pickup_release", family.student())).isZero();
        // a new key is a new attempt, refused and recorded again
        assertThat(send(school.teacher(), "api-" + UUID.randomUUID(), body).getStatus())
                .isEqualTo(422);
        assertThat(count("pickup_refusal", family.student())).isEqualTo(2);
    }

    @Test
    void anotherSchoolsChildIsNotFoundAndLeavesNoTrace() throws Exception {
        Family family = school.family("接口丙");
        long keys = keys();
        MockHttpServletResponse response = send(
                demo.scope("LL-PS-ADMIN"),
                "api-" + UUID.randomUUID(),
                body(family.student(), "GUARDIAN", family.guardian(), null));
        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(keys()).isEqualTo(keys);
        assertThat(count("pickup_release", family.student())).isZero();
        assertThat(send(
                                school.otherTeacher(),
                                "api-" + UUID.randomUUID(),
                                body(family.student(), "GUARDIAN", family.guardian(), null))
                        .getStatus())
                .isEqualTo(404);
    }

    @Test
    void badInputIsRefusedWith400AndStoresNothing() throws Exception {
        Family family = school.family("接口丁");
        String good = body(family.student(), "GUARDIAN", family.guardian(), null);
        long keys = keys();
        List<String[]> cases = List.of(
                new String[] {null, good},
                new String[] {"", good},
                new String[] {"x".repeat(65), good},
                new String[] {"带中文", good},
                new String[] {"k1", "{"},
                new String[] {"k2", "{}"},
                new String[] {"k3", good.replace(family.student().toString(), "not-a-uuid")},
                new String[] {"k4", good.replace(school.day().toString(), "2026-02-30")},
                new String[] {"k5", good.replace("SLOT_2", "LUNCH")},
                new String[] {"k6", good.replace("GUARDIAN", "NEIGHBOUR")},
                new String[] {"k7", body(family.student(), "OTHER", null, "名".repeat(51))});
        for (String[] c : cases) {
            var request = post("/api/v1/pickups")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(c[1])
                    .header("Accept-Language", "zh-CN")
                    .with(csrf())
                    .with(SignIn.as(school.teacher()));
            if (c[0] != null) {
                request.header("Idempotency-Key", c[0]);
            }
            MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
            assertThat(response.getStatus()).as(c[0] + " " + c[1]).isEqualTo(400);
            assertThat(response.getContentAsString())
                    .doesNotContain("Exception")
                    .doesNotContain("at org.");
        }
        assertThat(keys()).isEqualTo(keys);
        assertThat(count("pickup_release", family.student())).isZero();
        assertThat(count("pickup_refusal", family.student())).isZero();
    }

    private String body(UUID student, String to, UUID person, String otherName) {
        return """
                {"studentId":"%s","date":"%s","service":"SLOT_2","to":"%s"%s%s}""".formatted(
                        student,
                        school.day(),
                        to,
                        person == null ? "" : ",\"personId\":\"" + person + "\"",
                        otherName == null ? "" : ",\"otherName\":\"" + otherName + "\"");
    }

    private MockHttpServletResponse send(UserScope who, String key, String body) throws Exception {
        return mvc.perform(post("/api/v1/pickups")
                        .header("Idempotency-Key", key)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body)
                        .with(csrf())
                        .with(SignIn.as(who)))
                .andReturn()
                .getResponse();
    }

    private long count(String table, UUID student) {
        return jdbc.sql("select count(*) from operations." + table + " where student_id = :s")
                .param("s", student)
                .query(Long.class)
                .single();
    }

    private long keys() {
        return jdbc.sql("select count(*) from operations.pickup_request_key")
                .query(Long.class)
                .single();
    }
}
