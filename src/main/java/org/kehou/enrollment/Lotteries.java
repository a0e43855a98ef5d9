package org.kehou.enrollment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.kehou.catalog.OfferingDirectory;
import org.kehou.catalog.OfferingDirectory.OfferingFacts;
import org.kehou.catalog.OfferingState;
import org.kehou.enrollment.Lottery.Application;
import org.kehou.enrollment.Lottery.Result;
import org.kehou.enrollment.SeatLedger.Claim;
import org.kehou.enrollment.SeatLedger.Claimed;
import org.kehou.organization.OrganizationQueries;
import org.kehou.organization.OrganizationQueries.StudentRow;
import org.kehou.organization.TermDirectory;
import org.kehou.organization.TermDirectory.TermFacts;
import org.kehou.organization.TermKind;
import org.kehou.platform.AuditTrail;
import org.kehou.platform.AuditTrail.AuditEntry;
import org.kehou.platform.Ids;
import org.kehou.platform.NotFoundException;
import org.kehou.platform.Notifications;
import org.kehou.platform.Notifications.NewNotification;
import org.kehou.platform.RecordRows;
import org.kehou.platform.Role;
import org.kehou.platform.RuleViolation;
import org.kehou.platform.UserScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registration lotteries (ENROL-2, ADR 0011), end to end. While a lottery window is open, a guardian applies for
 * their own child with up to three ranked choices and consent (ENROL-1); one application per child and window,
 * editable until the window closes, every version kept. The seed is fixed when the window opens and only its SHA-256
 * is public until the draw. The school's admin (the county's admin for a county window) sets priority groups and the
 * siblings option, and after closing runs the draw once: its inputs, seed and results are stored append-only, and the
 * results become registrations through the {@link SeatLedger}, confirmed or waiting in draw order, so seats and
 * waiting lists stay as consistent as after first-come registration. The draw can be verified from what was stored,
 * and each child's result explained.
 *
 * <p>Every method takes the caller's scope: a window the caller does not manage, or a child who is not the
 * guardian's own, is not found, and nothing changes.
 */
@Service
public class Lotteries {

    private final RegistrationWindowRepository windows;
    private final SeatLedger ledger;
    private final OfferingDirectory offerings;
    private final TermDirectory terms;
    private final OrganizationQueries organization;
    private final Notifications notifications;
    private final AuditTrail audit;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final EnrollmentManagement enrollment;
    private final RegistrationFacts facts;

    Lotteries(
            RegistrationWindowRepository windows,
            SeatLedger ledger,
            OfferingDirectory offerings,
            TermDirectory terms,
            OrganizationQueries organization,
            Notifications notifications,
            AuditTrail audit,
            JdbcClient jdbc,
            Clock clock,
            EnrollmentManagement enrollment,
            RegistrationFacts facts) {
        this.windows = windows;
        this.ledger = ledger;
        this.offerings = offerings;
        this.terms = terms;
        this.organization = organization;
        this.notifications = notifications;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
        this.enrollment = enrollment;
        this.facts = facts;
    }

    // ---- public ---------------------------------------------------------------------------------------------------

    /**
     * What anyone may see of a lottery, without signing in: its window, the commitment to its seed from the opening,
     * and after the draw the seed itself, which anyone can hash to check it against the commitment.
     */
    @Transactional(readOnly = true)
    public PublicLottery publicLottery(UUID windowId) {
        RegistrationWindow window = windows.findById(windowId)
                .filter(w -> w.allocation() == Allocation.LOTTERY)
                .orElseThrow(() -> new NotFoundException("lottery"));
        return publicOf(window);
    }

    /** The lotteries of a school's own windows, newest opening first, as public as the school page. */
    @Transactional(readOnly = true)
    public List<PublicLottery> publicLotteries(UUID schoolId) {
        organization.publicSchool(schoolId);
        return jdbc
                .sql("select window_id from enrollment.lottery where school_id = :school")
                .param("school", schoolId)
                .query(UUID.class)
                .list()
                .stream()
                .map(id -> windows.findById(id).orElseThrow())
                .sorted(Comparator.comparing(RegistrationWindow::opensAt).reversed())
                .map(this::publicOf)
                .toList();
    }

    private PublicLottery publicOf(RegistrationWindow window) {
        LotteryRow lottery = lottery(window.id()).orElseThrow(() -> new NotFoundException("lottery"));
        Optional<DrawRow> draw = draw(window.id());
        return new PublicLottery(
                window.id(),
                window.schoolId(),
                window.schoolYear(),
                window.termKind(),
                window.opensAt(),
                window.closesAt(),
                lottery.seedHash(),
                lottery.committedAt(),
                SiblingPlacement.valueOf(draw.map(DrawRow::siblings).orElse(lottery.siblings())),
                draw.map(DrawRow::seed).orElse(null),
                draw.map(DrawRow::drawnAt).orElse(null),
                applicationCount(window.id()));
    }

    // ---- guardians ------------------------------------------------------------------------------------------------

    /** The lottery windows that govern the schools of the guardian's own children, with each child's application. */
    @Transactional(readOnly = true)
    public List<FamilyLottery> familyLotteries(UserScope scope) {
        List<FamilyLottery> found = new ArrayList<>();
        for (StudentRow child : ownChildren(scope)) {
            for (RegistrationWindow w : lotteryWindowsOf(child)) {
                Optional<ApplicationRow> application = application(w.id(), child.id());
                Optional<String> outcome = jdbc.sql(
                                "select outcome from enrollment.lottery_result where window_id = :w and child_id = :c")
                        .param("w", w.id())
                        .param("c", child.id())
                        .query(String.class)
                        .optional();
                found.add(new FamilyLottery(
                        w.id(),
                        child.id(),
                        child.name(),
                        w.schoolYear(),
                        w.termKind(),
                        w.opensAt(),
                        w.closesAt(),
                        application.isPresent(),
                        outcome.orElse(null)));
            }
        }
        return found;
    }

