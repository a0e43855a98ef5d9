package org.kehou.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kehou.platform.AuditTrail;
import org.kehou.platform.AuditTrail.AuditEntry;
import org.kehou.platform.AuditTrail.AuditRecord;
import org.kehou.platform.Ids;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** §4: the embedded database itself refuses to change or remove an audit entry. */
@SpringBootTest(
        properties = {
            "spring.datasource.url=jdbc:h2:mem:audit;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
            "kehou.demo.enabled=false"
        })
class AppendOnlyTriggerTests {

    @Autowired
    AuditTrail audit;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void refusesUpdatingAnEntry() {
        UUID object = recordedObject();

        assertThatExceptionOfType(DataAccessException.class)
                .isThrownBy(() -> jdbc.sql("update platform.audit_event set actor = 'someone else', after_state = null"
                                + " where object_id = :id")
                        .param("id", object)
                        .update())
                .withStackTraceContaining("audit_event is append-only");

        assertThat(audit.historyOf(object)).singleElement().satisfies(entry -> {
            assertThat(entry.actor()).isEqualTo("system");
            assertThat(entry.afterState()).isEqualTo("{\"name\":\"王*\"}");
        });
    }

    @Test
    void refusesDeletingAnEntry() {
        UUID object = recordedObject();

        assertThatExceptionOfType(DataAccessException.class)
                .isThrownBy(() -> jdbc.sql("delete from platform.audit_event where object_id = :id")
                        .param("id", object)
                        .update())
                .withStackTraceContaining("audit_event is append-only");

        assertThat(audit.historyOf(object)).hasSize(1);
    }

    @Test
    void refusesDeletingAllEntries() {
        UUID object = recordedObject();
        long before = count();

        assertThatExceptionOfType(DataAccessException.class)
                .isThrownBy(() -> jdbc.sql("delete from platform.audit_event").update());

        assertThat(count()).isEqualTo(before);
        assertThat(audit.historyOf(object)).hasSize(1);
    }

    @Test
    void keepsAcceptingNewEntries() {
        UUID object = recordedObject();
        transaction.executeWithoutResult(status -> audit.record(
                new AuditEntry("student.renamed", "student", object, null, null, Map.of("name", "王*"), Map.of())));

        assertThat(audit.historyOf(object))
                .extracting(AuditRecord::action)
                .containsExactlyInAnyOrder("student.created", "student.renamed");
    }

    private UUID recordedObject() {
        UUID object = Ids.next();
        transaction.executeWithoutResult(status -> audit.record(
                new AuditEntry("student.created", "student", object, null, null, null, Map.of("name", "王*"))));
        return object;
    }

    private long count() {
        return jdbc.sql("select count(*) from platform.audit_event")
                .query(Long.class)
                .single();
    }
}
