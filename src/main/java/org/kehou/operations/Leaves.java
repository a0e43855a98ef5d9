package org.kehou.operations;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kehou.catalog.Slot;
import org.kehou.organization.OrganizationQueries;
import org.kehou.organization.OrganizationQueries.StudentDetails;
import org.kehou.organization.OrganizationQueries.StudentRow;
import org.kehou.platform.AuditTrail;
import org.kehou.platform.AuditTrail.AuditEntry;
import org.kehou.platform.Ids;
import org.kehou.platform.NotFoundException;
import org.kehou.platform.Role;
import org.kehou.platform.RuleViolation;
import org.kehou.platform.SqlRead;
import org.kehou.platform.UserScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Leave a guardian reports beforehand for their own child (OPS-1): a day to come, the whole day or one slot, and
 * why. The school's admin sees the day's leave; the roll call of the child's sessions that day starts with the child
 * on excused leave. Each report is audited.
 */
@Service
@Transactional
public class Leaves {

    static final int REASON_MAX = 200;

    private static final String SELECT = """
            select n.id, n.student_id, n.class_id, n.on_date, n.slot, n.reason, n.reported_at
            from operations.leave_notice n""";

    private final OrganizationQueries organization;
    private final AuditTrail audit;
    private final JdbcClient jdbc;
    private final Clock clock;

    Leaves(OrganizationQueries organization, AuditTrail audit, JdbcClient jdbc, Clock clock) {
        this.organization = organization;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A guardian reports leave for their own child. */
    public UUID report(UserScope scope, UUID studentId, NewLeave command) {
        StudentRow child = ownChild(scope, studentId);
        String reason = command.reason() == null ? "" : command.reason().strip();
        LeaveDateRule.check(command.day(), LocalDate.now(clock)).enforce();
        if (reason.isEmpty()) {
            throw new RuleViolation("leave.reason.required");
        }
        if (reason.length() > REASON_MAX) {
            throw new RuleViolation("leave.reason.tooLong", REASON_MAX);
        }
        UUID id = Ids.next();
        jdbc.sql("""
                        insert into operations.leave_notice (id, county_id, school_id, student_id, class_id, on_date, slot,
                          reason, guardian_id, account_id, reported_at)
                        values (:id, :county, :school, :student, :class, :day, :slot, :reason, :guardian, :account, :at)""")
                .param("id", id)
                .param("county", child.countyId())
                .param("school", child.schoolId())
                .param("student", child.id())
                .param("class", child.classId())
                .param("day", command.day())
                .param("slot", command.slot() == null ? null : command.slot().name())
                .param("reason", reason)
                .param("guardian", scope.guardianId())
                .param("account", scope.accountId())
                .param("at", LocalDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS))
                .update();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("studentId", child.id());
        after.put("onDate", command.day());
        after.put("slot", command.slot());
        audit.record(
                new AuditEntry("leave.reported", "leaveNotice", id, child.countyId(), child.schoolId(), null, after));
        return id;
    }

    /** The leave reported for the caller's own child, latest day first. */
    @Transactional(readOnly = true)
    public List<LeaveLine> ofChild(UserScope scope, UUID studentId) {
        ownChild(scope, studentId);
        return jdbc.sql(SELECT + " where n.student_id = :s order by n.on_date desc, n.reported_at desc limit 50")
                .param("s", studentId)
                .query(Leaves::line)
                .list();
    }

    /** The leave reported for the children of the admin's school on a day, by class and name. */
    @Transactional(readOnly = true)
    public List<SchoolLeaveLine> ofSchool(UserScope scope, UUID schoolId, LocalDate day) {
        if (!scope.canManageSchool(schoolId)) {
            throw new NotFoundException("school");
        }
        List<LeaveLine> found = jdbc.sql(SELECT + " where n.school_id = :school and n.on_date = :day")
                .param("school", schoolId)
                .param("day", day)
                .query(Leaves::line)
                .list();
        Map<UUID, StudentRow> children = new LinkedHashMap<>();
        organization
                .studentsAmong(
                        scope,
                        schoolId,
                        found.stream().map(LeaveLine::studentId).toList())
                .forEach(s -> children.put(s.id(), s));
        return found.stream()
                .filter(l -> children.containsKey(l.studentId()))
                .map(l -> new SchoolLeaveLine(children.get(l.studentId()), l))
                .sorted(java.util.Comparator.comparing(
                                (SchoolLeaveLine l) -> l.child().gradeLevel())
                        .thenComparing(l -> l.child().className())
                        .thenComparing(l -> l.child().name()))
                .toList();
    }

