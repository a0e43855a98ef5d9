package org.kehou.enrollment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.kehou.catalog.CatalogManagement;
import org.kehou.enrollment.CareDatesRule.TermDays;
import org.kehou.enrollment.NoOverlapRule.OpenSpan;
import org.kehou.organization.OrganizationQueries;
import org.kehou.organization.OrganizationQueries.SchoolSummary;
import org.kehou.organization.OrganizationQueries.StaffRow;
import org.kehou.organization.OrganizationQueries.StudentRow;
import org.kehou.platform.AuditTrail;
import org.kehou.platform.AuditTrail.AuditEntry;
import org.kehou.platform.Ids;
import org.kehou.platform.NotFoundException;
import org.kehou.platform.Notifications;
import org.kehou.platform.Notifications.NewNotification;
import org.kehou.platform.Page;
import org.kehou.platform.PageQuery;
import org.kehou.platform.RecordRows;
import org.kehou.platform.Role;
import org.kehou.platform.RuleViolation;
import org.kehou.platform.UserScope;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Early-arrival (提前到校看护, SCOPE-1) and extended-care (延时托管, SCOPE-2) requests. Only a guardian files one, for
 * their own child (ENROL-1); the child's school decides it once: it accepts an early arrival by assigning one of its
 * staff and may not decline one stating a special need, and it approves extended care by placing the child in a care
 * group (集中看管). Every decision is kept in the request's history, notifies the guardian and is audited. An id
 * outside the caller's scope is answered as not found; a command a rule refuses changes nothing.
 */
@Service
@Transactional
public class CareRequests {

    static final String TOPIC = "care.decided";
    static final String GUARDIAN_PAGE = "/guardian/care";
    static final Set<DayOfWeek> EVERY_DAY = EnumSet.allOf(DayOfWeek.class);
    static final Map<String, String> DECIDED_SORT =
            Map.of("decided", "c.decided_at", "name", "c.student_name", "firstDay", "c.first_day", "kind", "c.kind");

    /** Both kinds of request in one shape, for lists. */
    private static final String REQUESTS = """
            (select r.id, 'EARLY_ARRIVAL' as kind, r.county_id, r.school_id, r.student_id, r.student_name,
               r.grade_level, r.class_name, r.first_day, r.last_day, r.arrival_time, cast(null as time) as pickup_by,
               r.reason, r.special_need, r.status, r.care_staff_id, r.care_staff_name,
               cast(null as uuid) as care_group_id, cast(null as varchar(50)) as care_group_name,
               cast(null as varchar(50)) as care_group_room, r.decline_reason, r.submitted_at, r.decided_at
             from enrollment.early_arrival_request r
             union all
             select x.id, 'EXTENDED_CARE' as kind, x.county_id, x.school_id, x.student_id, x.student_name,
               x.grade_level, x.class_name, x.first_day, x.last_day, cast(null as time) as arrival_time, x.pickup_by,
               x.reason, false as special_need, x.status, g.supervisor_id as care_staff_id,
               g.supervisor_name as care_staff_name, x.care_group_id, g.name as care_group_name,
               g.room as care_group_room, x.decline_reason, x.submitted_at, x.decided_at
             from enrollment.extended_care_request x
             left join enrollment.care_group g on g.id = x.care_group_id) c
            """;

    private final EarlyArrivalRequestRepository earlyArrivals;
    private final ExtendedCareRequestRepository extendedCare;
    private final CareGroupRepository groups;
    private final CareHistory history;
    private final OrganizationQueries organization;
    private final CatalogManagement catalog;
    private final AuditTrail audit;
    private final Notifications notifications;
    private final JdbcClient jdbc;
    private final Clock clock;

