package org.kehou.operations;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.kehou.enrollment.CareRequests;
import org.kehou.enrollment.CareRequests.CareRequestSummary;
import org.kehou.enrollment.CareStatus;
import org.kehou.organization.OrganizationQueries;
import org.kehou.organization.OrganizationQueries.StudentRow;
import org.kehou.platform.AuditTrail;
import org.kehou.platform.AuditTrail.AuditEntry;
import org.kehou.platform.Ids;
import org.kehou.platform.NotFoundException;
import org.kehou.platform.PageQuery;
import org.kehou.platform.Role;
import org.kehou.platform.RuleViolation;
import org.kehou.platform.UserScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The early-arrival check-in (SCOPE-1, ADR 0016). The care staff the school assigned to the day's early arrivals see
 * those children with their expected time and take each one in with one tap: the time (from the clock) and the member
 * of staff are recorded. A child of the school who is not on the list may be taken in too, with the reason. The
 * record is only ever added to: a child is checked in once a day, and a mistake is corrected by a further entry that
 * says why (taken in again now, or not here after all). The school admin sees every early arrival of the school and
 * may take children in as well. Anyone else, and any child of another school, is answered as not found.
 */
@Service
@Transactional
public class EarlyArrivals {

    private static final String ENTRIES = """
            select id, student_id, on_date, entry_no, expected, present, checked_in_at, staff_account_id, staff_name, corrects_id,
              reason
            from operations.early_arrival_check_in""";

    private final CareRequests care;
    private final PickupSchedule schedule;
    private final OrganizationQueries organization;
    private final AuditTrail audit;
    private final JdbcClient jdbc;
    private final Clock clock;