    /**
     * The application page of the guardian's own child for a lottery window governing the child's school: the
     * offerings the child may choose, the current choices, and after the draw how the result came about.
     */
    @Transactional(readOnly = true)
    public ApplicationView application(UserScope scope, UUID windowId, UUID childId) {
        StudentRow child = ownChild(scope, childId);
        RegistrationWindow window = governingLottery(windowId, child);
        List<Choice> options =
                eligible(window, child).stream().map(Lotteries::choiceOf).toList();
        Optional<ApplicationRow> current = application(windowId, childId);
        boolean drawn = draw(windowId).isPresent();
        return new ApplicationView(
                window.id(),
                child.id(),
                child.name(),
                window.opensAt(),
                window.closesAt(),
                window.isOpenAt(LocalDateTime.now(clock)) && !drawn,
                options,
                current.map(ApplicationRow::choices).orElse(List.of()),
                current.map(ApplicationRow::revision).orElse(0),
                enrollment.consentVersion(),
                drawn ? explanationOf(window, child.id(), child.name()).orElse(null) : null);
    }

    /**
     * Stores or changes the application of the guardian's own child (ENROL-1, ENROL-2): refused without consent to
     * the current text, outside the window, for a first-come window, with no, more than three or repeated choices,
     * or a choice that is not a published offering of the child's school, term and grade. Every version is kept.
     */
    @Transactional
    public int apply(UserScope scope, Apply command) {
        GuardianConsentRule.check(command.consent(), command.consentVersion(), enrollment.consentVersion());
        StudentRow child = ownChild(scope, command.childId());
        RegistrationWindow window = windows.findById(command.windowId())
                .filter(w -> governs(w, child))
                .orElseThrow(() -> new NotFoundException("lottery"));
        AllocationRule.check(window.allocation(), Allocation.LOTTERY);
        LocalDateTime now = LocalDateTime.now(clock);
        RegistrationWindowRule.openAt(List.of(window), now);
        LotteryChoicesRule.check(command.choices());
        Set<UUID> allowed = new LinkedHashSet<>();
        eligible(window, child).forEach(o -> allowed.add(o.id()));
        for (UUID choice : command.choices()) {
            OfferingFacts offering = offerings
                    .offering(choice)
                    .filter(o -> o.state() != OfferingState.DRAFT)
                    .orElseThrow(() -> new NotFoundException("offering"));
            OfferingFitRule.check(
                    offering.state(), offering.schoolId(), offering.grades(), child.schoolId(), child.gradeLevel());
            if (!allowed.contains(choice)) {
                throw new RuleViolation("lottery.choiceOutsideWindow");
            }
            offerings.checkNoticePeriod(offering);
        }
        lockLottery(window.id());
        LotteryDrawRule.checkNotDrawn(draw(window.id()).isPresent());
        List<UUID> choices = command.choices();
        Optional<ApplicationRow> before = application(window.id(), child.id());
        int revision = before.map(ApplicationRow::revision).orElse(0) + 1;
        if (before.isPresent()) {
            jdbc.sql("""
                            update enrollment.lottery_application
                            set choice1 = :c1, choice2 = :c2, choice3 = :c3, guardian_id = :guardian, account_id = :account,
                              consent_version = :consent, consented_at = :now, revision = :revision
                            where window_id = :window and child_id = :child""")
                    .params(ranked(choices))
                    .param("guardian", scope.guardianId())
                    .param("account", scope.accountId())
                    .param("consent", command.consentVersion())
                    .param("now", now)
                    .param("revision", revision)
                    .param("window", window.id())
                    .param("child", child.id())
                    .update();
        } else {
            jdbc.sql("""
                            insert into enrollment.lottery_application (window_id, child_id, county_id, school_id,
                              guardian_id, account_id, choice1, choice2, choice3, consent_version, consented_at, revision)
                            values (:window, :child, :county, :school, :guardian, :account, :c1, :c2, :c3, :consent, :now,
                              :revision)""")
                    .param("window", window.id())
                    .param("child", child.id())
                    .param("county", child.countyId())
                    .param("school", child.schoolId())
                    .param("guardian", scope.guardianId())
                    .param("account", scope.accountId())
                    .params(ranked(choices))
                    .param("consent", command.consentVersion())
                    .param("now", now)
                    .param("revision", revision)
                    .update();
        }
        jdbc.sql("""
                        insert into enrollment.lottery_application_event (window_id, child_id, revision, county_id,
                          school_id, account_id, choice1, choice2, choice3, consent_version, occurred_at)
                        values (:window, :child, :revision, :county, :school, :account, :c1, :c2, :c3, :consent, :now)""")
                .param("window", window.id())
                .param("child", child.id())
                .param("revision", revision)
                .param("county", child.countyId())
                .param("school", child.schoolId())
                .param("account", scope.accountId())
                .params(ranked(choices))
                .param("consent", command.consentVersion())
                .param("now", now)
                .update();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("child", child.id());
        after.put("choices", choices);
        after.put("consentVersion", command.consentVersion());
        after.put("revision", revision);
        audit.record(new AuditEntry(
                "lottery.applied",
                "lottery_application",
                window.id(),
                child.countyId(),
                child.schoolId(),
                before.map(b -> Map.of("choices", b.choices())).orElse(null),
                after));
        return revision;
    }