    CareRequests(
            EarlyArrivalRequestRepository earlyArrivals,
            ExtendedCareRequestRepository extendedCare,
            CareGroupRepository groups,
            CareHistory history,
            OrganizationQueries organization,
            CatalogManagement catalog,
            AuditTrail audit,
            Notifications notifications,
            JdbcClient jdbc,
            Clock clock) {
        this.earlyArrivals = earlyArrivals;
        this.extendedCare = extendedCare;
        this.groups = groups;
        this.history = history;
        this.organization = organization;
        this.catalog = catalog;
        this.audit = audit;
        this.notifications = notifications;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A guardian asks for early arrival of their own child on the school days from the first to the last day. */
    public UUID requestEarlyArrival(UserScope scope, NewEarlyArrival command) {
        StudentRow child = ownChild(scope, command.studentId());
        checkDates(scope, child, command.firstDay(), command.lastDay());
        NoOverlapRule.check(command.firstDay(), command.lastDay(), EVERY_DAY, openEarlyArrivals(child.id()))
                .enforce();
        EarlyArrivalRequest request = EarlyArrivalRequest.submit(
                Ids.next(),
                careChild(child),
                guardianOf(scope),
                command.firstDay(),
                command.lastDay(),
                command.arrivalTime(),
                command.reason(),
                command.specialNeed(),
                now());
        earlyArrivals.save(request);
        history.record(
                CareKind.EARLY_ARRIVAL,
                request.id(),
                request.countyId(),
                request.schoolId(),
                scope,
                CareAction.SUBMITTED,
                null);
        audit.record(new AuditEntry(
                "care.earlyArrival.submitted",
                "earlyArrivalRequest",
                request.id(),
                request.countyId(),
                request.schoolId(),
                null,
                state(request)));
        return request.id();
    }

    /** A guardian asks for extended care of their own child on some weekdays, to be picked up by a latest time. */
    public UUID requestExtendedCare(UserScope scope, NewExtendedCare command) {
        StudentRow child = ownChild(scope, command.studentId());
        TermDays term = checkDates(scope, child, command.firstDay(), command.lastDay());
        CareWeekdaysRule.check(command.weekdays(), command.firstDay(), command.lastDay(), term.schoolDay())
                .enforce();
        NoOverlapRule.check(command.firstDay(), command.lastDay(), command.weekdays(), openExtendedCare(child.id()))
                .enforce();
        ExtendedCareRequest request = ExtendedCareRequest.submit(
                Ids.next(),
                careChild(child),
                guardianOf(scope),
                command.firstDay(),
                command.lastDay(),
                command.weekdays(),
                command.pickupBy(),
                command.reason(),
                now());
        extendedCare.save(request);
        history.record(
                CareKind.EXTENDED_CARE,
                request.id(),
                request.countyId(),
                request.schoolId(),
                scope,
                CareAction.SUBMITTED,
                null);
        audit.record(new AuditEntry(
                "care.extendedCare.submitted",
                "extendedCareRequest",
                request.id(),
                request.countyId(),
                request.schoolId(),
                null,
                state(request)));
        return request.id();
    }

    /** The school accepts an early arrival and names the member of its staff who looks after the child. */
    public void acceptEarlyArrival(UserScope scope, UUID requestId, UUID careStaffId) {
        EarlyArrivalRequest request = managedEarlyArrival(scope, requestId);
        StaffRow staff = ownStaff(scope, request.schoolId(), careStaffId);
        Map<String, Object> before = state(request);
        request.accept(staff.id(), staff.name(), now());
        save(request);
        decided(scope, request, before, CareAction.ACCEPTED, staff.name());
        notifyGuardian(
                request.guardianId(),
                request.countyId(),
                request.schoolId(),
                "care.notify.earlyAccepted",
                request.studentName(),
                request.firstDay().toString(),
                request.lastDay().toString(),
                request.arrivalTime().toString(),
                staff.name());
    }

    /** The school declines an early arrival with a reason; never one stating a special need (SCOPE-1). */
    public void declineEarlyArrival(UserScope scope, UUID requestId, @Nullable String reason) {
        EarlyArrivalRequest request = managedEarlyArrival(scope, requestId);
        Map<String, Object> before = state(request);
        request.decline(reason, now());
        save(request);
        decided(scope, request, before, CareAction.DECLINED, request.declineReason());
        notifyGuardian(
                request.guardianId(),
                request.countyId(),
                request.schoolId(),
                "care.notify.earlyDeclined",
                request.studentName(),
                request.firstDay().toString(),
                request.lastDay().toString(),
                String.valueOf(request.declineReason()));
    }

    /** The school hands an accepted early arrival to another member of its staff. */
    public void assignCareStaff(UserScope scope, UUID requestId, UUID careStaffId) {
        EarlyArrivalRequest request = managedEarlyArrival(scope, requestId);
        StaffRow staff = ownStaff(scope, request.schoolId(), careStaffId);
        Map<String, Object> before = state(request);
        request.assignStaff(staff.id(), staff.name());
        save(request);
        decided(scope, request, before, CareAction.STAFF_ASSIGNED, staff.name());
        notifyGuardian(
                request.guardianId(),
                request.countyId(),
                request.schoolId(),
                "care.notify.staffAssigned",
                request.studentName(),
                staff.name());
    }

    /** The school forms a care group for extended care: name, supervising staff and room or venue (SCOPE-2). */
    public UUID formCareGroup(UserScope scope, UUID schoolId, NewCareGroup command) {
        SchoolSummary school = managedSchool(scope, schoolId);
        StaffRow supervisor = ownStaff(scope, schoolId, command.supervisorId());
        String room = command.room() == null ? "" : command.room();
        if (command.venueId() != null) {
            room = catalog.venues(scope, schoolId).stream()
                    .filter(v -> v.id().equals(command.venueId()))
                    .findFirst()
                    .orElseThrow(() -> new RuleViolation("care.group.venueUnknown"))
                    .name();
        }
        CareGroup group = CareGroup.form(
                Ids.next(),
                school.countyId(),
                schoolId,
                command.name(),
                supervisor.id(),
                supervisor.name(),
                room,
                command.venueId(),
                now());
        try {
            groups.save(group);
        } catch (DuplicateKeyException e) {
            throw new RuleViolation("care.group.nameTaken");
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("name", group.name());
        after.put("supervisorId", group.supervisorId());
        after.put("room", group.room());
        after.put("venueId", group.venueId());
        audit.record(new AuditEntry(
                "care.group.formed", "careGroup", group.id(), group.countyId(), group.schoolId(), null, after));
        return group.id();
    }

    /** The school approves extended care by placing the child in one of its care groups. */
    public void approveExtendedCare(UserScope scope, UUID requestId, UUID groupId) {
        ExtendedCareRequest request = managedExtendedCare(scope, requestId);
        CareGroup group = groupOf(request.schoolId(), groupId);
        Map<String, Object> before = state(request);
        request.approve(group.id(), now());
        save(request);
        decided(scope, request, before, CareAction.ACCEPTED, group.name());
        notifyGuardian(
                request.guardianId(),
                request.countyId(),
                request.schoolId(),
                "care.notify.extendedAccepted",
                request.studentName(),
                request.firstDay().toString(),
                request.lastDay().toString(),
                group.name(),
                group.room(),
                group.supervisorName());
    }

    /** The school declines extended care with a reason. */
    public void declineExtendedCare(UserScope scope, UUID requestId, @Nullable String reason) {
        ExtendedCareRequest request = managedExtendedCare(scope, requestId);
        Map<String, Object> before = state(request);
        request.decline(reason, now());
        save(request);
        decided(scope, request, before, CareAction.DECLINED, request.declineReason());
        notifyGuardian(
                request.guardianId(),
                request.countyId(),
                request.schoolId(),
                "care.notify.extendedDeclined",
                request.studentName(),
                request.firstDay().toString(),
                request.lastDay().toString(),
                String.valueOf(request.declineReason()));
    }

    /** The school moves an approved child to another of its care groups. */
    public void regroupExtendedCare(UserScope scope, UUID requestId, UUID groupId) {
        ExtendedCareRequest request = managedExtendedCare(scope, requestId);
        CareGroup group = groupOf(request.schoolId(), groupId);
        Map<String, Object> before = state(request);
        request.regroup(group.id());
        save(request);
        decided(scope, request, before, CareAction.GROUPED, group.name());
        notifyGuardian(
                request.guardianId(),
                request.countyId(),
                request.schoolId(),
                "care.notify.regrouped",
                request.studentName(),
                group.name(),
                group.room(),
                group.supervisorName());
    }

    /** The requests for a guardian's own children, newest first, with their histories. */
    @Transactional(readOnly = true)
    public List<CareRequestSummary> familyRequests(UserScope scope) {
        if (scope.guardianId() == null) {
            return List.of();
        }
        List<UUID> children =
                organization.children(scope).stream().map(StudentRow::id).toList();
        if (children.isEmpty()) {
            return List.of();
        }
        return withDetails(jdbc.sql("select c.* from " + REQUESTS
                        + " where c.student_id in (:children) order by c.submitted_at desc, c.id")
                .param("children", children)
                .query(CareRequests::summary)
                .list());
    }

    /** A school's requests waiting for a decision, oldest first. */
    @Transactional(readOnly = true)
    public List<CareRequestSummary> pendingRequests(UserScope scope, UUID schoolId) {
        SchoolSummary school = organization.school(scope, schoolId);
        return withDetails(jdbc.sql("select c.* from " + REQUESTS
                        + " where c.school_id = :school and c.status = 'PENDING' order by c.submitted_at, c.id")
                .param("school", school.id())
                .query(CareRequests::summary)
                .list());
    }

    /** A school's decided requests, latest decision first unless sorted otherwise, searchable by child's name. */
    @Transactional(readOnly = true)
    public Page<CareRequestSummary> decidedRequests(UserScope scope, UUID schoolId, PageQuery query) {
        SchoolSummary school = organization.school(scope, schoolId);
        String filter = " where c.school_id = :school and c.status <> 'PENDING' and c.student_name like :q escape '\\'";
        long total = jdbc.sql("select count(*) from " + REQUESTS + filter)
                .param("school", school.id())
                .param("q", query.likePattern())
                .query(Long.class)
                .single();
        String order = query.sort().isEmpty() ? "c.decided_at desc" : query.orderBy(DECIDED_SORT, "decided");
        List<CareRequestSummary> items = jdbc.sql("select c.* from " + REQUESTS + filter + " order by " + order
                        + ", c.id limit :limit offset :offset")
                .param("school", school.id())
                .param("q", query.likePattern())
                .param("limit", query.size())
                .param("offset", query.offset())
                .query(CareRequests::summary)
                .list();
        return new Page<>(withDetails(items), query.page(), query.size(), total);
    }

    /** One request with its history, for readers of its school. */
    @Transactional(readOnly = true)
    public CareRequestSummary request(UserScope scope, CareKind kind, UUID requestId) {
        CareRequestSummary found = jdbc.sql("select c.* from " + REQUESTS + " where c.id = :id and c.kind = :kind")
                .param("id", requestId)
                .param("kind", kind.name())
                .query(CareRequests::summary)
                .optional()
                .filter(r -> scope.canReadSchool(r.countyId(), r.schoolId()))
                .orElseThrow(() -> new NotFoundException("care request"));
        return withDetails(List.of(found)).getFirst();
    }

    /** A school's care groups with how many children each looks after from today on. */
    @Transactional(readOnly = true)
    public List<CareGroupSummary> careGroups(UserScope scope, UUID schoolId) {
        SchoolSummary school = organization.school(scope, schoolId);
        return jdbc.sql("""
                        select g.id, g.name, g.supervisor_id, g.supervisor_name, g.room, g.venue_id,
                          (select count(*) from enrollment.extended_care_request x
                           where x.care_group_id = g.id and x.status = 'ACCEPTED' and x.last_day >= :today) as children
                        from enrollment.care_group g where g.school_id = :school order by g.name, g.id""")
                .param("school", school.id())
                .param("today", today())
                .query(RecordRows.of(CareGroupSummary.class))
                .list();
    }

    /**
     * The children expected early at a school on a day (SCOPE-1): accepted requests with their care staff, and
     * requests still waiting for a decision, by arrival time.
     */
    @Transactional(readOnly = true)
    public ArrivalList expectedArrivals(UserScope scope, UUID schoolId, LocalDate day) {
        SchoolSummary school = organization.school(scope, schoolId);
        boolean schoolDay = isSchoolDay(scope, school.id(), day);
        List<CareRequestSummary> children = schoolDay
                ? jdbc.sql("select c.* from " + REQUESTS + """
                                 where c.school_id = :school and c.kind = 'EARLY_ARRIVAL'
                                   and c.status in ('PENDING', 'ACCEPTED') and c.first_day <= :day and c.last_day >= :day
                                 order by c.arrival_time, c.grade_level, c.class_name, c.student_name, c.id""")
                        .param("school", school.id())
                        .param("day", day)
                        .query(CareRequests::summary)
                        .list()
                : List.of();
        return new ArrivalList(day, schoolDay, children);
    }

    /**
     * The extended-care roster of a school on a day (SCOPE-2): each care group with its children and their latest
     * pickup times, and the children whose requests still wait for a decision.
     */
    @Transactional(readOnly = true)
    public CareRoster extendedCareRoster(UserScope scope, UUID schoolId, LocalDate day) {
        SchoolSummary school = organization.school(scope, schoolId);
        boolean schoolDay = isSchoolDay(scope, school.id(), day);
        if (!schoolDay) {
            return new CareRoster(day, false, List.of(), List.of());
        }
        List<CareRequestSummary> children = withDetails(jdbc.sql("select c.* from " + REQUESTS + """
                         where c.school_id = :school and c.kind = 'EXTENDED_CARE'
                           and c.status in ('PENDING', 'ACCEPTED') and c.first_day <= :day and c.last_day >= :day
                           and exists (select 1 from enrollment.extended_care_weekday w
                                       where w.request_id = c.id and w.weekday = :weekday)
                         order by c.care_group_name, c.grade_level, c.class_name, c.student_name, c.id""")
                .param("school", school.id())
                .param("day", day)
                .param("weekday", day.getDayOfWeek().name())
                .query(CareRequests::summary)
                .list());
        Map<UUID, CareGroupSummary> known = careGroups(scope, school.id()).stream()
                .collect(Collectors.toMap(CareGroupSummary::id, Function.identity()));
        Map<UUID, List<CareRequestSummary>> byGroup = new LinkedHashMap<>();
        List<CareRequestSummary> waiting = new ArrayList<>();
        for (CareRequestSummary child : children) {
            if (child.status() == CareStatus.ACCEPTED && child.careGroupId() != null) {
                byGroup.computeIfAbsent(child.careGroupId(), g -> new ArrayList<>())
                        .add(child);
            } else {
                waiting.add(child);
            }
        }
        List<RosterGroup> rosterGroups = byGroup.entrySet().stream()
                .map(e -> new RosterGroup(known.get(e.getKey()), e.getValue()))
                .toList();
        return new CareRoster(day, true, rosterGroups, waiting);
    }

    private boolean isSchoolDay(UserScope scope, UUID schoolId, LocalDate day) {
        return organization.terms(scope, schoolId).stream().anyMatch(t -> t.isSchoolDay(day));
    }

    private StudentRow ownChild(UserScope scope, UUID studentId) {
        if (!scope.has(Role.GUARDIAN) || scope.guardianId() == null) {
            throw new NotFoundException("student");
        }
        return organization.children(scope).stream()
                .filter(c -> c.id().equals(studentId))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("student"));
    }

    private static UUID guardianOf(UserScope scope) {
        UUID guardian = scope.guardianId();
        if (guardian == null) {
            throw new NotFoundException("guardian");
        }
        return guardian;
    }

    private static CareChild careChild(StudentRow child) {
        return new CareChild(
                child.countyId(), child.schoolId(), child.id(), child.name(), child.gradeLevel(), child.className());
    }

    private TermDays checkDates(UserScope scope, StudentRow child, LocalDate first, LocalDate last) {
        List<TermDays> terms = organization.termsOfStudent(scope, child.id()).stream()
                .map(TermDays::of)
                .toList();
        CareDatesRule.check(first, last, today(), terms).enforce();
        return CareDatesRule.termContaining(first, last, terms).orElseThrow();
    }

    private List<OpenSpan> openEarlyArrivals(UUID studentId) {
        return jdbc.sql("""
                        select first_day, last_day from enrollment.early_arrival_request
                        where student_id = :student and status in ('PENDING', 'ACCEPTED')""")
                .param("student", studentId)
                .query((rs, n) -> new OpenSpan(
                        rs.getObject("first_day", LocalDate.class),
                        rs.getObject("last_day", LocalDate.class),
                        EVERY_DAY))
                .list();
    }

    private List<OpenSpan> openExtendedCare(UUID studentId) {
        Map<UUID, LocalDate[]> spans = new LinkedHashMap<>();
        Map<UUID, Set<DayOfWeek>> days = new LinkedHashMap<>();
        jdbc.sql("""
                        select x.id, x.first_day, x.last_day, w.weekday from enrollment.extended_care_request x
                        join enrollment.extended_care_weekday w on w.request_id = x.id
                        where x.student_id = :student and x.status in ('PENDING', 'ACCEPTED')""")
                .param("student", studentId)
                .query((rs, n) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    spans.putIfAbsent(id, new LocalDate[] {
                        rs.getObject("first_day", LocalDate.class), rs.getObject("last_day", LocalDate.class)
                    });
                    days.computeIfAbsent(id, k -> EnumSet.noneOf(DayOfWeek.class))
                            .add(DayOfWeek.valueOf(rs.getString("weekday")));
                    return n;
                })
                .list();
        return spans.entrySet().stream()
                .map(e -> new OpenSpan(e.getValue()[0], e.getValue()[1], days.get(e.getKey())))
                .toList();
    }

