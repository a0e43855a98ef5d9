package org.kehou.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.kehou.platform.AccountManagement;
import org.kehou.platform.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * §4: sign-in locks a name for 15 minutes after 5 failed attempts, answers an unknown name exactly as a known one,
 * and keeps sessions safe: a new session id on sign-in, and none left on the server after sign-out.
 */
@SpringBootTest(
        properties = {
            "spring.datasource.url=jdbc:h2:mem:throttle;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
            "kehou.demo.enabled=false"
        })
@AutoConfigureMockMvc
class LoginThrottleTests {

    private static final String PASSWORD = "Right-passw0rd";
    private static final String WRONG = "wrong-password";
    private static final String FAILED = "/login?error";
    private static final String LOCKED = "/login?locked";
    private static final String SIGNED_IN = "/";
    private static final AtomicInteger NEXT_MOBILE = new AtomicInteger(1);

    @Autowired
    MockMvcTester mvc;

    @Autowired
    AccountManagement accounts;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcClient jdbc;

    @Test
    void fourFailuresDoNotLock() {
        String login = newAccount();

        for (int i = 0; i < 4; i++) {
            assertThat(signIn(login, WRONG)).isEqualTo(FAILED);
        }

        assertThat(signIn(login, PASSWORD)).isEqualTo(SIGNED_IN);
    }

    @Test
    void fifthFailureLocks() {
        String login = newAccount();

        for (int i = 0; i < 5; i++) {
            assertThat(signIn(login, WRONG)).isEqualTo(FAILED);
        }

        assertThat(signIn(login, WRONG)).isEqualTo(LOCKED);
    }

    @Test
    void lockedNameStaysLockedEvenForTheRightPassword() {
        String login = newAccount();
        failFiveTimes(login);

        assertThat(signIn(login, PASSWORD)).isEqualTo(LOCKED);
        clock.advance(Duration.ofMinutes(10));
        assertThat(signIn(login, PASSWORD)).isEqualTo(LOCKED);
    }

    @Test
    void unknownNameGetsTheSameAnswersAsAKnownOne() {
        String known = newAccount();
        String unknown = nextMobile();

        List<String> knownAnswers = new ArrayList<>();
        List<String> unknownAnswers = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            knownAnswers.add(signIn(known, WRONG));
            unknownAnswers.add(signIn(unknown, WRONG));
        }