    /** The history of the guardian's own child's application, oldest first. */
    @Transactional(readOnly = true)
    public List<ApplicationVersion> applicationHistory(UserScope scope, UUID windowId, UUID childId) {
        StudentRow child = ownChild(scope, childId);
        governingLottery(windowId, child);
        return jdbc.sql("""
                        select revision, choice1, choice2, choice3, consent_version, occurred_at
                        from enrollment.lottery_application_event where window_id = :w and child_id = :c
                        order by revision""")
                .param("w", windowId)
                .param("c", childId)
                .query((rs, n) -> new ApplicationVersion(
                        rs.getInt("revision"),
                        Stream.of(
                                        rs.getObject("choice1", UUID.class),
                                        rs.getObject("choice2", UUID.class),
                                        rs.getObject("choice3", UUID.class))
                                .filter(c -> c != null)
                                .toList(),
                        rs.getString("consent_version"),
                        rs.getObject("occurred_at", LocalDateTime.class)))
                .list();
    }

    // ---- school and county admins ---------------------------------------------------------------------------------

    /**
     * The lottery windows the caller manages: a school admin's own school's, a county admin's county's (its county-wide
     * windows and those it opened for one of its schools).
     */
    @Transactional(readOnly = true)
    public List<LotterySummary> lotteries(UserScope scope) {
        Map<UUID, String> schools = new TreeMap<>();
        return enrollment.windows(scope).stream()
                .filter(w -> w.allocation() == Allocation.LOTTERY)
                .filter(w -> scope.has(Role.COUNTY_ADMIN) || java.util.Objects.equals(w.schoolId(), scope.schoolId()))
                .map(w -> new LotterySummary(
                        w.id(),
                        w.schoolId(),
                        w.schoolId() == null ? null : schoolName(scope, schools, w.schoolId()),
                        w.schoolYear(),
                        w.termKind(),
                        w.opensAt(),
                        w.closesAt(),
                        applicationCount(w.id()),
                        draw(w.id()).isPresent()))
                .toList();
    }

    /** A managed lottery: its settings, applications with priority groups, and after the draw its results. */
    @Transactional(readOnly = true)
    public LotteryDetails details(UserScope scope, UUID windowId) {
        RegistrationWindow window = managed(scope, windowId);
        LotteryRow lottery = lottery(windowId).orElseThrow(() -> new NotFoundException("lottery"));
        Optional<DrawRow> draw = draw(windowId);
        Map<UUID, PriorityRow> priorities = priorities(windowId);
        Map<UUID, ResultRow> results = results(windowId);
        Map<UUID, String> courses = new TreeMap<>();
        Map<UUID, String> schools = new TreeMap<>();
        List<ApplicantLine> lines = new ArrayList<>();
        for (ApplicationRow a : applications(windowId)) {
            StudentRow child = organization.student(scope, a.childId()).student();
            PriorityRow p = priorities.get(a.childId());
            ResultRow r = results.get(a.childId());
            lines.add(new ApplicantLine(
                    a.childId(),
                    child.name(),
                    schoolName(scope, schools, child.schoolId()),
                    child.gradeLevel(),
                    child.className(),
                    a.choices().stream().map(c -> courseName(courses, c)).toList(),
                    p == null ? 0 : p.grp(),
                    p == null ? null : p.reason(),
                    r == null ? null : r.position(),
                    r == null ? null : r.outcome(),
                    r == null || r.placedOffering() == null ? null : courseName(courses, r.placedOffering())));
        }
        lines.sort(Comparator.comparing((ApplicantLine l) -> l.position() == null ? Integer.MAX_VALUE : l.position())
                .thenComparing(ApplicantLine::childName)
                .thenComparing(ApplicantLine::childId));
        LocalDateTime now = LocalDateTime.now(clock);
        return new LotteryDetails(
                window.id(),
                window.schoolId(),
                window.schoolYear(),
                window.termKind(),
                window.opensAt(),
                window.closesAt(),
                window.waitlistLimit(),
                lottery.seedHash(),
                draw.map(DrawRow::seed).orElse(null),
                SiblingPlacement.valueOf(draw.map(DrawRow::siblings).orElse(lottery.siblings())),
                draw.map(DrawRow::drawnAt).orElse(null),
                draw.isEmpty() && !now.isBefore(window.closesAt()),
                draw.isEmpty(),
                lines);
    }

    /** Sets whether siblings are placed together (ENROL-2), until the draw. */
    @Transactional
    public void setSiblings(UserScope scope, UUID windowId, SiblingPlacement siblings) {
        RegistrationWindow window = managed(scope, windowId);
        LotteryRow lottery = lockLottery(windowId);
        LotteryDrawRule.checkNotDrawn(draw(windowId).isPresent());
        jdbc.sql("update enrollment.lottery set siblings = :s, version = version + 1 where window_id = :w")
                .param("s", siblings.name())
                .param("w", windowId)
                .update();
        audit.record(new AuditEntry(
                "lottery.siblings",
                "lottery",
                windowId,
                window.countyId(),
                window.schoolId(),
                Map.of("siblings", lottery.siblings()),
                Map.of("siblings", siblings.name())));
    }

