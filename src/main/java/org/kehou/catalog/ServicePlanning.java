package org.kehou.catalog;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.kehou.catalog.CatalogManagement.NewOpening;
import org.kehou.organization.OrganizationQueries;
import org.kehou.organization.OrganizationQueries.SchoolSummary;
import org.kehou.organization.OrganizationQueries.StaffRow;
import org.kehou.organization.Term;
import org.kehou.organization.TermDirectory;
import org.kehou.platform.Ids;
import org.kehou.platform.NotFoundException;
import org.kehou.platform.Page;
import org.kehou.platform.PageQuery;
import org.kehou.platform.RecordRows;
import org.kehou.platform.RuleViolation;
import org.kehou.platform.UserScope;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A school's services on school days and its openings on days without school (SCOPE-1..3, CONTENT-4, CONTENT-6,
 * CONTENT-7): the times of early arrival care, slot 1, slot 2, extended care and evening self-study in each term, and
 * the rooms and grounds it opens on weekends and in vacations. A school's admin changes them, readers of the school
 * see them; an id outside the caller's scope is answered as not found, a refused command changes nothing.
 */
@Service
@Transactional
public class ServicePlanning {

    private final ServiceTimeRepository times;
    private final VenueRepository venues;
    private final CatalogManagement catalog;
    private final OrganizationQueries organization;
    private final TermDirectory terms;
    private final JdbcClient jdbc;
    private final Clock clock;

