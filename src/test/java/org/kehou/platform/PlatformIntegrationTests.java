package org.kehou.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kehou.platform.AccountManagement.NewAccount;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/** The platform module alone: accounts and their scopes, the audit trail, the session timeout (§2, §4). */
@ApplicationModuleTest
@ActiveProfiles("test")
@TestPropertySource(
        properties = {
            "kehou.demo.enabled=false",
            "spring.datasource.url=jdbc:h2:mem:platform-module;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"
        })
class PlatformIntegrationTests {

    @Autowired
    AccountManagement accounts;

    @Autowired
    AuditTrail audit;

    @Autowired
    TransactionTemplate tx;

    @Value("${spring.session.timeout}")
    String sessionTimeout;

    @Test
    void opensAnAccountOnceAndResolvesItsScope() {
        UUID county = UUID.randomUUID();
        UUID school = UUID.randomUUID();
        UUID id = accounts.openAccount(new NewAccount(
                "王老师",
                "13600000001",
                "P-T-1",
                "secret-1",
                EnumSet.of(Role.TEACHER, Role.GUARDIAN),
                county,
                school,
                UUID.randomUUID(),
                UUID.randomUUID(),
                null,
                false));
        UUID again = accounts.openAccount(new NewAccount(
                "王老师",
                "13600000001",
                "P-T-1",
                "other",
                EnumSet.of(Role.TEACHER),
                county,
                school,
                null,
                null,
                null,
                false));
        assertThat(again).isEqualTo(id);
        assertThat(accounts.findForLogin("P-T-1"))
                .get()
                .satisfies(a -> assertThat(a.passwordHash()).startsWith("$2").doesNotContain("secret"));
        assertThat(accounts.findForLogin("+86 136 0000 0001"))
                .get()
                .extracting(AccountManagement.LoginAccount::id)
                .isEqualTo(id);
        UserScope scope = accounts.scopeOf(id).orElseThrow();
        assertThat(scope.roles()).containsExactlyInAnyOrder(Role.TEACHER, Role.GUARDIAN);
        assertThat(scope.schoolId()).isEqualTo(school);
        assertThat(audit.historyOf(id))
                .extracting(AuditTrail.AuditRecord::action)
                .containsExactly("account.opened");
        assertThat(audit.historyOf(id).get(0).afterState())
                .contains("136****0001")
                .doesNotContain("13600000001");
    }

    @Test
    void recordsAuditEntriesInTheCallersTransaction() {
        UUID object = UUID.randomUUID();
        tx.executeWithoutResult(status -> {
            audit.record(new AuditTrail.AuditEntry(
                    "test.written", "thing", object, null, null, Map.of("a", "1"), Map.of("a", "2")));
            status.setRollbackOnly();
        });
        assertThat(audit.historyOf(object))
                .as("rolled back with the change it records")
                .isEmpty();
        tx.executeWithoutResult(status -> audit.record(
                new AuditTrail.AuditEntry("test.written", "thing", object, null, null, null, Map.of("a", "<b>"))));
        assertThat(audit.historyOf(object))
                .singleElement()
                .satisfies(r -> assertThat(r.afterState()).isEqualTo("{\"a\":\"<b>\"}"));
    }

    @Test
    void sessionsExpireAfterThirtyIdleMinutes() {
        assertThat(sessionTimeout).isEqualTo("30m");
    }
}
