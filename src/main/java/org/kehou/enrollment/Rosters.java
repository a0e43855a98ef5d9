package org.kehou.enrollment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.kehou.catalog.CatalogManagement;
import org.kehou.catalog.CatalogManagement.OfferingSummary;
import org.kehou.catalog.CourseCategory;
import org.kehou.catalog.OfferingDirectory;
import org.kehou.catalog.OfferingDirectory.OfferingFacts;
import org.kehou.catalog.Slot;
import org.kehou.organization.OrganizationQueries;
import org.kehou.organization.OrganizationQueries.PupilContact;
import org.kehou.organization.OrganizationQueries.SchoolSummary;
import org.kehou.organization.TermDirectory;
import org.kehou.organization.TermDirectory.TermFacts;
import org.kehou.organization.TermKind;
import org.kehou.platform.AuditTrail;
import org.kehou.platform.AuditTrail.AuditEntry;
import org.kehou.platform.NotFoundException;
import org.kehou.platform.RecordRows;
import org.kehou.platform.SqlRead;
import org.kehou.platform.UserScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who is registered for an offering (ENROL-2): for the modules that run the sessions (roll call, homework,
 * hand-over) the ids of the confirmed children; for the school admin the roster of an offering, confirmed children
 * and the waiting list in order, and the counts of a school's or a county's registrations by grade and by course
 * category and slot, from the registrations as stored.
 */
@Service
public class Rosters {

    private final JdbcClient jdbc;
    private final OfferingDirectory offerings;
    private final CatalogManagement catalog;
    private final OrganizationQueries organization;
    private final TermDirectory terms;
    private final AuditTrail audit;

    Rosters(
            JdbcClient jdbc,
            OfferingDirectory offerings,
            CatalogManagement catalog,
            OrganizationQueries organization,
            TermDirectory terms,
            AuditTrail audit) {
        this.jdbc = jdbc;
        this.offerings = offerings;
        this.catalog = catalog;
        this.organization = organization;
        this.terms = terms;
        this.audit = audit;
    }

    /**
     * The ids of the children confirmed in the offering, in the order their seats were given. Callers check their
     * own scope on the offering first; this answers for any offering id and an unknown one has nobody.
     */
    @Transactional(readOnly = true)
    public List<UUID> confirmedChildIds(UUID offeringId) {
        return jdbc.sql(CONFIRMED + " order by confirmed_at, id")
                .param(offeringId)
                .query(UUID.class)
                .list();
    }

    /**
     * The read of {@link #confirmedChildIds}, in no order, for another module to send with its own statements or to
     * take in as a subquery (ADR 0025). Callers check their own scope on the offering first, as above.
     */
    public SqlRead<UUID> confirmedChildIdsRead(UUID offeringId) {
        return new SqlRead<>(CONFIRMED, List.of(offeringId), (rs, row) -> rs.getObject(1, UUID.class));
    }

    private static final String CONFIRMED =
            "select child_id from enrollment.enrollment where offering_id = ? and status = 'CONFIRMED'";

    /**
     * The roster of an offering of the admin's own school (ENROL-2): the confirmed children in the order their
     * seats were given and the waiting list in order with positions, each with class and primary guardian's
     * contact. Another school's offering is not found. The guardians' mobile numbers are shown in full to the
     * school's admin, who calls the families, and that read is kept in the audit trail.
     */
    @Transactional(readOnly = true)
    public OfferingRoster roster(UserScope scope, UUID offeringId) {
        OfferingFacts offering = offerings
                .offering(offeringId)
                .filter(o -> scope.canManageSchool(o.schoolId()))
                .orElseThrow(() -> new NotFoundException("offering"));
        record Line(UUID id, UUID childId, EnrollmentStatus status) {}
        List<Line> lines = jdbc.sql("""
                        select id, child_id, status from enrollment.enrollment
                        where offering_id = :offering and status <> 'WITHDRAWN'
                        order by case status when 'CONFIRMED' then 0 else 1 end, confirmed_at, waitlist_ticket, id""")
                .param("offering", offeringId)
                .query(RecordRows.of(Line.class))
                .list();
        Map<UUID, PupilContact> pupils =
                organization
                        .pupils(
                                scope,
                                offering.schoolId(),
                                lines.stream().map(Line::childId).toList())
                        .stream()
                        .collect(Collectors.toMap(PupilContact::id, Function.identity()));
        List<RosterEntry> confirmed = new ArrayList<>();
        List<RosterEntry> waiting = new ArrayList<>();
        for (Line line : lines) {
            PupilContact pupil = pupils.get(line.childId());
            if (pupil == null) {
                continue;
            }
            List<RosterEntry> list = line.status() == EnrollmentStatus.CONFIRMED ? confirmed : waiting;
            list.add(new RosterEntry(
                    line.id(),
                    pupil.id(),
                    list.size() + 1,
                    pupil.gradeLevel(),
                    pupil.className(),
                    pupil.name(),
                    pupil.guardianName(),
                    pupil.guardianMobile(),
                    line.status()));
        }
        if (!lines.isEmpty()) {
            audit.recordRead(new AuditEntry(
                    "roster.read",
                    "offering",
                    offeringId,
                    offering.countyId(),
                    offering.schoolId(),
                    null,
                    Map.of("children", lines.size())));
        }
        OfferingSummary summary = catalog.offering(scope, offeringId);
        return new OfferingRoster(summary, confirmed, waiting);
    }

