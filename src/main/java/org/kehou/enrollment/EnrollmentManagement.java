package org.kehou.enrollment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.kehou.catalog.OfferingDirectory;
import org.kehou.catalog.OfferingDirectory.OfferingFacts;
import org.kehou.catalog.OfferingState;
import org.kehou.catalog.Slot;
import org.kehou.enrollment.SeatLedger.Claim;
import org.kehou.enrollment.SeatLedger.Claimed;
import org.kehou.organization.OrganizationQueries;
import org.kehou.organization.OrganizationQueries.SchoolSummary;
import org.kehou.organization.OrganizationQueries.StudentRow;
import org.kehou.organization.TermDirectory;
import org.kehou.organization.TermDirectory.TermFacts;
import org.kehou.organization.TermKind;
import org.kehou.platform.AuditTrail;
import org.kehou.platform.AuditTrail.AuditEntry;
import org.kehou.platform.Ids;
import org.kehou.platform.NotFoundException;
import org.kehou.platform.RecordRows;
import org.kehou.platform.Role;
import org.kehou.platform.RuleViolation;
import org.kehou.platform.UserScope;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registration (ENROL-1..4): guardians register their own children for published offerings while a window is open,
 * with consent; a seat is claimed atomically, or a place in line when the offering is full, and a withdrawal hands
 * the seat to the first in line. School and county admins open the windows. Every method takes the caller's scope:
 * another family's child, another school's window or an unpublished offering is not found; a rule's refusal changes
 * nothing and names the rule's message.
 *
 * <p>A registration attempt asks the database one statement on PostgreSQL: everything it checks before (the child,
 * the offering, the term, the window) comes from {@link RegistrationFacts}, and the claim itself, the history entry
 * and the answer kept under the idempotency key are written together.
 */
@Service
public class EnrollmentManagement {

    private final RegistrationFacts facts;
    private final SeatLedger ledger;
    private final OfferingDirectory offerings;
    private final TermDirectory terms;
    private final OrganizationQueries organization;
    private final RegistrationWindowRepository windows;
    private final AuditTrail audit;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final String consentVersion;
    private final LotterySeeds seeds;

    EnrollmentManagement(
            RegistrationFacts facts,
            SeatLedger ledger,
            OfferingDirectory offerings,
            TermDirectory terms,
            OrganizationQueries organization,
            RegistrationWindowRepository windows,
            AuditTrail audit,
            JdbcClient jdbc,
            Clock clock,
            @Value("${kehou.enrollment.consent-version:2026-1}") String consentVersion,
            LotterySeeds seeds) {
        this.facts = facts;
        this.ledger = ledger;
        this.offerings = offerings;
        this.terms = terms;
        this.organization = organization;
        this.windows = windows;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
        this.consentVersion = consentVersion;
        this.seeds = seeds;
    }

    /** The version of the consent text guardians agree to now (ENROL-1); the text is {@code enrollment.consent.text}. */
    public String consentVersion() {
        return consentVersion;
    }

    /**
     * Registers a guardian's child for an offering (ENROL-1, ENROL-2, ENROL-4, ENROL-5): refused unless the guardian
     * consents to the current consent text, the child is theirs (else not found), the offering is published at the
     * child's school for the child's grade, a window governing it is open now and a fee-bearing offering's notice
     * has been public long enough. Then a seat is claimed, or a place in line, or the answer says why neither. The
     * answer is kept under the idempotency key: the same key with the same request gets it again and changes
     * nothing; the same key with another request is refused.
     */
    public EnrollmentOutcome enroll(UserScope scope, EnrollChild command, String idempotencyKey) {
        String fingerprint = fingerprint(command);
        Claim claim;
        try {
            claim = claimFor(scope, command, idempotencyKey, fingerprint);
        } catch (RuleViolation | NotFoundException refused) {
            // a replay gets the first answer even when the checks would now refuse (the window has since closed)
            Optional<Claimed> first = ledger.prior(scope.accountId(), idempotencyKey);
            if (first.isEmpty()) {
                throw refused;
            }
            return answer(first.get(), fingerprint);
        }
        return answer(ledger.claim(claim), fingerprint);
    }

