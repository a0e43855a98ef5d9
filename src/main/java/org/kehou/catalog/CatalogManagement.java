package org.kehou.catalog;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kehou.organization.OrganizationQueries;
import org.kehou.organization.OrganizationQueries.SchoolSummary;
import org.kehou.organization.Term;
import org.kehou.platform.AuditTrail;
import org.kehou.platform.AuditTrail.AuditEntry;
import org.kehou.platform.Ids;
import org.kehou.platform.NotFoundException;
import org.kehou.platform.Page;
import org.kehou.platform.PageQuery;
import org.kehou.platform.RecordRows;
import org.kehou.platform.Role;
import org.kehou.platform.RuleViolation;
import org.kehou.platform.UserScope;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A school's course system and service plan (COURSE-1..3, CONTENT-1..7, ENROL-5). Every method takes the signed-in
 * user's scope: a school's admin changes its catalog, readers of the school see all of it, the public sees only
 * what is published. An id outside the scope is answered as not found; a command a policy rule refuses changes
 * nothing and names the rule's message.
 */
@Service
@Transactional
public class CatalogManagement {

    /**
     * Offerings by the columns' names, without the driver's exception for each camel-case name Spring's record mapping
     * asks for first: the lists of a county read thousands (ENROL-2, OPS-3).
     */
    private static final RowMapper<OfferingSummary> OFFERING_SUMMARY = RecordRows.of(OfferingSummary.class);

    private final VenueRepository venues;
    private final CourseRepository courses;
    private final SlotPlanRepository plans;
    private final OfferingRepository offerings;
    private final FeeNoticeRepository notices;
    private final ExerciseMinimumRepository minimums;
    private final NoticePeriodRepository noticePeriods;
    private final OpeningRepository openings;
    private final OrganizationQueries organization;
    private final AuditTrail audit;
    private final Clock clock;
    private final NoticePeriodRule noticePeriodRule;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    CatalogManagement(
            VenueRepository venues,
            CourseRepository courses,
            SlotPlanRepository plans,
            OfferingRepository offerings,
            FeeNoticeRepository notices,
            ExerciseMinimumRepository minimums,
            NoticePeriodRepository noticePeriods,
            OpeningRepository openings,
            OrganizationQueries organization,
            AuditTrail audit,
            Clock clock,
            JdbcClient jdbc,
            ApplicationEventPublisher events) {
        this.venues = venues;
        this.courses = courses;
        this.plans = plans;
        this.offerings = offerings;
        this.notices = notices;
        this.minimums = minimums;
        this.noticePeriods = noticePeriods;
        this.openings = openings;
        this.organization = organization;
        this.audit = audit;
        this.clock = clock;
        this.noticePeriodRule = new NoticePeriodRule(clock);
        this.jdbc = jdbc;
        this.events = events;
    }

    public UUID addVenue(UserScope scope, UUID schoolId, NewVenue command) {
        SchoolSummary school = managedSchool(scope, schoolId);
        Venue venue =
                Venue.add(Ids.next(), school.countyId(), schoolId, command.name(), command.kind(), command.capacity());
        try {
            venues.save(venue);
        } catch (DuplicateKeyException e) {
            throw new RuleViolation("venue.nameTaken");
        }
        return venue.id();
    }

    /** Adds a course to the school's course system (COURSE-1); it may require no other item (CONTENT-1). */
    public UUID defineCourse(UserScope scope, UUID schoolId, NewCourse command) {
        SchoolSummary school = managedSchool(scope, schoolId);
        NoBundlingRule.check(command.requires(), true, id -> false).enforce();
        if (command.grades().isEmpty()) {
            throw new RuleViolation("course.noGrades");
        }
        ScheduleConflictRule.gradesOfSchool(school.stage(), command.grades()).enforce();
        Course course = Course.define(
                Ids.next(),
                school.countyId(),
                schoolId,
                command.name(),
                command.category(),
                command.activityKind(),
                command.grades(),
                command.goals(),
                command.description(),
                command.providerKind(),
                command.providerId());
        try {
            courses.save(course);
        } catch (DuplicateKeyException e) {
            throw new RuleViolation("course.nameTaken");
        }
        return course.id();
    }

