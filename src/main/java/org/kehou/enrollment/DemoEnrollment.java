package org.kehou.enrollment;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.kehou.catalog.OfferingDirectory;
import org.kehou.catalog.OfferingDirectory.OfferingFacts;
import org.kehou.catalog.Slot;
import org.kehou.enrollment.CareRequests.NewCareGroup;
import org.kehou.enrollment.CareRequests.NewEarlyArrival;
import org.kehou.enrollment.CareRequests.NewExtendedCare;
import org.kehou.enrollment.SeatLedger.Claim;
import org.kehou.organization.OrganizationQueries;
import org.kehou.organization.OrganizationQueries.GuardianRow;
import org.kehou.organization.OrganizationQueries.SchoolSummary;
import org.kehou.organization.OrganizationQueries.StaffRow;
import org.kehou.organization.OrganizationQueries.StudentRow;
import org.kehou.organization.StaffPosition;
import org.kehou.organization.Term;
import org.kehou.platform.Ids;
import org.kehou.platform.Page;
import org.kehou.platform.PageQuery;
import org.kehou.platform.Role;
import org.kehou.platform.UserScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Registers demo children for the demo schools' offerings once the demo catalog exists, so that the demo teacher has
 * sessions with real rosters (ENROL-2, SCOPE-1, SCOPE-2): each child takes the slot-1 homework help of their grade
 * on every school day while seats last, and the slot-2 enrichment courses are filled in turn, one per child and
 * weekday, the first of each school beyond its capacity so that a few children wait in line. A few early-arrival
 * and extended-care requests are filed by the children's guardians and accepted by the school, with the demo
 * teacher (the first teacher of each school) as care staff and care-group supervisor.
 *
 * <p>Seats are claimed through the {@link SeatLedger} like any registration, with their history events, under a
 * demo account's idempotency keys. The children of the demo guardian's login are left out, so that trying
 * registration and care requests with that login starts from nothing.
 */
@Component
@Order(3)
@ConditionalOnProperty(name = "kehou.demo.enabled", havingValue = "true")
class DemoEnrollment implements ApplicationRunner {

    /** The account the demo registrations are recorded under; no one signs in with it. */
    static final UUID DEMO_ACCOUNT = UUID.nameUUIDFromBytes("kehou-demo-enrollment".getBytes());

    /** The demo guardian's login, whose children stay unregistered. */
    static final String DEMO_GUARDIAN_MOBILE = "19900000001";

    /** How many children wait in line for the first enrichment course of each school. */
    static final int WAITLISTED = 3;

    /** How many early-arrival and extended-care requests each school gets. */
    static final int CARE_REQUESTS = 3;

    private static final Logger log = LoggerFactory.getLogger(DemoEnrollment.class);

    private final SeatLedger ledger;
    private final OfferingDirectory offerings;
    private final OrganizationQueries organization;
    private final CareRequests care;
    private final EnrollmentManagement enrollment;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate tx;

    DemoEnrollment(
            SeatLedger ledger,
            OfferingDirectory offerings,
            OrganizationQueries organization,
            CareRequests care,
            EnrollmentManagement enrollment,
            JdbcClient jdbc,
            Clock clock,
            TransactionTemplate tx) {
        this.ledger = ledger;
        this.offerings = offerings;
        this.organization = organization;
        this.care = care;
        this.enrollment = enrollment;
        this.jdbc = jdbc;
        this.clock = clock;
        this.tx = tx;
    }

    @Override
    public void run(ApplicationArguments args) {
        long existing = jdbc.sql("select (select count(*) from enrollment.enrollment)"
                        + " + (select count(*) from enrollment.care_group)")
                .query(Long.class)
                .single();
        if (existing > 0) {
            return;
        }
        List<SchoolSummary> schools = organization.demoSchools();
        int registered = 0;
        for (SchoolSummary school : schools) {
            Integer count = tx.execute(status -> populate(school));
            registered += count == null ? 0 : count;
        }
        if (registered > 0) {
            log.info("Demo registrations created: {}", registered);
        }
    }

