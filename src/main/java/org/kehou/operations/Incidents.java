package org.kehou.operations;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.kehou.organization.OrganizationQueries;
import org.kehou.organization.OrganizationQueries.ClassSummary;
import org.kehou.organization.OrganizationQueries.StudentRow;
import org.kehou.platform.AuditTrail;
import org.kehou.platform.AuditTrail.AuditEntry;
import org.kehou.platform.Ids;
import org.kehou.platform.NotFoundException;
import org.kehou.platform.Notifications;
import org.kehou.platform.Notifications.NewNotification;
import org.kehou.platform.Page;
import org.kehou.platform.PageQuery;
import org.kehou.platform.Role;
import org.kehou.platform.UserScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Incidents during the after-school service (OPS-4): a school admin reports one about any of the school's children,
 * a teacher about the children of their own classes; the guardians of every child involved are told at once, in the
 * report's transaction, what happened and what the school did. Reports name children, so each is audited.
 */
@Service
@Transactional
public class Incidents {

    static final String TOPIC = "incident.reported";
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final IncidentRepository incidents;
    private final OrganizationQueries organization;
    private final Notifications notifications;
    private final AuditTrail audit;
    private final JdbcClient jdbc;
    private final Clock clock;

    Incidents(
            IncidentRepository incidents,
            OrganizationQueries organization,
            Notifications notifications,
            AuditTrail audit,
            JdbcClient jdbc,
            Clock clock) {
        this.incidents = incidents;
        this.organization = organization;
        this.notifications = notifications;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Reports an incident and tells the guardians of the children involved; returns its id. */
    public UUID report(UserScope scope, NewIncident command) {
        UUID school = ownSchool(scope);
        LocalDateTime now = LocalDateTime.now(clock);
        Map<UUID, StudentRow> served = new LinkedHashMap<>();
        children(scope).forEach(s -> served.put(s.id(), s));
        IncidentChildrenRule.check(command.children(), served.keySet())
                .and(() -> RecordedTimeRule.check("incident", command.occurredAt(), now))
                .enforce();
        List<IncidentChild> involved = command.children().stream()
                .map(served::get)
                .map(s -> new IncidentChild(s.countyId(), s.schoolId(), s.id(), s.name(), s.classId()))
                .toList();
        StudentRow first = served.get(involved.getFirst().studentId());
        Incident incident = Incident.report(
                Ids.next(),
                first.countyId(),
                school,
                command.kind(),
                command.occurredAt(),
                command.place(),
                command.description(),
                command.actions(),
                involved,
                scope.accountId(),
                scope.displayName(),
                now);
        incidents.save(incident);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("kind", incident.kind());
        after.put("occurredAt", incident.occurredAt());
        after.put("children", involved.stream().map(IncidentChild::studentId).toList());
        audit.record(new AuditEntry(
                "incident.reported", "incident", incident.id(), incident.countyId(), school, null, after));
        for (IncidentChild child : incident.children()) {
            for (var guardian : organization.student(scope, child.studentId()).guardians()) {
                notifications.sendToGuardian(
                        guardian.guardianId(),
                        new NewNotification(
                                null,
                                incident.countyId(),
                                school,
                                TOPIC,
                                "incident.notify." + incident.kind().name(),
                                List.of(
                                        child.studentName(),
                                        TIME.format(incident.occurredAt()),
                                        command.place().isBlank()
                                                ? "-"
                                                : command.place().strip(),
                                        incident.actions()),
                                null));
            }
        }
        return incident.id();
    }

    /** The children the caller may report about: the admin's whole school, or a teacher's own classes. */
    @Transactional(readOnly = true)
    public List<StudentRow> children(UserScope scope) {
        UUID school = ownSchool(scope);
        List<StudentRow> children = new ArrayList<>();
        if (scope.canManageSchool(school)) {
            int page = 0;
            Page<StudentRow> students;
            do {
                students = organization.students(
                        scope, school, null, new PageQuery(page++, PageQuery.MAX_SIZE, "class", false, ""));
                children.addAll(students.items());
            } while (students.hasNext());
            return children;
        }
        for (ClassSummary c : organization.classesTaughtBy(scope)) {
            children.addAll(organization
                    .studentsOfClass(scope, c.id(), new PageQuery(0, PageQuery.MAX_SIZE, "name", false, ""))
                    .items());
        }
        return children;
    }

    /**
     * Incidents the caller may read, latest first: all of the admin's school; for a teacher, those involving a child
     * of their classes or reported by them.
     */
    @Transactional(readOnly = true)
    public Page<IncidentLine> incidents(UserScope scope, PageQuery query) {
        UUID school = ownSchool(scope);
        boolean admin = scope.canManageSchool(school);
        List<UUID> classes = admin
                ? List.of(new UUID(0, 0))
                : organization.classesTaughtBy(scope).stream()
                        .map(ClassSummary::id)
                        .toList();
        String filter = admin
                ? " where i.school_id = :school"
                : " where i.school_id = :school and (i.reported_by = :me or exists (select 1 from"
                        + " operations.incident_child c where c.incident_id = i.id and c.class_id in (:classes)))";
        long total = jdbc.sql("select count(*) from operations.incident i" + filter)
                .param("school", school)
                .param("me", scope.accountId())
                .param("classes", classes.isEmpty() ? List.of(new UUID(0, 0)) : classes)
                .query(Long.class)
                .single();
        List<IncidentLine> lines = jdbc.sql(
                        """
                        select i.id, i.kind, i.occurred_at, i.place, i.description, i.actions, i.reported_by_name,
                          i.reported_at
                        from operations.incident i""" + filter + " order by i.occurred_at desc, i.id limit :limit offset :offset")
                .param("school", school)
                .param("me", scope.accountId())
                .param("classes", classes.isEmpty() ? List.of(new UUID(0, 0)) : classes)
                .param("limit", query.size())
                .param("offset", query.offset())
                .query((rs, n) -> new IncidentLine(
                        rs.getObject("id", UUID.class),
                        IncidentKind.valueOf(rs.getString("kind")),
                        rs.getObject("occurred_at", LocalDateTime.class),
                        rs.getString("place"),
                        rs.getString("description"),
                        rs.getString("actions"),
                        rs.getString("reported_by_name"),
                        rs.getObject("reported_at", LocalDateTime.class),
                        List.of()))
                .list();
        if (lines.isEmpty()) {
            return new Page<>(lines, query.page(), query.size(), total);
        }
        Map<UUID, List<String>> names = new LinkedHashMap<>();
        jdbc.sql("select incident_id, student_name from operations.incident_child where incident_id in (:ids)"
                        + " order by student_name")
                .param("ids", lines.stream().map(IncidentLine::id).toList())
                .query((rs, n) -> names.computeIfAbsent(rs.getObject("incident_id", UUID.class), k -> new ArrayList<>())
                        .add(rs.getString("student_name")))
                .list();
        return new Page<>(
                lines.stream()
                        .map(l -> l.with(names.getOrDefault(l.id(), List.of())))
                        .toList(),
                query.page(),
                query.size(),
                total);
    }

    private static UUID ownSchool(UserScope scope) {
        UUID school = scope.schoolId();
        if (school == null || !(scope.has(Role.SCHOOL_ADMIN) || scope.has(Role.TEACHER))) {
            throw new NotFoundException("school");
        }
        return school;
    }

    /**
     * An incident to report.
     *
     * @param place where it happened, or empty
     * @param actions what the staff did (first aid, called the guardians, took the child to hospital ...)
     */
    public record NewIncident(
            IncidentKind kind,
            LocalDateTime occurredAt,
            String place,
            String description,
            String actions,
            Set<UUID> children) {

        public NewIncident {
            children = Set.copyOf(children);
        }
    }

    /** An incident as the school sees it, with the names of the children involved. */
    public record IncidentLine(
            UUID id,
            IncidentKind kind,
            LocalDateTime occurredAt,
            String place,
            String description,
            String actions,
            String reportedByName,
            LocalDateTime reportedAt,
            List<String> children) {

        public IncidentLine {
            children = List.copyOf(children);
        }

        IncidentLine with(List<String> names) {
            return new IncidentLine(
                    id, kind, occurredAt, place, description, actions, reportedByName, reportedAt, names);
        }
    }
}