    private Claim claimFor(UserScope scope, EnrollChild command, String idempotencyKey, String fingerprint) {
        GuardianConsentRule.check(command.consent(), command.consentVersion(), consentVersion);
        StudentRow child = facts.child(scope, command.childId());
        if (child == null || scope.guardianId() == null) {
            throw new NotFoundException("child");
        }
        OfferingFacts offering = facts.offering(command.offeringId());
        if (offering == null || offering.state() == OfferingState.DRAFT) {
            throw new NotFoundException("offering");
        }
        OfferingFitRule.check(
                offering.state(), offering.schoolId(), offering.grades(), child.schoolId(), child.gradeLevel());
        TermFacts term = facts.term(offering.termId());
        if (term == null) {
            throw new NotFoundException("term");
        }
        LocalDateTime now = LocalDateTime.now(clock);
        RegistrationWindow window = RegistrationWindowRule.openAt(
                facts.windows(offering.countyId(), offering.schoolId(), term.schoolYear(), term.kind()), now);
        AllocationRule.check(window.allocation(), Allocation.FIRST_COME);
        offering.checkNoticePeriod(clock);
        if (!facts.hasSeat(offering.id())) {
            ledger.sync(List.of(offering), window.waitlistLimit(), window.promotion(), window.offerHours(), now);
            facts.seatExists(offering.id());
        }
        return new Claim(
                Ids.next(),
                scope.accountId(),
                scope.guardianId(),
                child.id(),
                offering.id(),
                offering.termId(),
                offering.weekday(),
                offering.slot(),
                command.consentVersion(),
                now,
                scope.accountId().toString(),
                idempotencyKey,
                fingerprint);
    }

    private static EnrollmentOutcome answer(Claimed claimed, String fingerprint) {
        if (claimed.replayed() && !claimed.fingerprint().equals(fingerprint)) {
            throw new RuleViolation("idempotency.keyReused");
        }
        return new EnrollmentOutcome(claimed.result(), claimed.enrollmentId(), claimed.position(), claimed.replayed());
    }

    /**
     * Withdraws a registration of the guardian's own child (ENROL-3); another family's is not found. A seat it held
     * goes, in the same transaction, to the first in line (ENROL-2). Withdrawing again changes nothing.
     */
    public WithdrawalOutcome withdraw(UserScope scope, UUID enrollmentId) {
        Enrollment found = own(scope, enrollmentId);
        var withdrawal = ledger.withdraw(found.id(), scope.accountId().toString(), LocalDateTime.now(clock));
        return new WithdrawalOutcome(withdrawal.changed(), withdrawal.promoted());
    }

    /**
     * Accepts the seat offered to the guardian's own child (ENROL-2, promotion by offer): the registration becomes
     * confirmed under the consent recorded when the child joined the line (ADR 0017). Refused, changing nothing, once
     * the offer has expired or when it is not offered; another family's registration is not found.
     */
    public void acceptOffer(UserScope scope, UUID enrollmentId) {
        Enrollment found = own(scope, enrollmentId);
        ledger.accept(found.id(), scope.accountId().toString(), LocalDateTime.now(clock));
    }

    /**
     * Declines the seat offered to the guardian's own child (ENROL-2): the registration is withdrawn and the seat
     * offered to the next in line in the same transaction. Refused unless it is offered; another family's is not
     * found.
     */
    public WithdrawalOutcome declineOffer(UserScope scope, UUID enrollmentId) {
        Enrollment found = own(scope, enrollmentId);
        var withdrawal = ledger.decline(found.id(), scope.accountId().toString(), LocalDateTime.now(clock));
        return new WithdrawalOutcome(withdrawal.changed(), withdrawal.promoted());
    }