    /**
     * Puts a child of a school the window governs into a priority group (1 to 3, higher placed first) with its reason,
     * or out of any group with group 0, until the draw. One entry per child: a new group replaces the old.
     */
    @Transactional
    public void setPriority(UserScope scope, PriorityEntry entry) {
        RegistrationWindow window = managed(scope, entry.windowId());
        StudentRow child = organization.student(scope, entry.childId()).student();
        if (!governs(window, child)) {
            throw new NotFoundException("student");
        }
        if (entry.group() != 0) {
            PriorityGroupRule.check(entry.group(), entry.reason());
        }
        lockLottery(window.id());
        LotteryDrawRule.checkNotDrawn(draw(window.id()).isPresent());
        PriorityRow before = priorities(window.id()).get(child.id());
        jdbc.sql("delete from enrollment.lottery_priority where window_id = :w and child_id = :c")
                .param("w", window.id())
                .param("c", child.id())
                .update();
        if (entry.group() != 0) {
            jdbc.sql("""
                            insert into enrollment.lottery_priority (window_id, child_id, county_id, school_id, grp,
                              reason, set_by, set_at)
                            values (:w, :c, :county, :school, :grp, :reason, :by, :now)""")
                    .param("w", window.id())
                    .param("c", child.id())
                    .param("county", child.countyId())
                    .param("school", child.schoolId())
                    .param("grp", entry.group())
                    .param("reason", entry.reason().strip())
                    .param("by", scope.accountId().toString())
                    .param("now", LocalDateTime.now(clock))
                    .update();
        }
        audit.record(new AuditEntry(
                "lottery.priority",
                "lottery_priority",
                window.id(),
                child.countyId(),
                child.schoolId(),
                before == null ? null : Map.of("child", child.id(), "group", before.grp(), "reason", before.reason()),
                Map.of(
                        "child",
                        child.id(),
                        "group",
                        entry.group(),
                        "reason",
                        entry.reason().strip())));
    }