    private SchoolSummary managedSchool(UserScope scope, UUID schoolId) {
        if (!scope.canManageSchool(schoolId)) {
            throw new NotFoundException("school");
        }
        return organization.school(scope, schoolId);
    }

    private EarlyArrivalRequest managedEarlyArrival(UserScope scope, UUID requestId) {
        return earlyArrivals
                .findById(requestId)
                .filter(r -> scope.canManageSchool(r.schoolId()))
                .orElseThrow(() -> new NotFoundException("early-arrival request"));
    }

    private ExtendedCareRequest managedExtendedCare(UserScope scope, UUID requestId) {
        return extendedCare
                .findById(requestId)
                .filter(r -> scope.canManageSchool(r.schoolId()))
                .orElseThrow(() -> new NotFoundException("extended-care request"));
    }

    private StaffRow ownStaff(UserScope scope, UUID schoolId, UUID staffId) {
        List<StaffRow> staff = organization.staff(scope, schoolId);
        OwnStaffRule.check(staffId, staff.stream().map(StaffRow::id).toList()).enforce();
        return staff.stream().filter(s -> s.id().equals(staffId)).findFirst().orElseThrow();
    }

    private CareGroup groupOf(UUID schoolId, UUID groupId) {
        return groups.findById(groupId)
                .filter(g -> g.schoolId().equals(schoolId))
                .orElseThrow(() -> new RuleViolation("care.group.unknown"));
    }