    private Enrollment own(UserScope scope, UUID enrollmentId) {
        return ledger.find(enrollmentId)
                .filter(e -> facts.child(scope, e.childId()) != null)
                .orElseThrow(() -> new NotFoundException("enrollment"));
    }

    /** The registrations of the guardian's own children, newest first, with their place in line while waiting. */
    @Transactional(readOnly = true)
    public List<EnrollmentSummary> familyEnrollments(UserScope scope) {
        Map<UUID, StudentRow> children = facts.children(scope);
        if (children.isEmpty()) {
            return List.of();
        }
        record Row(
                UUID id,
                UUID childId,
                UUID offeringId,
                DayOfWeek weekday,
                Slot slot,
                EnrollmentStatus status,
                @Nullable Long position,
                LocalDateTime requestedAt,
                @Nullable LocalDateTime confirmedAt,
                @Nullable LocalDateTime withdrawnAt,
                @Nullable LocalDateTime offerExpiresAt) {}
        return jdbc
                .sql("""
                        select e.id, e.child_id, e.offering_id, e.weekday, e.slot, e.status, e.requested_at,
                          e.confirmed_at, e.withdrawn_at,
                          case when e.status = 'OFFERED' then e.offer_expires_at end as offer_expires_at,
                          case when e.status = 'WAITLISTED' then (select count(*) from enrollment.enrollment w
                            where w.offering_id = e.offering_id and w.status = 'WAITLISTED'
                              and w.waitlist_ticket <= e.waitlist_ticket) end as position
                        from enrollment.enrollment e where e.child_id in (:children)
                        order by e.requested_at desc, e.id""")
                .param("children", List.copyOf(children.keySet()))
                .query(RecordRows.of(Row.class))
                .list()
                .stream()
                .map(r -> {
                    OfferingFacts offering = facts.offering(r.offeringId());
                    return new EnrollmentSummary(
                            r.id(),
                            r.childId(),
                            children.get(r.childId()).name(),
                            r.offeringId(),
                            offering == null ? "" : offering.courseName(),
                            r.weekday(),
                            r.slot(),
                            r.status(),
                            r.position() == null ? null : r.position().intValue(),
                            r.requestedAt(),
                            r.confirmedAt(),
                            r.withdrawnAt(),
                            r.offerExpiresAt());
                })
                .toList();
    }

    /** The seats of a published offering, as public as the offering; a draft or unknown one is not found. */
    @Transactional(readOnly = true)
    public SeatsLeft seats(UUID offeringId) {
        OfferingFacts offering = facts.offering(offeringId);
        if (offering == null || offering.state() == OfferingState.DRAFT) {
            throw new NotFoundException("offering");
        }
        return ledger.seat(offeringId)
                .map(s -> new SeatsLeft(
                        offeringId,
                        s.capacity(),
                        s.taken(),
                        s.capacity() - s.taken(),
                        s.waiting(),
                        Math.max(0, s.waitlistLimit() - s.waiting())))
                .orElseGet(() -> new SeatsLeft(offeringId, offering.capacity(), 0, offering.capacity(), 0, 0));
    }