    /** Drafts the daily plan of one weekday and grade band (CONTENT-2, CONTENT-7). */
    public UUID draftSlotPlan(UserScope scope, UUID schoolId, NewSlotPlan command) {
        SchoolSummary school = managedSchool(scope, schoolId);
        termOf(scope, schoolId, command.termId());
        if (command.weekday() == DayOfWeek.SATURDAY || command.weekday() == DayOfWeek.SUNDAY) {
            throw new RuleViolation("schedule.weekend");
        }
        List<PlanSlot> slots = command.slots().stream()
                .map(s -> new PlanSlot(
                        school.countyId(),
                        schoolId,
                        s.slot(),
                        s.startsAt(),
                        s.endsAt(),
                        s.activities(),
                        s.exerciseMinutes()))
                .toList();
        SlotPlan plan = SlotPlan.draft(
                Ids.next(),
                school.countyId(),
                schoolId,
                command.termId(),
                command.weekday(),
                command.firstGrade(),
                command.lastGrade(),
                slots);
        ScheduleConflictRule.gradesOfSchool(school.stage(), plan.grades()).enforce();
        if (slots.stream().anyMatch(s -> s.slot() == Slot.EVENING)) {
            EveningSelfStudyRule.check(Slot.EVENING, plan.grades()).enforce();
        }
        plans.save(plan);
        return plan.id();
    }

    /** Publishes a daily plan once every slot has the exercise minimum of the school's county (CONTENT-3). */
    public void publishSlotPlan(UserScope scope, UUID planId) {
        SlotPlan plan = managedPlan(scope, planId);
        ExerciseMinutesRule.checkPlan(plan.slots(), exerciseMinimum(plan.countyId()))
                .enforce();
        plan.publish();
        plans.save(plan);
    }

    /**
     * Revises the slot times, activities and exercise minutes of a draft plan (CONTENT-3); a published plan is refused
     * until it is withdrawn.
     */
    public void reviseSlotPlan(UserScope scope, UUID planId, List<SlotLine> slots) {
        SlotPlan plan = managedPlan(scope, planId);
        plan.revise(slots.stream()
                .map(s -> new PlanSlot(
                        plan.countyId(),
                        plan.schoolId(),
                        s.slot(),
                        s.startsAt(),
                        s.endsAt(),
                        s.activities(),
                        s.exerciseMinutes()))
                .toList());
        if (plan.slots().stream().anyMatch(s -> s.slot() == Slot.EVENING)) {
            EveningSelfStudyRule.check(Slot.EVENING, plan.grades()).enforce();
        }
        plans.save(plan);
    }

    /** Takes a published plan back to draft so that it can be revised. */
    public void withdrawSlotPlan(UserScope scope, UUID planId) {
        SlotPlan plan = managedPlan(scope, planId);
        plan.withdraw();
        plans.save(plan);
    }

    /**
     * Copies the daily plans of one term into another term of the same school as drafts; a plan whose weekday and
     * grade band overlap a plan already in the target term is left out.
     */
    public CopyResult copySlotPlansToTerm(UserScope scope, UUID schoolId, UUID fromTermId, UUID toTermId) {
        managedSchool(scope, schoolId);
        termOf(scope, schoolId, fromTermId);
        termOf(scope, schoolId, toTermId);
        if (fromTermId.equals(toTermId)) {
            throw new RuleViolation("plan.copySameTerm");
        }
        List<SlotPlan> taken = new ArrayList<>(plans.findByTermId(toTermId));
        List<UUID> copied = new ArrayList<>();
        int skipped = 0;
        for (SlotPlan source : plans.findByTermId(fromTermId)) {
            SlotPlan copy = source.copyTo(Ids.next(), toTermId);
            if (taken.stream().anyMatch(copy::overlaps)) {
                skipped++;
                continue;
            }
            plans.save(copy);
            taken.add(copy);
            copied.add(copy.id());
        }
        return new CopyResult(copied, skipped);
    }

