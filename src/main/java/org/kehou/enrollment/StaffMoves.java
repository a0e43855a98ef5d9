package org.kehou.enrollment;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kehou.catalog.OfferingDirectory;
import org.kehou.catalog.OfferingDirectory.OfferingFacts;
import org.kehou.catalog.OfferingState;
import org.kehou.organization.OrganizationQueries;
import org.kehou.organization.OrganizationQueries.PupilContact;
import org.kehou.organization.TermDirectory;
import org.kehou.platform.AuditTrail;
import org.kehou.platform.AuditTrail.AuditEntry;
import org.kehou.platform.NotFoundException;
import org.kehou.platform.Notifications;
import org.kehou.platform.Notifications.NewNotification;
import org.kehou.platform.UserScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A school admin moves a child from one offering to another (ENROL-3): with a reason, from a registration of their
 * own school to a published offering of their own school (anything else is not found and changes nothing), that
 * fits the child's grade, is in the same term, does not clash with the child's other registrations and has a free
 * seat. The seat is claimed through {@link SeatLedger} like any claim, and the seat left goes to the first in line.
 * The move is kept in the registration history and the audit trail, and the family is told.
 */
@Service
public class StaffMoves {

    static final String TOPIC = "enrolment.moved";

    private final SeatLedger ledger;
    private final RegistrationFacts facts;
    private final OfferingDirectory offerings;
    private final TermDirectory terms;
    private final OrganizationQueries organization;
    private final Notifications notifications;
    private final AuditTrail audit;
    private final JdbcClient jdbc;
    private final Clock clock;

    StaffMoves(
            SeatLedger ledger,
            RegistrationFacts facts,
            OfferingDirectory offerings,
            TermDirectory terms,
            OrganizationQueries organization,
            Notifications notifications,
            AuditTrail audit,
            JdbcClient jdbc,
            Clock clock) {
        this.ledger = ledger;
        this.facts = facts;
        this.offerings = offerings;
        this.terms = terms;
        this.organization = organization;
        this.notifications = notifications;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The registration of the admin's school as it stands, for the move form; another school's is not found. */
    @Transactional(readOnly = true)
    public MoveSubject subject(UserScope scope, UUID enrollmentId) {
        Enrollment source = managed(scope, enrollmentId);
        PupilContact child = child(scope, source);
        OfferingFacts from = offerings.offering(source.offeringId()).orElseThrow();
        List<OfferingFacts> choices = offerings.published(List.of(source.termId())).stream()
                .filter(o -> !o.id().equals(source.offeringId()))
                .filter(o -> o.grades().contains(child.gradeLevel()))
                .toList();
        return new MoveSubject(source.id(), source.status(), child, from, choices);
    }

    /**
     * Moves the registration to the destination offering, as described on the class. Returns the new registration
     * and the one promoted into the seat left, if any.
     */
    @Transactional
    public MoveOutcome move(UserScope scope, UUID enrollmentId, UUID destinationId, @Nullable String reason) {
        Enrollment source = managed(scope, enrollmentId);
        OfferingFacts destination = offerings
                .offering(destinationId)
                .filter(o -> scope.canManageSchool(o.schoolId()) && o.state() != OfferingState.DRAFT)
                .orElseThrow(() -> new NotFoundException("offering"));
        StaffMoveRule.check(reason, source.offeringId(), source.termId(), destination.id(), destination.termId());
        PupilContact child = child(scope, source);
        OfferingFitRule.check(
                destination.state(),
                destination.schoolId(),
                destination.grades(),
                source.schoolId(),
                child.gradeLevel());
        LocalDateTime now = LocalDateTime.now(clock);
        if (!facts.hasSeat(destination.id())) {
            ledger.sync(List.of(destination), waitlistLimit(destination, now), now);
            facts.seatExists(destination.id());
        }
        String given = reason == null ? "" : reason.strip();
        SeatLedger.Moved moved =
                ledger.move(source.id(), destination.id(), scope.accountId().toString(), now);
        OfferingFacts from = offerings.offering(source.offeringId()).orElseThrow();
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("offering", source.offeringId());
        before.put("status", moved.source().status());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("offering", destination.id());
        after.put("enrollment", moved.moved());
        after.put("reason", given);
        if (moved.promoted() != null) {
            after.put("promoted", moved.promoted());
        }
        audit.record(new AuditEntry(
                "registration.moved", "enrollment", source.id(), source.countyId(), source.schoolId(), before, after));
        UUID guardian = jdbc.sql("select guardian_id from enrollment.enrollment where id = :id")
                .param("id", source.id())
                .query(UUID.class)
                .single();
        notifications.sendToGuardian(
                guardian,
                new NewNotification(
                        null,
                        source.countyId(),
                        source.schoolId(),
                        TOPIC,
                        "enrollment.notice.moved",
                        List.of(
                                NoticeText.of(child.name()),
                                NoticeText.of(from.courseName()),
                                NoticeText.of(destination.courseName()),
                                NoticeText.of(given)),
                        null));
        return new MoveOutcome(moved.moved(), moved.promoted());
    }

    private Enrollment managed(UserScope scope, UUID enrollmentId) {
        return ledger.find(enrollmentId)
                .filter(e -> scope.canManageSchool(e.schoolId()))
                .orElseThrow(() -> new NotFoundException("enrollment"));
    }

    private PupilContact child(UserScope scope, Enrollment source) {
        return organization.pupils(scope, source.schoolId(), List.of(source.childId())).stream()
                .findFirst()
                .orElseThrow(() -> new NotFoundException("child"));
    }

    /** The waiting-list limit of the window open now for the offering's term, or none. */
    private int waitlistLimit(OfferingFacts offering, LocalDateTime now) {
        return terms
                .term(offering.termId())
                .map(t -> facts.windows(offering.countyId(), offering.schoolId(), t.schoolYear(), t.kind()))
                .orElse(List.of())
                .stream()
                .filter(w -> !now.isBefore(w.opensAt()) && now.isBefore(w.closesAt()))
                .mapToInt(RegistrationWindow::waitlistLimit)
                .findFirst()
                .orElse(0);
    }

    /**
     * A registration to move and where it may go.
     *
     * @param choices the published offerings of the same term open to the child's grade, the source left out
     */
    public record MoveSubject(
            UUID enrollmentId,
            EnrollmentStatus status,
            PupilContact child,
            OfferingFacts from,
            List<OfferingFacts> choices) {}

    /**
     * What a move did.
     *
     * @param enrollmentId the new registration, confirmed in the destination
     * @param promoted the registration that took the seat left, if any
     */
    public record MoveOutcome(UUID enrollmentId, @Nullable UUID promoted) {}
}