    /**
     * Opens a registration window (ENROL-2) for a school (its admin, or its county's admin) or for every school of a
     * county without windows of their own (the county's admin). It may not overlap another window of the same school
     * or county and term. The published offerings it governs get their seat rows now; a lottery window gets its seed
     * and the published commitment to it (ADR 0011).
     */
    @Transactional
    public UUID openWindow(UserScope scope, NewWindow command) {
        UUID countyId;
        UUID schoolId = command.schoolId();
        if (scope.has(Role.SCHOOL_ADMIN) && (schoolId == null || scope.canManageSchool(schoolId))) {
            schoolId = scope.schoolId();
            if (schoolId == null) {
                throw new NotFoundException("school");
            }
            countyId = organization.school(scope, schoolId).countyId();
        } else if (scope.has(Role.COUNTY_ADMIN) && scope.countyId() != null) {
            countyId = scope.countyId();
            if (schoolId != null) {
                SchoolSummary school = organization.school(scope, schoolId);
                if (!scope.canManageCounty(school.countyId())) {
                    throw new NotFoundException("school");
                }
            }
        } else {
            throw new NotFoundException("school");
        }
        LocalDateTime now = LocalDateTime.now(clock);
        RegistrationWindow window = RegistrationWindow.plan(
                Ids.next(),
                countyId,
                schoolId,
                command.schoolYear(),
                command.termKind(),
                command.opensAt(),
                command.closesAt(),
                command.allocation(),
                command.waitlistLimit(),
                command.promotion(),
                command.offerHours(),
                scope.accountId().toString(),
                now);
        List<RegistrationWindow> existing =
                windows.findByCountyIdAndSchoolYearAndTermKind(countyId, command.schoolYear(), command.termKind());
        existing.stream().filter(window::overlaps).findFirst().ifPresent(w -> {
            throw new RuleViolation(
                    "window.overlaps",
                    RegistrationWindowRule.MINUTE.format(w.opensAt()),
                    RegistrationWindowRule.MINUTE.format(w.closesAt()));
        });
        windows.save(window);
        if (window.allocation() == Allocation.LOTTERY) {
            seeds.commit(window, now);
        }
        Set<UUID> ownWindows = existing.stream()
                .map(RegistrationWindow::schoolId)
                .filter(s -> s != null)
                .collect(Collectors.toSet());
        List<UUID> termIds = terms.terms(countyId, schoolId, command.schoolYear(), command.termKind()).stream()
                .filter(t -> window.schoolId() != null || !ownWindows.contains(t.schoolId()))
                .map(TermFacts::id)
                .toList();
        List<OfferingFacts> governed = offerings.published(termIds);
        ledger.sync(governed, window.waitlistLimit(), window.promotion(), window.offerHours(), now);
        ledger.limitWaitlists(
                governed.stream().map(OfferingFacts::id).toList(),
                window.waitlistLimit(),
                window.promotion(),
                window.offerHours());
        governed.forEach(o -> facts.seatExists(o.id()));
        facts.windowsChanged();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("schoolYear", window.schoolYear());
        after.put("termKind", window.termKind());
        after.put("opensAt", window.opensAt());
        after.put("closesAt", window.closesAt());
        after.put("allocation", window.allocation());
        after.put("waitlistLimit", window.waitlistLimit());
        after.put("promotion", window.promotion());
        if (window.offerHours() != null) {
            after.put("offerHours", window.offerHours());
        }
        after.put("seats", governed.size());
        audit.record(new AuditEntry(
                "registration.window.opened", "registration_window", window.id(), countyId, schoolId, null, after));
        return window.id();
    }

    /**
     * The windows the caller governs or is governed by: a county admin's county-wide and school windows, a school
     * admin's own and its county's; newest opening first.
     */
    @Transactional(readOnly = true)
    public List<WindowSummary> windows(UserScope scope) {
        List<RegistrationWindow> found = new ArrayList<>();
        if (scope.has(Role.COUNTY_ADMIN) && scope.countyId() != null) {
            found.addAll(windows.findByCountyId(scope.countyId()));
        } else if (scope.has(Role.SCHOOL_ADMIN) && scope.schoolId() != null) {
            UUID county = organization.school(scope, scope.schoolId()).countyId();
            windows.findByCountyId(county).stream()
                    .filter(w -> w.schoolId() == null || w.schoolId().equals(scope.schoolId()))
                    .forEach(found::add);
        }
        return found.stream()
                .sorted(Comparator.comparing(RegistrationWindow::opensAt)
                        .reversed()
                        .thenComparing(RegistrationWindow::id))
                .map(EnrollmentManagement::summary)
                .toList();
    }

