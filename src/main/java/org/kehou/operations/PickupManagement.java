package org.kehou.operations;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.kehou.enrollment.CareRequests;
import org.kehou.organization.OrganizationQueries;
import org.kehou.organization.OrganizationQueries.ClassSummary;
import org.kehou.organization.OrganizationQueries.GuardianOfStudent;
import org.kehou.organization.OrganizationQueries.StudentDetails;
import org.kehou.organization.OrganizationQueries.StudentRow;
import org.kehou.platform.AuditTrail;
import org.kehou.platform.AuditTrail.AuditEntry;
import org.kehou.platform.Ids;
import org.kehou.platform.Masking;
import org.kehou.platform.MobileNumber;
import org.kehou.platform.NotFoundException;
import org.kehou.platform.Page;
import org.kehou.platform.PageQuery;
import org.kehou.platform.Photos;
import org.kehou.platform.Role;
import org.kehou.platform.RuleViolation;
import org.kehou.platform.UserScope;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The hand-over of children at the end of a service (OPS-2). A child's guardians keep who besides themselves may
 * collect the child, and whether the child may go home alone; the school's staff flag people the child must not be
 * given to; the head teacher of the child's class or the school admin releases the child (after extended care also
 * the supervising staff of the child's care group, SCOPE-2), and the platform refuses a
 * hand-over to anyone not authorised, anyone flagged, or alone without consent, keeping the refused attempt. Hand-overs
 * and refusals are only ever added, never changed. Every write of these people's data is audited; staff see mobile
 * numbers masked. An id outside the caller's scope is answered as not found.
 */
@Service
@Transactional
public class PickupManagement {

    /** Separates the arguments of a refusal's message in their column; it never occurs in text people type. */
    static final String SEPARATOR = "\u001f";

    private static final String RELEASES = """
            select id, school_id, student_id, on_date, service, entry_no, released_to, person_id, person_name,
              relation_key, released_at, staff_name, corrects_id, note, service_ends_at
            from operations.pickup_release""";

    private static final String FLAGS = """
            select id, student_id, name, id_hint, reason, flagged_by_name, flagged_at, lifted_by_name, lifted_at,
              lift_reason
            from operations.pickup_flag""";

    private final PickupArrangementRepository arrangements;
    private final PickupFlagRepository flags;
    private final PickupSchedule schedule;
    private final CareRequests care;
    private final OrganizationQueries organization;
    private final Photos photos;
    private final AuditTrail audit;
    private final JdbcClient jdbc;
    private final Clock clock;

