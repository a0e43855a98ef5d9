package org.kehou.platform;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The append-only audit trail (REQUIREMENTS §4): who, when, which action on which object, with the state before
 * and after. Every write of personal data and every unmasked read of an ID number is recorded here. There is no
 * way to change or remove an entry: the application has no such statement, and the database refuses
 * {@code UPDATE} and {@code DELETE} on the table.
 */
@Service
public class AuditTrail {

    private final JdbcClient jdbc;
    private final org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate namedJdbc;
    private final Clock clock;

    AuditTrail(
            JdbcClient jdbc,
            org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate namedJdbc,
            Clock clock) {
        this.jdbc = jdbc;
        this.namedJdbc = namedJdbc;
        this.clock = clock;
    }

    /** Records an entry in the caller's transaction, so it is kept exactly when the change is. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(AuditEntry entry) {
        insert(entry);
    }

    /** Records many entries in the caller's transaction as one batch. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordAll(List<AuditEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        String actor = actor();
        LocalDateTime at = LocalDateTime.now(clock);
        List<Object[]> rows =
                entries.stream().map(e -> params(e, actor, at).toArray()).toList();
        namedJdbc.getJdbcTemplate().batchUpdate(POSITIONAL_INSERT, rows);
    }

    private static String actor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || !auth.isAuthenticated() ? "system" : auth.getName();
    }

    /**
     * Records a read (an unmasked ID number shown) in a transaction of its own, so that it is kept even when the
     * caller's transaction is read-only, which PostgreSQL enforces, or is rolled back.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordRead(AuditEntry entry) {
        insert(entry);
    }

    private void insert(AuditEntry entry) {
        Statement statement = statement(entry);
        jdbc.sql(statement.sql()).params(statement.params()).update();
    }

    /**
     * An entry as its statement and positional parameters, for a write that sends it to the database with its own
     * statements in one round trip (ADR 0023); the caller runs it in its transaction, so it is kept exactly when the
     * change is. Who and when are taken now, as {@link #record} takes them.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Statement statement(AuditEntry entry) {
        return new Statement(POSITIONAL_INSERT, params(entry, actor(), LocalDateTime.now(clock)));
    }

    /** The parameters of {@link #POSITIONAL_INSERT} for an entry: a new id, when, who, and the entry's own. */
    private static List<@Nullable Object> params(AuditEntry entry, String actor, LocalDateTime at) {
        List<@Nullable Object> params = new ArrayList<>(10);
        params.add(Ids.next());
        params.add(at);
        params.add(actor);
        params.add(entry.action());
        params.add(entry.objectType());
        params.add(entry.objectId());
        params.add(entry.countyId());
        params.add(entry.schoolId());
        params.add(json(entry.before()));
        params.add(json(entry.after()));
        return java.util.Collections.unmodifiableList(params);
    }

    private static final String POSITIONAL_INSERT = """
            insert into platform.audit_event
              (id, occurred_at, actor, action, object_type, object_id, county_id, school_id, before_state, after_state)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    /** An audit entry to write: the statement and its positional parameters, some of them null. */
    public record Statement(String sql, List<@Nullable Object> params) {}

    /** The entries about one object, newest first. */
    public List<AuditRecord> historyOf(UUID objectId) {
        return jdbc.sql("""
                        select occurred_at, actor, action, object_type, object_id, before_state, after_state
                        from platform.audit_event where object_id = :id order by occurred_at desc, id desc""")
                .param("id", objectId)
                .query(RecordRows.of(AuditRecord.class))
                .list();
    }

    static @Nullable String json(@Nullable Map<String, ?> state) {
        if (state == null) {
            return null;
        }
        StringBuilder out = new StringBuilder("{");
        new TreeMap<>(state).forEach((k, v) -> {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append(quote(k)).append(':').append(v == null ? "null" : quote(String.valueOf(v)));
        });
        return out.append('}').toString();
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    /**
     * One entry to record.
     *
     * @param action what was done, e.g. {@code student.created}, {@code student.idNumber.revealed}
     * @param objectType the kind of object
     * @param objectId its id
     * @param countyId the county it belongs to, if any
     * @param schoolId the school it belongs to, if any
     * @param before its state before (personal data masked), or null
     * @param after its state after (personal data masked), or null
     */
    public record AuditEntry(
            String action,
            String objectType,
            UUID objectId,
            @Nullable UUID countyId,
            @Nullable UUID schoolId,
            @Nullable Map<String, ?> before,
            @Nullable Map<String, ?> after) {}

    /** An entry as stored. */
    public record AuditRecord(
            LocalDateTime occurredAt,
            String actor,
            String action,
            String objectType,
            UUID objectId,
            @Nullable String beforeState,
            @Nullable String afterState) {}
}
