package org.kehou.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.kehou.platform.AccountManagement;
import org.kehou.platform.AccountManagement.NewAccount;
import org.kehou.platform.Role;
import org.kehou.support.KehouTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Bearer tokens for API clients: opened with a login and password like the sign-in form, with its lockout and the
 * same answer for an unknown login; only a hash is stored; a revoked token no longer works.
 */
@KehouTest
class TokenApiTests {

    static final String PASSWORD = "Token-passw0rd";
    static final AtomicInteger NEXT = new AtomicInteger(ThreadLocalRandom());

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountManagement accounts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aTokenOpensTheApiUntilItIsRevoked() throws Exception {
        String login = account();
        MockHttpServletResponse opened = open(login, PASSWORD);
        assertThat(opened.getStatus()).isEqualTo(201);
        assertThat(opened.getHeader("Cache-Control")).isEqualTo("no-store");
        String token = JsonPath.read(opened.getContentAsString(), "$.token");
        assertThat(JsonPath.<String>read(opened.getContentAsString(), "$.tokenType"))
                .isEqualTo("Bearer");
        assertThat(jdbc.sql("select count(*) from platform.api_token where token_hash = :t")
                        .param("t", token)
                        .query(Long.class)
                        .single())
                .as("only the token's hash is stored")
                .isZero();

        assertThat(status(get("/api/v1/guardians/me/enrollments").header("Authorization", "Bearer " + token)))
                .isEqualTo(200);
        assertThat(status(delete("/api/v1/tokens/current").header("Authorization", "Bearer " + token)))
                .isEqualTo(204);
        assertThat(status(get("/api/v1/guardians/me/enrollments").header("Authorization", "Bearer " + token)))
                .isEqualTo(401);
    }

    @Test
    void aBearerRequestIsStatelessAndNeedsNoCsrfToken() throws Exception {
        String token = JsonPath.read(open(account(), PASSWORD).getContentAsString(), "$.token");
        MvcResult read = mvc.perform(get("/api/v1/guardians/me/enrollments").header("Authorization", "Bearer " + token))
                .andReturn();
        assertThat(read.getResponse().getStatus()).isEqualTo(200);
        assertThat(read.getRequest().getSession(false)).as("no session created").isNull();
        assertThat(read.getResponse().getHeaders("Set-Cookie")).isEmpty();
        // a write without a CSRF token gets past the security filters: refused for its missing key, not with 403
        MvcResult write = mvc.perform(post("/api/v1/enrollments")
                        .header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"childId\": \"" + UUID.randomUUID() + "\", \"offeringId\": \"" + UUID.randomUUID()
                                + "\", \"consent\": true, \"consentVersion\": \"2026-1\"}"))
                .andReturn();
        assertThat(write.getResponse().getStatus()).isEqualTo(400);
        assertThat(write.getRequest().getSession(false)).isNull();
        // without the bearer token the same write is a session write and needs its CSRF token
        assertThat(status(post("/api/v1/enrollments")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}")))
                .isEqualTo(401);
    }

    @Test
    void anUnknownLoginGetsTheSameAnswerAsAWrongPassword() throws Exception {
        String login = account();
        MockHttpServletResponse wrong = open(login, "not-the-password");
        MockHttpServletResponse unknown = open("13" + (900_000_000 + NEXT.incrementAndGet()), "not-the-password");
        assertThat(wrong.getStatus()).isEqualTo(401);
        assertThat(unknown.getStatus()).isEqualTo(401);
        assertThat(unknown.getContentAsString().replace("\"instance\":\"/api/v1/tokens\"", ""))
                .isEqualTo(wrong.getContentAsString().replace("\"instance\":\"/api/v1/tokens\"", ""));
        assertThat(JsonPath.<String>read(wrong.getContentAsString(), "$.detail"))
                .contains("登录名或密码不正确");
    }

    @Test
    void fiveFailuresLockTheLoginAsOnTheSignInForm() throws Exception {
        String login = account();
        for (int i = 0; i < 5; i++) {
            assertThat(open(login, "wrong-" + i).getStatus()).isEqualTo(401);
        }
        MockHttpServletResponse locked = open(login, PASSWORD);
        assertThat(locked.getStatus()).isEqualTo(429);
        assertThat(JsonPath.<String>read(locked.getContentAsString(), "$.detail"))
                .contains("15");
    }

    @Test
    void aRequestWithoutLoginOrPasswordIsRefusedWith400() throws Exception {
        MockHttpServletResponse response = mvc.perform(post("/api/v1/tokens")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"login\": \"\"}"))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(JsonPath.<String>read(response.getContentAsString(), "$.detail"))
                .contains("此项必填");
        assertThat(status(post("/api/v1/tokens")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{nope")))
                .isEqualTo(400);
    }

    private String account() {
        String mobile = "166" + String.format("%08d", NEXT.incrementAndGet() % 100_000_000);
        accounts.openAccount(new NewAccount(
                "令牌测试",
                mobile,
                null,
                PASSWORD,
                Set.of(Role.GUARDIAN),
                null,
                null,
                null,
                UUID.randomUUID(),
                null,
                false));
        return mobile;
    }

    private MockHttpServletResponse open(String login, String password) throws Exception {
        return mvc.perform(post("/api/v1/tokens")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"login\": \"" + login + "\", \"password\": \"" + password + "\"}"))
                .andReturn()
                .getResponse();
    }

    private int status(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse().getStatus();
    }

    private static int ThreadLocalRandom() {
        return java.util.concurrent.ThreadLocalRandom.current().nextInt(10_000_000);
    }
}