    EarlyArrivals(
            CareRequests care,
            PickupSchedule schedule,
            OrganizationQueries organization,
            AuditTrail audit,
            JdbcClient jdbc,
            Clock clock) {
        this.care = care;
        this.schedule = schedule;
        this.organization = organization;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * The caller's early arrivals of a day: the children expected (their accepted requests; for the school admin all
     * of the school's), each with their check-in entries, then the children taken in who were not expected.
     */
    @Transactional(readOnly = true)
    public ArrivalDay day(UserScope scope, LocalDate day) {
        UUID school = schoolOf(scope);
        List<CareRequestSummary> expected = expected(scope, school, day, false);
        boolean schoolDay = schedule.isSchoolDay(school, day);
        Map<UUID, List<CheckInLine>> entries = entriesOn(school, day);
        Set<UUID> listed = expected.stream().map(CareRequestSummary::studentId).collect(Collectors.toSet());
        List<Arrival> arrivals = new ArrayList<>();
        for (CareRequestSummary request : expected) {
            arrivals.add(new Arrival(
                    request.studentId(),
                    request.studentName(),
                    request.gradeLevel(),
                    request.className(),
                    request.arrivalTime(),
                    request.careStaffName(),
                    entries.getOrDefault(request.studentId(), List.of())));
        }
        List<UUID> others = entries.keySet().stream()
                .filter(id -> !listed.contains(id))
                .filter(id -> scope.has(Role.SCHOOL_ADMIN)
                        || entries.get(id).stream().anyMatch(e -> !e.expected() && mine(scope, e)))
                .toList();
        List<Arrival> unlisted = organization.studentsAmong(PickupSchedule.reader(school), school, others).stream()
                .map(s -> new Arrival(s.id(), s.name(), s.gradeLevel(), s.className(), null, null, entries.get(s.id())))
                .toList();
        return new ArrivalDay(day, schoolDay, arrivals, unlisted);
    }

    /**
     * Children of the caller's school whose name contains the text, for taking in a child who is not on the list; at
     * most ten, and none for a text shorter than one character.
     */
    @Transactional(readOnly = true)
    public List<StudentRow> findChildren(UserScope scope, LocalDate day, String text) {
        UUID school = schoolOf(scope);
        expected(scope, school, day, true);
        String search = text == null ? "" : text.strip();
        if (search.isEmpty()) {
            return List.of();
        }
        return organization
                .students(PickupSchedule.reader(school), school, null, new PageQuery(0, 10, "name", false, search))
                .items();
    }

    /**
     * Checks a child in now, recording the time and the member of staff. A child not on the caller's list needs the
     * reason; a child already in is refused; a correction names the latest entry and says why.
     */
    public CheckInLine checkIn(UserScope scope, CheckIn command) {
        UUID school = schoolOf(scope);
        CheckInDayRule.check(command.onDate(), today(), schedule.isSchoolDay(school, command.onDate()))
                .enforce();
        List<CareRequestSummary> expected = expected(scope, school, command.onDate(), true);
        StudentRow child = organization
                .student(PickupSchedule.reader(school), command.studentId())
                .student();
        if (!child.schoolId().equals(school)) {
            throw new NotFoundException("student");
        }
        boolean listed = expected.stream().anyMatch(r -> r.studentId().equals(child.id()));
        List<CheckInLine> entries = entriesOn(school, command.onDate()).getOrDefault(child.id(), List.of());
        CheckInLine latest = entries.isEmpty() ? null : entries.getLast();
        boolean present = command.present();
        CheckedInOnceRule.check(latest, command.corrects(), child.name())
                .and(() -> CheckInReasonRule.check(!listed || latest != null, command.reason()))
                .enforce();
        if (latest == null && !present) {
            throw new RuleViolation("checkin.correction.nothing", child.name());
        }
        String reason = command.reason() == null || command.reason().isBlank()
                ? null
                : command.reason().strip();
        UUID id = Ids.next();
        LocalDateTime now = now();
        int entryNo = latest == null ? 1 : latest.entryNo() + 1;
        UUID corrects = latest == null ? null : latest.id();
        int inserted = jdbc.sql("""
                        insert into operations.early_arrival_check_in (id, county_id, school_id, student_id, on_date,
                          entry_no, expected, present, checked_in_at, staff_account_id, staff_id, staff_name,
                          corrects_id, reason)
                        values (:id, :county, :school, :student, :day, :entry, :expected, :present, :at, :account,
                          :staff, :staffName, :corrects, :reason)
                        on conflict do nothing""")
                .param("id", id)
                .param("county", child.countyId())
                .param("school", school)
                .param("student", child.id())
                .param("day", command.onDate())
                .param("entry", entryNo)
                .param("expected", listed)
                .param("present", present)
                .param("at", now)
                .param("account", scope.accountId())
                .param("staff", scope.staffId())
                .param("staffName", scope.displayName())
                .param("corrects", corrects)
                .param("reason", reason)
                .update();
        if (inserted == 0) {
            throw new RuleViolation("checkin.meanwhile", child.name());
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("studentId", child.id());
        after.put("onDate", command.onDate());
        after.put("entryNo", entryNo);
        after.put("expected", listed);
        after.put("present", present);
        audit.record(new AuditEntry(
                corrects == null ? "earlyArrival.checkedIn" : "earlyArrival.corrected",
                "earlyArrivalCheckIn",
                id,
                child.countyId(),
                school,
                null,
                after));
        return new CheckInLine(
                id,
                child.id(),
                command.onDate(),
                entryNo,
                listed,
                present,
                now,
                scope.accountId(),
                scope.displayName(),
                corrects,
                reason);
    }

    /** The school of a teacher or school admin; anyone else has no early arrivals. */
    private static UUID schoolOf(UserScope scope) {
        UUID school = scope.schoolId();
        if (school == null || !(scope.has(Role.SCHOOL_ADMIN) || (scope.has(Role.TEACHER) && scope.staffId() != null))) {
            throw new NotFoundException("early arrivals");
        }
        return school;
    }

    /**
     * The accepted early arrivals of the day the caller looks after: all of the school's for its admin, the ones the
     * teacher is care staff of otherwise. A teacher who looks after none that day sees an empty list and, when
     * {@code toCheckIn}, may check no one in.
     */
    private List<CareRequestSummary> expected(UserScope scope, UUID school, LocalDate day, boolean toCheckIn) {
        List<CareRequestSummary> accepted =
                care.expectedArrivals(PickupSchedule.reader(school), school, day).children().stream()
                        .filter(c -> c.status() == CareStatus.ACCEPTED)
                        .toList();
        if (scope.has(Role.SCHOOL_ADMIN)) {
            return accepted;
        }
        List<CareRequestSummary> mine = accepted.stream()
                .filter(c -> scope.staffId().equals(c.careStaffId()))
                .toList();
        if (mine.isEmpty() && toCheckIn) {
            throw new NotFoundException("early arrivals");
        }
        return mine;
    }

    private static boolean mine(UserScope scope, CheckInLine entry) {
        return scope.accountId().equals(entry.staffAccountId());
    }

    private Map<UUID, List<CheckInLine>> entriesOn(UUID school, LocalDate day) {
        Map<UUID, List<CheckInLine>> byStudent = new LinkedHashMap<>();
        jdbc.sql(ENTRIES + " where school_id = :school and on_date = :day order by student_id, entry_no")
                .param("school", school)
                .param("day", day)
                .query(EarlyArrivals::entry)
                .list()
                .forEach(e -> byStudent
                        .computeIfAbsent(e.studentId(), k -> new ArrayList<>())
                        .add(e));
        return byStudent;
    }

    private static CheckInLine entry(ResultSet rs, int row) throws SQLException {
        return new CheckInLine(
                rs.getObject("id", UUID.class),
                rs.getObject("student_id", UUID.class),
                rs.getObject("on_date", LocalDate.class),
                rs.getInt("entry_no"),
                rs.getBoolean("expected"),
                rs.getBoolean("present"),
                rs.getObject("checked_in_at", LocalDateTime.class),
                rs.getObject("staff_account_id", UUID.class),
                rs.getString("staff_name"),
                rs.getObject("corrects_id", UUID.class),
                rs.getString("reason"));
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }

    /**
     * A check-in to record.
     *
     * @param present false for a correction saying the child is not here after all
     * @param corrects the latest entry of the child's day that this one corrects, or null
     * @param reason why a child not on the list is taken in, or why the correction is made
     */
    public record CheckIn(
            UUID studentId,
            LocalDate onDate,
            boolean present,
            @Nullable UUID corrects,
            @Nullable String reason) {}

    /**
     * One entry of the check-in record.
     *
     * @param entryNo 1 for the day's check-in, 2 and up for corrections
     * @param expected whether the child was on the list of the member of staff who took them in
     * @param present whether the child is in according to this entry
     */
    public record CheckInLine(
            UUID id,
            UUID studentId,
            LocalDate onDate,
            int entryNo,
            boolean expected,
            boolean present,
            LocalDateTime checkedInAt,
            UUID staffAccountId,
            String staffName,
            @Nullable UUID corrects,
            @Nullable String reason) {}

    /**
     * A child of the day's early arrivals.
     *
     * @param arrivalTime when they are expected, null for a child not on the list
     * @param entries the day's check-in entries, oldest first; the last one holds
     */
    public record Arrival(
            UUID studentId,
            String name,
            int gradeLevel,
            String className,
            @Nullable LocalTime arrivalTime,
            @Nullable String careStaffName,
            List<CheckInLine> entries) {

        public boolean in() {
            return !entries.isEmpty() && entries.getLast().present();
        }

        public @Nullable CheckInLine latest() {
            return entries.isEmpty() ? null : entries.getLast();
        }
    }

    /**
     * The early arrivals of a day.
     *
     * @param expected the children on the list, by expected time
     * @param unlisted the children taken in who were not on it
     */
    public record ArrivalDay(LocalDate day, boolean schoolDay, List<Arrival> expected, List<Arrival> unlisted) {

        public long in() {
            return expected.stream().filter(Arrival::in).count();
        }

        public List<Arrival> waiting() {
            return expected.stream().filter(a -> !a.in()).toList();
        }
    }
}