    /** Drafts an offering of a course in a term (COURSE-2), refused by any rule it breaks. */
    public UUID draftOffering(UserScope scope, UUID schoolId, NewOffering command) {
        SchoolSummary school = managedSchool(scope, schoolId);
        Term term = termOf(scope, schoolId, command.termId());
        Course course = courses.findById(command.courseId())
                .filter(c -> c.schoolId().equals(schoolId))
                .orElseThrow(() -> new NotFoundException("course"));
        Venue venue = venueOf(schoolId, command.venueId());
        if (command.capacity() < 1) {
            throw new RuleViolation("offering.capacityTooSmall");
        }
        if (command.grades().isEmpty()) {
            throw new RuleViolation("offering.noGrades");
        }
        if (command.exerciseMinutes() < 0) {
            throw new RuleViolation("offering.exerciseNegative");
        }
        if (command.instructors().isEmpty()) {
            throw new RuleViolation("offering.noInstructor");
        }
        if (course.providerKind() == ProviderKind.STAFF) {
            Set<UUID> staff = organization.staff(scope, schoolId).stream()
                    .map(OrganizationQueries.StaffRow::id)
                    .collect(java.util.stream.Collectors.toSet());
            if (!staff.containsAll(command.instructors())) {
                throw new RuleViolation("offering.instructorNotStaff");
            }
        }
        command.grades().stream()
                .filter(g -> !course.grades().contains(g))
                .sorted()
                .findFirst()
                .ifPresent(g -> {
                    throw new RuleViolation("offering.gradeNotInCourse", g, course.name());
                });
        Offering.Schedule schedule = new Offering.Schedule(
                course.id(),
                term.id(),
                command.weekday(),
                command.slot(),
                venue.id(),
                command.instructors(),
                command.capacity(),
                command.grades(),
                command.fee(),
                command.exerciseMinutes(),
                command.slotOneContent(),
                command.startsOn(),
                command.endsOn());
        boolean free = command.fee() == null || command.fee().signum() <= 0;
        NoBundlingRule.check(
                        command.requires(),
                        free,
                        id -> offerings.findById(id).map(Offering::bearsFee).orElse(false))
                .and(() -> SlotOneContentRule.check(schedule.slot(), schedule.slotOneContent()))
                .and(() -> EveningSelfStudyRule.check(schedule.slot(), schedule.grades()))
                .and(() -> FeeRule.checkFee(course.providerKind(), schedule.fee()))
                .and(() -> ScheduleConflictRule.check(
                        schedule, venue.capacity(), school.stage(), TermDates.of(term), othersOf(term.id(), null)))
                .enforce();
        Offering offering = Offering.draft(Ids.next(), school.countyId(), schoolId, schedule);
        offerings.save(offering);
        return offering.id();
    }

    /**
     * Publishes a draft offering, which opens it for registration: its schedule is checked again, and a fee-bearing
     * one needs a notice that has been public for the county's notice period (ENROL-5).
     */
    public void publishOffering(UserScope scope, UUID offeringId) {
        Offering offering = managedOffering(scope, offeringId);
        SchoolSummary school = managedSchool(scope, offering.schoolId());
        Term term = termOf(scope, offering.schoolId(), offering.termId());
        Course course = courses.findById(offering.courseId()).orElseThrow(() -> new NotFoundException("course"));
        Venue venue = venueOf(offering.schoolId(), offering.schedule().venueId());
        @Nullable
        LocalDate publishedOn =
                notices.findByOfferingId(offeringId).map(FeeNotice::publishedOn).orElse(null);
        FeeRule.checkFee(course.providerKind(), offering.fee())
                .and(() -> FeeRule.checkNotice(offering.bearsFee(), publishedOn != null))
                .and(() -> noticePeriodRule.check(offering.bearsFee(), publishedOn, noticeDays(offering.countyId())))
                .and(() -> ScheduleConflictRule.check(
                        offering.schedule(),
                        venue.capacity(),
                        school.stage(),
                        TermDates.of(term),
                        othersOf(term.id(), offeringId)))
                .enforce();
        offering.publish();
        offerings.save(offering);
        record("offering.published", offering, OfferingState.DRAFT);
    }

    /** Closes a published offering at the end of its registration or term. */
    public void closeOffering(UserScope scope, UUID offeringId) {
        Offering offering = managedOffering(scope, offeringId);
        offering.close();
        offerings.save(offering);
        record("offering.closed", offering, OfferingState.PUBLISHED);
    }

    /**
     * Cancels a draft, or a published offering with the reason its families are told; the cancellation of a
     * published one is announced as {@link OfferingCancelled} in the same transaction, so that its registrations
     * are withdrawn with it.
     */
    public void cancelOffering(UserScope scope, UUID offeringId, @Nullable String reason) {
        Offering offering = managedOffering(scope, offeringId);
        OfferingState before = offering.state();
        offering.cancel(reason);
        offerings.save(offering);
        record("offering.cancelled", offering, before);
        if (before == OfferingState.PUBLISHED) {
            String course =
                    courses.findById(offering.courseId()).map(Course::name).orElse("");
            events.publishEvent(new OfferingCancelled(
                    offering.id(),
                    offering.countyId(),
                    offering.schoolId(),
                    course,
                    java.util.Objects.requireNonNull(offering.cancelReason()),
                    scope.accountId()));
        }
    }

    /**
     * Copies the offerings of one term (all but cancelled ones) into another term of the same school as drafts for
     * the whole term; one that would clash with an offering already in the target term is left out.
     */
    public CopyResult copyOfferingsToTerm(UserScope scope, UUID schoolId, UUID fromTermId, UUID toTermId) {
        SchoolSummary school = managedSchool(scope, schoolId);
        termOf(scope, schoolId, fromTermId);
        Term target = termOf(scope, schoolId, toTermId);
        if (fromTermId.equals(toTermId)) {
            throw new RuleViolation("offering.copySameTerm");
        }
        List<Offering.Schedule> taken = new ArrayList<>(othersOf(toTermId, null));
        List<UUID> copied = new ArrayList<>();
        int skipped = 0;
        for (Offering source : offerings.findByTermId(fromTermId)) {
            if (source.state() == OfferingState.CANCELLED) {
                continue;
            }
            Offering copy = source.copyTo(Ids.next(), toTermId);
            int capacity = venues.findById(copy.schedule().venueId())
                    .map(Venue::capacity)
                    .orElse(0);
            Verdict verdict =
                    ScheduleConflictRule.check(copy.schedule(), capacity, school.stage(), TermDates.of(target), taken);
            if (!verdict.isAllowed()) {
                skipped++;
                continue;
            }
            offerings.save(copy);
            taken.add(copy.schedule());
            copied.add(copy.id());
        }
        return new CopyResult(copied, skipped);
    }

