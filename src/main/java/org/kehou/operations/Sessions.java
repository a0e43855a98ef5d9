package org.kehou.operations;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kehou.catalog.OfferingDirectory;
import org.kehou.catalog.OfferingDirectory.OfferingFacts;
import org.kehou.catalog.OfferingDirectory.TaughtOffering;
import org.kehou.catalog.Slot;
import org.kehou.enrollment.Rosters;
import org.kehou.operations.SessionLedger.Entry;
import org.kehou.operations.SessionLedger.NewEntry;
import org.kehou.organization.OrganizationQueries;
import org.kehou.organization.OrganizationQueries.Pupil;
import org.kehou.platform.AuditTrail;
import org.kehou.platform.AuditTrail.AuditEntry;
import org.kehou.platform.ExpiringCache;
import org.kehou.platform.NotFoundException;
import org.kehou.platform.SqlRead;
import org.kehou.platform.UserScope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The roll call (OPS-1) and homework completion (CONTENT-5) of a session: an offering on one date, a school day of
 * its term on its weekday. Whoever serves the session (an instructor of the offering, or the admin of its school)
 * sees the children registered for it, each present (and their homework done) unless marked otherwise, a child whose
 * guardian reported leave starting on excused leave; they save the whole session at once. A save adds an entry only
 * for the children whose mark changed, so saving the same marks again changes nothing; on the day a save supersedes
 * the earlier one, after the day it is a correction that must say why. Entries are only ever added, in the school's
 * hash chain (ADR 0013). A session outside the caller's reach is not found.
 */
@Service
// named, so that each call finds its transaction manager in the interceptor's cache instead of looking the class
// over for a qualifier (a county's afternoon roll call, docs/benchmarks.md)
@Transactional(transactionManager = "transactionManager")
public class Sessions {

    private final OfferingDirectory offerings;
    private final Rosters rosters;
    private final PickupSchedule schedule;
    private final OrganizationQueries organization;
    private final Leaves leaves;
    private final SessionLedger ledger;
    private final AuditTrail audit;
    private final Clock clock;

    /**
     * The offerings of recent saves with who teaches them, kept for a few seconds, as registration keeps an
     * offering's facts (ADR 0024): an offering cancelled or an instructor removed on any instance takes effect
     * within that time.
     */
    static final Duration TAUGHT = Duration.ofSeconds(10);

    private final ExpiringCache<UUID, TaughtOffering> taught = new ExpiringCache<>(TAUGHT, 50_000);

    Sessions(
            OfferingDirectory offerings,
            Rosters rosters,
            PickupSchedule schedule,
            OrganizationQueries organization,
            Leaves leaves,
            SessionLedger ledger,
            AuditTrail audit,
            Clock clock) {
        this.offerings = offerings;
        this.rosters = rosters;
        this.schedule = schedule;
        this.organization = organization;
        this.leaves = leaves;
        this.ledger = ledger;
        this.audit = audit;
        this.clock = clock;
    }

    /** The roll call of a session: every registered child with their current mark and the history of their entries. */
    @Transactional(readOnly = true)
    public SessionSheet rollCall(UserScope scope, UUID offeringId, LocalDate day) {
        Session session = served(scope, offeringId, day);
        return sheet(scope, session, SessionKind.ROLL_CALL);
    }

    /** The homework completion of a slot-1 session: the children who attended, each done unless marked otherwise. */
    @Transactional(readOnly = true)
    public SessionSheet homework(UserScope scope, UUID offeringId, LocalDate day) {
        Session session = served(scope, offeringId, day);
        HomeworkSlotRule.check(session.offering().slot()).enforce();
        return sheet(scope, session, SessionKind.HOMEWORK);
    }

    /**
     * Saves the roll call of a session in one go. Children not named keep the default: present, or excused leave
     * when their guardian reported it. Returns the session as it now stands, with how many entries were added.
     */
    public Saved recordRollCall(UserScope scope, UUID offeringId, LocalDate day, RollCall command) {
        Map<UUID, String> marks = new LinkedHashMap<>();
        command.marks().forEach((child, mark) -> marks.put(child, mark.name()));
        return record(scope, offeringId, day, SessionKind.ROLL_CALL, marks, command.reason());
    }

    /** Saves the homework completion of a slot-1 session in one go; children not named have done it. */
    public Saved recordHomework(UserScope scope, UUID offeringId, LocalDate day, HomeworkRecord command) {
        Map<UUID, String> marks = new LinkedHashMap<>();
        command.marks().forEach((child, mark) -> marks.put(child, mark.name()));
        return record(scope, offeringId, day, SessionKind.HOMEWORK, marks, command.reason());
    }