    PickupManagement(
            PickupArrangementRepository arrangements,
            PickupFlagRepository flags,
            PickupSchedule schedule,
            CareRequests care,
            OrganizationQueries organization,
            Photos photos,
            AuditTrail audit,
            JdbcClient jdbc,
            Clock clock) {
        this.arrangements = arrangements;
        this.flags = flags;
        this.schedule = schedule;
        this.care = care;
        this.organization = organization;
        this.photos = photos;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * A guardian's view of their own child's hand-over: the child's guardians (always authorised), the people they
     * authorised, the standing consent to go home alone and the latest hand-overs. Flags are never part of it.
     */
    @Transactional(readOnly = true)
    public FamilyPickup family(UserScope scope, UUID studentId) {
        StudentDetails details = ownChild(scope, studentId);
        PickupArrangement arrangement = arrangements.findByStudentId(studentId).orElse(null);
        List<PersonLine> persons = arrangement == null
                ? List.of()
                : arrangement.persons().stream()
                        .map(p -> new PersonLine(
                                p.personId(),
                                p.name(),
                                p.relation(),
                                p.mobile(),
                                p.addedBy().equals(scope.guardianId()) ? p.photoId() : null,
                                p.photoId() != null,
                                p.addedAt()))
                        .toList();
        return new FamilyPickup(
                details.student(),
                details.guardians(),
                persons,
                arrangement != null && arrangement.aloneConsent(),
                arrangement == null ? null : arrangement.consentChangedAt(),
                recentReleases(studentId, 10));
    }

    /** A guardian authorises a person to collect their own child, with an optional photo (JPEG, PNG or WebP). */
    public UUID authorise(UserScope scope, UUID studentId, NewPickupPerson command) {
        StudentRow child = ownChild(scope, studentId).student();
        PickupArrangement arrangement = arrangementOf(child);
        UUID photo = command.photo() == null
                ? null
                : photos.store(scope, child.countyId(), child.schoolId(), command.photo());
        AuthorisedPerson person = arrangement.authorise(
                Ids.next(),
                command.name().strip(),
                command.relation(),
                command.mobile(),
                photo,
                guardianOf(scope),
                now());
        save(arrangement);
        audit.record(new AuditEntry(
                "pickup.person.authorised",
                "pickupPerson",
                person.personId(),
                child.countyId(),
                child.schoolId(),
                null,
                state(child, person)));
        return person.personId();
    }

    /** A guardian takes a person off their own child's list. */
    public void removePerson(UserScope scope, UUID studentId, UUID personId) {
        StudentRow child = ownChild(scope, studentId).student();
        PickupArrangement arrangement =
                arrangements.findByStudentId(studentId).orElseThrow(() -> new NotFoundException("pickup person"));
        AuthorisedPerson person =
                arrangement.remove(personId).orElseThrow(() -> new NotFoundException("pickup person"));
        save(arrangement);
        audit.record(new AuditEntry(
                "pickup.person.removed",
                "pickupPerson",
                person.personId(),
                child.countyId(),
                child.schoolId(),
                state(child, person),
                null));
    }

    /** A guardian gives or withdraws the standing consent for their own child to go home alone. */
    public void consentToGoingAlone(UserScope scope, UUID studentId, boolean consent) {
        StudentRow child = ownChild(scope, studentId).student();
        PickupArrangement arrangement = arrangementOf(child);
        boolean before = arrangement.aloneConsent();
        arrangement.consentToGoingAlone(consent, guardianOf(scope), now());
        save(arrangement);
        audit.record(new AuditEntry(
                consent ? "pickup.alone.consented" : "pickup.alone.withdrawn",
                "pickupArrangement",
                arrangement.id(),
                child.countyId(),
                child.schoolId(),
                Map.of("studentId", child.id(), "aloneConsent", before),
                Map.of("studentId", child.id(), "aloneConsent", consent)));
    }

    /** Staff of the child flag a person as not to be given the child. */
    public UUID flag(UserScope scope, UUID studentId, NewFlag command) {
        StudentRow child = staffChild(scope, studentId).student();
        PickupFlag flag = PickupFlag.raise(
                Ids.next(),
                child.countyId(),
                child.schoolId(),
                child.id(),
                command.name(),
                command.idHint(),
                command.reason(),
                scope.accountId(),
                scope.displayName(),
                now());
        flags.save(flag);
        audit.record(new AuditEntry(
                "pickup.flag.raised",
                "pickupFlag",
                flag.id(),
                flag.countyId(),
                flag.schoolId(),
                null,
                flagState(flag)));
        return flag.id();
    }

    /** Staff of the child lift a flag, saying why. */
    public void liftFlag(UserScope scope, UUID flagId, String reason) {
        PickupFlag flag = flags.findById(flagId).orElseThrow(() -> new NotFoundException("pickup flag"));
        staffChild(scope, flag.studentId());
        Map<String, Object> before = flagState(flag);
        flag.lift(reason, scope.accountId(), scope.displayName(), now());
        try {
            flags.save(flag);
        } catch (OptimisticLockingFailureException e) {
            throw new RuleViolation("pickup.flag.alreadyLifted");
        }
        audit.record(new AuditEntry(
                "pickup.flag.lifted",
                "pickupFlag",
                flag.id(),
                flag.countyId(),
                flag.schoolId(),
                before,
                flagState(flag)));
    }

    /** The classes whose children the caller hands over: a teacher's own, or every class of a school admin's school. */
    @Transactional(readOnly = true)
    public List<ClassSummary> classes(UserScope scope) {
        if (scope.has(Role.SCHOOL_ADMIN) && scope.schoolId() != null) {
            return organization.classes(scope, scope.schoolId());
        }
        return organization.classesTaughtBy(scope);
    }

    /**
     * The children of a class at the end of a service on a day (ADR 0009: every child of the class while the service
     * runs that day), each with whom they may be given to, the flags in force, and the day's hand-over entries.
     */
    @Transactional(readOnly = true)
    public DayList day(UserScope scope, UUID classId, LocalDate day, PickupService service) {
        ClassSummary schoolClass = staffClass(scope, classId);
        boolean runs = schedule.runs(schoolClass.schoolId(), day, service);
        LocalTime endsAt = schedule.endsAt(schoolClass.schoolId(), day, service).orElse(null);
        if (!runs) {
            return new DayList(day, service, false, endsAt, schoolClass, List.of());
        }
        List<StudentRow> students = organization
                .studentsOfClass(scope, classId, new PageQuery(0, PageQuery.MAX_SIZE, "name", false, ""))
                .items();
        List<UUID> ids = students.stream().map(StudentRow::id).toList();
        Map<UUID, PickupArrangement> byStudent = arrangementsOf(ids);
        Map<UUID, List<FlagLine>> activeFlags = flagsOf(ids, true);
        Map<UUID, List<ReleaseLine>> entries = releasesOn(schoolClass.schoolId(), day, ids);
        Set<UUID> absent = AbsentToday.among(jdbc, schoolClass.schoolId(), day, ids);
        List<ChildStatus> children = students.stream()
                .map(s -> {
                    StudentDetails details = organization.student(scope, s.id());
                    PickupArrangement arrangement = byStudent.get(s.id());
                    return new ChildStatus(
                            s.id(),
                            s.name(),
                            s.gradeLevel(),
                            s.className(),
                            choices(details.guardians(), arrangement),
                            arrangement != null && arrangement.aloneConsent(),
                            activeFlags.getOrDefault(s.id(), List.of()),
                            entries.getOrDefault(s.id(), List.of()),
                            absent.contains(s.id()));
                })
                .toList();
        return new DayList(day, service, true, endsAt, schoolClass, children);
    }

    /** One child at the end of a service on a day, as {@link #day} lists them. */
    @Transactional(readOnly = true)
    public ChildStatus status(UserScope scope, UUID studentId, LocalDate day) {
        return status(scope, studentId, day, null);
    }

    /**
     * One child at the end of a service on a day, also for the supervising staff of the child's care group when the
     * service is extended care (SCOPE-2).
     */
    @Transactional(readOnly = true)
    public ChildStatus status(UserScope scope, UUID studentId, LocalDate day, @Nullable PickupService service) {
        StudentDetails details = releasingChild(scope, studentId, day, service);
        StudentRow child = details.student();
        PickupArrangement arrangement = arrangements.findByStudentId(studentId).orElse(null);
        return new ChildStatus(
                child.id(),
                child.name(),
                child.gradeLevel(),
                child.className(),
                choices(details.guardians(), arrangement),
                arrangement != null && arrangement.aloneConsent(),
                flagsOf(List.of(studentId), true).getOrDefault(studentId, List.of()),
                releasesOn(child.schoolId(), day, List.of(studentId)).getOrDefault(studentId, List.of()),
                AbsentToday.among(jdbc, child.schoolId(), day, List.of(studentId))
                        .contains(studentId));
    }

    /**
     * The service the caller's school hands its children over after on a day unless another is asked for: the last
     * afternoon slot it offers (ADR 0009).
     */
    @Transactional(readOnly = true)
    public PickupService handOverService(UserScope scope, LocalDate day) {
        UUID school = scope.schoolId();
        return school == null ? PickupService.SLOT_2 : schedule.handOverService(school, day);
    }

    /** A flag, for the staff of its child. */
    @Transactional(readOnly = true)
    public FlagLine flagOf(UserScope scope, UUID flagId) {
        PickupFlag flag = flags.findById(flagId).orElseThrow(() -> new NotFoundException("pickup flag"));
        staffChild(scope, flag.studentId());
        return flagsOf(List.of(flag.studentId()), false).get(flag.studentId()).stream()
                .filter(f -> f.id().equals(flagId))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("pickup flag"));
    }

