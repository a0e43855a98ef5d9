package org.kehou.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.io.IOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.kehou.platform.AccountManagement.NewAccount;
import org.kehou.platform.AuditTrail.AuditEntry;
import org.kehou.platform.AuditTrail.AuditRecord;
import org.kehou.platform.internal.LoginThrottle;
import org.kehou.support.PostgresTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Boots the whole application on PostgreSQL with the demo city, so every module's migrations and the demo data run
 * there, then exercises the platform's accounts, audit trail, sign-in lockout and sessions on it.
 */
@PostgresTest
@SpringBootTest(properties = "kehou.demo.enabled=true")
@AutoConfigureMockMvc
class MigrationsPostgresTests {

    private static final Pattern MIGRATION =
            Pattern.compile(".*/db/migration/([a-z_]+)/V([0-9_.]+)__[^/]+\\.(sql|class)");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    AccountManagement accounts;

    @Autowired
    AuditTrail audit;

    @Autowired
    LoginThrottle throttle;

    @Autowired
    AuthenticationProvider signIn;

    @Autowired
    MockMvcTester mvc;

    @Test
    void runsOnPostgresql() {
        String product = jdbc.sql("select version()").query(String.class).single();
        assertThat(product).startsWith("PostgreSQL");
    }

    @Test
    void appliesEveryMigrationOfEveryModule() throws IOException {
        Map<String, Set<String>> expected = migrationsOnClasspath();
        assertThat(expected).containsKeys("platform", "organization", "catalog");
        expected.forEach((module, versions) -> {
            List<String> applied = jdbc.sql("select version from public.flyway_schema_history_" + module
                            + " where success and version is not null and version <> '0'")
                    .query(String.class)
                    .list();
            assertThat(new TreeSet<>(applied)).as("migrations of %s", module).isEqualTo(versions);
        });
        assertThat(tables("platform")).contains("user_account", "login_throttle", "audit_event");
        assertThat(tables("organization"))
                .contains(
                        "city",
                        "county",
                        "school",
                        "staff",
                        "school_class",
                        "student",
                        "guardian",
                        "student_guardian",
                        "term",
                        "calendar_day",
                        "import_job");
        assertThat(tables("catalog"))
                .contains(
                        "venue",
                        "course",
                        "course_grade",
                        "slot_plan",
                        "plan_slot",
                        "offering",
                        "offering_grade",
                        "offering_instructor",
                        "fee_notice",
                        "exercise_minimum",
                        "notice_period",
                        "opening",
                        "opening_supervisor");
        assertThat(tables("public")).contains("spring_session", "spring_session_attributes", "event_publication");
    }

    private static Map<String, Set<String>> migrationsOnClasspath() throws IOException {
        Map<String, Set<String>> byModule = new TreeMap<>();
        for (Resource resource :
                new PathMatchingResourcePatternResolver().getResources("classpath*:db/migration/*/V*__*")) {
            Matcher m = MIGRATION.matcher(resource.getURL().toString());
            if (m.matches()) {
                byModule.computeIfAbsent(m.group(1), k -> new TreeSet<>())
                        .add(m.group(2).replace('_', '.'));
            }
        }
        return byModule;
    }

    private List<String> tables(String schema) {
        return jdbc.sql("select table_name from information_schema.tables where table_schema = :schema")
                .param("schema", schema)
                .query(String.class)
                .list();
    }

    @Test
    void createsTheDemoCityOnce() {
        assertThat(count("select count(*) from organization.city")).isEqualTo(1);
        assertThat(count("select count(*) from organization.county")).isEqualTo(15);
        assertThat(count("select count(*) from platform.user_account where demo"))
                .isGreaterThanOrEqualTo(10);
        assertThat(count("select count(*) from platform.audit_event where action = 'demo.created'"))
                .isEqualTo(1);
    }