    /** The leave in force for these children of a school on a day for a slot: the whole day's or that slot's. */
    Map<UUID, LeaveLine> onDay(UUID schoolId, LocalDate day, Slot slot, Collection<UUID> students) {
        if (students.isEmpty()) {
            return new LinkedHashMap<>();
        }
        return byStudent(onDayRead(schoolId, day, slot, students).run(jdbc));
    }

    /**
     * The read of {@link #onDay}, for a roll call's save to send in the same round trip as its hold on the chain
     * (OPS-1, a county's afternoon roll call): the leave reported on the day, for the slot or the whole day, for the
     * children {@code students} reads, one column of ids another module owns (ADR 0025).
     */
    static SqlRead<LeaveLine> onDayRead(UUID schoolId, LocalDate day, Slot slot, SqlRead<UUID> students) {
        List<Object> params = new ArrayList<>(List.of(schoolId, day, slot.name()));
        params.addAll(students.params());
        return new SqlRead<>(
                SELECT + ON_DAY + " and n.student_id in (" + students.sql() + ")" + BY_REPORT, params, Leaves::line);
    }

    private static SqlRead<LeaveLine> onDayRead(UUID schoolId, LocalDate day, Slot slot, Collection<UUID> students) {
        return new SqlRead<>(
                SELECT + ON_DAY + " and n.student_id = any(?)" + BY_REPORT,
                List.of(schoolId, day, slot.name(), students.toArray(UUID[]::new)),
                Leaves::line);
    }

    private static final String ON_DAY = " where n.school_id = ? and n.on_date = ? and (n.slot is null or n.slot = ?)";
    private static final String BY_REPORT = " order by n.reported_at";

    /** Leave lines by child; where a child has several, the one reported last. */
    static Map<UUID, LeaveLine> byStudent(List<LeaveLine> lines) {
        Map<UUID, LeaveLine> byStudent = new LinkedHashMap<>();
        lines.forEach(l -> byStudent.put(l.studentId(), l));
        return byStudent;
    }

    private StudentRow ownChild(UserScope scope, UUID studentId) {
        UUID guardian = scope.guardianId();
        if (!scope.has(Role.GUARDIAN) || guardian == null) {
            throw new NotFoundException("student");
        }
        StudentDetails details = organization.student(scope, studentId);
        if (details.guardians().stream().noneMatch(g -> g.guardianId().equals(guardian))) {
            throw new NotFoundException("student");
        }
        return details.student();
    }

    private static LeaveLine line(ResultSet rs, int row) throws SQLException {
        String slot = rs.getString("slot");
        return new LeaveLine(
                rs.getObject("id", UUID.class),
                rs.getObject("student_id", UUID.class),
                rs.getObject("on_date", LocalDate.class),
                slot == null ? null : Slot.valueOf(slot),
                rs.getString("reason"),
                rs.getObject("reported_at", LocalDateTime.class));
    }

    /**
     * Leave to report.
     *
     * @param slot the one slot the child misses, or null for the whole day
     */
    public record NewLeave(
            LocalDate day, @Nullable Slot slot, @Nullable String reason) {}

    /** A leave report: for which day, which slot (null: the whole day), why and when it was reported. */
    public record LeaveLine(
            UUID id,
            UUID studentId,
            LocalDate day,
            @Nullable Slot slot,
            String reason,
            LocalDateTime reportedAt) {}

    /** A leave report with its child, as the school sees it. */
    public record SchoolLeaveLine(StudentRow child, LeaveLine leave) {}
}