    /** How many children of each class of the admin's school have been handed over on the day. */
    @Transactional(readOnly = true)
    public List<ClassProgress> progress(UserScope scope, LocalDate day) {
        UUID school = scope.schoolId();
        if (!scope.has(Role.SCHOOL_ADMIN) || school == null) {
            throw new NotFoundException("school");
        }
        Map<UUID, Long> released = new LinkedHashMap<>();
        jdbc.sql("""
                        select class_id, count(distinct student_id) as released from operations.pickup_release
                        where school_id = :school and on_date = :day group by class_id""")
                .param("school", school)
                .param("day", day)
                .query((rs, n) -> released.put(rs.getObject("class_id", UUID.class), rs.getLong("released")))
                .list();
        return organization.classes(scope, school).stream()
                .map(c -> new ClassProgress(c, released.getOrDefault(c.id(), 0L)))
                .toList();
    }

    /** One child as their staff see it for the hand-over: the people, the flags (lifted ones too) and the history. */
    @Transactional(readOnly = true)
    public ChildPickup child(UserScope scope, UUID studentId) {
        StudentDetails details = staffChild(scope, studentId);
        PickupArrangement arrangement = arrangements.findByStudentId(studentId).orElse(null);
        return new ChildPickup(
                details.student(),
                choices(details.guardians(), arrangement),
                arrangement != null && arrangement.aloneConsent(),
                flagsOf(List.of(studentId), false).getOrDefault(studentId, List.of()),
                recentReleases(studentId, 20),
                jdbc.sql(REFUSALS + " where student_id = :s order by attempted_at desc, id desc limit 20")
                        .param("s", studentId)
                        .query(PickupManagement::refusal)
                        .list());
    }