    /**
     * The registrations of a school's term (ENROL-2), confirmed and waiting, by the child's grade and by the
     * offering's course category and slot; for readers of the school. A term of another school is not found.
     */
    @Transactional(readOnly = true)
    public RegistrationCounts schoolCounts(UserScope scope, UUID schoolId, UUID termId) {
        SchoolSummary school = organization.school(scope, schoolId);
        TermFacts term = terms.term(termId)
                .filter(t -> t.schoolId().equals(school.id()))
                .orElseThrow(() -> new NotFoundException("term"));
        return counts(scope, school.id(), term.id());
    }

    /**
     * The registrations of every school of a county in the terms of a school year and kind, one school a line with
     * its counts by grade and by course category and slot; for readers of the county. Schools without such a term
     * are left out.
     */
    @Transactional(readOnly = true)
    public List<SchoolCounts> countyCounts(UserScope scope, UUID countyId, int schoolYear, TermKind kind) {
        if (!scope.canReadCounty(countyId)) {
            throw new NotFoundException("county");
        }
        List<SchoolCounts> found = new ArrayList<>();
        for (TermFacts term : terms.terms(countyId, null, schoolYear, kind)) {
            SchoolSummary school = organization.school(scope, term.schoolId());
            found.add(new SchoolCounts(school.id(), school.name(), counts(scope, school.id(), term.id())));
        }
        found.sort(Comparator.comparing(SchoolCounts::schoolName).thenComparing(SchoolCounts::schoolId));
        return found;
    }

    private RegistrationCounts counts(UserScope scope, UUID schoolId, UUID termId) {
        record Line(UUID offeringId, UUID childId, EnrollmentStatus status) {}
        List<Line> lines = jdbc.sql("""
                        select offering_id, child_id, status from enrollment.enrollment
                        where school_id = :school and term_id = :term and status <> 'WITHDRAWN'""")
                .param("school", schoolId)
                .param("term", termId)
                .query(RecordRows.of(Line.class))
                .list();
        Map<UUID, Integer> grades =
                organization
                        .pupils(
                                scope,
                                schoolId,
                                lines.stream().map(Line::childId).toList())
                        .stream()
                        .collect(Collectors.toMap(PupilContact::id, PupilContact::gradeLevel));
        Map<UUID, OfferingSummary> byId = catalog.offerings(scope, schoolId, termId, null, null).stream()
                .collect(Collectors.toMap(OfferingSummary::id, Function.identity()));
        Map<Integer, int[]> byGrade = new TreeMap<>();
        Map<String, int[]> byCategory = new TreeMap<>();
        Map<UUID, int[]> byOffering = new java.util.HashMap<>();
        int confirmed = 0;
        int waiting = 0;
        for (Line line : lines) {
            int column = line.status() == EnrollmentStatus.CONFIRMED ? 0 : 1;
            if (column == 0) {
                confirmed++;
            } else {
                waiting++;
            }
            Integer grade = grades.get(line.childId());
            if (grade != null) {
                byGrade.computeIfAbsent(grade, g -> new int[2])[column]++;
            }
            OfferingSummary offering = byId.get(line.offeringId());
            if (offering != null) {
                byCategory
                        .computeIfAbsent(
                                offering.category().ordinal() + "/"
                                        + offering.slot().name(),
                                k -> new int[2])[column]++;
            }
            byOffering.computeIfAbsent(line.offeringId(), k -> new int[2])[column]++;
        }
        List<GradeCount> gradeCounts = byGrade.entrySet().stream()
                .map(e -> new GradeCount(e.getKey(), e.getValue()[0], e.getValue()[1]))
                .toList();
        List<CategoryCount> categoryCounts = byCategory.entrySet().stream()
                .map(e -> {
                    String[] key = e.getKey().split("/");
                    return new CategoryCount(
                            CourseCategory.values()[Integer.parseInt(key[0])],
                            Slot.valueOf(key[1]),
                            e.getValue()[0],
                            e.getValue()[1]);
                })
                .toList();
        List<OfferingCount> offeringCounts = byId.values().stream()
                .map(o -> {
                    int[] c = byOffering.getOrDefault(o.id(), new int[2]);
                    return new OfferingCount(o, c[0], c[1]);
                })
                .toList();
        return new RegistrationCounts(confirmed, waiting, gradeCounts, categoryCounts, offeringCounts);
    }

    /** An offering's roster: who has a seat and who waits, in order. */
    public record OfferingRoster(OfferingSummary offering, List<RosterEntry> confirmed, List<RosterEntry> waiting) {}

    /**
     * A child on a roster.
     *
     * @param position the place on the list: the order of seats given, or the place in line
     * @param guardianMobile the primary guardian's mobile number, masked unless the reader manages the school
     */
    public record RosterEntry(
            UUID enrollmentId,
            UUID childId,
            int position,
            int gradeLevel,
            String className,
            String childName,
            @Nullable String guardianName,
            @Nullable String guardianMobile,
            EnrollmentStatus status) {}

    /** The confirmed and waiting registrations of a term, in total, by grade, by category and slot, by offering. */
    public record RegistrationCounts(
            int confirmed,
            int waiting,
            List<GradeCount> byGrade,
            List<CategoryCount> byCategory,
            List<OfferingCount> byOffering) {}

    public record GradeCount(int gradeLevel, int confirmed, int waiting) {}

    public record CategoryCount(CourseCategory category, Slot slot, int confirmed, int waiting) {}

    public record OfferingCount(OfferingSummary offering, int confirmed, int waiting) {}

    /** One school's counts in a county's list. */
    public record SchoolCounts(UUID schoolId, String schoolName, RegistrationCounts counts) {}
}