    private int populate(SchoolSummary school) {
        UserScope admin = new UserScope(
                Ids.next(), "demo", EnumSet.of(Role.SCHOOL_ADMIN), school.countyId(), school.id(), null, null, null);
        LocalDate today = LocalDate.now(clock);
        List<Term> terms = organization.terms(admin, school.id());
        Term term = terms.stream()
                .filter(t -> !today.isBefore(t.startsOn()) && !today.isAfter(t.endsOn()))
                .findFirst()
                .orElseGet(() -> terms.stream()
                        .filter(t -> !t.endsOn().isBefore(today))
                        .min(Comparator.comparing(Term::startsOn))
                        .orElse(null));
        if (term == null) {
            return 0;
        }
        List<OfferingFacts> published = offerings.published(List.of(term.id())).stream()
                .filter(o -> o.schoolId().equals(school.id()) && !o.bearsFee())
                .sorted(Comparator.comparing(OfferingFacts::weekday)
                        .thenComparing(OfferingFacts::slot)
                        .thenComparing(OfferingFacts::courseName))
                .toList();
        if (published.isEmpty()) {
            return 0;
        }
        Map<UUID, UUID> guardians = guardiansOf(admin, school.id());
        List<StudentRow> children = studentsOf(admin, school.id()).stream()
                .filter(s -> guardians.containsKey(s.id()))
                .toList();
        LocalDateTime now = LocalDateTime.now(clock);
        ledger.sync(published, 10, now);
        int count = 0;
        for (OfferingFacts offering : published) {
            if (offering.slot() == Slot.SLOT_2) {
                continue;
            }
            int given = 0;
            for (StudentRow child : children) {
                if (given >= offering.capacity()) {
                    break;
                }
                if (offering.grades().contains(child.gradeLevel())
                        && claim(child, guardians.get(child.id()), offering, now)) {
                    given++;
                    count++;
                }
            }
        }
        // slot 2: the first course fills up and a few children wait in line for it; then every other child gets one
        // of the other courses, filled in turn
        List<OfferingFacts> enrichment =
                published.stream().filter(o -> o.slot() == Slot.SLOT_2).toList();
        if (enrichment.isEmpty()) {
            return count;
        }
        OfferingFacts full = enrichment.getFirst();
        List<OfferingFacts> others = enrichment.subList(1, enrichment.size());
        Map<UUID, Integer> taken = new LinkedHashMap<>();
        int next = 0;
        for (StudentRow child : children) {
            int held = taken.getOrDefault(full.id(), 0);
            if (held < full.capacity() + WAITLISTED && full.grades().contains(child.gradeLevel())) {
                if (claim(child, guardians.get(child.id()), full, now)) {
                    taken.put(full.id(), held + 1);
                    count++;
                }
                continue;
            }
            for (int tries = 0; tries < others.size(); tries++) {
                OfferingFacts offering = others.get((next + tries) % others.size());
                int given = taken.getOrDefault(offering.id(), 0);
                if (given < offering.capacity()
                        && offering.grades().contains(child.gradeLevel())
                        && claim(child, guardians.get(child.id()), offering, now)) {
                    taken.put(offering.id(), given + 1);
                    count++;
                    next = (next + tries + 1) % others.size();
                    break;
                }
            }
        }
        careRequests(admin, school, term, children, guardians);
        return count;
    }

    private boolean claim(StudentRow child, UUID guardian, OfferingFacts offering, LocalDateTime now) {
        return ledger.claim(new Claim(
                        Ids.next(),
                        DEMO_ACCOUNT,
                        guardian,
                        child.id(),
                        offering.id(),
                        offering.termId(),
                        offering.weekday(),
                        offering.slot(),
                        enrollment.consentVersion(),
                        now,
                        SeatLedger.SYSTEM,
                        UUID.nameUUIDFromBytes((child.id() + "/" + offering.id()).getBytes())
                                .toString(),
                        offering.id().toString()))
                .result()
                .stored();
    }