    /**
     * Runs the draw of a closed lottery window, once (ENROL-2): stores the applications and priority groups as they
     * stand, each chosen offering's free seats and the seed, which must match the published commitment; draws; and
     * turns the results into registrations in draw order through the ledger (a seat for the placed, a place in their
     * first choice's line for the others, up to the window's waiting-list limit), notifying each guardian.
     */
    @Transactional
    public DrawOutcome draw(UserScope scope, UUID windowId) {
        RegistrationWindow window = managed(scope, windowId);
        LotteryRow lottery = lockLottery(windowId);
        LocalDateTime now = LocalDateTime.now(clock);
        LotteryDrawRule.checkDraw(window.closesAt(), draw(windowId).isPresent(), now);
        LotterySeedRule.check(lottery.seed(), lottery.seedHash());
        Map<UUID, PriorityRow> priorities = priorities(windowId);
        List<ApplicationRow> applications = applications(windowId);
        Map<UUID, OfferingFacts> chosen = new TreeMap<>();
        applications.forEach(a -> a.choices()
                .forEach(c ->
                        chosen.computeIfAbsent(c, id -> offerings.offering(id).orElseThrow())));
        ledger.sync(chosen.values(), window.waitlistLimit(), window.promotion(), window.offerHours(), now);
        chosen.keySet().forEach(facts::seatExists);
        Map<UUID, Integer> seats = new TreeMap<>();
        chosen.keySet()
                .forEach(id -> seats.put(
                        id, ledger.seat(id).map(s -> s.capacity() - s.taken()).orElse(0)));
        jdbc.sql("""
                        insert into enrollment.lottery_draw (window_id, county_id, school_id, seed, seed_hash, siblings,
                          drawn_by, drawn_at)
                        values (:w, :county, :school, :seed, :hash, :siblings, :by, :now)""")
                .param("w", windowId)
                .param("county", window.countyId())
                .param("school", window.schoolId())
                .param("seed", lottery.seed())
                .param("hash", lottery.seedHash())
                .param("siblings", lottery.siblings())
                .param("by", scope.accountId().toString())
                .param("now", now)
                .update();
        List<InputRow> inputs = applications.stream()
                .map(a -> new InputRow(
                        a.childId(),
                        a.guardianId(),
                        a.guardianId(),
                        a.accountId(),
                        priorities.containsKey(a.childId())
                                ? priorities.get(a.childId()).grp()
                                : 0,
                        a.choices(),
                        a.consentVersion()))
                .toList();
        for (InputRow i : inputs) {
            jdbc.sql("""
                            insert into enrollment.lottery_input (window_id, child_id, family_id, guardian_id, account_id,
                              priority, choice1, choice2, choice3, consent_version)
                            values (:w, :c, :family, :guardian, :account, :priority, :c1, :c2, :c3, :consent)""")
                    .param("w", windowId)
                    .param("c", i.childId())
                    .param("family", i.familyId())
                    .param("guardian", i.guardianId())
                    .param("account", i.accountId())
                    .param("priority", i.priority())
                    .params(ranked(i.choices()))
                    .param("consent", i.consentVersion())
                    .update();
        }
        seats.forEach((offering, n) -> jdbc.sql(
                        "insert into enrollment.lottery_capacity (window_id, offering_id, seats) values (:w, :o, :n)")
                .param("w", windowId)
                .param("o", offering)
                .param("n", n)
                .update());
        DrawRecord record =
                new DrawRecord(lottery.seed(), SiblingPlacement.valueOf(lottery.siblings()), seats, inputs, List.of());
        Result result = record.recompute();
        Map<UUID, ApplicationRow> byChild = new TreeMap<>();
        applications.forEach(a -> byChild.put(a.childId(), a));
        Map<EnrollmentResult, Integer> counts = new TreeMap<>();
        int position = 0;
        for (UUID childId : result.order()) {
            position++;
            ApplicationRow a = byChild.get(childId);
            UUID placed = result.placed().get(childId);
            UUID target = placed != null ? placed : a.choices().getFirst();
            OfferingFacts offering = chosen.get(target);
            String key = key(windowId, childId);
            Claim claim = new Claim(
                    Ids.next(),
                    a.accountId(),
                    a.guardianId(),
                    childId,
                    offering.id(),
                    offering.termId(),
                    offering.weekday(),
                    offering.slot(),
                    a.consentVersion(),
                    now,
                    scope.accountId().toString(),
                    key,
                    key);
            Claimed claimed = placed != null ? ledger.claim(claim) : ledger.queue(claim);
            if (claimed.enrollmentId() != null && !claimed.replayed()) {
                // the lottery's own notice below tells the family; the relay is not to tell them again
                jdbc.sql("""
                                insert into enrollment.event_notice (enrollment_id, seq, occurred_at, handled_at, sent)
                                select v.enrollment_id, v.seq, v.occurred_at, :now, 0 from enrollment.enrollment_event v
                                where v.enrollment_id = :id and not exists (select 1 from enrollment.event_notice n
                                  where n.enrollment_id = v.enrollment_id and n.seq = v.seq)""")
                        .param("id", claimed.enrollmentId())
                        .param("now", now)
                        .update();
            }
            counts.merge(claimed.result(), 1, Integer::sum);
            jdbc.sql("""
                            insert into enrollment.lottery_result (window_id, child_id, county_id, school_id, position,
                              placed_offering, waiting_offering, outcome, enrollment_id)
                            values (:w, :c, :county, :school, :position, :placed, :waiting, :outcome, :enrollment)""")
                    .param("w", windowId)
                    .param("c", childId)
                    .param("county", a.countyId())
                    .param("school", a.schoolId())
                    .param("position", position)
                    .param("placed", placed)
                    .param("waiting", placed == null ? target : null)
                    .param("outcome", claimed.result().name())
                    .param("enrollment", claimed.enrollmentId())
                    .update();
            notifications.sendToGuardian(
                    a.guardianId(),
                    new NewNotification(
                            null,
                            a.countyId(),
                            a.schoolId(),
                            "lottery.result",
                            "lottery.notice." + claimed.result().name(),
                            List.of(offering.courseName(), claimed.position() == null ? "" : "" + claimed.position()),
                            "/guardian/lotteries/" + windowId + "/children/" + childId));
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("seedHash", lottery.seedHash());
        after.put("siblings", lottery.siblings());
        after.put("applications", applications.size());
        counts.forEach((k, v) -> after.put(k.name(), v));
        audit.record(new AuditEntry(
                "lottery.drawn", "lottery_draw", windowId, window.countyId(), window.schoolId(), null, after));
        return new DrawOutcome(
                applications.size(),
                counts.getOrDefault(EnrollmentResult.CONFIRMED, 0),
                counts.getOrDefault(EnrollmentResult.WAITLISTED, 0),
                applications.size()
                        - counts.getOrDefault(EnrollmentResult.CONFIRMED, 0)
                        - counts.getOrDefault(EnrollmentResult.WAITLISTED, 0));
    }

    /**
     * Recomputes a drawn lottery from its stored inputs and seed and compares it with the stored results, and the seed
     * with the commitment published at the opening (ENROL-2): anyone with the inputs gets the same order.
     */
    @Transactional(readOnly = true)
    public Verification verify(UserScope scope, UUID windowId) {
        managed(scope, windowId);
        DrawRow draw = draw(windowId).orElseThrow(() -> new RuleViolation("lottery.notDrawn"));
        DrawRecord record = recordOf(windowId, draw);
        boolean seedMatches = LotterySeedRule.commitment(draw.seed()).equals(draw.seedHash());
        boolean resultMatches = record.matches();
        return new Verification(seedMatches, resultMatches, record.inputs().size());
    }

    /** How a child's result came about, for the admin of a managed lottery; empty before the draw. */
    @Transactional(readOnly = true)
    public Optional<Explanation> explain(UserScope scope, UUID windowId, UUID childId) {
        RegistrationWindow window = managed(scope, windowId);
        StudentRow child = organization.student(scope, childId).student();
        if (!governs(window, child)) {
            throw new NotFoundException("student");
        }
        return explanationOf(window, childId, child.name());
    }

    // ---- the draw's record -----------------------------------------------------------------------------------------

    DrawRecord recordOf(UUID windowId, DrawRow draw) {
        Map<UUID, Integer> seats = new TreeMap<>();
        jdbc.sql("select offering_id, seats from enrollment.lottery_capacity where window_id = :w")
                .param("w", windowId)
                .query((rs, n) -> seats.put(rs.getObject("offering_id", UUID.class), rs.getInt("seats")))
                .list();
        List<InputRow> inputs = jdbc.sql("""
                        select child_id, family_id, guardian_id, account_id, priority, choice1, choice2, choice3,
                          consent_version
                        from enrollment.lottery_input where window_id = :w order by child_id""")
                .param("w", windowId)
                .query((rs, n) -> new InputRow(
                        rs.getObject("child_id", UUID.class),
                        rs.getObject("family_id", UUID.class),
                        rs.getObject("guardian_id", UUID.class),
                        rs.getObject("account_id", UUID.class),
                        rs.getInt("priority"),
                        choices(
                                rs.getObject("choice1", UUID.class),
                                rs.getObject("choice2", UUID.class),
                                rs.getObject("choice3", UUID.class)),
                        rs.getString("consent_version")))
                .list();
        List<ResultRow> results = results(windowId).values().stream()
                .sorted(Comparator.comparingInt(ResultRow::position))
                .toList();
        return new DrawRecord(draw.seed(), SiblingPlacement.valueOf(draw.siblings()), seats, inputs, results);
    }

    private Optional<Explanation> explanationOf(RegistrationWindow window, UUID childId, String childName) {
        Optional<DrawRow> draw = draw(window.id());
        if (draw.isEmpty()) {
            return Optional.empty();
        }
        DrawRecord record = recordOf(window.id(), draw.get());
        ResultRow result = record.results().stream()
                .filter(r -> r.childId().equals(childId))
                .findFirst()
                .orElse(null);
        if (result == null) {
            return Optional.empty();
        }
        Lottery.Turn turn = Lottery.turn(
                record.seed(),
                record.seats(),
                record.applications(),
                record.siblings().forDraw(),
                childId);
        Map<UUID, String> courses = new TreeMap<>();
        List<ChoiceTurn> choices = new ArrayList<>();
        int rank = 0;
        for (var e : turn.seatsLeft().entrySet()) {
            rank++;
            choices.add(new ChoiceTurn(
                    rank,
                    e.getKey(),
                    courseName(courses, e.getKey()),
                    e.getValue(),
                    e.getValue() < turn.needed(),
                    e.getKey().equals(result.placedOffering())));
        }
        PriorityRow priority = priorities(window.id()).get(childId);
        Integer waitingPosition = result.enrollmentId() == null
                ? null
                : jdbc.sql("""
                                select case when e.status = 'WAITLISTED' then (select count(*) from enrollment.enrollment w
                                  where w.offering_id = e.offering_id and w.status = 'WAITLISTED'
                                    and w.waitlist_ticket <= e.waitlist_ticket) end
                                from enrollment.enrollment e where e.id = :id""")
                        .param("id", result.enrollmentId())
                        .query(Long.class)
                        .optional()
                        .map(Long::intValue)
                        .orElse(null);
        return Optional.of(new Explanation(
                window.id(),
                childId,
                childName,
                turn.position(),
                record.inputs().size(),
                turn.key(),
                record.seed(),
                turn.priority(),
                priority == null ? null : priority.reason(),
                turn.needed(),
                choices,
                result.outcome(),
                result.placedOffering() == null ? null : courseName(courses, result.placedOffering()),
                result.waitingOffering() == null ? null : courseName(courses, result.waitingOffering()),
                waitingPosition));
    }

    // ---- scope and reads -----------------------------------------------------------------------------------------

    /** A lottery window the caller manages: their school's own (school admin) or their county's (county admin). */
    private RegistrationWindow managed(UserScope scope, UUID windowId) {
        return windows.findById(windowId)
                .filter(w -> w.allocation() == Allocation.LOTTERY)
                .filter(w -> (w.schoolId() != null && scope.canManageSchool(w.schoolId()))
                        || scope.canManageCounty(w.countyId()))
                .orElseThrow(() -> new NotFoundException("lottery"));
    }

    private List<StudentRow> ownChildren(UserScope scope) {
        return scope.guardianId() == null ? List.of() : organization.children(scope);
    }

    private StudentRow ownChild(UserScope scope, UUID childId) {
        return ownChildren(scope).stream()
                .filter(c -> c.id().equals(childId))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("student"));
    }