    /**
     * Hands a child over at the end of a service, recording the person, the time and the member of staff. A
     * hand-over to someone not authorised, someone flagged, or alone without consent is refused with the reason and
     * the refused attempt is kept; a child already handed over that day needs a correction, which is a further entry.
     */
    @Transactional(noRollbackFor = RuleViolation.class)
    public ReleaseLine release(UserScope scope, Release command) {
        StudentDetails details = releasingChild(scope, command.studentId(), command.onDate(), command.service());
        StudentRow child = details.student();
        ReleaseDateRule.check(command.onDate(), today())
                .and(() -> ServiceDayRule.check(
                        command.service(), command.onDate(), schedule.isSchoolDay(child.schoolId(), command.onDate())))
                .enforce();
        List<ReleaseLine> entries = releasesOn(child.schoolId(), command.onDate(), List.of(child.id()))
                .getOrDefault(child.id(), List.of());
        ReleaseLine latest = entries.isEmpty() ? null : entries.getLast();
        ReleasedOnceRule.check(latest, command.corrects(), command.note(), child.name())
                .enforce();
        PickupArrangement arrangement = arrangements.findByStudentId(child.id()).orElse(null);
        Party party = party(command, details.guardians(), arrangement);
        List<NotFlaggedRule.Flag> inForce =
                flagsOf(List.of(child.id()), true).getOrDefault(child.id(), List.of()).stream()
                        .map(f -> new NotFlaggedRule.Flag(f.name(), f.reason()))
                        .toList();
        Verdict verdict = GoHomeAloneRule.check(
                        command.to(), arrangement != null && arrangement.aloneConsent(), child.name())
                .and(() ->
                        party == null ? Verdict.allowed() : NotFlaggedRule.check(party.name(), child.name(), inForce))
                .and(() -> AuthorisedPersonRule.check(
                        command.to(),
                        command.personId(),
                        party == null ? "" : party.name(),
                        child.name(),
                        details.guardians().stream()
                                .map(GuardianOfStudent::guardianId)
                                .toList(),
                        arrangement == null
                                ? List.of()
                                : arrangement.persons().stream()
                                        .map(AuthorisedPerson::personId)
                                        .toList()));
        if (!verdict.isAllowed()) {
            refuse(scope, child, command, party, verdict);
            verdict.enforce();
        }
        UUID id = Ids.next();
        LocalDateTime now = now();
        int entryNo = latest == null ? 1 : latest.entryNo() + 1;
        // kept with the entry, so that whether the child left early is what it was at the hand-over (OPS-2)
        LocalTime serviceEndsAt = schedule.endsAt(child.schoolId(), command.onDate(), command.service())
                .orElse(null);
        int inserted = jdbc.sql("""
                        insert into operations.pickup_release (id, county_id, school_id, student_id, class_id, on_date,
                          service, entry_no, released_to, person_id, person_name, relation_key, released_at,
                          staff_account_id, staff_id, staff_name, corrects_id, note, service_ends_at)
                        values (:id, :county, :school, :student, :class, :day, :service, :entry, :to, :person, :name,
                          :relation, :at, :account, :staff, :staffName, :corrects, :note, :endsAt)
                        on conflict do nothing""")
                .param("id", id)
                .param("county", child.countyId())
                .param("school", child.schoolId())
                .param("student", child.id())
                .param("class", child.classId())
                .param("day", command.onDate())
                .param("service", command.service().name())
                .param("entry", entryNo)
                .param("to", command.to().name())
                .param("person", party == null ? null : party.id())
                .param("name", party == null ? null : party.name())
                .param("relation", party == null ? null : party.relationKey())
                .param("at", now)
                .param("account", scope.accountId())
                .param("staff", scope.staffId())
                .param("staffName", scope.displayName())
                .param("corrects", command.corrects())
                .param("note", command.corrects() == null ? null : command.note())
                .param("endsAt", serviceEndsAt)
                .update();
        if (inserted == 0) {
            throw new RuleViolation("pickup.release.meanwhile", child.name());
        }
        ReleaseLine line = new ReleaseLine(
                id,
                child.id(),
                command.onDate(),
                command.service(),
                entryNo,
                command.to(),
                party == null ? null : party.id(),
                party == null ? null : party.name(),
                party == null ? null : party.relationKey(),
                now,
                scope.displayName(),
                command.corrects(),
                command.corrects() == null ? null : command.note(),
                serviceEndsAt);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("studentId", child.id());
        after.put("onDate", command.onDate());
        after.put("service", command.service());
        after.put("to", command.to());
        after.put("personId", line.personId());
        after.put("personName", line.personName() == null ? null : Masking.name(line.personName()));
        after.put("entryNo", entryNo);
        audit.record(new AuditEntry(
                command.corrects() == null ? "pickup.released" : "pickup.release.corrected",
                "pickupRelease",
                id,
                child.countyId(),
                child.schoolId(),
                null,
                after));
        return line;
    }

    /** The refused hand-overs of the admin's school, latest first. */
    @Transactional(readOnly = true)
    public Page<RefusalLine> refusals(UserScope scope, UUID schoolId, PageQuery query) {
        if (!scope.canManageSchool(schoolId)) {
            throw new NotFoundException("school");
        }
        long total = jdbc.sql("select count(*) from operations.pickup_refusal where school_id = :school")
                .param("school", schoolId)
                .query(Long.class)
                .single();
        List<RefusalLine> items = jdbc.sql(REFUSALS
                        + " where school_id = :school order by attempted_at desc, id desc limit :limit offset :offset")
                .param("school", schoolId)
                .param("limit", query.size())
                .param("offset", query.offset())
                .query(PickupManagement::refusal)
                .list();
        return new Page<>(items, query.page(), query.size(), total);
    }

    /** The hand-over entries of these children of a school on a day, in order, by child. */
    Map<UUID, List<ReleaseLine>> releasesOn(UUID schoolId, LocalDate day, Collection<UUID> students) {
        Map<UUID, List<ReleaseLine>> byStudent = new LinkedHashMap<>();
        if (students.isEmpty()) {
            return byStudent;
        }
        jdbc.sql(
                        RELEASES
                                + " where school_id = :school and on_date = :day and student_id in (:ids) order by student_id, entry_no")
                .param("school", schoolId)
                .param("day", day)
                .param("ids", List.copyOf(students))
                .query(releases())
                .list()
                .forEach(r -> byStudent
                        .computeIfAbsent(r.studentId(), k -> new ArrayList<>())
                        .add(r));
        return byStudent;
    }