        assertThat(unknownAnswers)
                .isEqualTo(knownAnswers)
                .containsExactly(FAILED, FAILED, FAILED, FAILED, FAILED, LOCKED, LOCKED);
    }

    @Test
    void lockLiftsAfterFifteenMinutes() {
        String login = newAccount();
        failFiveTimes(login);

        clock.advance(Duration.ofMinutes(15).minusSeconds(1));
        assertThat(signIn(login, PASSWORD)).isEqualTo(LOCKED);

        clock.advance(Duration.ofSeconds(1));
        assertThat(signIn(login, PASSWORD)).isEqualTo(SIGNED_IN);
    }

    @Test
    void countStartsAfreshWhenTheLockLifts() {
        String login = newAccount();
        failFiveTimes(login);
        clock.advance(Duration.ofMinutes(15));

        for (int i = 0; i < 4; i++) {
            assertThat(signIn(login, WRONG)).isEqualTo(FAILED);
        }

        assertThat(signIn(login, PASSWORD)).isEqualTo(SIGNED_IN);
    }

    @Test
    void successResetsTheCount() {
        String login = newAccount();
        for (int i = 0; i < 4; i++) {
            signIn(login, WRONG);
        }
        assertThat(signIn(login, PASSWORD)).isEqualTo(SIGNED_IN);

        for (int i = 0; i < 4; i++) {
            assertThat(signIn(login, WRONG)).isEqualTo(FAILED);
        }

        assertThat(signIn(login, PASSWORD)).isEqualTo(SIGNED_IN);
    }

    @Test
    void countsFailuresOfOneNameHoweverItIsTyped() {
        String login = newAccount();
        signIn(login, WRONG);
        signIn("+86" + login, WRONG);
        signIn(" " + login.substring(0, 3) + " " + login.substring(3) + " ", WRONG);
        signIn("+86 " + login, WRONG);
        signIn(login, WRONG);

        assertThat(signIn(login, PASSWORD)).isEqualTo(LOCKED);
    }

    @Test
    void signingInGivesANewSessionId() {
        String login = newAccount();
        Cookie before = sessionCookie(mvc.get().uri("/home").exchange());
        assertThat(before).as("a session before sign-in").isNotNull();

        MvcTestResult signedIn = mvc.post()
                .uri("/login")
                .param("login", login)
                .param("password", PASSWORD)
                .cookie(before)
                .with(csrf())
                .exchange();
        Cookie after = sessionCookie(signedIn);

        assertThat(signedIn).hasRedirectedUrl(SIGNED_IN);
        assertThat(after).isNotNull();
        assertThat(after.getValue()).isNotEqualTo(before.getValue());
        assertThat(mvc.get().uri("/home").cookie(after)).hasStatusOk();
        assertThat(mvc.get().uri("/home").cookie(before)).redirectedUrl().endsWith("/login");
        assertThat(sessionRows(before)).isZero();
    }

    @Test
    void signingOutEndsTheSessionOnTheServer() {
        String login = newAccount();
        Cookie session = sessionCookie(mvc.post()
                .uri("/login")
                .param("login", login)
                .param("password", PASSWORD)
                .with(csrf())
                .exchange());
        assertThat(mvc.get().uri("/home").cookie(session)).hasStatusOk();
        assertThat(sessionRows(session)).isOne();

        assertThat(mvc.post().uri("/logout").cookie(session).with(csrf())).hasRedirectedUrl("/login?signedOut");

        assertThat(sessionRows(session)).isZero();
        assertThat(mvc.get().uri("/home").cookie(session)).redirectedUrl().endsWith("/login");
    }

    @Test
    void signingOutNeedsTheCsrfToken() {
        String login = newAccount();
        Cookie session = sessionCookie(mvc.post()
                .uri("/login")
                .param("login", login)
                .param("password", PASSWORD)
                .with(csrf())
                .exchange());

        assertThat(mvc.post().uri("/logout").cookie(session)).hasStatus(403);

        assertThat(sessionRows(session)).isOne();
        assertThat(mvc.get().uri("/home").cookie(session)).hasStatusOk();
    }

    private String signIn(String login, String password) {
        MvcTestResult result = mvc.post()
                .uri("/login")
                .param("login", login)
                .param("password", password)
                .with(csrf())
                .exchange();
        assertThat(result).hasStatus3xxRedirection();
        return result.getResponse().getRedirectedUrl();
    }

    private void failFiveTimes(String login) {
        for (int i = 0; i < 5; i++) {
            assertThat(signIn(login, WRONG)).isEqualTo(FAILED);
        }
    }

    private String newAccount() {
        String mobile = nextMobile();
        accounts.openAccount(new AccountManagement.NewAccount(
                "测试家长", mobile, null, PASSWORD, Set.of(Role.GUARDIAN), null, null, null, null, null, false));
        return mobile;
    }

    private static String nextMobile() {
        return "138" + String.format("%08d", NEXT_MOBILE.getAndIncrement());
    }

    private static @Nullable Cookie sessionCookie(MvcTestResult result) {
        return result.getResponse().getCookie("SESSION");
    }

    private long sessionRows(Cookie cookie) {
        String sessionId = new String(Base64.getDecoder().decode(cookie.getValue()), StandardCharsets.UTF_8);
        return jdbc.sql("select count(*) from spring_session where session_id = :id")
                .param("id", sessionId)
                .query(Long.class)
                .single();
    }

    /** A clock in Asia/Shanghai that only moves when a test moves it. */
    static final class TestClock extends Clock {

        private final AtomicReference<Instant> now;
        private final ZoneId zone;

        TestClock(Instant start, ZoneId zone) {
            this.now = new AtomicReference<>(start);
            this.zone = zone;
        }

        void advance(Duration duration) {
            now.updateAndGet(instant -> instant.plus(duration));
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return new TestClock(now.get(), zone);
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }

    @TestConfiguration
    static class TestClockConfiguration {

        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock(Instant.parse("2025-09-01T00:30:00Z"), ZoneId.of("Asia/Shanghai"));
        }
    }
}
