package org.kehou.operations;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kehou.catalog.CatalogManagement;
import org.kehou.catalog.CatalogManagement.OfferingSummary;
import org.kehou.catalog.CatalogManagement.VenueSummary;
import org.kehou.catalog.OfferingState;
import org.kehou.organization.OrganizationQueries;
import org.kehou.organization.OrganizationQueries.SchoolSummary;
import org.kehou.organization.TermCalendar;
import org.kehou.platform.AuditTrail;
import org.kehou.platform.AuditTrail.AuditEntry;
import org.kehou.platform.Ids;
import org.kehou.platform.NotFoundException;
import org.kehou.platform.Page;
import org.kehou.platform.PageQuery;
import org.kehou.platform.Photos;
import org.kehou.platform.RuleViolation;
import org.kehou.platform.UserScope;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The daily patrols of a school's after-school service (OPS-3, 每天巡查和记录), recorded and followed up by its admin,
 * and the day's patrol coverage: the share of the day's published offerings with at least one patrol that day
 * (SUP-2). Another school's patrol is not found.
 */
@Service
@Transactional
public class Patrols {

    private static final String PATROLS = """
            select p.id, p.patrolled_at, p.offering_id, p.venue_id, p.place, p.observed, p.follow_up, p.follow_up_status,
              p.resolution, p.resolved_at, p.resolved_by_name, p.recorded_by_name
            from operations.patrol p""";

    private final PatrolRepository patrols;
    private final OrganizationQueries organization;
    private final CatalogManagement catalog;
    private final Photos photos;
    private final PickupSchedule schedule;
    private final AuditTrail audit;
    private final JdbcClient jdbc;
    private final Clock clock;