    /** One hand-over entry, for the answer kept under an idempotency key of the API. */
    ReleaseLine releaseLine(UUID releaseId) {
        return jdbc.sql(RELEASES + " where id = :id")
                .param("id", releaseId)
                .query(releases())
                .single();
    }

    /** The children of a school handed over on a day. */
    Set<UUID> releasedOn(UUID schoolId, LocalDate day) {
        return Set.copyOf(jdbc.sql(
                        "select distinct student_id from operations.pickup_release where school_id = :school and on_date = :day")
                .param("school", schoolId)
                .param("day", day)
                .query(UUID.class)
                .list());
    }

    private static final String REFUSALS = """
            select id, student_id, student_name, on_date, service, asked_to, person_name, reason_key, reason_arguments,
              attempted_at, staff_name
            from operations.pickup_refusal""";

    private void refuse(UserScope scope, StudentRow child, Release command, @Nullable Party party, Verdict verdict) {
        UUID id = Ids.next();
        String key = java.util.Objects.requireNonNull(verdict.messageKey());
        String arguments = verdict.arguments().stream().map(String::valueOf).collect(Collectors.joining(SEPARATOR));
        jdbc.sql("""
                        insert into operations.pickup_refusal (id, county_id, school_id, student_id, student_name, on_date,
                          service, asked_to, person_id, person_name, reason_key, reason_arguments, attempted_at,
                          staff_account_id, staff_name)
                        values (:id, :county, :school, :student, :studentName, :day, :service, :to, :person, :name, :key,
                          :arguments, :at, :account, :staffName)""")
                .param("id", id)
                .param("county", child.countyId())
                .param("school", child.schoolId())
                .param("student", child.id())
                .param("studentName", child.name())
                .param("day", command.onDate())
                .param("service", command.service().name())
                .param("to", command.to().name())
                .param("person", party == null ? null : party.id())
                .param("name", party == null ? null : party.name())
                .param("key", key)
                .param("arguments", arguments)
                .param("at", now())
                .param("account", scope.accountId())
                .param("staffName", scope.displayName())
                .update();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("studentId", child.id());
        after.put("onDate", command.onDate());
        after.put("to", command.to());
        after.put("personName", party == null ? null : Masking.name(party.name()));
        after.put("reason", key);
        audit.record(new AuditEntry(
                "pickup.release.refused", "pickupRefusal", id, child.countyId(), child.schoolId(), null, after));
    }

    /** The person a command names, as the child's lists know them; null when the child goes alone. */
    private static @Nullable Party party(
            Release command, List<GuardianOfStudent> guardians, @Nullable PickupArrangement arrangement) {
        return switch (command.to()) {
            case ALONE -> null;
            case OTHER -> {
                String name =
                        command.otherName() == null ? "" : command.otherName().strip();
                if (name.isEmpty()) {
                    throw new RuleViolation("pickup.other.nameRequired");
                }
                yield new Party(null, name, null);
            }
            case GUARDIAN ->
                guardians.stream()
                        .filter(g -> g.guardianId().equals(command.personId()))
                        .findFirst()
                        .map(g ->
                                new Party(g.guardianId(), g.name(), g.relation().messageKey()))
                        .orElse(new Party(command.personId(), "", null));
            case PERSON ->
                (arrangement == null || command.personId() == null
                                ? java.util.Optional.<AuthorisedPerson>empty()
                                : arrangement.person(command.personId()))
                        .map(p -> new Party(p.personId(), p.name(), p.relation().messageKey()))
                        .orElse(new Party(command.personId(), "", null));
        };
    }

    private static List<Choice> choices(List<GuardianOfStudent> guardians, @Nullable PickupArrangement arrangement) {
        List<Choice> choices = new ArrayList<>();
        guardians.forEach(g -> choices.add(new Choice(
                ReleaseTo.GUARDIAN, g.guardianId(), g.name(), g.relation().messageKey(), masked(g.mobile()), null)));
        if (arrangement != null) {
            arrangement
                    .persons()
                    .forEach(p -> choices.add(new Choice(
                            ReleaseTo.PERSON,
                            p.personId(),
                            p.name(),
                            p.relation().messageKey(),
                            masked(p.mobile()),
                            p.photoId())));
        }
        return choices;
    }

    /** Staff see the last four digits; a number already masked stays as it is. */
    private static String masked(String mobile) {
        return mobile.contains("*") ? mobile : Masking.mobile(mobile);
    }

    private Map<UUID, PickupArrangement> arrangementsOf(List<UUID> students) {
        if (students.isEmpty()) {
            return Map.of();
        }
        return arrangements.findByStudentIdIn(students).stream()
                .collect(Collectors.toMap(PickupArrangement::studentId, a -> a));
    }

