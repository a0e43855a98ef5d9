package org.kehou.operations;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kehou.platform.Ids;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The append-only record of sessions (OPS-1, CONTENT-5, ADR 0013): each school's entries form one hash chain, each
 * entry holding the SHA-256 of its own content and of the previous entry's hash, so that a row changed, removed or
 * slipped in by direct SQL is found by {@link #verify}. A save appends all its entries in one multi-row statement
 * while it holds the school's chain head.
 */
@Component
class SessionLedger {

    static final String GENESIS = "0".repeat(64);

    /** Rows per INSERT statement: a class of 45 is one statement; the parameters stay well below driver limits. */
    static final int ROWS_PER_STATEMENT = 500;

    private static final String COLUMNS = "id, county_id, school_id, chain_no, kind, offering_id, on_date, student_id,"
            + " class_id, grade_level, entry_no, mark, reason, recorded_at, recorded_by, recorded_by_name,"
            + " previous_hash, entry_hash";

    private final JdbcClient jdbc;

    SessionLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What a session's save adds for one child. */
    record NewEntry(UUID studentId, UUID classId, int gradeLevel, int entryNo, String mark) {}

    /** An entry as stored. */
    record Entry(
            UUID id,
            UUID countyId,
            UUID schoolId,
            long chainNo,
            SessionKind kind,
            UUID offeringId,
            LocalDate onDate,
            UUID studentId,
            UUID classId,
            int gradeLevel,
            int entryNo,
            String mark,
            @Nullable String reason,
            LocalDateTime recordedAt,
            UUID recordedBy,
            String recordedByName,
            String previousHash,
            String entryHash) {

        /** The hash this entry must have, from its content and the hash it names as the previous one. */
        String expectedHash() {
            return hash(String.join(
                    "|",
                    previousHash,
                    Long.toString(chainNo),
                    countyId.toString(),
                    schoolId.toString(),
                    kind.name(),
                    offeringId.toString(),
                    onDate.toString(),
                    studentId.toString(),
                    classId.toString(),
                    Integer.toString(gradeLevel),
                    Integer.toString(entryNo),
                    mark,
                    reason == null ? "" : reason,
                    recordedAt.toString(),
                    recordedBy.toString(),
                    recordedByName));
        }
    }

    /** The result of checking a school's chain: how many entries, and the first one that does not fit, if any. */
    record Check(
            long entries, @Nullable Long brokenAt, @Nullable String problem) {}

    /**
     * Appends the entries of one save of a session to its school's chain, in the caller's transaction, and returns
     * them as stored.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    List<Entry> append(
            UUID countyId,
            UUID schoolId,
            SessionKind kind,
            UUID offeringId,
            LocalDate onDate,
            List<NewEntry> entries,
            @Nullable String reason,
            LocalDateTime at,
            UUID recordedBy,
            String recordedByName) {
        if (entries.isEmpty()) {
            return List.of();
        }
        Head head = lockHead(countyId, schoolId);
        long chainNo = head.lastNo();
        String previous = head.lastHash();
        List<Entry> stored = new ArrayList<>(entries.size());
        for (NewEntry e : entries) {
            chainNo++;
            Entry draft = new Entry(
                    Ids.next(),
                    countyId,
                    schoolId,
                    chainNo,
                    kind,
                    offeringId,
                    onDate,
                    e.studentId(),
                    e.classId(),
                    e.gradeLevel(),
                    e.entryNo(),
                    e.mark(),
                    reason,
                    at,
                    recordedBy,
                    recordedByName,
                    previous,
                    "");
            String hash = draft.expectedHash();
            Entry entry = new Entry(
                    draft.id(),
                    countyId,
                    schoolId,
                    chainNo,
                    kind,
                    offeringId,
                    onDate,
                    e.studentId(),
                    e.classId(),
                    e.gradeLevel(),
                    e.entryNo(),
                    e.mark(),
                    reason,
                    at,
                    recordedBy,
                    recordedByName,
                    previous,
                    hash);
            stored.add(entry);
            previous = hash;
        }
        for (int from = 0; from < stored.size(); from += ROWS_PER_STATEMENT) {
            insert(stored.subList(from, Math.min(stored.size(), from + ROWS_PER_STATEMENT)));
        }
        jdbc.sql("update operations.session_chain set last_no = :no, last_hash = :hash where school_id = :school")
                .param("no", chainNo)
                .param("hash", previous)
                .param("school", schoolId)
                .update();
        return stored;
    }

    /** The entries of a session of one kind, oldest first, by child. */
    Map<UUID, List<Entry>> session(SessionKind kind, UUID offeringId, LocalDate onDate) {
        Map<UUID, List<Entry>> byStudent = new LinkedHashMap<>();
        jdbc.sql("select " + COLUMNS + " from operations.session_entry"
                        + " where offering_id = :offering and on_date = :day and kind = :kind"
                        + " order by student_id, entry_no")
                .param("offering", offeringId)
                .param("day", onDate)
                .param("kind", kind.name())
                .query(SessionLedger::entry)
                .list()
                .forEach(e -> byStudent
                        .computeIfAbsent(e.studentId(), k -> new ArrayList<>())
                        .add(e));
        return byStudent;
    }

    /**
     * Walks a school's chain from its first entry: each entry must follow the previous one by number, name its
     * hash, and have the hash of its own content; and the chain must end where the school's head says it does.
     */
    Check verify(UUID schoolId) {
        long[] count = {0};
        String[] previous = {GENESIS};
        Long[] brokenAt = {null};
        String[] problem = {null};
        jdbc.sql("select " + COLUMNS + " from operations.session_entry where school_id = :school order by chain_no")
                .param("school", schoolId)
                .query((ResultSet rs) -> {
                    Entry e = entry(rs, 0);
                    count[0]++;
                    if (brokenAt[0] != null) {
                        return;
                    }
                    if (e.chainNo() != count[0]) {
                        brokenAt[0] = count[0];
                        problem[0] = "session.chain.gap";
                    } else if (!e.previousHash().equals(previous[0])) {
                        brokenAt[0] = e.chainNo();
                        problem[0] = "session.chain.link";
                    } else if (!e.entryHash().equals(e.expectedHash())) {
                        brokenAt[0] = e.chainNo();
                        problem[0] = "session.chain.content";
                    }
                    previous[0] = e.entryHash();
                });
        if (brokenAt[0] == null) {
            Head head = jdbc.sql("select last_no, last_hash from operations.session_chain where school_id = :school")
                    .param("school", schoolId)
                    .query(Head.class)
                    .optional()
                    .orElse(new Head(0, GENESIS));
            if (head.lastNo() != count[0] || !head.lastHash().equals(previous[0])) {
                long at = Math.min(head.lastNo(), count[0]) + 1;
                return new Check(count[0], at, "session.chain.head");
            }
        }
        return new Check(count[0], brokenAt[0], problem[0]);
    }

    private record Head(long lastNo, String lastHash) {}

    /**
     * Holds the school's chain head until the caller's transaction ends, so that a save reads the current entries
     * and appends after them without another save of the school in between.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void lock(UUID countyId, UUID schoolId) {
        lockHead(countyId, schoolId);
    }

    private Head lockHead(UUID countyId, UUID schoolId) {
        jdbc.sql("""
                        insert into operations.session_chain (school_id, county_id, last_no, last_hash)
                        values (:school, :county, 0, :genesis) on conflict do nothing""")
                .param("school", schoolId)
                .param("county", countyId)
                .param("genesis", GENESIS)
                .update();
        return jdbc.sql("select last_no, last_hash from operations.session_chain where school_id = :school for update")
                .param("school", schoolId)
                .query(Head.class)
                .single();
    }

    /** One multi-row INSERT for the batch (ARCHITECTURE: hot paths in hand-written SQL). */
    private void insert(List<Entry> batch) {
        StringBuilder sql = new StringBuilder("insert into operations.session_entry (" + COLUMNS + ") values ");
        for (int i = 0; i < batch.size(); i++) {
            if (i > 0) {
                sql.append(", ");
            }
            sql.append("(:id").append(i);
            for (String p : List.of(
                    "county",
                    "school",
                    "chain",
                    "kind",
                    "offering",
                    "day",
                    "student",
                    "class",
                    "grade",
                    "entry",
                    "mark",
                    "reason",
                    "at",
                    "by",
                    "byName",
                    "previous",
                    "hash")) {
                sql.append(", :").append(p).append(i);
            }
            sql.append(')');
        }
        var spec = jdbc.sql(sql.toString());
        for (int i = 0; i < batch.size(); i++) {
            Entry e = batch.get(i);
            spec = spec.param("id" + i, e.id())
                    .param("county" + i, e.countyId())
                    .param("school" + i, e.schoolId())
                    .param("chain" + i, e.chainNo())
                    .param("kind" + i, e.kind().name())
                    .param("offering" + i, e.offeringId())
                    .param("day" + i, e.onDate())
                    .param("student" + i, e.studentId())
                    .param("class" + i, e.classId())
                    .param("grade" + i, e.gradeLevel())
                    .param("entry" + i, e.entryNo())
                    .param("mark" + i, e.mark())
                    .param("reason" + i, e.reason())
                    .param("at" + i, e.recordedAt())
                    .param("by" + i, e.recordedBy())
                    .param("byName" + i, e.recordedByName())
                    .param("previous" + i, e.previousHash())
                    .param("hash" + i, e.entryHash());
        }
        spec.update();
    }

    static Entry entry(ResultSet rs, int row) throws SQLException {
        return new Entry(
                rs.getObject("id", UUID.class),
                rs.getObject("county_id", UUID.class),
                rs.getObject("school_id", UUID.class),
                rs.getLong("chain_no"),
                SessionKind.valueOf(rs.getString("kind")),
                rs.getObject("offering_id", UUID.class),
                rs.getObject("on_date", LocalDate.class),
                rs.getObject("student_id", UUID.class),
                rs.getObject("class_id", UUID.class),
                rs.getInt("grade_level"),
                rs.getInt("entry_no"),
                rs.getString("mark"),
                rs.getString("reason"),
                rs.getObject("recorded_at", LocalDateTime.class),
                rs.getObject("recorded_by", UUID.class),
                rs.getString("recorded_by_name"),
                rs.getString("previous_hash"),
                rs.getString("entry_hash"));
    }

    static String hash(String content) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