    Patrols(
            PatrolRepository patrols,
            OrganizationQueries organization,
            CatalogManagement catalog,
            Photos photos,
            PickupSchedule schedule,
            AuditTrail audit,
            JdbcClient jdbc,
            Clock clock) {
        this.patrols = patrols;
        this.organization = organization;
        this.catalog = catalog;
        this.photos = photos;
        this.schedule = schedule;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Records a patrol of the school: at one of its offerings (whose venue is then the place), at one of its venues,
     * or at a place named freely; within the last 30 days, with a follow-up when an issue was found.
     */
    public UUID record(UserScope scope, UUID schoolId, NewPatrol command) {
        SchoolSummary school = managedSchool(scope, schoolId);
        LocalDateTime now = LocalDateTime.now(clock);
        RecordedTimeRule.check("patrol", command.patrolledAt(), now).enforce();
        UUID venueId = command.venueId();
        String place;
        if (command.offeringId() != null) {
            OfferingSummary offering = offeringOf(scope, schoolId, command.offeringId());
            venueId = offering.venueId();
            place = offering.venueName();
        } else if (venueId != null) {
            UUID wanted = venueId;
            place = catalog.venues(scope, schoolId).stream()
                    .filter(v -> v.id().equals(wanted))
                    .map(VenueSummary::name)
                    .findFirst()
                    .orElseThrow(() -> new RuleViolation("patrol.venue.unknown"));
        } else {
            place = command.place() == null ? "" : command.place().strip();
            if (place.isEmpty()) {
                throw new RuleViolation("patrol.place.required");
            }
        }
        PatrolPhotosRule.check(command.photos().size()).enforce();
        List<UUID> photoIds = new ArrayList<>();
        for (byte[] bytes : command.photos()) {
            photoIds.add(photos.store(scope, school.countyId(), schoolId, bytes));
        }
        Patrol patrol = Patrol.record(
                Ids.next(),
                school.countyId(),
                schoolId,
                command.patrolledAt(),
                command.offeringId(),
                venueId,
                place,
                command.observed(),
                command.issues(),
                command.followUp(),
                photoIds,
                scope.accountId(),
                scope.displayName(),
                now);
        patrols.save(patrol);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("patrolledAt", command.patrolledAt());
        after.put("offeringId", command.offeringId());
        after.put("place", place);
        after.put("issues", command.issues());
        after.put("photos", photoIds.size());
        after.put("followUp", patrol.followUpStatus());
        audit.record(
                new AuditEntry("patrol.recorded", "patrol", patrol.id(), school.countyId(), schoolId, null, after));
        return patrol.id();
    }

    /** Resolves the open follow-up of a patrol of the admin's school, saying how. */
    public void resolve(UserScope scope, UUID patrolId, String resolution) {
        Patrol patrol = patrols.findById(patrolId)
                .filter(p -> scope.canManageSchool(p.schoolId()))
                .orElseThrow(() -> new NotFoundException("patrol"));
        patrol.resolve(resolution, scope.displayName(), LocalDateTime.now(clock));
        try {
            patrols.save(patrol);
        } catch (OptimisticLockingFailureException e) {
            throw new RuleViolation("patrol.notOpen");
        }
        audit.record(new AuditEntry(
                "patrol.resolved",
                "patrol",
                patrol.id(),
                patrol.countyId(),
                patrol.schoolId(),
                Map.of("followUp", FollowUpStatus.OPEN),
                Map.of("followUp", FollowUpStatus.RESOLVED)));
    }

    /** One patrol of the admin's school; another school's is not found. */
    @Transactional(readOnly = true)
    public PatrolLine patrol(UserScope scope, UUID patrolId) {
        UUID school = patrols.findById(patrolId)
                .filter(p -> scope.canManageSchool(p.schoolId()))
                .map(Patrol::schoolId)
                .orElseThrow(() -> new NotFoundException("patrol"));
        return withDetails(jdbc.sql(PATROLS + " where p.id = :id and p.school_id = :school")
                        .param("id", patrolId)
                        .param("school", school)
                        .query(Patrols::line)
                        .list())
                .getFirst();
    }

    /** A school's patrols of a day, latest first. */
    @Transactional(readOnly = true)
    public List<PatrolLine> day(UserScope scope, UUID schoolId, LocalDate day) {
        SchoolSummary school = organization.school(scope, schoolId);
        return withDetails(jdbc.sql(PATROLS + " where p.school_id = :school and p.on_date = :day"
                        + " order by p.patrolled_at desc, p.id")
                .param("school", school.id())
                .param("day", day)
                .query(Patrols::line)
                .list());
    }

    /** A school's patrols whose follow-up is still open, oldest first. */
    @Transactional(readOnly = true)
    public Page<PatrolLine> openFollowUps(UserScope scope, UUID schoolId, PageQuery query) {
        SchoolSummary school = organization.school(scope, schoolId);
        long total = jdbc.sql(
                        "select count(*) from operations.patrol where school_id = :school and follow_up_status = 'OPEN'")
                .param("school", school.id())
                .query(Long.class)
                .single();
        List<PatrolLine> items = withDetails(jdbc.sql(PATROLS + " where p.school_id = :school"
                        + " and p.follow_up_status = 'OPEN' order by p.patrolled_at, p.id limit :limit offset :offset")
                .param("school", school.id())
                .param("limit", query.size())
                .param("offset", query.offset())
                .query(Patrols::line)
                .list());
        return new Page<>(items, query.page(), query.size(), total);
    }

    /**
     * The day's patrol coverage of a school: of the offerings published for that weekday in the term of the day (and
     * running on that date), those with at least one patrol that day. None on a day without school.
     */
    @Transactional(readOnly = true)
    public Coverage coverage(UserScope scope, UUID schoolId, LocalDate day) {
        List<OfferingSummary> offerings = offeringsOn(scope, schoolId, day);
        if (offerings.isEmpty()) {
            return new Coverage(day, List.of());
        }
        Set<UUID> patrolled = Set.copyOf(jdbc.sql("""
                        select distinct offering_id from operations.patrol
                        where school_id = :school and on_date = :day and offering_id in (:ids)""")
                .param("school", schoolId)
                .param("day", day)
                .param("ids", offerings.stream().map(OfferingSummary::id).toList())
                .query(UUID.class)
                .list());
        return new Coverage(
                day,
                offerings.stream()
                        .map(o -> new CoveredOffering(o, patrolled.contains(o.id())))
                        .toList());
    }

    /** The offerings a school runs on a day: published, of that weekday, in the term of the day and its dates. */
    @Transactional(readOnly = true)
    public List<OfferingSummary> offeringsOn(UserScope scope, UUID schoolId, LocalDate day) {
        // the term's calendar comes from the snapshot every roll call reads (ADR 0020), not from the school's terms
        // loaded with all their days, since the county's dashboard asks this of every school; the caller's reach is
        // checked by the catalog's read, or here on a day the school runs nothing
        TermCalendar term =
                schedule.termOf(schoolId, day).filter(t -> t.isSchoolDay(day)).orElse(null);
        if (term == null) {
            organization.school(scope, schoolId);
            return List.of();
        }
        return catalog.offerings(scope, schoolId, term.id(), null, null).stream()
                .filter(o -> o.state() == OfferingState.PUBLISHED)
                .filter(o -> o.weekday() == day.getDayOfWeek())
                .filter(o -> o.startsOn() == null || !day.isBefore(o.startsOn()))
                .filter(o -> o.endsOn() == null || !day.isAfter(o.endsOn()))
                .sorted(java.util.Comparator.comparing((OfferingSummary o) -> o.slot())
                        .thenComparing(OfferingSummary::courseName))
                .toList();
    }

    private OfferingSummary offeringOf(UserScope scope, UUID schoolId, UUID offeringId) {
        try {
            OfferingSummary offering = catalog.offering(scope, offeringId);
            if (!offering.schoolId().equals(schoolId)) {
                throw new RuleViolation("patrol.offering.unknown");
            }
            return offering;
        } catch (NotFoundException e) {
            throw new RuleViolation("patrol.offering.unknown");
        }
    }

    private static PatrolLine line(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new PatrolLine(
                rs.getObject("id", UUID.class),
                rs.getObject("patrolled_at", LocalDateTime.class),
                rs.getObject("offering_id", UUID.class),
                rs.getObject("venue_id", UUID.class),
                rs.getString("place"),
                rs.getString("observed"),
                rs.getString("follow_up"),
                FollowUpStatus.valueOf(rs.getString("follow_up_status")),
                rs.getString("resolution"),
                rs.getObject("resolved_at", LocalDateTime.class),
                rs.getString("resolved_by_name"),
                rs.getString("recorded_by_name"),
                List.of(),
                List.of());
    }

    private List<PatrolLine> withDetails(List<PatrolLine> lines) {
        if (lines.isEmpty()) {
            return lines;
        }
        List<UUID> ids = lines.stream().map(PatrolLine::id).toList();
        Map<UUID, Set<PatrolIssue>> issues = new LinkedHashMap<>();
        jdbc.sql("select patrol_id, issue from operations.patrol_issue where patrol_id in (:ids)")
                .param("ids", ids)
                .query((rs, n) -> issues.computeIfAbsent(
                                rs.getObject("patrol_id", UUID.class), k -> EnumSet.noneOf(PatrolIssue.class))
                        .add(PatrolIssue.valueOf(rs.getString("issue"))))
                .list();
        Map<UUID, List<UUID>> photoIds = new LinkedHashMap<>();
        jdbc.sql("select patrol_id, photo_id from operations.patrol_photo where patrol_id in (:ids) order by position")
                .param("ids", ids)
                .query((rs, n) -> photoIds.computeIfAbsent(
                                rs.getObject("patrol_id", UUID.class), k -> new ArrayList<>())
                        .add(rs.getObject("photo_id", UUID.class)))
                .list();
        return lines.stream()
                .map(l -> l.with(
                        List.copyOf(issues.getOrDefault(l.id(), Set.of())), photoIds.getOrDefault(l.id(), List.of())))
                .toList();
    }

    private SchoolSummary managedSchool(UserScope scope, UUID schoolId) {
        if (!scope.canManageSchool(schoolId)) {
            throw new NotFoundException("school");
        }
        return organization.school(scope, schoolId);
    }

    /**
     * A patrol to record.
     *
     * @param offeringId the offering looked at, or null
     * @param venueId one of the school's venues, when no offering is named
     * @param place where, named freely, when neither an offering nor a venue is named
     * @param photos the bytes of up to three photos
     */
    public record NewPatrol(
            LocalDateTime patrolledAt,
            @Nullable UUID offeringId,
            @Nullable UUID venueId,
            @Nullable String place,
            String observed,
            Set<PatrolIssue> issues,
            @Nullable String followUp,
            List<byte[]> photos) {

        public NewPatrol {
            issues = issues.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(issues));
            photos = List.copyOf(photos);
        }
    }