    ServicePlanning(
            ServiceTimeRepository times,
            VenueRepository venues,
            CatalogManagement catalog,
            OrganizationQueries organization,
            TermDirectory terms,
            JdbcClient jdbc,
            Clock clock) {
        this.times = times;
        this.venues = venues;
        this.catalog = catalog;
        this.organization = organization;
        this.terms = terms;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Sets when the school runs one kind of service on its school days in a term, or that it does not run it. The
     * grades default to the school's own (for evening self-study its junior-middle grades); an offered service needs
     * its times, which must lie within the day's hours and follow the school's other services for the same students.
     */
    public UUID setServiceTime(UserScope scope, UUID schoolId, NewServiceTime command) {
        SchoolSummary school = managedSchool(scope, schoolId);
        termOf(schoolId, command.termId());
        LocalTime startsAt = command.startsAt();
        LocalTime endsAt = command.endsAt();
        if (command.offered() && (startsAt == null || endsAt == null)) {
            throw new RuleViolation("service.timesRequired");
        }
        List<Integer> defaults = command.kind().defaultGrades(school.stage());
        List<Integer> band = defaults.isEmpty() ? school.stage().grades() : defaults;
        int first = command.firstGrade() != null ? command.firstGrade() : band.getFirst();
        int last = command.lastGrade() != null ? command.lastGrade() : band.getLast();
        List<ServiceTime> term = times.findBySchoolIdAndTermId(schoolId, command.termId());
        ServiceTime candidate = term.stream()
                .filter(t -> t.kind() == command.kind())
                .findFirst()
                .map(t -> t.revised(command.offered(), startsAt, endsAt, first, last))
                .orElseGet(() -> ServiceTime.set(
                        Ids.next(),
                        school.countyId(),
                        schoolId,
                        command.termId(),
                        command.kind(),
                        command.offered(),
                        startsAt,
                        endsAt,
                        first,
                        last));
        Verdict hours =
                startsAt != null && endsAt != null ? ServiceHoursRule.check(startsAt, endsAt) : Verdict.allowed();
        hours.and(() -> ServiceGradesRule.check(command.kind(), command.offered(), school.stage(), first, last))
                .and(() -> ServiceOrderRule.check(candidate, term))
                .enforce();
        try {
            times.save(candidate);
        } catch (DuplicateKeyException | OptimisticLockingFailureException e) {
            throw new RuleViolation("service.changedMeanwhile");
        }
        return candidate.id();
    }

    /** Every kind of service of a school's term in the order of the day, set or not yet, for readers of the school. */
    @Transactional(readOnly = true)
    public List<ServiceTimeSummary> serviceTimes(UserScope scope, UUID schoolId, UUID termId) {
        SchoolSummary school = organization.school(scope, schoolId);
        termOf(schoolId, termId);
        Map<ServiceKind, ServiceTime> stored = new EnumMap<>(ServiceKind.class);
        times.findBySchoolIdAndTermId(schoolId, termId).forEach(t -> stored.put(t.kind(), t));
        return Arrays.stream(ServiceKind.values())
                .map(kind -> {
                    ServiceTime t = stored.get(kind);
                    if (t == null) {
                        List<Integer> grades = kind.defaultGrades(school.stage());
                        return new ServiceTimeSummary(
                                kind,
                                false,
                                false,
                                null,
                                null,
                                grades.isEmpty() ? null : grades.getFirst(),
                                grades.isEmpty() ? null : grades.getLast());
                    }
                    return new ServiceTimeSummary(
                            kind, true, t.offered(), t.startsAt(), t.endsAt(), t.firstGrade(), t.lastGrade());
                })
                .toList();
    }

    /**
     * The term a school's pages show unless another is asked for: the one under way today, else the next to begin,
     * else the last one; empty when the school has no term yet.
     */
    @Transactional(readOnly = true)
    public Optional<Term> currentTerm(UserScope scope, UUID schoolId) {
        return Term.shownOn(organization.terms(scope, schoolId), LocalDate.now(clock));
    }

    /**
     * Plans the opening of a venue of the school on a day without school (SCOPE-3): today or later, within the day's
     * hours, and then as {@link CatalogManagement#planOpening} allows it.
     */
    public UUID planOpening(UserScope scope, UUID schoolId, NewOpening command) {
        managedSchool(scope, schoolId);
        venues.findById(command.venueId())
                .filter(v -> v.schoolId().equals(schoolId))
                .orElseThrow(() -> new NotFoundException("venue"));
        OpeningDateRule.check(command.onDate(), LocalDate.now(clock))
                .and(() -> ServiceHoursRule.check(command.startsAt(), command.endsAt()))
                .enforce();
        return catalog.planOpening(scope, schoolId, command);
    }

    /**
     * A school's openings, those to come first (soonest first), then past ones (latest first), with the names of the
     * staff who supervise them, for readers of the school.
     */
    @Transactional(readOnly = true)
    public Page<OpeningRow> openings(UserScope scope, UUID schoolId, PageQuery page) {
        SchoolSummary school = organization.school(scope, schoolId);
        long total = jdbc.sql("select count(*) from catalog.opening where school_id = :school")
                .param("school", school.id())
                .query(Long.class)
                .single();
        List<OpeningLine> lines = jdbc.sql("""
                        select o.id, o.venue_id, v.name as venue_name, o.on_date, o.starts_at, o.ends_at, o.capacity,
                          o.purpose, o.state
                        from catalog.opening o join catalog.venue v on v.id = o.venue_id
                        where o.school_id = :school
                        order by case when o.on_date >= :today then 0 else 1 end,
                          case when o.on_date >= :today then o.on_date end,
                          o.on_date desc, o.starts_at, v.name, o.id
                        limit :limit offset :offset""")
                .param("school", school.id())
                .param("today", LocalDate.now(clock))
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(RecordRows.of(OpeningLine.class))
                .list();
        Map<UUID, List<String>> supervisors = supervisorsOf(scope, schoolId, lines);
        List<OpeningRow> items = lines.stream()
                .map(l -> new OpeningRow(
                        l.id(),
                        l.venueId(),
                        l.venueName(),
                        l.onDate(),
                        l.startsAt(),
                        l.endsAt(),
                        l.capacity(),
                        l.purpose(),
                        l.state(),
                        supervisors.getOrDefault(l.id(), List.of())))
                .toList();
        return new Page<>(items, page.page(), page.size(), total);
    }

    private Map<UUID, List<String>> supervisorsOf(UserScope scope, UUID schoolId, List<OpeningLine> lines) {
        if (lines.isEmpty()) {
            return Map.of();
        }
        Map<UUID, String> names =
                organization.staff(scope, schoolId).stream().collect(Collectors.toMap(StaffRow::id, StaffRow::name));
        return jdbc
                .sql("select opening_id, staff_id from catalog.opening_supervisor where opening_id in (:ids)")
                .param("ids", lines.stream().map(OpeningLine::id).toList())
                .query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
                .list()
                .stream()
                .collect(Collectors.groupingBy(
                        Map.Entry::getKey,
                        Collectors.mapping(
                                e -> names.getOrDefault(e.getValue(), ""),
                                Collectors.collectingAndThen(
                                        Collectors.toList(),
                                        l -> l.stream().sorted().toList()))));
    }

    private SchoolSummary managedSchool(UserScope scope, UUID schoolId) {
        if (!scope.canManageSchool(schoolId)) {
            throw new NotFoundException("school");
        }
        return organization.school(scope, schoolId);
    }

    /**
     * Refuses a term that is not the school's, by one primary-key read (the school's scope is checked by the caller):
     * the roll call and the hand-over check ask for a term's service times many times an afternoon.
     */
    private void termOf(UUID schoolId, UUID termId) {
        terms.term(termId).filter(t -> t.schoolId().equals(schoolId)).orElseThrow(() -> new NotFoundException("term"));
    }

    /**
     * When a school runs one kind of service in a term.
     *
     * @param offered false when the school does not run it; its times may then be left out
     * @param firstGrade the first grade it serves, or null for the school's first (for evening self-study its first
     *     junior-middle grade)
     * @param lastGrade the last grade it serves, or null for the school's last
     */
    public record NewServiceTime(
            UUID termId,
            ServiceKind kind,
            boolean offered,
            @Nullable LocalTime startsAt,
            @Nullable LocalTime endsAt,
            @Nullable Integer firstGrade,
            @Nullable Integer lastGrade) {}

    /**
     * One kind of service of a term as its school's readers see it.
     *
     * @param set whether the school has said anything about it yet
     * @param firstGrade the first grade it serves, or null for evening self-study at a school without grades 7–9
     */
    public record ServiceTimeSummary(
            ServiceKind kind,
            boolean set,
            boolean offered,
            @Nullable LocalTime startsAt,
            @Nullable LocalTime endsAt,
            @Nullable Integer firstGrade,
            @Nullable Integer lastGrade) {}

    /** A non-school-day opening as its school sees it, with the names of its supervising staff. */
    public record OpeningRow(
            UUID id,
            UUID venueId,
            String venueName,
            LocalDate onDate,
            LocalTime startsAt,
            LocalTime endsAt,
            int capacity,
            OpeningPurpose purpose,
            OpeningState state,
            List<String> supervisors) {}

    record OpeningLine(
            UUID id,
            UUID venueId,
            String venueName,
            LocalDate onDate,
            LocalTime startsAt,
            LocalTime endsAt,
            int capacity,
            OpeningPurpose purpose,
            OpeningState state) {}
}