    private RegistrationWindow governingLottery(UUID windowId, StudentRow child) {
        return windows.findById(windowId)
                .filter(w -> w.allocation() == Allocation.LOTTERY && governs(w, child))
                .orElseThrow(() -> new NotFoundException("lottery"));
    }

    /** Whether the window governs the child's school: its own window, or its county's when it has none that term. */
    private boolean governs(RegistrationWindow window, StudentRow child) {
        if (!window.countyId().equals(child.countyId())) {
            return false;
        }
        if (window.schoolId() != null) {
            return window.schoolId().equals(child.schoolId());
        }
        return windows
                .findByCountyIdAndSchoolYearAndTermKind(window.countyId(), window.schoolYear(), window.termKind())
                .stream()
                .noneMatch(w -> child.schoolId().equals(w.schoolId()));
    }

    private List<RegistrationWindow> lotteryWindowsOf(StudentRow child) {
        return windows.findByCountyId(child.countyId()).stream()
                .filter(w -> w.allocation() == Allocation.LOTTERY && governs(w, child))
                .sorted(Comparator.comparing(RegistrationWindow::opensAt).reversed())
                .toList();
    }

    /** The published offerings of the window's term at the child's school that are open to the child's grade. */
    private List<OfferingFacts> eligible(RegistrationWindow window, StudentRow child) {
        List<UUID> termIds =
                terms.terms(child.countyId(), child.schoolId(), window.schoolYear(), window.termKind()).stream()
                        .filter(t -> t.schoolId().equals(child.schoolId()))
                        .map(TermFacts::id)
                        .toList();
        return offerings.published(termIds).stream()
                .filter(o -> o.schoolId().equals(child.schoolId()) && o.grades().contains(child.gradeLevel()))
                .sorted(Comparator.comparing(OfferingFacts::weekday)
                        .thenComparing(OfferingFacts::slot)
                        .thenComparing(OfferingFacts::courseName))
                .toList();
    }

    private static Choice choiceOf(OfferingFacts o) {
        return new Choice(o.id(), o.courseName(), o.weekday(), o.slot(), o.capacity());
    }

    private String courseName(Map<UUID, String> cache, UUID offeringId) {
        return cache.computeIfAbsent(
                offeringId,
                id -> offerings.offering(id).map(OfferingFacts::courseName).orElse(""));
    }

    private String schoolName(UserScope scope, Map<UUID, String> cache, UUID schoolId) {
        return cache.computeIfAbsent(
                schoolId, id -> organization.school(scope, id).name());
    }

    private int applicationCount(UUID windowId) {
        return jdbc.sql("select count(*) from enrollment.lottery_application where window_id = :w")
                .param("w", windowId)
                .query(Long.class)
                .single()
                .intValue();
    }

    private Optional<LotteryRow> lottery(UUID windowId) {
        return jdbc.sql("""
                        select window_id, seed, seed_hash, siblings, committed_at from enrollment.lottery
                        where window_id = :w""")
                .param("w", windowId)
                .query(RecordRows.of(LotteryRow.class))
                .optional();
    }

