package org.kehou.operations;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.kehou.platform.Ids;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The append-only record of sessions (OPS-1, CONTENT-5, ADR 0013): each school's entries form one hash chain, each
 * entry holding the SHA-256 of its own content and of the previous entry's hash, so that a row changed, removed or
 * slipped in by direct SQL is found by {@link #verify}. A save locks the school's chain head ({@link #lock}), reads
 * the session's entries, and appends its own in one statement that also moves the head (ADR 0020).
 */
@Component
class SessionLedger {

    static final String GENESIS = "0".repeat(64);

    private static final String COLUMNS = "id, county_id, school_id, chain_no, kind, offering_id, on_date, student_id,"
            + " class_id, grade_level, entry_no, mark, reason, recorded_at, recorded_by, recorded_by_name,"
            + " previous_hash, entry_hash";

    /**
     * The entries of a save as arrays, one per column that differs between them, and the columns that do not as
     * single values; the head moves in the same statement (ARCHITECTURE: hot paths in hand-written SQL).
     * Twenty-one positional parameters whatever the number of children, none parsed by name.
     */
    static final String APPEND = """
            with added as (
              insert into operations.session_entry (%s)
              select u.id, ?, ?, u.chain_no, ?, ?, ?, u.student_id, u.class_id, u.grade_level, u.entry_no, u.mark,
                ?, ?, ?, ?, u.previous_hash, u.entry_hash
              from unnest(cast(cast(? as text[]) as uuid[]), cast(? as bigint[]), cast(cast(? as text[]) as uuid[]),
                cast(cast(? as text[]) as uuid[]),
                cast(? as integer[]), cast(? as integer[]), cast(? as text[]), cast(? as text[]), cast(? as text[]))
                as u(id, chain_no, student_id, class_id, grade_level, entry_no, mark, previous_hash, entry_hash)
              returning 1)
            update operations.session_chain set last_no = ?, last_hash = ? where school_id = ?""".formatted(
                    "id, county_id, school_id, chain_no, kind, offering_id, on_date, student_id, class_id,"
                            + " grade_level, entry_no, mark, reason, recorded_at, recorded_by, recorded_by_name,"
                            + " previous_hash, entry_hash");

    /** Rows per INSERT statement of the portable form: the parameters stay well below driver limits. */
    static final int ROWS_PER_STATEMENT = 500;

    private final JdbcClient jdbc;
    private final boolean oneStatement;

    @Autowired
    SessionLedger(JdbcClient jdbc, DataSource dataSource) {
        this(jdbc, isPostgres(dataSource));
    }

    /** @param oneStatement whether the database is PostgreSQL, which appends a save in one statement */
    SessionLedger(JdbcClient jdbc, boolean oneStatement) {
        this.jdbc = jdbc;
        this.oneStatement = oneStatement;
    }

    static boolean isPostgres(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection
                    .getMetaData()
                    .getDatabaseProductName()
                    .toLowerCase(Locale.ROOT)
                    .contains("postgres");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot tell which database this is", e);
        }
    }

    /**
     * On PostgreSQL, lets the rest of the caller's transaction run its prepared statements on generic plans instead
     * of planning them again for every save (ADR 0023): a save's statements look rows up by key, where the generic
     * plan is the one a custom plan would find, and planning them was a third of the database's time per save. The
     * setting ends with the transaction; elsewhere this does nothing.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void planGenerically() {
        if (oneStatement) {
            jdbc.sql("select set_config('plan_cache_mode', 'force_generic_plan', true)")
                    .query(String.class)
                    .single();
        }
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
     * Appends the entries of one save of a session to its school's chain after the head the caller holds
     * ({@link #lock}), in the caller's transaction, and returns them as stored.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    List<Entry> append(
            Head head,
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
        if (oneStatement) {
            insert(stored, schoolId, chainNo, previous);
        } else {
            insertPortably(stored, schoolId, chainNo, previous);
        }
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
                    .query(SessionLedger::head)
                    .optional()
                    .orElse(new Head(0, GENESIS));
            if (head.lastNo() != count[0] || !head.lastHash().equals(previous[0])) {
                long at = Math.min(head.lastNo(), count[0]) + 1;
                return new Check(count[0], at, "session.chain.head");
            }
        }
        return new Check(count[0], brokenAt[0], problem[0]);
    }

    /** The number and hash of a school's last entry, as locked by {@link #lock}. */
    record Head(long lastNo, String lastHash) {}

    private static final String LOCK =
            "select last_no, last_hash from operations.session_chain where school_id = ?" + " for update";

    /**
     * Holds the school's chain head until the caller's transaction ends, so that a save reads the current entries
     * and appends after them without another save of the school in between; the school's first save creates it.
     * One query, unless the head is new.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    Head lock(UUID countyId, UUID schoolId) {
        Optional<Head> head =
                jdbc.sql(LOCK).param(schoolId).query(SessionLedger::head).optional();
        if (head.isPresent()) {
            return head.get();
        }
        jdbc.sql("insert into operations.session_chain (school_id, county_id, last_no, last_hash)"
                        + " values (?, ?, 0, ?) on conflict do nothing")
                .param(schoolId)
                .param(countyId)
                .param(GENESIS)
                .update();
        return jdbc.sql(LOCK).param(schoolId).query(SessionLedger::head).single();
    }

    private static Head head(ResultSet rs, int row) throws SQLException {
        return new Head(rs.getLong(1), rs.getString(2));
    }

    /** The save's entries in one statement ({@link #APPEND}), which also moves the head to the last of them. */
    private void insert(List<Entry> batch, UUID schoolId, long lastNo, String lastHash) {
        int n = batch.size();
        String[] ids = new String[n];
        long[] chainNos = new long[n];
        String[] students = new String[n];
        String[] classes = new String[n];
        int[] grades = new int[n];
        int[] entryNos = new int[n];
        String[] marks = new String[n];
        String[] previous = new String[n];
        String[] hashes = new String[n];
        for (int i = 0; i < n; i++) {
            Entry e = batch.get(i);
            ids[i] = e.id().toString();
            chainNos[i] = e.chainNo();
            students[i] = e.studentId().toString();
            classes[i] = e.classId().toString();
            grades[i] = e.gradeLevel();
            entryNos[i] = e.entryNo();
            marks[i] = e.mark();
            previous[i] = e.previousHash();
            hashes[i] = e.entryHash();
        }
        Entry first = batch.getFirst();
        int updated = jdbc.sql(APPEND)
                .param(first.countyId())
                .param(first.schoolId())
                .param(first.kind().name())
                .param(first.offeringId())
                .param(first.onDate())
                .param(new SqlParameterValue(Types.VARCHAR, first.reason()))
                .param(first.recordedAt())
                .param(first.recordedBy())
                .param(first.recordedByName())
                .param(ids)
                .param(chainNos)
                .param(students)
                .param(classes)
                .param(grades)
                .param(entryNos)
                .param(marks)
                .param(previous)
                .param(hashes)
                .param(lastNo)
                .param(lastHash)
                .param(schoolId)
                .update();
        if (updated != 1) {
            throw new IllegalStateException("the chain head of school " + schoolId + " is missing");
        }
    }

    /**
     * The portable form of {@link #APPEND}, for databases without arrays of rows (the embedded one of the tests): a
     * multi-row INSERT of at most {@link #ROWS_PER_STATEMENT} entries, then the head.
     */
    private void insertPortably(List<Entry> entries, UUID schoolId, long lastNo, String lastHash) {
        for (int from = 0; from < entries.size(); from += ROWS_PER_STATEMENT) {
            insertRows(entries.subList(from, Math.min(entries.size(), from + ROWS_PER_STATEMENT)));
        }
        jdbc.sql("update operations.session_chain set last_no = :no, last_hash = :hash where school_id = :school")
                .param("no", lastNo)
                .param("hash", lastHash)
                .param("school", schoolId)
                .update();
    }

    private void insertRows(List<Entry> batch) {
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