    /**
     * Publishes the fee notice (公示) of a fee-bearing institution offering, dated today; its notice period starts
     * now (ENROL-5).
     */
    public UUID publishFeeNotice(UserScope scope, UUID offeringId, NewFeeNotice command) {
        Offering offering = managedOffering(scope, offeringId);
        Course course = courses.findById(offering.courseId()).orElseThrow(() -> new NotFoundException("course"));
        FeeRule.checkNoticeAllowed(course.providerKind(), offering.bearsFee()).enforce();
        if (notices.findByOfferingId(offeringId).isPresent()) {
            throw new RuleViolation("fee.noticeExists");
        }
        FeeNotice notice = new FeeNotice(
                Ids.next(),
                null,
                offering.countyId(),
                offering.schoolId(),
                offeringId,
                command.content(),
                command.feeStandard(),
                command.covers(),
                command.refundRule(),
                command.payee(),
                LocalDate.now(clock));
        notices.save(notice);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("offering", offeringId);
        after.put("feeStandard", command.feeStandard());
        after.put("publishedOn", notice.publishedOn());
        audit.record(new AuditEntry(
                "feeNotice.published",
                "feeNotice",
                notice.id(),
                offering.countyId(),
                offering.schoolId(),
                null,
                after));
        return notice.id();
    }

    /**
     * Plans the opening of a venue on a day without school (SCOPE-3), supervised by the school's own staff. A day
     * that lies in no term is vacation.
     */
    public UUID planOpening(UserScope scope, UUID schoolId, NewOpening command) {
        SchoolSummary school = managedSchool(scope, schoolId);
        Venue venue = venueOf(schoolId, command.venueId());
        Set<UUID> staff = organization.staff(scope, schoolId).stream()
                .map(OrganizationQueries.StaffRow::id)
                .collect(java.util.stream.Collectors.toSet());
        if (!staff.containsAll(command.supervisors())) {
            throw new RuleViolation("opening.supervisorNotStaff");
        }
        boolean schoolDay = organization.terms(scope, schoolId).stream().anyMatch(t -> t.isSchoolDay(command.onDate()));
        Opening opening = Opening.plan(
                Ids.next(),
                school.countyId(),
                schoolId,
                venue.id(),
                command.onDate(),
                command.startsAt(),
                command.endsAt(),
                command.capacity(),
                command.purpose(),
                command.supervisors());
        List<Opening> sameDay = openings.findBySchoolIdAndOnDate(schoolId, command.onDate()).stream()
                .filter(Opening::isActive)
                .toList();
        NonSchoolDayRule.check(opening, schoolDay, venue.capacity(), sameDay).enforce();
        openings.save(opening);
        return opening.id();
    }

    /** Publishes an opening so that students can book it. */
    public void publishOpening(UserScope scope, UUID openingId) {
        Opening opening = openings.findById(openingId)
                .filter(o -> scope.canManageSchool(o.schoolId()))
                .orElseThrow(() -> new NotFoundException("opening"));
        opening.publish();
        openings.save(opening);
    }

    /** The published openings of a school from a day on, as anyone may see them. */
    @Transactional(readOnly = true)
    public List<OpeningSummary> publishedOpenings(UUID schoolId, LocalDate from) {
        return jdbc.sql("""
                        select o.id, o.venue_id, v.name as venue_name, o.on_date, o.starts_at, o.ends_at, o.capacity,
                          o.purpose
                        from catalog.opening o join catalog.venue v on v.id = o.venue_id
                        where o.school_id = :school and o.state = 'PUBLISHED' and o.on_date >= :from
                        order by o.on_date, o.starts_at, v.name""")
                .param("school", schoolId)
                .param("from", from)
                .query(RecordRows.of(OpeningSummary.class))
                .list();
    }