    /** A patrol as its school sees it. */
    public record PatrolLine(
            UUID id,
            LocalDateTime patrolledAt,
            @Nullable UUID offeringId,
            @Nullable UUID venueId,
            String place,
            String observed,
            @Nullable String followUp,
            FollowUpStatus followUpStatus,
            @Nullable String resolution,
            @Nullable LocalDateTime resolvedAt,
            @Nullable String resolvedByName,
            String recordedByName,
            List<PatrolIssue> issues,
            List<UUID> photoIds) {

        public PatrolLine {
            issues = issues.stream().sorted().toList();
            photoIds = List.copyOf(photoIds);
        }

        PatrolLine with(List<PatrolIssue> found, List<UUID> photos) {
            return new PatrolLine(
                    id,
                    patrolledAt,
                    offeringId,
                    venueId,
                    place,
                    observed,
                    followUp,
                    followUpStatus,
                    resolution,
                    resolvedAt,
                    resolvedByName,
                    recordedByName,
                    found,
                    photos);
        }

        public boolean open() {
            return followUpStatus == FollowUpStatus.OPEN;
        }
    }

    /** The day's offerings, each with whether it was patrolled that day. */
    public record Coverage(LocalDate day, List<CoveredOffering> offerings) {

        public long patrolled() {
            return offerings.stream().filter(CoveredOffering::patrolled).count();
        }

        public int total() {
            return offerings.size();
        }

        /** The share patrolled, in whole per cent; 0 when the day has no offerings. */
        public int percent() {
            return offerings.isEmpty() ? 0 : (int) Math.round(100.0 * patrolled() / offerings.size());
        }
    }

    public record CoveredOffering(OfferingSummary offering, boolean patrolled) {}
}