    private Map<UUID, List<FlagLine>> flagsOf(List<UUID> students, boolean inForceOnly) {
        Map<UUID, List<FlagLine>> byStudent = new LinkedHashMap<>();
        if (students.isEmpty()) {
            return byStudent;
        }
        jdbc.sql(FLAGS + " where student_id in (:ids)" + (inForceOnly ? " and lifted_at is null" : "")
                        + " order by flagged_at desc, id")
                .param("ids", students)
                .query((rs, n) -> new FlagLine(
                        rs.getObject("id", UUID.class),
                        rs.getObject("student_id", UUID.class),
                        rs.getString("name"),
                        rs.getString("id_hint"),
                        rs.getString("reason"),
                        rs.getString("flagged_by_name"),
                        rs.getObject("flagged_at", LocalDateTime.class),
                        rs.getString("lifted_by_name"),
                        rs.getObject("lifted_at", LocalDateTime.class),
                        rs.getString("lift_reason")))
                .list()
                .forEach(f -> byStudent
                        .computeIfAbsent(f.studentId(), k -> new ArrayList<>())
                        .add(f));
        return byStudent;
    }

    private List<ReleaseLine> recentReleases(UUID studentId, int limit) {
        return jdbc.sql(RELEASES + " where student_id = :s order by on_date desc, entry_no desc limit :limit")
                .param("s", studentId)
                .param("limit", limit)
                .query(releases())
                .list();
    }

    private PickupArrangement arrangementOf(StudentRow child) {
        return arrangements
                .findByStudentId(child.id())
                .orElseGet(() -> PickupArrangement.of(Ids.next(), child.countyId(), child.schoolId(), child.id()));
    }

    private void save(PickupArrangement arrangement) {
        try {
            arrangements.save(arrangement);
        } catch (OptimisticLockingFailureException e) {
            throw new RuleViolation("pickup.changedMeanwhile");
        }
    }

    /** The caller's own child, as one of the child's guardians sees them. */
    private StudentDetails ownChild(UserScope scope, UUID studentId) {
        UUID guardian = scope.guardianId();
        if (!scope.has(Role.GUARDIAN) || guardian == null) {
            throw new NotFoundException("student");
        }
        StudentDetails details = organization.student(scope, studentId);
        if (details.guardians().stream().noneMatch(g -> g.guardianId().equals(guardian))) {
            throw new NotFoundException("student");
        }
        return details;
    }

    /** A child the caller hands over: one of their school, for its admin, or of a class they head, for a teacher. */
    private StudentDetails staffChild(UserScope scope, UUID studentId) {
        StudentDetails details = organization.student(scope, studentId);
        StudentRow child = details.student();
        if (scope.canManageSchool(child.schoolId()) || headsClass(scope, child.classId())) {
            return details;
        }
        throw new NotFoundException("student");
    }

    /**
     * A child the caller may hand over at the end of a service on a day: a child they are staff of (see
     * {@link #staffChild}), or, after extended care, a child of a care group the caller supervises that day (SCOPE-2,
     * ADR 0016). Guardians' mobile numbers are masked for the supervisor, as for a head teacher.
     */
    private StudentDetails releasingChild(
            UserScope scope, UUID studentId, LocalDate day, @Nullable PickupService service) {
        if (service == PickupService.EXTENDED_CARE && supervisesCareOf(scope, studentId, day)) {
            return organization.student(
                    PickupSchedule.reader(java.util.Objects.requireNonNull(scope.schoolId())), studentId);
        }
        return staffChild(scope, studentId);
    }

    /** Whether the caller, a teacher, supervises the care group that looks after the child in extended care that day. */
    boolean supervisesCareOf(UserScope scope, UUID studentId, LocalDate day) {
        UUID staff = scope.staffId();
        UUID school = scope.schoolId();
        if (!scope.has(Role.TEACHER) || staff == null || school == null) {
            return false;
        }
        return care.extendedCareRoster(PickupSchedule.reader(school), school, day).groups().stream()
                .filter(g -> g.group().supervisorId().equals(staff))
                .flatMap(g -> g.children().stream())
                .anyMatch(c -> c.studentId().equals(studentId));
    }

    private ClassSummary staffClass(UserScope scope, UUID classId) {
        ClassSummary schoolClass = organization.schoolClass(scope, classId);
        if (scope.canManageSchool(schoolClass.schoolId()) || headsClass(scope, classId)) {
            return schoolClass;
        }
        throw new NotFoundException("class");
    }

    private boolean headsClass(UserScope scope, UUID classId) {
        return scope.has(Role.TEACHER)
                && organization.classesTaughtBy(scope).stream().anyMatch(c -> c.id().equals(classId));
    }

    private static UUID guardianOf(UserScope scope) {
        UUID guardian = scope.guardianId();
        if (guardian == null) {
            throw new NotFoundException("guardian");
        }
        return guardian;
    }