    private void save(EarlyArrivalRequest request) {
        try {
            earlyArrivals.save(request);
        } catch (OptimisticLockingFailureException e) {
            throw new RuleViolation("care.alreadyDecided");
        }
    }

    private void save(ExtendedCareRequest request) {
        try {
            extendedCare.save(request);
        } catch (OptimisticLockingFailureException e) {
            throw new RuleViolation("care.alreadyDecided");
        }
    }

    private void decided(
            UserScope scope,
            EarlyArrivalRequest request,
            Map<String, Object> before,
            CareAction action,
            @Nullable String detail) {
        history.record(
                CareKind.EARLY_ARRIVAL, request.id(), request.countyId(), request.schoolId(), scope, action, detail);
        audit.record(new AuditEntry(
                "care.earlyArrival." + action.name().toLowerCase(java.util.Locale.ROOT),
                "earlyArrivalRequest",
                request.id(),
                request.countyId(),
                request.schoolId(),
                before,
                state(request)));
    }

    private void decided(
            UserScope scope,
            ExtendedCareRequest request,
            Map<String, Object> before,
            CareAction action,
            @Nullable String detail) {
        history.record(
                CareKind.EXTENDED_CARE, request.id(), request.countyId(), request.schoolId(), scope, action, detail);
        audit.record(new AuditEntry(
                "care.extendedCare." + action.name().toLowerCase(java.util.Locale.ROOT),
                "extendedCareRequest",
                request.id(),
                request.countyId(),
                request.schoolId(),
                before,
                state(request)));
    }