    /** Takes the lottery's row lock, so applications, settings and the draw of one window queue in one order. */
    private LotteryRow lockLottery(UUID windowId) {
        return jdbc.sql("""
                        select window_id, seed, seed_hash, siblings, committed_at from enrollment.lottery
                        where window_id = :w for update""")
                .param("w", windowId)
                .query(RecordRows.of(LotteryRow.class))
                .optional()
                .orElseThrow(() -> new NotFoundException("lottery"));
    }

    private Optional<DrawRow> draw(UUID windowId) {
        return jdbc.sql("select seed, seed_hash, siblings, drawn_at from enrollment.lottery_draw where window_id = :w")
                .param("w", windowId)
                .query(RecordRows.of(DrawRow.class))
                .optional();
    }

    private Optional<ApplicationRow> application(UUID windowId, UUID childId) {
        return applicationsWhere("window_id = :w and child_id = :c", windowId, childId).stream()
                .findFirst();
    }

    private List<ApplicationRow> applications(UUID windowId) {
        return applicationsWhere("window_id = :w", windowId, null);
    }

    private List<ApplicationRow> applicationsWhere(String where, UUID windowId, @Nullable UUID childId) {
        var statement = jdbc.sql("""
                        select child_id, county_id, school_id, guardian_id, account_id, choice1, choice2, choice3,
                          consent_version, revision
                        from enrollment.lottery_application""" + " where " + where + " order by child_id").param("w", windowId);
        if (childId != null) {
            statement = statement.param("c", childId);
        }
        return statement
                .query((rs, n) -> new ApplicationRow(
                        rs.getObject("child_id", UUID.class),
                        rs.getObject("county_id", UUID.class),
                        rs.getObject("school_id", UUID.class),
                        rs.getObject("guardian_id", UUID.class),
                        rs.getObject("account_id", UUID.class),
                        choices(
                                rs.getObject("choice1", UUID.class),
                                rs.getObject("choice2", UUID.class),
                                rs.getObject("choice3", UUID.class)),
                        rs.getString("consent_version"),
                        rs.getInt("revision")))
                .list();
    }

    private Map<UUID, PriorityRow> priorities(UUID windowId) {
        Map<UUID, PriorityRow> found = new TreeMap<>();
        jdbc.sql("select child_id, grp, reason from enrollment.lottery_priority where window_id = :w")
                .param("w", windowId)
                .query(RecordRows.of(PriorityRow.class))
                .list()
                .forEach(p -> found.put(p.childId(), p));
        return found;
    }

    private Map<UUID, ResultRow> results(UUID windowId) {
        Map<UUID, ResultRow> found = new TreeMap<>();
        jdbc.sql("""
                        select child_id, position, placed_offering, waiting_offering, outcome, enrollment_id
                        from enrollment.lottery_result where window_id = :w""")
                .param("w", windowId)
                .query(RecordRows.of(ResultRow.class))
                .list()
                .forEach(r -> found.put(r.childId(), r));
        return found;
    }

    /** The parameters c1, c2 and c3 of ranked choices, null where fewer were ranked. */
    private static Map<String, @Nullable Object> ranked(List<UUID> choices) {
        Map<String, @Nullable Object> params = new LinkedHashMap<>();
        for (int i = 0; i < Lottery.MAX_CHOICES; i++) {
            params.put("c" + (i + 1), i < choices.size() ? choices.get(i) : null);
        }
        return params;
    }

    private static List<UUID> choices(UUID first, @Nullable UUID second, @Nullable UUID third) {
        return Stream.of(first, second, third).filter(c -> c != null).toList();
    }