    /** What the audit trail keeps of an authorised person: who, for which child, the mobile number masked. */
    private static Map<String, Object> state(StudentRow child, AuthorisedPerson person) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("studentId", child.id());
        state.put("name", Masking.name(person.name()));
        state.put("relation", person.relation());
        state.put("mobile", Masking.mobile(person.mobile()));
        state.put("photoId", person.photoId());
        return state;
    }

    private static Map<String, Object> flagState(PickupFlag flag) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("studentId", flag.studentId());
        state.put("name", Masking.name(flag.name()));
        state.put("active", flag.active());
        state.put("liftReason", flag.liftReason());
        return state;
    }

    /**
     * Reads hand-over entries, each with the end of its service on its day as kept with it at the hand-over; for an
     * entry without one, from the school's timetable as it stands, read once per school, day and service of the query.
     */
    private RowMapper<ReleaseLine> releases() {
        Map<String, Optional<LocalTime>> ends = new HashMap<>();
        return (rs, row) -> {
            LocalTime kept = rs.getObject("service_ends_at", LocalTime.class);
            if (kept != null) {
                return release(rs, kept);
            }
            UUID school = rs.getObject("school_id", UUID.class);
            LocalDate day = rs.getObject("on_date", LocalDate.class);
            PickupService service = PickupService.valueOf(rs.getString("service"));
            LocalTime endsAt = ends.computeIfAbsent(
                            school + "/" + day + "/" + service, k -> schedule.endsAt(school, day, service))
                    .orElse(null);
            return release(rs, endsAt);
        };
    }

    private static ReleaseLine release(ResultSet rs, @Nullable LocalTime serviceEndsAt) throws SQLException {
        return new ReleaseLine(
                rs.getObject("id", UUID.class),
                rs.getObject("student_id", UUID.class),
                rs.getObject("on_date", LocalDate.class),
                PickupService.valueOf(rs.getString("service")),
                rs.getInt("entry_no"),
                ReleaseTo.valueOf(rs.getString("released_to")),
                rs.getObject("person_id", UUID.class),
                rs.getString("person_name"),
                rs.getString("relation_key"),
                rs.getObject("released_at", LocalDateTime.class),
                rs.getString("staff_name"),
                rs.getObject("corrects_id", UUID.class),
                rs.getString("note"),
                serviceEndsAt);
    }

    private static RefusalLine refusal(ResultSet rs, int row) throws SQLException {
        String arguments = rs.getString("reason_arguments");
        return new RefusalLine(
                rs.getObject("id", UUID.class),
                rs.getObject("student_id", UUID.class),
                rs.getString("student_name"),
                rs.getObject("on_date", LocalDate.class),
                PickupService.valueOf(rs.getString("service")),
                ReleaseTo.valueOf(rs.getString("asked_to")),
                rs.getString("person_name"),
                rs.getString("reason_key"),
                arguments == null || arguments.isEmpty() ? List.of() : Arrays.asList(arguments.split(SEPARATOR, -1)),
                rs.getObject("attempted_at", LocalDateTime.class),
                rs.getString("staff_name"));
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }

    /** The person a hand-over names: their id on the child's lists, name and relation. */
    private record Party(
            @Nullable UUID id, String name, @Nullable String relationKey) {}

    /**
     * A person a guardian authorises.
     *
     * @param photo the bytes of a photo to show staff at the gate, or null
     */
    public record NewPickupPerson(String name, PickupRelation relation, MobileNumber mobile, byte @Nullable [] photo) {}

    /** A person the school must not give a child to, and why (e.g. a custody order). */
    public record NewFlag(String name, @Nullable String idHint, String reason) {}

    /**
     * A hand-over to record.
     *
     * @param personId the guardian or authorised person given the child, for {@link ReleaseTo#GUARDIAN} and
     *     {@link ReleaseTo#PERSON}
     * @param otherName the name of someone else who came, for {@link ReleaseTo#OTHER} (always refused)
     * @param corrects the latest entry of the child's day that this one corrects, or null
     * @param note why the correction is made
     */
    public record Release(
            UUID studentId,
            LocalDate onDate,
            PickupService service,
            ReleaseTo to,
            @Nullable UUID personId,
            @Nullable String otherName,
            @Nullable UUID corrects,
            @Nullable String note) {}

    /**
     * A child's hand-over as one of their guardians sees it.
     *
     * @param consentChangedAt when the consent to go home alone was last given or withdrawn
     */
    public record FamilyPickup(
            StudentRow child,
            List<GuardianOfStudent> guardians,
            List<PersonLine> persons,
            boolean aloneConsent,
            @Nullable LocalDateTime consentChangedAt,
            List<ReleaseLine> releases) {}

    /**
     * An authorised person on a guardian's page.
     *
     * @param photoId the photo, shown to the guardian who uploaded it
     * @param hasPhoto whether there is a photo for staff to compare
     */
    public record PersonLine(
            UUID id,
            String name,
            PickupRelation relation,
            String mobile,
            @Nullable UUID photoId,
            boolean hasPhoto,
            LocalDateTime addedAt) {}

    /** Someone a child may be handed to, as staff see them: masked mobile, and a photo if the guardians gave one. */
    public record Choice(
            ReleaseTo to,
            UUID personId,
            String name,
            String relationKey,
            String mobile,
            @Nullable UUID photoId) {}

    /** A flag as staff see it; lifted ones carry who lifted them, when and why. */
    public record FlagLine(
            UUID id,
            UUID studentId,
            String name,
            @Nullable String idHint,
            String reason,
            String flaggedByName,
            LocalDateTime flaggedAt,
            @Nullable String liftedByName,
            @Nullable LocalDateTime liftedAt,
            @Nullable String liftReason) {

        public boolean active() {
            return liftedAt == null;
        }
    }

    /**
     * One entry of the hand-over record.
     *
     * @param entryNo 1 for the day's hand-over, 2 and up for corrections
     * @param personName null when the child went home alone
     * @param relationKey the message key of the person's relation to the child
     * @param serviceEndsAt when the service ended that day by the school's timetable, if it has set it
     */
    public record ReleaseLine(
            UUID id,
            UUID studentId,
            LocalDate onDate,
            PickupService service,
            int entryNo,
            ReleaseTo releasedTo,
            @Nullable UUID personId,
            @Nullable String personName,
            @Nullable String relationKey,
            LocalDateTime releasedAt,
            String staffName,
            @Nullable UUID corrects,
            @Nullable String note,
            @Nullable LocalTime serviceEndsAt) {

        /** An entry whose service's end is not known. */
        public ReleaseLine(
                UUID id,
                UUID studentId,
                LocalDate onDate,
                PickupService service,
                int entryNo,
                ReleaseTo releasedTo,
                @Nullable UUID personId,
                @Nullable String personName,
                @Nullable String relationKey,
                LocalDateTime releasedAt,
                String staffName,
                @Nullable UUID corrects,
                @Nullable String note) {
            this(
                    id,
                    studentId,
                    onDate,
                    service,
                    entryNo,
                    releasedTo,
                    personId,
                    personName,
                    relationKey,
                    releasedAt,
                    staffName,
                    corrects,
                    note,
                    null);
        }

        /**
         * Whether the child left before their service ended (OPS-2): released on the service's day before its end.
         * Extended care has no such thing, since its children leave whenever they are collected.
         */
        public boolean early() {
            return serviceEndsAt != null
                    && service.endsForAll()
                    && releasedAt.toLocalDate().equals(onDate)
                    && releasedAt.toLocalTime().isBefore(serviceEndsAt);
        }

        /** Whether the child left once the service had ended; false when its end is not known. */
        public boolean afterEnd() {
            return serviceEndsAt != null && service.endsForAll() && !early();
        }
    }

    /** A refused hand-over: who asked for whom, why it was refused (a message key and its arguments), and when. */
    public record RefusalLine(
            UUID id,
            UUID studentId,
            String studentName,
            LocalDate onDate,
            PickupService service,
            ReleaseTo askedTo,
            @Nullable String personName,
            String reasonKey,
            List<String> reasonArguments,
            LocalDateTime attemptedAt,
            String staffName) {

        public Object[] arguments() {
            return reasonArguments.toArray();
        }
    }

    /**
     * A child at the end of a service.
     *
     * @param entries the day's hand-over entries, oldest first; the last one holds
     * @param absent whether the day's roll call has the child absent or on leave in every session that recorded them
     *     ({@link AbsentToday}), so that they are not waiting at the gate; they may still be handed over
     */
    public record ChildStatus(
            UUID studentId,
            String name,
            int gradeLevel,
            String className,
            List<Choice> choices,
            boolean aloneConsent,
            List<FlagLine> flags,
            List<ReleaseLine> entries,
            boolean absent) {

        public boolean released() {
            return !entries.isEmpty();
        }

        public @Nullable ReleaseLine latest() {
            return entries.isEmpty() ? null : entries.getLast();
        }
    }

    /**
     * A class at the end of a service on a day.
     *
     * @param runs whether the service runs that day at the school; when not, no child is listed
     * @param endsAt when the service ends, if the school has set it
     */
    public record DayList(
            LocalDate day,
            PickupService service,
            boolean runs,
            @Nullable LocalTime endsAt,
            ClassSummary schoolClass,
            List<ChildStatus> children) {

        public long released() {
            return children.stream().filter(ChildStatus::released).count();
        }

        /** The children not handed over yet, but for those the day's roll call has absent or on leave. */
        public List<ChildStatus> waiting() {
            return children.stream().filter(c -> !c.released() && !c.absent()).toList();
        }
    }

    /** A class and how many of its children have been handed over on a day. */
    public record ClassProgress(ClassSummary schoolClass, long released) {}

    /**
     * The end of a service on a day at the caller's school while it is still ahead, so that a hand-over now is an
     * early release (OPS-2); empty on another day, once the service has ended, for extended care, or when the school
     * has not set the end.
     */
    @Transactional(readOnly = true)
    public Optional<LocalTime> stillRunsUntil(UserScope scope, LocalDate day, PickupService service) {
        UUID school = scope.schoolId();
        LocalDateTime now = now();
        if (school == null || !service.endsForAll() || !day.equals(now.toLocalDate())) {
            return Optional.empty();
        }
        return schedule.endsAt(school, day, service)
                .filter(end -> now.toLocalTime().isBefore(end));
    }

    /** One child's hand-over as their staff see it. */
    public record ChildPickup(
            StudentRow child,
            List<Choice> choices,
            boolean aloneConsent,
            List<FlagLine> flags,
            List<ReleaseLine> releases,
            List<RefusalLine> refusals) {

        public List<FlagLine> activeFlags() {
            return flags.stream().filter(FlagLine::active).toList();
        }
    }
}
