package org.kehou.operations;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.kehou.platform.AuditTrail;
import org.kehou.platform.Ids;
import org.kehou.platform.SqlRead;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.StatementCreatorUtils;
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
    private final JdbcTemplate template;
    private final boolean oneStatement;

    @Autowired
    SessionLedger(JdbcClient jdbc, JdbcTemplate template, DataSource dataSource) {
        this(jdbc, template, isPostgres(dataSource));
    }

    /**
     * @param oneStatement whether the database is PostgreSQL, which appends a save in one statement and locks and
     *     reads in one round trip
     */
    SessionLedger(JdbcClient jdbc, JdbcTemplate template, boolean oneStatement) {
        this.jdbc = jdbc;
        this.template = template;
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
            return Shared.of(this).hash(previousHash, chainNo, studentId, classId, gradeLevel, entryNo, mark);
        }
    }

    /**
     * The part of an entry's hashed content that the entries of one save share, made once per save, not once per child
     * (OPS-1, a county's afternoon roll call): what comes before the child's part as text, what comes after it, which
     * may hold Chinese, already encoded as UTF-8. Never compared or printed: the array is compared by identity.
     */
    private record Shared(String head, byte[] tail) {

        static Shared of(Entry e) {
            return of(
                    e.countyId(),
                    e.schoolId(),
                    e.kind(),
                    e.offeringId(),
                    e.onDate(),
                    e.reason(),
                    e.recordedAt(),
                    e.recordedBy(),
                    e.recordedByName());
        }

        static Shared of(
                UUID countyId,
                UUID schoolId,
                SessionKind kind,
                UUID offeringId,
                LocalDate onDate,
                @Nullable String reason,
                LocalDateTime recordedAt,
                UUID recordedBy,
                String recordedByName) {
            return new Shared(
                    String.join(
                            "|",
                            countyId.toString(),
                            schoolId.toString(),
                            kind.name(),
                            offeringId.toString(),
                            onDate.toString()),
                    ("|"
                                    + String.join(
                                            "|",
                                            reason == null ? "" : reason,
                                            recordedAt.toString(),
                                            recordedBy.toString(),
                                            recordedByName))
                            .getBytes(StandardCharsets.UTF_8));
        }

        /**
         * The SHA-256 of an entry's content: the previous hash, chain number, county, school, kind, offering, date,
         * child, class, grade, entry number, mark, reason, time, recorder and recorder's name, joined by "|".
         */
        String hash(
                String previousHash,
                long chainNo,
                UUID studentId,
                UUID classId,
                int gradeLevel,
                int entryNo,
                String mark) {
            // the varying part is ASCII, encoded by a copy; the shared tail, which may hold Chinese, was encoded once
            MessageDigest digest = sha256();
            digest.update(new StringBuilder(previousHash.length() + head.length() + 120)
                    .append(previousHash)
                    .append('|')
                    .append(chainNo)
                    .append('|')
                    .append(head)
                    .append('|')
                    .append(studentId)
                    .append('|')
                    .append(classId)
                    .append('|')
                    .append(gradeLevel)
                    .append('|')
                    .append(entryNo)
                    .append('|')
                    .append(mark)
                    .toString()
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest(tail));
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
            String recordedByName,
            AuditTrail.@Nullable Statement audit) {
        if (entries.isEmpty()) {
            return List.of();
        }
        long chainNo = head.lastNo();
        String previous = head.lastHash();
        Shared shared = Shared.of(countyId, schoolId, kind, offeringId, onDate, reason, at, recordedBy, recordedByName);
        List<Entry> stored = new ArrayList<>(entries.size());
        List<UUID> ids = Ids.next(entries.size());
        for (NewEntry e : entries) {
            chainNo++;
            String hash =
                    shared.hash(previous, chainNo, e.studentId(), e.classId(), e.gradeLevel(), e.entryNo(), e.mark());
            stored.add(new Entry(
                    ids.get(stored.size()),
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
                    hash));
            previous = hash;
        }
        if (oneStatement) {
            insert(stored, schoolId, chainNo, previous, audit);
        } else {
            insertPortably(stored, schoolId, chainNo, previous);
            if (audit != null) {
                jdbc.sql(audit.sql()).params(audit.params()).update();
            }
        }
        return stored;
    }

    private static final String SESSION = "select " + COLUMNS + " from operations.session_entry"
            + " where offering_id = ? and on_date = ? and kind = any(?) order by kind, student_id, entry_no";

    /** The entries of a session of these kinds, by kind, then by child, oldest first. */
    Entries session(UUID offeringId, LocalDate onDate, Set<SessionKind> kinds) {
        List<Entry> rows = jdbc.sql(SESSION)
                .param(offeringId)
                .param(onDate)
                .param(kindNames(kinds))
                .query(SessionLedger::entry)
                .list();
        return Entries.of(rows);
    }

    /**
     * Holds the school's chain head ({@link #lock}) and then reads the session's entries of these kinds, so that they
     * include every save of the session committed before, and then the other reads given, of this module's tables or
     * another's (ADR 0025): what a save needs before it appends. On PostgreSQL the statements go to the server in one
     * round trip and run one after the other, the reads with a snapshot taken once the lock is held, as separate round
     * trips would; elsewhere, and on a school's first save, they are separate.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    Locked lockAndRead(
            UUID countyId,
            UUID schoolId,
            UUID offeringId,
            LocalDate onDate,
            Set<SessionKind> kinds,
            SqlRead<?>... also) {
        if (oneStatement) {
            StringBuilder sql = new StringBuilder(LOCK).append(";\n").append(SESSION);
            for (SqlRead<?> read : also) {
                sql.append(";\n").append(read.sql());
            }
            Locked locked = template.execute(sql.toString(), (PreparedStatement ps) -> {
                ps.setObject(1, schoolId);
                ps.setObject(2, offeringId);
                ps.setObject(3, onDate);
                ps.setObject(4, kindNames(kinds));
                int index = 5;
                for (SqlRead<?> read : also) {
                    for (Object param : read.params()) {
                        ps.setObject(index++, param);
                    }
                }
                ps.execute();
                Head head;
                try (ResultSet rs = ps.getResultSet()) {
                    head = rs.next() ? head(rs, 0) : null;
                }
                List<Entry> rows = new ArrayList<>();
                try (ResultSet rs = next(ps)) {
                    while (rs.next()) {
                        rows.add(entry(rs, 0));
                    }
                }
                Map<SqlRead<?>, List<?>> more = new IdentityHashMap<>();
                for (SqlRead<?> read : also) {
                    List<Object> found = new ArrayList<>();
                    try (ResultSet rs = next(ps)) {
                        while (rs.next()) {
                            found.add(read.rows().mapRow(rs, found.size()));
                        }
                    }
                    more.put(read, found);
                }
                return head == null ? null : new Locked(head, Entries.of(rows), more);
            });
            if (locked != null) {
                return locked;
            }
        }
        Head head = lock(countyId, schoolId);
        Entries entries = session(offeringId, onDate, kinds);
        Map<SqlRead<?>, List<?>> more = new IdentityHashMap<>();
        for (SqlRead<?> read : also) {
            more.put(read, read.run(jdbc));
        }
        return new Locked(head, entries, more);
    }

    private static ResultSet next(PreparedStatement ps) throws SQLException {
        if (!ps.getMoreResults()) {
            throw new IllegalStateException("a read sent after the chain head gave no rows");
        }
        return ps.getResultSet();
    }

    private static String[] kindNames(Set<SessionKind> kinds) {
        return kinds.stream().map(SessionKind::name).sorted().toArray(String[]::new);
    }

    /** A save's hold on its school's chain: the head, the session's entries and the other reads, read under it. */
    record Locked(Head head, Entries entries, Map<SqlRead<?>, List<?>> also) {

        /** The rows of one of the other reads. */
        @SuppressWarnings("unchecked")
        <T> List<T> rows(SqlRead<T> read) {
            List<?> rows = also.get(read);
            if (rows == null) {
                throw new IllegalArgumentException("not read with the hold");
            }
            return (List<T>) rows;
        }
    }

    /** Entries of a session by kind, then by child, each child's oldest first. */
    record Entries(Map<SessionKind, Map<UUID, List<Entry>>> byKind) {

        static Entries of(List<Entry> rows) {
            Map<SessionKind, Map<UUID, List<Entry>>> byKind = new EnumMap<>(SessionKind.class);
            for (Entry e : rows) {
                byKind.computeIfAbsent(e.kind(), k -> new LinkedHashMap<>())
                        .computeIfAbsent(e.studentId(), k -> new ArrayList<>())
                        .add(e);
            }
            return new Entries(byKind);
        }

        /** The entries of one kind by child; empty when there are none. */
        Map<UUID, List<Entry>> of(SessionKind kind) {
            return byKind.getOrDefault(kind, Map.of());
        }
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

    /**
     * The save's entries in one statement ({@link #APPEND}), which also moves the head to the last of them, and the
     * save's audit entry, if any, sent with it in the same round trip (ADR 0023).
     */
    private void insert(
            List<Entry> batch, UUID schoolId, long lastNo, String lastHash, AuditTrail.@Nullable Statement audit) {
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
        List<@Nullable Object> params = new ArrayList<>(
                List.of(first.countyId(), first.schoolId(), first.kind().name(), first.offeringId(), first.onDate()));
        params.add(new SqlParameterValue(Types.VARCHAR, first.reason()));
        params.addAll(List.of(
                first.recordedAt(),
                first.recordedBy(),
                first.recordedByName(),
                ids,
                chainNos,
                students,
                classes,
                grades,
                entryNos,
                marks,
                previous,
                hashes,
                lastNo,
                lastHash,
                schoolId));
        String sql = APPEND;
        if (audit != null) {
            sql += ";\n" + audit.sql();
            params.addAll(audit.params());
        }
        Integer updated = template.execute(sql, (PreparedStatement ps) -> {
            for (int i = 0; i < params.size(); i++) {
                Object value = params.get(i);
                if (value instanceof SqlParameterValue typed) {
                    StatementCreatorUtils.setParameterValue(ps, i + 1, typed, typed.getValue());
                } else if (value == null) {
                    // of no stated type: the server takes the column's, with no round trip to ask for it
                    ps.setNull(i + 1, Types.NULL);
                } else {
                    StatementCreatorUtils.setParameterValue(ps, i + 1, SqlTypeValue.TYPE_UNKNOWN, value);
                }
            }
            ps.execute();
            int count = ps.getUpdateCount();
            if (audit != null && (ps.getMoreResults() || ps.getUpdateCount() != 1)) {
                throw new IllegalStateException("the audit entry of a save was not written");
            }
            return count;
        });
        if (updated == null || updated != 1) {
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

    private static final MessageDigest SHA_256;

    static {
        try {
            SHA_256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return (MessageDigest) SHA_256.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }
}