    /** The idempotency key of a child's registration from a draw: one per window and child, 64 hex characters. */
    static String key(UUID windowId, UUID childId) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(("lottery\n" + windowId + "\n" + childId).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- records ---------------------------------------------------------------------------------------------------

    record LotteryRow(UUID windowId, String seed, String seedHash, String siblings, LocalDateTime committedAt) {}

    record DrawRow(String seed, String seedHash, String siblings, LocalDateTime drawnAt) {}

    record ApplicationRow(
            UUID childId,
            UUID countyId,
            UUID schoolId,
            UUID guardianId,
            UUID accountId,
            List<UUID> choices,
            String consentVersion,
            int revision) {}

    record PriorityRow(UUID childId, int grp, String reason) {}

    record ResultRow(
            UUID childId,
            int position,
            @Nullable UUID placedOffering,
            @Nullable UUID waitingOffering,
            String outcome,
            @Nullable UUID enrollmentId) {}

    /** A child's stored input to the draw; the family is the guardian who applied (siblings share it). */
    record InputRow(
            UUID childId,
            UUID familyId,
            UUID guardianId,
            UUID accountId,
            int priority,
            List<UUID> choices,
            String consentVersion) {}

    /**
     * A draw as stored: seed, option, seats and inputs, and the results it gave. Recomputing it from the inputs must
     * give the stored results, or the check fails.
     */
    record DrawRecord(
            String seed,
            SiblingPlacement siblings,
            Map<UUID, Integer> seats,
            List<InputRow> inputs,
            List<ResultRow> results) {

        List<Application> applications() {
            return inputs.stream()
                    .map(i -> new Application(i.childId(), i.familyId(), i.priority(), i.choices()))
                    .toList();
        }

        Result recompute() {
            return Lottery.draw(seed, seats, applications(), siblings.forDraw());
        }

        /** The stored results in the shape of a draw's result. */
        Result stored() {
            List<UUID> order = results.stream().map(ResultRow::childId).toList();
            Map<UUID, UUID> placed = new LinkedHashMap<>();
            Map<UUID, List<UUID>> waiting = new TreeMap<>();
            for (ResultRow r : results) {
                if (r.placedOffering() != null) {
                    placed.put(r.childId(), r.placedOffering());
                } else if (r.waitingOffering() != null) {
                    waiting.computeIfAbsent(r.waitingOffering(), k -> new ArrayList<>())
                            .add(r.childId());
                }
            }
            return new Result(seed, order, placed, waiting);
        }

        boolean matches() {
            return recompute().equals(stored());
        }
    }

    // ---- API types -------------------------------------------------------------------------------------------------

    /**
     * A lottery as the public sees it.
     *
     * @param seedHash the SHA-256 of the seed, published from the opening
     * @param seed the seed, revealed by the draw; null before
     */
    public record PublicLottery(
            UUID windowId,
            @Nullable UUID schoolId,
            int schoolYear,
            TermKind termKind,
            LocalDateTime opensAt,
            LocalDateTime closesAt,
            String seedHash,
            LocalDateTime committedAt,
            SiblingPlacement siblings,
            @Nullable String seed,
            @Nullable LocalDateTime drawnAt,
            int applications) {}

    /**
     * A lottery window governing one of the guardian's children.
     *
     * @param outcome the ledger's outcome of the draw for the child, null before the draw or without application
     */
    public record FamilyLottery(
            UUID windowId,
            UUID childId,
            String childName,
            int schoolYear,
            TermKind termKind,
            LocalDateTime opensAt,
            LocalDateTime closesAt,
            boolean applied,
            @Nullable String outcome) {}

    /** An offering a child may rank. */
    public record Choice(
            UUID offeringId,
            String courseName,
            java.time.DayOfWeek weekday,
            org.kehou.catalog.Slot slot,
            int capacity) {}

    /**
     * A child's application page.
     *
     * @param open whether applications are taken now
     * @param revision the current version, 0 when none has been made
     * @param explanation how the result came about, after the draw
     */
    public record ApplicationView(
            UUID windowId,
            UUID childId,
            String childName,
            LocalDateTime opensAt,
            LocalDateTime closesAt,
            boolean open,
            List<Choice> options,
            List<UUID> choices,
            int revision,
            String consentVersion,
            @Nullable Explanation explanation) {}

    /**
     * A guardian's application.
     *
     * @param choices the offerings wanted, most wanted first
     */
    public record Apply(UUID windowId, UUID childId, List<UUID> choices, boolean consent, String consentVersion) {}

    /** One version of an application. */
    public record ApplicationVersion(
            int revision, List<UUID> choices, String consentVersion, LocalDateTime occurredAt) {}

    /**
     * A lottery window in an admin's list.
     *
     * @param schoolName the school the window is for, null for a county-wide window
     */
    public record LotterySummary(
            UUID windowId,
            @Nullable UUID schoolId,
            @Nullable String schoolName,
            int schoolYear,
            TermKind termKind,
            LocalDateTime opensAt,
            LocalDateTime closesAt,
            int applications,
            boolean drawn) {}

    /**
     * A managed lottery.
     *
     * @param drawable whether the draw may run now (closed and not yet drawn)
     * @param editable whether priority groups and the siblings option may still change
     */
    public record LotteryDetails(
            UUID windowId,
            @Nullable UUID schoolId,
            int schoolYear,
            TermKind termKind,
            LocalDateTime opensAt,
            LocalDateTime closesAt,
            int waitlistLimit,
            String seedHash,
            @Nullable String seed,
            SiblingPlacement siblings,
            @Nullable LocalDateTime drawnAt,
            boolean drawable,
            boolean editable,
            List<ApplicantLine> applicants) {}

    /** An applicant as the admin sees them, with their choices' course names and, after the draw, their result. */
    public record ApplicantLine(
            UUID childId,
            String childName,
            String schoolName,
            int gradeLevel,
            String className,
            List<String> choices,
            int priority,
            @Nullable String priorityReason,
            @Nullable Integer position,
            @Nullable String outcome,
            @Nullable String placed) {}

    /** A child's priority group: 0 takes the child out of any group. */
    public record PriorityEntry(UUID windowId, UUID childId, int group, String reason) {}

    /** What a draw did: how many applied, got a seat, a place in line, or neither. */
    public record DrawOutcome(int applications, int confirmed, int waitlisted, int unplaced) {}

    /**
     * The check of a draw.
     *
     * @param seedMatches whether the seed hashes to the commitment published at the opening
     * @param resultMatches whether recomputing from the stored inputs gives the stored results
     */
    public record Verification(boolean seedMatches, boolean resultMatches, int applications) {

        public boolean matches() {
            return seedMatches && resultMatches;
        }
    }

    /**
     * How a child's result came about.
     *
     * @param position the child's place in the draw order, of {@code drawn}
     * @param key SHA-256(seed ‖ child id), which orders children within a priority group
     * @param needed seats the child's turn needed (siblings drawn together need one each)
     * @param outcome CONFIRMED, WAITLISTED, FULL (waiting list full) or TIME_CONFLICT
     * @param waitingPosition the current place in line while waiting
     */
    public record Explanation(
            UUID windowId,
            UUID childId,
            String childName,
            int position,
            int drawn,
            String key,
            String seed,
            int priority,
            @Nullable String priorityReason,
            int needed,
            List<ChoiceTurn> choices,
            String outcome,
            @Nullable String placed,
            @Nullable String waitingFor,
            @Nullable Integer waitingPosition) {}

    /**
     * A choice when the child's turn came.
     *
     * @param full whether it had fewer seats left than the turn needed
     * @param got whether the child got this one
     */
    public record ChoiceTurn(int rank, UUID offeringId, String courseName, int seatsLeft, boolean full, boolean got) {}
}