    /**
     * Checks the school's record of sessions for tampering (ADR 0013): the first entry whose content, link or number
     * does not fit the chain, or none. Only the school's admin may run it.
     */
    @Transactional(readOnly = true)
    public Integrity verify(UserScope scope, UUID schoolId) {
        if (!scope.canManageSchool(schoolId)) {
            throw new NotFoundException("school");
        }
        SessionLedger.Check check = ledger.verify(schoolId);
        return new Integrity(check.entries(), check.brokenAt(), check.problem());
    }

    private Saved record(
            UserScope scope,
            UUID offeringId,
            LocalDate day,
            SessionKind kind,
            Map<UUID, String> named,
            @Nullable String reason) {
        Session session = served(scope, offeringId, day);
        if (kind == SessionKind.HOMEWORK) {
            HomeworkSlotRule.check(session.offering().slot()).enforce();
        }
        LocalDate today = LocalDate.now(clock);
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        SessionDateRule.check(day, today)
                .and(() -> CorrectionReasonRule.check(day, today, why))
                .enforce();
        // the school's chain head is held from reading the session's entries, and in the same round trip who is
        // registered, those children and the leave reported for them, to the commit, so that two saves of a session
        // see each other's entries (ADR 0020, ADR 0025)
        OfferingFacts offering = session.offering();
        SqlRead<UUID> registered = rosters.confirmedChildIdsRead(offering.id());
        SqlRead<Pupil> pupils = organization.pupilsAmong(scope, offering.schoolId(), registered);
        SqlRead<Leaves.LeaveLine> onLeave = kind == SessionKind.ROLL_CALL
                ? Leaves.onDayRead(offering.schoolId(), day, offering.slot(), registered)
                : null;
        SqlRead<?>[] reads = onLeave == null ? new SqlRead<?>[] {pupils} : new SqlRead<?>[] {pupils, onLeave};
        SessionLedger.Locked locked =
                ledger.lockAndRead(offering.countyId(), offering.schoolId(), offeringId, day, kindsRead(kind), reads);
        Children children =
                new Children(locked.rows(pupils), onLeave == null ? Map.of() : Leaves.byStudent(locked.rows(onLeave)));
        SessionLedger.Head head = locked.head();
        SessionSheet before = sheet(children, session, kind, locked.entries());
        Set<UUID> listed = new HashSet<>();
        before.children().forEach(c -> listed.add(c.studentId()));
        RegisteredChildRule.check(named.keySet(), listed).enforce();
        List<NewEntry> changed = new ArrayList<>();
        for (ChildLine child : before.children()) {
            String wanted = named.getOrDefault(child.studentId(), child.defaultMark());
            if (child.recorded() && wanted.equals(child.mark())) {
                continue;
            }
            changed.add(new NewEntry(
                    child.studentId(),
                    child.classId(),
                    child.gradeLevel(),
                    child.entries().size() + 1,
                    wanted));
        }
        LocalDateTime at = LocalDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
        AuditTrail.@Nullable Statement audited = null;
        if (!changed.isEmpty()) {
            Map<String, Integer> counts = new LinkedHashMap<>();
            changed.forEach(e -> counts.merge(e.mark(), 1, Integer::sum));
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("offeringId", offering.id());
            after.put("onDate", day);
            after.put("entries", changed.size());
            after.put("marks", counts);
            after.put("firstChainNo", head.lastNo() + 1);
            after.put("reason", why);
            // written with the entries, in the same round trip (ADR 0023)
            audited = audit.statement(new AuditEntry(
                    kind == SessionKind.ROLL_CALL ? "session.rollCall.recorded" : "session.homework.recorded",
                    "session",
                    sessionId(offering.id(), day),
                    offering.countyId(),
                    offering.schoolId(),
                    null,
                    after));
        }
        List<Entry> added = ledger.append(
                head,
                offering.countyId(),
                offering.schoolId(),
                kind,
                offering.id(),
                day,
                changed,
                why,
                at,
                scope.accountId(),
                scope.displayName(),
                audited);
        return new Saved(added.size(), withAdded(before, added));
    }

    /**
     * The session after a save: the sheet read before it, under the chain head's lock, with the entries the save
     * added. Nothing else of the session can have changed in between, so it is not read a second time (OPS-1: a
     * county's afternoon roll call, docs/benchmarks.md).
     */
    static SessionSheet withAdded(SessionSheet before, List<Entry> added) {
        if (added.isEmpty()) {
            return before;
        }
        Map<UUID, Entry> byStudent = new HashMap<>();
        added.forEach(e -> byStudent.put(e.studentId(), e));
        List<ChildLine> lines = new ArrayList<>(before.children().size());
        for (ChildLine child : before.children()) {
            Entry e = byStudent.get(child.studentId());
            if (e == null) {
                lines.add(child);
                continue;
            }
            List<EntryLine> history = new ArrayList<>(child.entries());
            history.add(
                    new EntryLine(e.entryNo(), e.mark(), e.reason(), e.recordedAt(), e.recordedByName(), e.chainNo()));
            lines.add(new ChildLine(
                    child.studentId(),
                    child.name(),
                    child.gradeLevel(),
                    child.classId(),
                    child.className(),
                    child.defaultMark(),
                    e.mark(),
                    child.leaveReason(),
                    List.copyOf(history)));
        }
        return new SessionSheet(
                before.offeringId(),
                before.courseName(),
                before.slot(),
                before.day(),
                before.kind(),
                before.correction(),
                List.copyOf(lines));
    }