    static String fingerprint(EnrollChild command) {
        String request = "enroll\n" + command.childId() + "\n" + command.offeringId() + "\n" + command.consent() + "\n"
                + command.consentVersion();
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(request.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A guardian's request to register a child (ENROL-1).
     *
     * @param consent that the guardian agrees to the consent text
     * @param consentVersion the version of the consent text they were shown
     */
    public record EnrollChild(UUID childId, UUID offeringId, boolean consent, String consentVersion) {}

    /**
     * The answer to a registration attempt.
     *
     * @param enrollmentId the registration stored, when a seat or a place in line was given
     * @param position the place in line of a waitlisted child, 1 for the first
     * @param replayed whether this is the answer first given to the same idempotency key
     */
    public record EnrollmentOutcome(
            EnrollmentResult result,
            @Nullable UUID enrollmentId,
            @Nullable Integer position,
            boolean replayed) {}

    /**
     * What a withdrawal did.
     *
     * @param withdrawn false when it had been withdrawn before
     * @param promoted the registration that took the freed seat, if any
     */
    public record WithdrawalOutcome(
            boolean withdrawn, @Nullable UUID promoted) {}

    /**
     * A registration of one of the guardian's children.
     *
     * @param offerExpiresAt until when the seat offered is held, while it is offered
     */
    public record EnrollmentSummary(
            UUID id,
            UUID childId,
            String childName,
            UUID offeringId,
            String courseName,
            DayOfWeek weekday,
            Slot slot,
            EnrollmentStatus status,
            @Nullable Integer position,
            LocalDateTime requestedAt,
            @Nullable LocalDateTime confirmedAt,
            @Nullable LocalDateTime withdrawnAt,
            @Nullable LocalDateTime offerExpiresAt) {}

    /**
     * The seats of an offering.
     *
     * @param left seats still free
     * @param waitlistLeft places still free in line (0: the waiting list is closed or full)
     */
    public record SeatsLeft(UUID offeringId, int capacity, int taken, int left, int waiting, int waitlistLeft) {}

    /**
     * A window to open.
     *
     * @param schoolId the school it is for; null for every school of the caller's county
     * @param waitlistLimit how many may wait per offering, 0 for no waiting list
     * @param promotion how a waiting list moves when a seat frees
     * @param offerHours how long an offer of a freed seat lasts, under {@link Promotion#OFFER} only
     */
    public record NewWindow(
            @Nullable UUID schoolId,
            int schoolYear,
            TermKind termKind,
            LocalDateTime opensAt,
            LocalDateTime closesAt,
            Allocation allocation,
            int waitlistLimit,
            Promotion promotion,
            @Nullable Integer offerHours) {

        /** A window whose waiting lists move automatically. */
        public NewWindow(
                @Nullable UUID schoolId,
                int schoolYear,
                TermKind termKind,
                LocalDateTime opensAt,
                LocalDateTime closesAt,
                Allocation allocation,
                int waitlistLimit) {
            this(
                    schoolId,
                    schoolYear,
                    termKind,
                    opensAt,
                    closesAt,
                    allocation,
                    waitlistLimit,
                    Promotion.AUTOMATIC,
                    null);
        }
    }

    /** A registration window as its admins see it; {@code offerHours} is set under {@link Promotion#OFFER} only. */
    /** A window as the pages and the API show it. */
    static WindowSummary summary(RegistrationWindow w) {
        return new WindowSummary(
                w.id(),
                w.countyId(),
                w.schoolId(),
                w.schoolYear(),
                w.termKind(),
                w.opensAt(),
                w.closesAt(),
                w.allocation(),
                w.promotion(),
                w.waitlistLimit(),
                w.offerHours());
    }

    public record WindowSummary(
            UUID id,
            UUID countyId,
            @Nullable UUID schoolId,
            int schoolYear,
            TermKind termKind,
            LocalDateTime opensAt,
            LocalDateTime closesAt,
            Allocation allocation,
            Promotion promotion,
            int waitlistLimit,
            @Nullable Integer offerHours) {}
}