    private void notifyGuardian(UUID guardianId, UUID countyId, UUID schoolId, String messageKey, String... arguments) {
        notifications.sendToGuardian(
                guardianId,
                new NewNotification(null, countyId, schoolId, TOPIC, messageKey, List.of(arguments), GUARDIAN_PAGE));
    }

    /** What the audit trail keeps of a request: its facts and decision, not the guardian's words. */
    private static Map<String, Object> state(EarlyArrivalRequest request) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("studentId", request.studentId());
        state.put("firstDay", request.firstDay());
        state.put("lastDay", request.lastDay());
        state.put("arrivalTime", request.arrivalTime());
        state.put("specialNeed", request.specialNeed());
        state.put("status", request.status());
        state.put("careStaffId", request.careStaffId());
        return state;
    }

    private static Map<String, Object> state(ExtendedCareRequest request) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("studentId", request.studentId());
        state.put("firstDay", request.firstDay());
        state.put("lastDay", request.lastDay());
        state.put("weekdays", request.weekdays());
        state.put("pickupBy", request.pickupBy());
        state.put("status", request.status());
        state.put("careGroupId", request.careGroupId());
        return state;
    }

    private List<CareRequestSummary> withDetails(List<CareRequestSummary> requests) {
        if (requests.isEmpty()) {
            return requests;
        }
        List<UUID> ids = requests.stream().map(CareRequestSummary::id).toList();
        Map<UUID, List<HistoryEntry>> entries = history.of(ids);
        List<UUID> extended = requests.stream()
                .filter(r -> r.kind() == CareKind.EXTENDED_CARE)
                .map(CareRequestSummary::id)
                .toList();
        Map<UUID, Set<DayOfWeek>> weekdays = new LinkedHashMap<>();
        if (!extended.isEmpty()) {
            jdbc.sql("select request_id, weekday from enrollment.extended_care_weekday where request_id in (:ids)")
                    .param("ids", extended)
                    .query((rs, n) -> weekdays.computeIfAbsent(
                                    rs.getObject("request_id", UUID.class), k -> EnumSet.noneOf(DayOfWeek.class))
                            .add(DayOfWeek.valueOf(rs.getString("weekday"))))
                    .list();
        }
        return requests.stream()
                .map(r -> r.with(
                        List.copyOf(weekdays.getOrDefault(r.id(), Set.of())), entries.getOrDefault(r.id(), List.of())))
                .toList();
    }

    private static CareRequestSummary summary(ResultSet rs, int row) throws SQLException {
        return new CareRequestSummary(
                rs.getObject("id", UUID.class),
                CareKind.valueOf(rs.getString("kind").strip()),
                rs.getObject("county_id", UUID.class),
                rs.getObject("school_id", UUID.class),
                rs.getObject("student_id", UUID.class),
                rs.getString("student_name"),
                rs.getInt("grade_level"),
                rs.getString("class_name"),
                rs.getObject("first_day", LocalDate.class),
                rs.getObject("last_day", LocalDate.class),
                rs.getObject("arrival_time", LocalTime.class),
                rs.getObject("pickup_by", LocalTime.class),
                List.of(),
                rs.getString("reason"),
                rs.getBoolean("special_need"),
                CareStatus.valueOf(rs.getString("status")),
                rs.getObject("care_staff_id", UUID.class),
                rs.getString("care_staff_name"),
                rs.getObject("care_group_id", UUID.class),
                rs.getString("care_group_name"),
                rs.getString("care_group_room"),
                rs.getString("decline_reason"),
                rs.getObject("submitted_at", LocalDateTime.class),
                rs.getObject("decided_at", LocalDateTime.class),
                List.of());
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }

    /**
     * An early arrival a guardian asks for.
     *
     * @param arrivalTime when the child arrives, before the school's morning start
     * @param specialNeed whether the reason is a special need of the guardian (such as shift work); such a request
     *     cannot be declined
     */
    public record NewEarlyArrival(
            UUID studentId,
            LocalDate firstDay,
            LocalDate lastDay,
            LocalTime arrivalTime,
            String reason,
            boolean specialNeed) {}

    /**
     * Extended care a guardian asks for.
     *
     * @param weekdays some of Monday to Friday
     * @param pickupBy the latest time the child is picked up
     */
    public record NewExtendedCare(
            UUID studentId,
            LocalDate firstDay,
            LocalDate lastDay,
            Set<DayOfWeek> weekdays,
            LocalTime pickupBy,
            String reason) {

        public NewExtendedCare {
            weekdays = weekdays.isEmpty() ? Set.of() : EnumSet.copyOf(weekdays);
        }
    }

    /**
     * A care group to form.
     *
     * @param room the room it meets in, named freely; ignored when a venue is given
     * @param venueId one of the school's venues, or null
     */
    public record NewCareGroup(
            String name,
            UUID supervisorId,
            @Nullable String room,
            @Nullable UUID venueId) {}

    /**
     * A request of either kind as lists show it.
     *
     * @param arrivalTime the arrival time of an early arrival, else null
     * @param pickupBy the latest pickup time of extended care, else null
     * @param weekdays the weekdays of extended care, else empty
     * @param careStaffId the care staff of an early arrival, or the supervisor of the group of extended care
     * @param history what happened to it, oldest first
     */
    public record CareRequestSummary(
            UUID id,
            CareKind kind,
            UUID countyId,
            UUID schoolId,
            UUID studentId,
            String studentName,
            int gradeLevel,
            String className,
            LocalDate firstDay,
            LocalDate lastDay,
            @Nullable LocalTime arrivalTime,
            @Nullable LocalTime pickupBy,
            List<DayOfWeek> weekdays,
            String reason,
            boolean specialNeed,
            CareStatus status,
            @Nullable UUID careStaffId,
            @Nullable String careStaffName,
            @Nullable UUID careGroupId,
            @Nullable String careGroupName,
            @Nullable String careGroupRoom,
            @Nullable String declineReason,
            LocalDateTime submittedAt,
            @Nullable LocalDateTime decidedAt,
            List<HistoryEntry> history) {

        public CareRequestSummary {
            weekdays = weekdays.stream().sorted().toList();
            history = List.copyOf(history);
        }

        CareRequestSummary with(Collection<DayOfWeek> days, List<HistoryEntry> entries) {
            return new CareRequestSummary(
                    id,
                    kind,
                    countyId,
                    schoolId,
                    studentId,
                    studentName,
                    gradeLevel,
                    className,
                    firstDay,
                    lastDay,
                    arrivalTime,
                    pickupBy,
                    List.copyOf(days),
                    reason,
                    specialNeed,
                    status,
                    careStaffId,
                    careStaffName,
                    careGroupId,
                    careGroupName,
                    careGroupRoom,
                    declineReason,
                    submittedAt,
                    decidedAt,
                    entries);
        }

        /** Whether the school may still decide it. */
        public boolean pending() {
            return status == CareStatus.PENDING;
        }
    }

    /** One entry of a request's history: when, who, what, and the staff, group or reason it named. */
    public record HistoryEntry(
            LocalDateTime occurredAt,
            String actorName,
            CareAction action,
            @Nullable String detail) {}

    /** A care group of a school and how many children it looks after from today on. */
    public record CareGroupSummary(
            UUID id,
            String name,
            UUID supervisorId,
            String supervisorName,
            String room,
            @Nullable UUID venueId,
            long children) {}

    /** The children expected early on a day; empty when the day is not a school day. */
    public record ArrivalList(LocalDate day, boolean schoolDay, List<CareRequestSummary> children) {}

    /** The extended-care roster of a day; empty when the day is not a school day. */
    public record CareRoster(
            LocalDate day, boolean schoolDay, List<RosterGroup> groups, List<CareRequestSummary> waiting) {}

    /** A care group and its children on a day. */
    public record RosterGroup(CareGroupSummary group, List<CareRequestSummary> children) {}
}