    /** Early arrival and extended care for the last children of the school, from the next school day on. */
    private void careRequests(
            UserScope admin, SchoolSummary school, Term term, List<StudentRow> children, Map<UUID, UUID> guardians) {
        LocalDate today = LocalDate.now(clock);
        LocalDate first = today.datesUntil(term.endsOn().plusDays(1))
                .filter(term::isSchoolDay)
                .findFirst()
                .orElse(null);
        LocalDate last = term.startsOn()
                .datesUntil(term.endsOn().plusDays(1))
                .filter(term::isSchoolDay)
                .reduce((a, b) -> b)
                .orElse(null);
        StaffRow staff = organization.staff(admin, school.id()).stream()
                .filter(s -> s.position() == StaffPosition.TEACHER)
                .min(Comparator.comparing(StaffRow::staffNo))
                .orElse(null);
        if (first == null || last == null || staff == null || children.size() < 2 * CARE_REQUESTS) {
            return;
        }
        UUID group = care.formCareGroup(admin, school.id(), new NewCareGroup("延时托管一组", staff.id(), "图书馆", null));
        List<StudentRow> reversed = new ArrayList<>(children).reversed();
        for (int i = 0; i < CARE_REQUESTS; i++) {
            StudentRow early = reversed.get(i);
            UUID request = care.requestEarlyArrival(
                    guardianScope(early, guardians.get(early.id())),
                    new NewEarlyArrival(early.id(), first, last, LocalTime.of(7, 20 + 5 * i), "家长上班早，需提前到校", i == 0));
            care.acceptEarlyArrival(admin, request, staff.id());
            StudentRow late = reversed.get(CARE_REQUESTS + i);
            UUID extended = care.requestExtendedCare(
                    guardianScope(late, guardians.get(late.id())),
                    new NewExtendedCare(
                            late.id(),
                            first,
                            last,
                            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                            LocalTime.of(18, 30),
                            "家长下班晚，无法按时接送"));
            care.approveExtendedCare(admin, extended, group);
        }
    }

    private static UserScope guardianScope(StudentRow child, UUID guardian) {
        return new UserScope(
                Ids.next(), "demo", EnumSet.of(Role.GUARDIAN), child.countyId(), null, null, guardian, null);
    }

    /** Each child's first guardian, leaving out the children of the demo guardian's login. */
    private Map<UUID, UUID> guardiansOf(UserScope admin, UUID schoolId) {
        Map<UUID, UUID> byChild = new LinkedHashMap<>();
        List<UUID> excluded = new ArrayList<>();
        for (int page = 0; ; page++) {
            Page<GuardianRow> rows =
                    organization.guardians(admin, schoolId, new PageQuery(page, PageQuery.MAX_SIZE, "name", false, ""));
            for (GuardianRow row : rows.items()) {
                if (row.mobile().equals(DEMO_GUARDIAN_MOBILE)) {
                    excluded.add(row.studentId());
                }
                byChild.putIfAbsent(row.studentId(), row.id());
            }
            if (rows.items().size() < PageQuery.MAX_SIZE) {
                break;
            }
        }
        excluded.forEach(byChild::remove);
        return byChild;
    }

    private List<StudentRow> studentsOf(UserScope admin, UUID schoolId) {
        List<StudentRow> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            List<StudentRow> rows = organization
                    .students(admin, schoolId, null, new PageQuery(page, PageQuery.MAX_SIZE, "name", false, ""))
                    .items();
            all.addAll(rows);
            if (rows.size() < PageQuery.MAX_SIZE) {
                break;
            }
        }
        all.sort(Comparator.comparingInt(StudentRow::gradeLevel)
                .thenComparing(StudentRow::className)
                .thenComparing(StudentRow::name)
                .thenComparing(StudentRow::id));
        return all;
    }
}
