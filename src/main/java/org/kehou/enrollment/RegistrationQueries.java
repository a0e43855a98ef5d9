package org.kehou.enrollment;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.kehou.catalog.CatalogReports;
import org.kehou.catalog.CatalogReports.TimetableEntry;
import org.kehou.catalog.OfferingDirectory;
import org.kehou.catalog.OfferingDirectory.OfferingFacts;
import org.kehou.catalog.Slot;
import org.kehou.enrollment.EnrollmentManagement.EnrollmentSummary;
import org.kehou.enrollment.EnrollmentManagement.SeatsLeft;
import org.kehou.organization.OrganizationQueries;
import org.kehou.organization.OrganizationQueries.SchoolSummary;
import org.kehou.organization.OrganizationQueries.StudentRow;
import org.kehou.organization.Term;
import org.kehou.platform.NotFoundException;
import org.kehou.platform.RecordRows;
import org.kehou.platform.Role;
import org.kehou.platform.RuleViolation;
import org.kehou.platform.UserScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the registration pages show (ENROL-1..3, ENROL-5, CONTENT-1, CONTENT-2): for a guardian's own child the
 * published offerings of the term shown now that fit the child's grade, with their seats, whether a window is open,
 * and the child's registrations; the history of a registration for its family and its school's admin; and for a
 * school admin the load of the school's published offerings. Nothing here changes anything; out of scope is not
 * found.
 */
@Service
@Transactional(readOnly = true)
public class RegistrationQueries {

    private final EnrollmentManagement enrollment;
    private final RegistrationFacts facts;
    private final SeatLedger ledger;
    private final OrganizationQueries organization;
    private final CatalogReports catalog;
    private final OfferingDirectory offerings;
    private final JdbcClient jdbc;
    private final Clock clock;