    /** The stable id of a session in the audit trail: the same offering and date give the same id. */
    static UUID sessionId(UUID offeringId, LocalDate day) {
        // UUID.nameUUIDFromBytes, from a copy of one MD5 digest rather than a look-up of the algorithm per save
        byte[] md5;
        try {
            md5 = ((MessageDigest) MD5.clone())
                    .digest((offeringId + "|" + day).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
        md5[6] = (byte) ((md5[6] & 0x0f) | 0x30);
        md5[8] = (byte) ((md5[8] & 0x3f) | 0x80);
        long msb = 0;
        long lsb = 0;
        for (int i = 0; i < 8; i++) {
            msb = (msb << 8) | (md5[i] & 0xff);
            lsb = (lsb << 8) | (md5[8 + i] & 0xff);
        }
        return new UUID(msb, lsb);
    }

    private static final MessageDigest MD5;

    static {
        try {
            MD5 = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private SessionSheet sheet(UserScope scope, Session session, SessionKind kind) {
        return sheet(
                children(scope, session, kind),
                session,
                kind,
                ledger.session(session.offering().id(), session.day(), kindsRead(kind)));
    }

    /** The entries a sheet of the kind shows: its own, and for homework the roll call's, to leave out the absent. */
    private static Set<SessionKind> kindsRead(SessionKind kind) {
        return kind == SessionKind.HOMEWORK
                ? EnumSet.of(SessionKind.HOMEWORK, SessionKind.ROLL_CALL)
                : EnumSet.of(kind);
    }

    /** The children registered for the session, with the leave their guardians reported for a roll call. */
    private Children children(UserScope scope, Session session, SessionKind kind) {
        OfferingFacts offering = session.offering();
        List<UUID> registered = rosters.confirmedChildIds(offering.id());
        List<Pupil> children = organization.pupilsAmong(scope, offering.schoolId(), registered);
        Map<UUID, Leaves.LeaveLine> onLeave = kind == SessionKind.ROLL_CALL
                ? leaves.onDay(offering.schoolId(), session.day(), offering.slot(), registered)
                : Map.of();
        return new Children(children, onLeave);
    }

    private record Children(List<Pupil> students, Map<UUID, Leaves.LeaveLine> onLeave) {}

    /** The session's sheet: its children with the entries saved of them. */
    private SessionSheet sheet(Children registered, Session session, SessionKind kind, SessionLedger.Entries saved) {
        OfferingFacts offering = session.offering();
        LocalDate day = session.day();
        Map<UUID, List<Entry>> entries = saved.of(kind);
        Map<UUID, List<Entry>> attendance = kind == SessionKind.HOMEWORK ? saved.of(SessionKind.ROLL_CALL) : Map.of();
        Map<UUID, Leaves.LeaveLine> onLeave = registered.onLeave();
        List<ChildLine> lines = new ArrayList<>();
        for (Pupil child : registered.students()) {
            if (kind == SessionKind.HOMEWORK) {
                List<Entry> came = attendance.getOrDefault(child.id(), List.of());
                if (!came.isEmpty()
                        && !AttendanceMark.valueOf(came.getLast().mark()).attended()) {
                    continue;
                }
            }
            Leaves.LeaveLine leave = onLeave.get(child.id());
            String defaultMark = kind == SessionKind.HOMEWORK
                    ? HomeworkMark.DONE.name()
                    : leave != null ? AttendanceMark.LEAVE.name() : AttendanceMark.PRESENT.name();
            List<EntryLine> history = entries.getOrDefault(child.id(), List.of()).stream()
                    .map(e -> new EntryLine(
                            e.entryNo(), e.mark(), e.reason(), e.recordedAt(), e.recordedByName(), e.chainNo()))
                    .toList();
            lines.add(new ChildLine(
                    child.id(),
                    child.name(),
                    child.gradeLevel(),
                    child.classId(),
                    child.className(),
                    defaultMark,
                    history.isEmpty() ? defaultMark : history.getLast().mark(),
                    leave == null ? null : leave.reason(),
                    history));
        }
        LocalDate today = LocalDate.now(clock);
        return new SessionSheet(
                offering.id(), offering.courseName(), offering.slot(), day, kind, day.isBefore(today), lines);
    }

    /** The session if the caller serves it and it is one (a school day of the term on the weekday); else 404/422. */
    private Session served(UserScope scope, UUID offeringId, LocalDate day) {
        TaughtOffering taught = Optional.ofNullable(
                        this.taught.get(offeringId, id -> offerings.taught(id).orElse(null)))
                .filter(t -> t.facts().isPublished())
                .orElseThrow(() -> new NotFoundException("session"));
        OfferingFacts offering = taught.facts();
        if (!SessionStaffRule.serves(scope, offering.schoolId(), taught.instructorIds())) {
            throw new NotFoundException("session");
        }
        boolean schoolDay = schedule.termOf(offering.schoolId(), day)
                .filter(t -> t.id().equals(offering.termId()))
                .map(t -> t.isSchoolDay(day))
                .orElse(false);
        SessionDayRule.check(day, offering.weekday(), schoolDay).enforce();
        return new Session(offering, day);
    }

    private record Session(OfferingFacts offering, LocalDate day) {}

    /**
     * A roll call to save.
     *
     * @param marks the children marked otherwise than their default (present, or excused leave reported by the
     *     guardian); marking one present again is allowed
     * @param reason why, required after the session's day
     */
    public record RollCall(
            Map<UUID, AttendanceMark> marks, @Nullable String reason) {
        public RollCall {
            marks = Map.copyOf(marks);
        }
    }

    /** A homework completion to save: the children who did not do it all, and why if after the day. */
    public record HomeworkRecord(
            Map<UUID, HomeworkMark> marks, @Nullable String reason) {
        public HomeworkRecord {
            marks = Map.copyOf(marks);
        }
    }

    /** A save: how many entries it added (none when nothing changed) and the session as it now stands. */
    public record Saved(int added, SessionSheet sheet) {}

    /**
     * A session as its staff see it.
     *
     * @param correction whether the day is past, so that a save is a correction that must say why
     */
    public record SessionSheet(
            UUID offeringId,
            String courseName,
            Slot slot,
            LocalDate day,
            SessionKind kind,
            boolean correction,
            List<ChildLine> children) {

        /** How many children have each mark now. */
        public Map<String, Long> counts() {
            Map<String, Long> counts = new LinkedHashMap<>();
            children.forEach(c -> counts.merge(c.mark(), 1L, Long::sum));
            return counts;
        }

        public boolean recorded() {
            return children.stream().anyMatch(ChildLine::recorded);
        }

        /** The latest entry saved of the session, if any: when and by whom it was last saved. */
        public @Nullable EntryLine lastSaved() {
            EntryLine last = null;
            for (ChildLine child : children) {
                for (EntryLine e : child.entries()) {
                    if (last == null || e.recordedAt().isAfter(last.recordedAt())) {
                        last = e;
                    }
                }
            }
            return last;
        }
    }

    /**
     * A child of a session.
     *
     * @param defaultMark what the child is unless marked otherwise: present, excused leave when the guardian
     *     reported it, or homework done
     * @param mark the current mark: the latest entry's, or the default when none was saved yet
     * @param leaveReason the reason of the guardian's leave report, if any
     * @param entries the child's entries of the session, oldest first
     */
    public record ChildLine(
            UUID studentId,
            String name,
            int gradeLevel,
            UUID classId,
            String className,
            String defaultMark,
            String mark,
            @Nullable String leaveReason,
            List<EntryLine> entries) {

        public boolean recorded() {
            return !entries.isEmpty();
        }

        /**
         * Whether the child's entries are worth showing on the sheet: more than one (a change or a correction), or one
         * that is not the default. A child simply saved as present, like most of a class, shows none, so that the list
         * stays short on a phone; the sheet says when it was last saved.
         */
        public boolean historyShown() {
            return entries.size() > 1
                    || (entries.size() == 1 && !entries.getFirst().mark().equals(defaultMark));
        }

        public String markKey() {
            return Sessions.markKey(mark);
        }
    }

    /** One saved entry of a child: its number, the mark, why (for a correction), when and by whom. */
    public record EntryLine(
            int entryNo,
            String mark,
            @Nullable String reason,
            LocalDateTime recordedAt,
            String recordedByName,
            long chainNo) {

        public String markKey() {
            return Sessions.markKey(mark);
        }
    }

    /** The message key of a mark of either kind. */
    static String markKey(String mark) {
        for (AttendanceMark m : AttendanceMark.values()) {
            if (m.name().equals(mark)) {
                return m.messageKey();
            }
        }
        return HomeworkMark.valueOf(mark).messageKey();
    }

    /**
     * The result of checking a school's record for tampering.
     *
     * @param brokenAt the chain number of the first entry that does not fit, or null when the chain is whole
     * @param problem the message key saying what does not fit
     */
    public record Integrity(
            long entries, @Nullable Long brokenAt, @Nullable String problem) {

        public boolean intact() {
            return brokenAt == null;
        }
    }
}