    @Test
    void opensAnAccountAndResolvesItsScope() {
        UUID county = jdbc.sql("select id from organization.county where code = '410305'")
                .query(UUID.class)
                .single();
        UUID id = accounts.openAccount(new NewAccount(
                "测试家长",
                "13800138001",
                null,
                "Secret@2026",
                EnumSet.of(Role.GUARDIAN, Role.TEACHER),
                county,
                null,
                null,
                null,
                null,
                false));

        assertThat(accounts.findForLogin("+86 138 0013 8001")).hasValueSatisfying(account -> {
            assertThat(account.id()).isEqualTo(id);
            assertThat(account.enabled()).isTrue();
            assertThat(account.passwordHash()).startsWith("$2").doesNotContain("Secret@2026");
        });
        UserScope scope = accounts.scopeOf(id).orElseThrow();
        assertThat(scope.displayName()).isEqualTo("测试家长");
        assertThat(scope.roles()).containsExactlyInAnyOrder(Role.GUARDIAN, Role.TEACHER);
        assertThat(scope.countyId()).isEqualTo(county);
        assertThat(scope.schoolId()).isNull();
        assertThat(audit.historyOf(id)).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("account.opened");
            assertThat(entry.afterState()).contains("138****8001").doesNotContain("13800138001");
        });

        UUID again = accounts.openAccount(new NewAccount(
                "别人", "13800138001", null, "Other@2026", Set.of(Role.GUARDIAN), null, null, null, null, null, false));
        assertThat(again).isEqualTo(id);
        assertThat(accounts.scopeOf(id).orElseThrow().displayName()).isEqualTo("测试家长");
    }

    @Test
    void findsTheDemoAccountsByStaffNumber() {
        UUID cityAdmin = accounts.findForLogin(" LY-CITY-001 ").orElseThrow().id();
        assertThat(accounts.scopeOf(cityAdmin).orElseThrow().isCityWide()).isTrue();
        assertThat(accounts.findForLogin("nobody")).isEmpty();
        assertThat(accounts.scopeOf(UUID.randomUUID())).isEmpty();
    }

    @Test
    void recordsAuditEntriesOnlyInsideATransaction() {
        UUID object = Ids.next();
        AuditEntry first = new AuditEntry("test.first", "thing", object, null, null, null, Map.of("name", "甲"));
        assertThatThrownBy(() -> audit.record(first)).isInstanceOf(IllegalTransactionStateException.class);
        assertThat(audit.historyOf(object)).isEmpty();

        tx.executeWithoutResult(status -> audit.record(first));
        tx.executeWithoutResult(status -> audit.record(new AuditEntry(
                "test.second", "thing", object, null, null, Map.of("name", "甲"), Map.of("name", "乙 \"quoted\""))));
        assertThat(audit.historyOf(object))
                .extracting(AuditRecord::action)
                .containsExactlyInAnyOrder("test.first", "test.second");
        assertThat(audit.historyOf(object))
                .filteredOn(e -> e.action().equals("test.second"))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.actor()).isEqualTo("system");
                    assertThat(e.beforeState()).isEqualTo("{\"name\":\"甲\"}");
                    assertThat(e.afterState()).isEqualTo("{\"name\":\"乙 \\\"quoted\\\"\"}");
                });

        tx.executeWithoutResult(status -> {
            audit.record(new AuditEntry("test.rolledBack", "thing", object, null, null, null, null));
            status.setRollbackOnly();
        });
        assertThat(audit.historyOf(object)).hasSize(2);
    }

    @Test
    void refusesToChangeOrRemoveAuditEntries() {
        UUID object = Ids.next();
        tx.executeWithoutResult(
                status -> audit.record(new AuditEntry("test.kept", "thing", object, null, null, null, null)));

        assertThatThrownBy(() -> jdbc.sql("update platform.audit_event set actor = 'intruder' where object_id = :id")
                        .param("id", object)
                        .update())
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from platform.audit_event where object_id = :id")
                        .param("id", object)
                        .update())
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from platform.audit_event").update())
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("truncate platform.audit_event").update())
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("append-only");

        assertThat(audit.historyOf(object))
                .singleElement()
                .satisfies(e -> assertThat(e.actor()).isEqualTo("system"));
        assertThat(count("select count(*) from platform.audit_event where action = 'demo.created'"))
                .isEqualTo(1);
    }

    @Test
    void locksASignInNameAfterFiveFailures() {
        String login = "13900000123";
        for (int i = 1; i < 5; i++) {
            throttle.recordFailure(login);
            assertThat(throttle.isLocked(login)).as("after %d failures", i).isFalse();
        }
        throttle.recordFailure(login);
        assertThat(throttle.isLocked(login)).isTrue();
        assertThat(throttle.isLocked(" +86" + login)).isTrue();
        assertThat(throttle.isLocked("13900000999")).isFalse();

        throttle.recordSuccess(login);
        assertThat(throttle.isLocked(login)).isFalse();
    }

    @Test
    void refusesEvenTheRightPasswordOnceLocked() {
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> signIn.authenticate(
                            UsernamePasswordAuthenticationToken.unauthenticated("LY-INSP-001", "wrong")))
                    .isInstanceOf(BadCredentialsException.class);
        }
        assertThatThrownBy(() -> signIn.authenticate(
                        UsernamePasswordAuthenticationToken.unauthenticated("LY-INSP-001", "Kehou@2026")))
                .isInstanceOf(LockedException.class);
    }

    @Test
    void signsInWithASessionStoredInPostgresql() {
        var result = mvc.post()
                .uri("/login")
                .param("login", "LY-JX-ADMIN")
                .param("password", "Kehou@2026")
                .with(csrf())
                .exchange();
        assertThat(result).hasStatus3xxRedirection().hasRedirectedUrl("/");

        UUID account = accounts.findForLogin("LY-JX-ADMIN").orElseThrow().id();
        long sessions = jdbc.sql("select count(*) from spring_session where principal_name = :name")
                .param("name", account.toString())
                .query(Long.class)
                .single();
        long attributes = jdbc.sql("""
                        select count(*) from spring_session_attributes a
                        join spring_session s on s.primary_id = a.session_primary_id
                        where s.principal_name = :name""")
                .param("name", account.toString())
                .query(Long.class)
                .single();
        assertThat(sessions).isEqualTo(1);
        assertThat(attributes).isPositive();
    }

    @Test
    void answersAWrongPasswordWithTheErrorPage() {
        var result = mvc.post()
                .uri("/login")
                .param("login", "LY-ORG-001")
                .param("password", "not-the-password")
                .with(csrf())
                .exchange();
        assertThat(result).hasStatus3xxRedirection().hasRedirectedUrl("/login?error");
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