    RegistrationQueries(
            EnrollmentManagement enrollment,
            RegistrationFacts facts,
            SeatLedger ledger,
            OrganizationQueries organization,
            CatalogReports catalog,
            OfferingDirectory offerings,
            JdbcClient jdbc,
            Clock clock) {
        this.enrollment = enrollment;
        this.facts = facts;
        this.ledger = ledger;
        this.organization = organization;
        this.catalog = catalog;
        this.offerings = offerings;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * What a guardian may choose for their own child (another family's is not found): the published offerings of the
     * child's school in the term shown today that are offered to the child's grade, by slot, weekday and course, each
     * with its seats and the child's registration for it, if any. Every offering stands alone (CONTENT-1): slot 1,
     * slot 2 or both may be chosen (CONTENT-2).
     */
    public Choices choices(UserScope scope, UUID childId) {
        StudentRow child = facts.child(scope, childId);
        if (child == null) {
            throw new NotFoundException("child");
        }
        Optional<Term> shown = Term.shownOn(organization.termsOfStudent(scope, childId), LocalDate.now(clock));
        if (shown.isEmpty()) {
            return new Choices(child, null, WindowState.none(), List.of());
        }
        Term term = shown.get();
        Map<UUID, OfferingFacts> published = offerings.published(List.of(term.id())).stream()
                .collect(Collectors.toMap(OfferingFacts::id, Function.identity()));
        Map<UUID, EnrollmentSummary> registered = enrollment.familyEnrollments(scope).stream()
                .filter(e -> e.childId().equals(childId) && e.status() != EnrollmentStatus.WITHDRAWN)
                .collect(Collectors.toMap(EnrollmentSummary::offeringId, Function.identity(), (a, b) -> a));
        List<Choice> choices = catalog.publishedEntries(child.schoolId(), term.id()).stream()
                .filter(e -> e.grades().contains(child.gradeLevel()) && published.containsKey(e.offeringId()))
                .sorted(Comparator.comparing(TimetableEntry::slot)
                        .thenComparing(TimetableEntry::weekday)
                        .thenComparing(TimetableEntry::courseName)
                        .thenComparing(TimetableEntry::offeringId))
                .map(e -> new Choice(
                        e.offeringId(),
                        e.courseName(),
                        e.weekday(),
                        e.slot(),
                        e.venueName(),
                        e.instructors(),
                        e.startsOn(),
                        e.endsOn(),
                        published.get(e.offeringId()).bearsFee(),
                        enrollment.seats(e.offeringId()),
                        registered.get(e.offeringId())))
                .toList();
        WindowState window = windowState(
                facts.windows(child.countyId(), child.schoolId(), term.schoolYear(), term.kind()),
                LocalDateTime.now(clock));
        return new Choices(child, term, window, choices);
    }

    /** Whether registration is open now by these windows of a school's term, and until or since when. */
    static WindowState windowState(List<RegistrationWindow> windows, LocalDateTime now) {
        try {
            RegistrationWindow open = RegistrationWindowRule.openAt(windows, now);
            return new WindowState(
                    true, "registration.window.open", List.of(RegistrationWindowRule.MINUTE.format(open.closesAt())));
        } catch (RuleViolation closed) {
            return new WindowState(
                    false,
                    closed.messageKey(),
                    java.util.Arrays.stream(closed.arguments())
                            .map(String::valueOf)
                            .toList());
        }
    }

    /**
     * The answer to a registration of the guardian's family, or null when none of theirs has this id: the
     * registration and how the waiting list of its offering moves when a seat frees, as the seat row copied it from
     * the governing window (ENROL-2; docs/adr/0017-seat-offer.md).
     */
    public @Nullable Answer answer(UserScope guardian, UUID enrollmentId) {
        EnrollmentSummary registration = enrollment.familyEnrollments(guardian).stream()
                .filter(e -> e.id().equals(enrollmentId))
                .findFirst()
                .orElse(null);
        if (registration == null) {
            return null;
        }
        record Rule(Promotion promotion, @Nullable Integer offerHours) {}
        Rule rule = jdbc.sql("select promotion, offer_hours from enrollment.seat where offering_id = :offering")
                .param("offering", registration.offeringId())
                .query(RecordRows.of(Rule.class))
                .optional()
                .orElse(new Rule(Promotion.AUTOMATIC, null));
        return new Answer(registration, rule.promotion(), rule.offerHours());
    }

    /**
     * The history of a registration (ENROL-3), oldest first, for the guardians of its child and the admins of its
     * school; anyone else finds nothing.
     */
    public List<HistoryEntry> history(UserScope scope, UUID enrollmentId) {
        Enrollment found = ledger.find(enrollmentId)
                .filter(e -> facts.child(scope, e.childId()) != null
                        || (scope.has(Role.SCHOOL_ADMIN) && scope.canManageSchool(e.schoolId())))
                .orElseThrow(() -> new NotFoundException("enrollment"));
        return jdbc.sql("""
                        select seq, action, actor, occurred_at from enrollment.enrollment_event
                        where enrollment_id = :id order by seq""")
                .param("id", found.id())
                .query((rs, n) -> new HistoryEntry(
                        rs.getInt("seq"),
                        rs.getString("action"),
                        SeatLedger.SYSTEM.equals(rs.getString("actor")) ? "system" : "person",
                        rs.getObject("occurred_at", LocalDateTime.class)))
                .list();
    }

    /**
     * A school admin's published offerings of the term shown today with their capacity, seats taken and children
     * waiting (ENROL-2); another caller has none to see.
     */
    public SchoolLoad schoolLoad(UserScope scope) {
        UUID schoolId = scope.schoolId();
        if (!scope.has(Role.SCHOOL_ADMIN) || schoolId == null) {
            throw new NotFoundException("school");
        }
        SchoolSummary school = organization.school(scope, schoolId);
        Optional<Term> shown = Term.shownOn(organization.terms(scope, school.id()), LocalDate.now(clock));
        if (shown.isEmpty()) {
            return new SchoolLoad(null, List.of());
        }
        List<OfferingLoad> loads = catalog
                .publishedEntries(school.id(), shown.get().id())
                .stream()
                .sorted(Comparator.comparing(TimetableEntry::slot)
                        .thenComparing(TimetableEntry::weekday)
                        .thenComparing(TimetableEntry::courseName))
                .map(e -> new OfferingLoad(
                        e.offeringId(),
                        e.courseName(),
                        e.weekday(),
                        e.slot(),
                        e.grades(),
                        enrollment.seats(e.offeringId())))
                .toList();
        return new SchoolLoad(shown.get(), loads);
    }

    /**
     * What a guardian may choose for a child.
     *
     * @param term the term shown today, or null when the school has none
     */
    public record Choices(StudentRow child, @Nullable Term term, WindowState window, List<Choice> offerings) {

        /** The offerings of one slot, for a page grouped by slot. */
        public List<Choice> of(Slot slot) {
            return offerings.stream().filter(c -> c.slot() == slot).toList();
        }
    }

    /**
     * An offering a child may register for.
     *
     * @param bearsFee whether it has a fee, whose public notice is linked
     * @param registration the child's active registration for it, or null
     */
    public record Choice(
            UUID offeringId,
            String courseName,
            DayOfWeek weekday,
            Slot slot,
            String venueName,
            List<String> instructors,
            @Nullable LocalDate startsOn,
            @Nullable LocalDate endsOn,
            boolean bearsFee,
            SeatsLeft seats,
            @Nullable EnrollmentSummary registration) {}

    /**
     * Whether registration is open.
     *
     * @param messageKey says until when it is open, or when it opens or closed, with {@code arguments}
     */
    public record WindowState(boolean open, String messageKey, List<String> arguments) {

        static WindowState none() {
            return new WindowState(false, "window.none", List.of());
        }
    }

    /**
     * One entry of a registration's history.
     *
     * @param actor {@code system} for a promotion, {@code person} for an act of the guardian
     */
    public record HistoryEntry(int seq, String action, String actor, LocalDateTime occurredAt) {}

    /**
     * The answer to a registration just made.
     *
     * @param promotion how the offering's waiting list moves when a seat frees
     * @param offerHours how long an offer of a freed seat lasts, under {@link Promotion#OFFER} only
     */
    public record Answer(
            EnrollmentSummary registration,
            Promotion promotion,
            @Nullable Integer offerHours) {}

    /** A school's published offerings of the term shown with their seats. */
    public record SchoolLoad(@Nullable Term term, List<OfferingLoad> offerings) {}

    public record OfferingLoad(
            UUID offeringId, String courseName, DayOfWeek weekday, Slot slot, List<Integer> grades, SeatsLeft seats) {}
}