    /**
     * Sets the minimum exercise minutes per slot (CONTENT-3): the city's default when no county is given (city
     * admin), or a county's own, which may not be below the city's (that county's admin).
     */
    public void setExerciseMinimum(UserScope scope, @Nullable UUID countyId, int minutes) {
        if (minutes < 0 || minutes > 240) {
            throw new RuleViolation("exercise.minutesOutOfRange");
        }
        if (countyId == null) {
            if (!scope.has(Role.CITY_ADMIN)) {
                throw new NotFoundException("city");
            }
            ExerciseMinimum city =
                    minimums.findCityDefault().orElseGet(() -> new ExerciseMinimum(Ids.next(), null, null, minutes));
            city.change(minutes);
            minimums.save(city);
            return;
        }
        if (!scope.canManageCounty(countyId)) {
            throw new NotFoundException("county");
        }
        ExerciseMinutesRule.checkCountyMinimum(cityMinimum(), minutes).enforce();
        ExerciseMinimum county = minimums.findByCountyId(countyId)
                .orElseGet(() -> new ExerciseMinimum(Ids.next(), null, countyId, minutes));
        county.change(minutes);
        minimums.save(county);
    }

    /** Sets the days a county's fee notices must be public before their offerings open (ENROL-5). */
    public void setNoticePeriod(UserScope scope, UUID countyId, int days) {
        if (!scope.canManageCounty(countyId)) {
            throw new NotFoundException("county");
        }
        if (days < 1 || days > 60) {
            throw new RuleViolation("notice.daysOutOfRange");
        }
        NoticePeriod period = noticePeriods
                .findByCountyId(countyId)
                .orElseGet(() -> new NoticePeriod(Ids.next(), null, countyId, days));
        period.change(days);
        noticePeriods.save(period);
    }

    /** The minimum exercise minutes per slot that applies to a county's schools. */
    @Transactional(readOnly = true)
    public int exerciseMinimum(UUID countyId) {
        return ExerciseMinutesRule.effectiveMinimum(
                cityMinimum(),
                minimums.findByCountyId(countyId).map(ExerciseMinimum::minutes).orElse(null));
    }

    /** The days a county's fee notices must be public. */
    @Transactional(readOnly = true)
    public int noticeDays(UUID countyId) {
        return noticePeriods.findByCountyId(countyId).map(NoticePeriod::days).orElse(NoticePeriodRule.DEFAULT_DAYS);
    }

    /** The venues of a school, for readers of the school. */
    @Transactional(readOnly = true)
    public List<VenueSummary> venues(UserScope scope, UUID schoolId) {
        SchoolSummary school = organization.school(scope, schoolId);
        return jdbc.sql("select id, name, kind, capacity from catalog.venue where school_id = :school order by name")
                .param("school", school.id())
                .query(RecordRows.of(VenueSummary.class))
                .list();
    }

    /** The daily slot plans of a school (CONTENT-3), by term, weekday and grade band, for readers of the school. */
    @Transactional(readOnly = true)
    public List<SlotPlanSummary> slotPlans(UserScope scope, UUID schoolId) {
        SchoolSummary school = organization.school(scope, schoolId);
        return summaries(plans.findAll().stream().filter(p -> p.schoolId().equals(school.id())));
    }

    /** The daily slot plans of one term of a school, by weekday and grade band, for readers of the school. */
    @Transactional(readOnly = true)
    public List<SlotPlanSummary> slotPlans(UserScope scope, UUID schoolId, UUID termId) {
        SchoolSummary school = organization.school(scope, schoolId);
        return summaries(
                plans.findByTermId(termId).stream().filter(p -> p.schoolId().equals(school.id())));
    }

    private static List<SlotPlanSummary> summaries(java.util.stream.Stream<SlotPlan> found) {
        return found.sorted(java.util.Comparator.comparing(SlotPlan::weekday)
                        .thenComparing(SlotPlan::firstGrade)
                        .thenComparing(SlotPlan::lastGrade))
                .map(p -> new SlotPlanSummary(
                        p.id(),
                        p.termId(),
                        p.weekday(),
                        p.firstGrade(),
                        p.lastGrade(),
                        p.state() == SlotPlan.State.PUBLISHED,
                        p.slots().stream()
                                .map(s -> new SlotLine(
                                        s.slot(), s.startsAt(), s.endsAt(), s.activities(), s.exerciseMinutes()))
                                .toList()))
                .toList();
    }

    /**
     * The fee notices of a school's offerings in a term, with the first day each offering may open for registration
     * (notice date + the county's notice days, ENROL-5), for readers of the school.
     */
    @Transactional(readOnly = true)
    public List<NoticeStatus> feeNotices(UserScope scope, UUID schoolId, UUID termId) {
        SchoolSummary school = organization.school(scope, schoolId);
        int days = noticeDays(school.countyId());
        return jdbc.sql("""
                        select n.offering_id, n.published_on from catalog.fee_notice n
                        join catalog.offering o on o.id = n.offering_id
                        where n.school_id = :school and o.term_id = :term order by n.published_on, n.offering_id""")
                .param("school", school.id())
                .param("term", termId)
                .query((rs, n) -> {
                    LocalDate published = rs.getObject("published_on", LocalDate.class);
                    return new NoticeStatus(
                            rs.getObject("offering_id", UUID.class),
                            published,
                            java.util.Objects.requireNonNull(NoticePeriodRule.opensOn(published, days)));
                })
                .list();
    }

    /** The school's course system (COURSE-1), by category and name, for readers of the school. */
    @Transactional(readOnly = true)
    public List<CourseSummary> courses(UserScope scope, UUID schoolId) {
        SchoolSummary school = organization.school(scope, schoolId);
        return courses.findBySchoolId(school.id()).stream()
                .sorted(java.util.Comparator.comparing(Course::category).thenComparing(Course::name))
                .map(c -> new CourseSummary(
                        c.id(), c.name(), c.category(), c.activityKind(), c.grades(), c.providerKind(), c.providerId()))
                .toList();
    }

    /** Every offering of a school's term in any state, optionally of one grade and slot, for readers of the school. */
    @Transactional(readOnly = true)
    public List<OfferingSummary> offerings(
            UserScope scope, UUID schoolId, UUID termId, @Nullable Integer grade, @Nullable Slot slot) {
        SchoolSummary school = organization.school(scope, schoolId);
        return offeringQuery(" and o.term_id = :term", school.id(), termId, grade, slot, null)
                .list();
    }

    /** One offering in any state, for readers of its school; another school's is not found. */
    @Transactional(readOnly = true)
    public OfferingSummary offering(UserScope scope, UUID offeringId) {
        Offering found = offerings.findById(offeringId).orElseThrow(() -> new NotFoundException("offering"));
        return offerings(scope, found.schoolId(), found.termId(), null, null).stream()
                .filter(o -> o.id().equals(offeringId))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("offering"));
    }

    /**
     * The published offerings of a school, optionally of one term, grade and slot, as anyone may see them, by
     * weekday and slot; an unknown school is not found.
     */
    @Transactional(readOnly = true)
    public Page<OfferingSummary> publishedOfferings(
            UUID schoolId, @Nullable UUID termId, @Nullable Integer grade, @Nullable Slot slot, PageQuery page) {
        organization.publicSchool(schoolId);
        String filter =
                " and o.state = 'PUBLISHED' and (cast(:term as uuid) is null or o.term_id = cast(:term as uuid))";
        long total = jdbc.sql("select count(*) from catalog.offering o where o.school_id = :school" + filter + " "
                        + GRADE_AND_SLOT + " ")
                .param("school", schoolId)
                .param("term", termId)
                .param("grade", grade)
                .param("slot", slot == null ? null : slot.name())
                .query(Long.class)
                .single();
        List<OfferingSummary> items =
                offeringQuery(filter, schoolId, termId, grade, slot, page).list();
        return new Page<>(items, page.page(), page.size(), total);
    }

    /** The published fee notices of a school, newest first, as anyone may see them; an unknown school is not found. */
    @Transactional(readOnly = true)
    public List<FeeNoticeSummary> publishedNotices(UUID schoolId) {
        organization.publicSchool(schoolId);
        return jdbc.sql("""
                        select n.id, n.offering_id, c.name as course_name, o.fee, n.content, n.fee_standard, n.covers,
                          n.refund_rule, n.payee, n.published_on
                        from catalog.fee_notice n
                        join catalog.offering o on o.id = n.offering_id
                        join catalog.course c on c.id = o.course_id
                        where n.school_id = :school and o.state <> 'CANCELLED'
                        order by n.published_on desc, n.id""")
                .param("school", schoolId)
                .query(RecordRows.of(FeeNoticeSummary.class))
                .list();
    }

    private static final String GRADE_AND_SLOT = """
             and (cast(:grade as integer) is null or exists (select 1 from catalog.offering_grade g
                  where g.offering_id = o.id and g.grade_level = cast(:grade as integer)))
             and (cast(:slot as varchar) is null or o.slot = cast(:slot as varchar))""";

    private JdbcClient.MappedQuerySpec<OfferingSummary> offeringQuery(
            String filter,
            UUID schoolId,
            @Nullable UUID termId,
            @Nullable Integer grade,
            @Nullable Slot slot,
            @Nullable PageQuery page) {
        String sql =
                """
                select o.id, o.school_id, o.term_id, o.course_id, c.name as course_name, c.category, c.provider_kind,
                  o.weekday, o.slot, o.venue_id, v.name as venue_name, o.capacity, o.fee, o.exercise_minutes,
                  o.slot_one_content, o.starts_on, o.ends_on, o.state, o.cancel_reason
                from catalog.offering o
                join catalog.course c on c.id = o.course_id
                join catalog.venue v on v.id = o.venue_id
                where o.school_id = :school""" + filter + " " + GRADE_AND_SLOT + " " + """
                 order by case o.weekday when 'MONDAY' then 1 when 'TUESDAY' then 2 when 'WEDNESDAY' then 3
                   when 'THURSDAY' then 4 when 'FRIDAY' then 5 when 'SATURDAY' then 6 else 7 end, o.slot, c.name, o.id""" + (page == null ? "" : " limit :limit offset :offset");
        var spec = jdbc.sql(sql)
                .param("school", schoolId)
                .param("term", termId)
                .param("grade", grade)
                .param("slot", slot == null ? null : slot.name());
        if (page != null) {
            spec = spec.param("limit", page.size()).param("offset", page.offset());
        }
        return spec.query(OFFERING_SUMMARY);
    }

    private List<Offering.Schedule> othersOf(UUID termId, @Nullable UUID except) {
        return offerings.findByTermId(termId).stream()
                .filter(Offering::isActive)
                .filter(o -> !o.id().equals(except))
                .map(Offering::schedule)
                .toList();
    }

    private int cityMinimum() {
        return minimums.findCityDefault()
                .map(ExerciseMinimum::minutes)
                .orElse(ExerciseMinutesRule.CITY_DEFAULT_MINUTES);
    }

    private SchoolSummary managedSchool(UserScope scope, UUID schoolId) {
        if (!scope.canManageSchool(schoolId)) {
            throw new NotFoundException("school");
        }
        return organization.school(scope, schoolId);
    }

    private Term termOf(UserScope scope, UUID schoolId, UUID termId) {
        return organization.terms(scope, schoolId).stream()
                .filter(t -> t.id().equals(termId))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("term"));
    }

    private Venue venueOf(UUID schoolId, UUID venueId) {
        return venues.findById(venueId)
                .filter(v -> v.schoolId().equals(schoolId))
                .orElseThrow(() -> new NotFoundException("venue"));
    }

    private SlotPlan managedPlan(UserScope scope, UUID planId) {
        return plans.findById(planId)
                .filter(p -> scope.canManageSchool(p.schoolId()))
                .orElseThrow(() -> new NotFoundException("slotPlan"));
    }

    private Offering managedOffering(UserScope scope, UUID offeringId) {
        return offerings
                .findById(offeringId)
                .filter(o -> scope.canManageSchool(o.schoolId()))
                .orElseThrow(() -> new NotFoundException("offering"));
    }

    private void record(String action, Offering offering, OfferingState before) {
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("state", offering.state());
        if (offering.cancelReason() != null) {
            after.put("reason", offering.cancelReason());
        }
        audit.record(new AuditEntry(
                action,
                "offering",
                offering.id(),
                offering.countyId(),
                offering.schoolId(),
                Map.of("state", before),
                after));
    }

    /** A room or ground to add to a school. */
    public record NewVenue(String name, VenueKind kind, int capacity) {}

    /**
     * A course to add to a school's course system.
     *
     * @param activityKind the enrichment kind of a slot-2 course, or null
     * @param providerId the staff member, talent-pool member or institution, once known
     * @param requires items the course would require: must be empty (CONTENT-1), kept so a request that declares
     *     one is refused with a message instead of silently losing it
     */
    public record NewCourse(
            String name,
            CourseCategory category,
            @Nullable ActivityKind activityKind,
            Collection<Integer> grades,
            @Nullable String goals,
            @Nullable String description,
            ProviderKind providerKind,
            @Nullable UUID providerId,
            Collection<UUID> requires) {

        public NewCourse {
            grades = List.copyOf(grades);
            requires = List.copyOf(requires);
        }
    }

    /** The daily plan of one weekday for grades {@code firstGrade..lastGrade} of a term. */
    public record NewSlotPlan(UUID termId, DayOfWeek weekday, int firstGrade, int lastGrade, List<SlotLine> slots) {

        public NewSlotPlan {
            slots = List.copyOf(slots);
        }
    }

    /** One slot of a daily plan: its times, its activities and how many of its minutes are exercise. */
    public record SlotLine(Slot slot, LocalTime startsAt, LocalTime endsAt, String activities, int exerciseMinutes) {}

    /**
     * An offering to draft.
     *
     * @param fee the fee per term, only for an institution offering, or null
     * @param slotOneContent what a slot-1 offering does, required for slot 1 and absent otherwise (CONTENT-4)
     * @param startsOn first day, or null for the start of the term
     * @param endsOn last day, or null for the end of the term
     * @param requires offerings this one would require: must be empty (CONTENT-1)
     */
    public record NewOffering(
            UUID courseId,
            UUID termId,
            DayOfWeek weekday,
            Slot slot,
            UUID venueId,
            Collection<UUID> instructors,
            int capacity,
            Collection<Integer> grades,
            @Nullable BigDecimal fee,
            int exerciseMinutes,
            @Nullable SlotOneContent slotOneContent,
            @Nullable LocalDate startsOn,
            @Nullable LocalDate endsOn,
            Collection<UUID> requires) {

        public NewOffering {
            instructors = List.copyOf(instructors);
            grades = List.copyOf(grades);
            requires = List.copyOf(requires);
        }

        /** The same offering declaring what it does in slot 1. */
        public NewOffering withContent(@Nullable SlotOneContent content) {
            return new NewOffering(
                    courseId,
                    termId,
                    weekday,
                    slot,
                    venueId,
                    instructors,
                    capacity,
                    grades,
                    fee,
                    exerciseMinutes,
                    content,
                    startsOn,
                    endsOn,
                    requires);
        }

        /** The same offering taught by other people. */
        public NewOffering withInstructors(Collection<UUID> people) {
            return new NewOffering(
                    courseId,
                    termId,
                    weekday,
                    slot,
                    venueId,
                    people,
                    capacity,
                    grades,
                    fee,
                    exerciseMinutes,
                    slotOneContent,
                    startsOn,
                    endsOn,
                    requires);
        }

        /** The same offering from one day to another within its term. */
        public NewOffering withDates(@Nullable LocalDate first, @Nullable LocalDate last) {
            return new NewOffering(
                    courseId,
                    termId,
                    weekday,
                    slot,
                    venueId,
                    instructors,
                    capacity,
                    grades,
                    fee,
                    exerciseMinutes,
                    slotOneContent,
                    first,
                    last,
                    requires);
        }

        /** The same offering declaring items it would require, which CONTENT-1 refuses. */
        public NewOffering withRequires(Collection<UUID> items) {
            return new NewOffering(
                    courseId,
                    termId,
                    weekday,
                    slot,
                    venueId,
                    instructors,
                    capacity,
                    grades,
                    fee,
                    exerciseMinutes,
                    slotOneContent,
                    startsOn,
                    endsOn,
                    items);
        }
    }

    /** A venue opened on a day without school (SCOPE-3), supervised by the given staff. */
    public record NewOpening(
            UUID venueId,
            LocalDate onDate,
            LocalTime startsAt,
            LocalTime endsAt,
            int capacity,
            OpeningPurpose purpose,
            Collection<UUID> supervisors) {

        public NewOpening {
            supervisors = List.copyOf(supervisors);
        }
    }

    public record OpeningSummary(
            UUID id,
            UUID venueId,
            String venueName,
            LocalDate onDate,
            LocalTime startsAt,
            LocalTime endsAt,
            int capacity,
            OpeningPurpose purpose) {}

    /** The public notice of a fee-bearing offering (ENROL-5). */
    public record NewFeeNotice(String content, String feeStandard, String covers, String refundRule, String payee) {}

    /** The offerings or plans copied into a term and how many were left out for clashing there. */
    public record CopyResult(List<UUID> copied, int skipped) {}

    /** When an offering's fee notice was published and the first day the offering may open for registration. */
    public record NoticeStatus(UUID offeringId, LocalDate publishedOn, LocalDate opensOn) {}

    /** A daily slot plan as its school sees it. */
    public record SlotPlanSummary(
            UUID id,
            UUID termId,
            DayOfWeek weekday,
            int firstGrade,
            int lastGrade,
            boolean published,
            List<SlotLine> slots) {}

    public record VenueSummary(UUID id, String name, VenueKind kind, int capacity) {}

    public record CourseSummary(
            UUID id,
            String name,
            CourseCategory category,
            @Nullable ActivityKind activityKind,
            List<Integer> grades,
            ProviderKind providerKind,
            @Nullable UUID providerId) {}

    public record OfferingSummary(
            UUID id,
            UUID schoolId,
            UUID termId,
            UUID courseId,
            String courseName,
            CourseCategory category,
            ProviderKind providerKind,
            DayOfWeek weekday,
            Slot slot,
            UUID venueId,
            String venueName,
            int capacity,
            @Nullable BigDecimal fee,
            int exerciseMinutes,
            @Nullable SlotOneContent slotOneContent,
            @Nullable LocalDate startsOn,
            @Nullable LocalDate endsOn,
            OfferingState state,
            @Nullable String cancelReason) {}

    public record FeeNoticeSummary(
            UUID id,
            UUID offeringId,
            String courseName,
            @Nullable BigDecimal fee,
            String content,
            String feeStandard,
            String covers,
            String refundRule,
            String payee,
            LocalDate publishedOn) {}
}
