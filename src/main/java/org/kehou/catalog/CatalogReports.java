package org.kehou.catalog;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.kehou.catalog.CatalogManagement.CourseSummary;
import org.kehou.organization.OrganizationQueries;
import org.kehou.organization.OrganizationQueries.CountySummary;
import org.kehou.organization.OrganizationQueries.SchoolSummary;
import org.kehou.organization.OrganizationQueries.StaffRow;
import org.kehou.organization.Stage;
import org.kehou.organization.Term;
import org.kehou.platform.NotFoundException;
import org.kehou.platform.Page;
import org.kehou.platform.PageQuery;
import org.kehou.platform.Role;
import org.kehou.platform.UserScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read models that survey the catalog: a school's course system as a category × grade grid (COURSE-1), the course
 * counts of a county's schools and of the city's counties with the exercise minimum (CONTENT-3) and fee-notice
 * period (ENROL-5) that apply there, and week timetables of a school's offerings by grade, class, venue or
 * instructor (COURSE-2, COURSE-3). Every read is filtered by the caller's scope; an id outside it is not found.
 * A timetable shows the offerings that run (published, or closed for registration), drafts only on request, never
 * cancelled ones.
 */
@Service
@Transactional(readOnly = true)
public class CatalogReports {

    /** The school days of a week timetable. */
    public static final List<DayOfWeek> SCHOOL_DAYS =
            List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);

    private static final List<CourseCategory> CATEGORIES = List.of(CourseCategory.values());

    private final JdbcClient jdbc;
    private final OrganizationQueries organization;
    private final CatalogManagement catalog;
    private final java.time.Clock clock;

    CatalogReports(
            JdbcClient jdbc, OrganizationQueries organization, CatalogManagement catalog, java.time.Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.organization = organization;
        this.catalog = catalog;
    }

    /** A school's course system (COURSE-1): for each category and each grade of the school, its courses by name. */
    public CourseSystem courseSystem(UserScope scope, UUID schoolId) {
        SchoolSummary school = organization.school(scope, schoolId);
        List<Integer> grades = school.stage().grades();
        List<CourseSummary> courses = catalog.courses(scope, schoolId);
        List<CategoryRow> rows = new ArrayList<>();
        for (CourseCategory category : CATEGORIES) {
            List<List<CourseSummary>> cells = new ArrayList<>();
            for (Integer grade : grades) {
                cells.add(courses.stream()
                        .filter(c -> c.category() == category && c.grades().contains(grade))
                        .toList());
            }
            rows.add(new CategoryRow(category, cells));
        }
        return new CourseSystem(school, grades, rows, courses.size());
    }

    /**
     * The courses per category of each school of a county with the county's totals, and the exercise minimum and
     * notice period that apply to its schools; for readers of the county.
     */
    public CountyCatalog countyCatalog(UserScope scope, UUID countyId) {
        CountySummary county = organization.county(scope, countyId);
        Map<UUID, Map<CourseCategory, Long>> counts = new HashMap<>();
        jdbc.sql("""
                        select school_id, category, count(*) as courses from catalog.course
                        where county_id = :county group by school_id, category""")
                .param("county", countyId)
                .query((rs, n) -> {
                    counts.computeIfAbsent(
                                    rs.getObject("school_id", UUID.class), k -> new EnumMap<>(CourseCategory.class))
                            .put(CourseCategory.valueOf(rs.getString("category")), rs.getLong("courses"));
                    return n;
                })
                .list();
        List<SchoolCourses> schools = new ArrayList<>();
        for (SchoolSummary school : allSchools(scope, countyId)) {
            List<Long> byCategory = perCategory(counts.getOrDefault(school.id(), Map.of()));
            schools.add(new SchoolCourses(
                    school.id(),
                    school.code(),
                    school.name(),
                    school.stage(),
                    byCategory,
                    byCategory.stream().mapToLong(Long::longValue).sum()));
        }
        List<Long> totals =
                columnTotals(schools.stream().map(SchoolCourses::byCategory).toList());
        return new CountyCatalog(
                county,
                schools,
                totals,
                totals.stream().mapToLong(Long::longValue).sum(),
                cityMinimum(),
                countyMinimum(countyId),
                catalog.exerciseMinimum(countyId),
                catalog.noticeDays(countyId),
                scope.canManageCounty(countyId));
    }

    /**
     * The courses per category of each county of the city with the city's totals, each county's exercise minimum
     * and notice period, and the city's default minimum; for city-wide readers.
     */
    public CityCatalog cityCatalog(UserScope scope) {
        List<CountySummary> counties = organization.counties(scope);
        Map<UUID, Map<CourseCategory, Long>> counts = new HashMap<>();
        jdbc.sql("select county_id, category, count(*) as courses from catalog.course group by county_id, category")
                .query((rs, n) -> {
                    counts.computeIfAbsent(
                                    rs.getObject("county_id", UUID.class), k -> new EnumMap<>(CourseCategory.class))
                            .put(CourseCategory.valueOf(rs.getString("category")), rs.getLong("courses"));
                    return n;
                })
                .list();
        int city = cityMinimum();
        Map<UUID, Integer> minimums = new HashMap<>();
        jdbc.sql("select county_id, minutes from catalog.exercise_minimum where county_id is not null")
                .query((rs, n) -> minimums.put(rs.getObject("county_id", UUID.class), rs.getInt("minutes")))
                .list();
        Map<UUID, Integer> noticeDays = new HashMap<>();
        jdbc.sql("select county_id, days from catalog.notice_period")
                .query((rs, n) -> noticeDays.put(rs.getObject("county_id", UUID.class), rs.getInt("days")))
                .list();
        List<CountyCourses> rows = new ArrayList<>();
        for (CountySummary county : counties) {
            List<Long> byCategory = perCategory(counts.getOrDefault(county.id(), Map.of()));
            rows.add(new CountyCourses(
                    county,
                    byCategory,
                    byCategory.stream().mapToLong(Long::longValue).sum(),
                    ExerciseMinutesRule.effectiveMinimum(city, minimums.get(county.id())),
                    noticeDays.getOrDefault(county.id(), NoticePeriodRule.DEFAULT_DAYS)));
        }
        List<Long> totals =
                columnTotals(rows.stream().map(CountyCourses::byCategory).toList());
        return new CityCatalog(
                rows, totals, totals.stream().mapToLong(Long::longValue).sum(), city, scope.has(Role.CITY_ADMIN));
    }

    /**
     * The week timetable of a school's term for readers of the school, optionally only of one grade, one venue
     * and one instructor. The term defaults to the one under way (else the next); a term, venue or instructor not of the school is not
     * found.
     */
    public Timetable schoolTimetable(UserScope scope, UUID schoolId, TimetableQuery query) {
        SchoolSummary school = organization.school(scope, schoolId);
        List<Term> terms = organization.terms(scope, schoolId);
        Term term = chosenTerm(terms, query.termId());
        if (query.venueId() != null
                && jdbc.sql("select count(*) from catalog.venue where id = :venue and school_id = :school")
                                .param("venue", query.venueId())
                                .param("school", schoolId)
                                .query(Long.class)
                                .single()
                        == 0) {
            throw new NotFoundException("venue");
        }
        Map<UUID, String> staff = organization.staff(scope, schoolId).stream()
                .collect(Collectors.toMap(StaffRow::id, StaffRow::name, (a, b) -> a));
        if (query.instructorId() != null
                && !staff.containsKey(query.instructorId())
                && jdbc.sql("""
                                        select count(*) from catalog.offering_instructor
                                        where instructor_id = :person and school_id = :school""")
                                .param("person", query.instructorId())
                                .param("school", schoolId)
                                .query(Long.class)
                                .single()
                        == 0) {
            throw new NotFoundException("instructor");
        }
        boolean evening = school.stage().grades().stream().anyMatch(Stage::isJuniorMiddleGrade);
        if (term == null) {
            return new Timetable(null, terms, slots(evening, List.of()), SCHOOL_DAYS, List.of(), List.of());
        }
        List<TimetableEntry> entries = entries(
                schoolId, term.id(), query.grade(), query.venueId(), query.instructorId(), query.drafts(), staff);
        List<Instructor> teaching =
                jdbc.sql("""
                        select distinct i.instructor_id from catalog.offering_instructor i
                        join catalog.offering o on o.id = i.offering_id
                        where o.school_id = :school and o.term_id = :term and o.state <> 'CANCELLED'""").param("school", schoolId).param("term", term.id()).query(UUID.class).list().stream()
                        .filter(staff::containsKey)
                        .map(id -> new Instructor(id, staff.get(id)))
                        .sorted(Comparator.comparing(Instructor::name).thenComparing(Instructor::id))
                        .toList();
        return new Timetable(term, terms, slots(evening, entries), SCHOOL_DAYS, entries, teaching);
    }

    /**
     * The week timetable of the offerings a teacher teaches at their school in a term (by default the one under way, else the next); only
     * their own, never a colleague's.
     */
    public Timetable teacherTimetable(UserScope scope, @Nullable UUID termId, boolean drafts) {
        UUID staffId = scope.staffId();
        UUID schoolId = scope.schoolId();
        if (!scope.has(Role.TEACHER) || staffId == null || schoolId == null) {
            throw new NotFoundException("staff");
        }
        List<Term> terms = organization.termsOfOwnSchool(scope);
        Term term = chosenTerm(terms, termId);
        if (term == null) {
            return new Timetable(null, terms, slots(false, List.of()), SCHOOL_DAYS, List.of(), List.of());
        }
        List<TimetableEntry> entries =
                entries(schoolId, term.id(), null, null, staffId, drafts, Map.of(staffId, scope.displayName()));
        return new Timetable(term, terms, slots(false, entries), SCHOOL_DAYS, entries, List.of());
    }

    /**
     * The published offerings of a school's term with the names of their staff instructors, as a guardian choosing
     * among them may see them (ENROL-2, CONTENT-2): public information like the offerings themselves; an unknown
     * school is not found.
     */
    public List<TimetableEntry> publishedEntries(UUID schoolId, UUID termId) {
        organization.publicSchool(schoolId);
        return entries(schoolId, termId, null, null, null, false, organization.staffNames(schoolId)).stream()
                .filter(e -> e.state() == OfferingState.PUBLISHED)
                .toList();
    }

    private @Nullable Term chosenTerm(List<Term> terms, @Nullable UUID termId) {
        if (termId == null) {
            return Term.shownOn(terms, LocalDate.now(clock)).orElse(null);
        }
        return terms.stream()
                .filter(t -> t.id().equals(termId))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("term"));
    }

    private static List<Slot> slots(boolean evening, List<TimetableEntry> entries) {
        if (evening || entries.stream().anyMatch(e -> e.slot() == Slot.EVENING)) {
            return List.of(Slot.values());
        }
        return List.of(Slot.SLOT_1, Slot.SLOT_2);
    }

    private List<TimetableEntry> entries(
            UUID schoolId,
            UUID termId,
            @Nullable Integer grade,
            @Nullable UUID venueId,
            @Nullable UUID instructorId,
            boolean drafts,
            Map<UUID, String> names) {
        Map<UUID, List<Integer>> grades = new HashMap<>();
        jdbc.sql("""
                        select g.offering_id, g.grade_level from catalog.offering_grade g
                        join catalog.offering o on o.id = g.offering_id
                        where o.school_id = :school and o.term_id = :term order by g.grade_level""")
                .param("school", schoolId)
                .param("term", termId)
                .query((rs, n) -> grades.computeIfAbsent(
                                rs.getObject("offering_id", UUID.class), k -> new ArrayList<>())
                        .add(rs.getInt("grade_level")))
                .list();
        Map<UUID, List<UUID>> instructors = new HashMap<>();
        jdbc.sql("""
                        select i.offering_id, i.instructor_id from catalog.offering_instructor i
                        join catalog.offering o on o.id = i.offering_id
                        where o.school_id = :school and o.term_id = :term order by i.instructor_id""")
                .param("school", schoolId)
                .param("term", termId)
                .query((rs, n) -> instructors
                        .computeIfAbsent(rs.getObject("offering_id", UUID.class), k -> new ArrayList<>())
                        .add(rs.getObject("instructor_id", UUID.class)))
                .list();
        return jdbc.sql("""
                        select o.id, o.weekday, o.slot, o.state, o.capacity, o.slot_one_content, o.starts_on, o.ends_on,
                          c.id as course_id, c.name as course_name, c.category, c.activity_kind,
                          v.id as venue_id, v.name as venue_name
                        from catalog.offering o
                        join catalog.course c on c.id = o.course_id
                        join catalog.venue v on v.id = o.venue_id
                        where o.school_id = :school and o.term_id = :term
                          and o.state in (:states)
                          and (cast(:grade as integer) is null or exists (select 1 from catalog.offering_grade g
                               where g.offering_id = o.id and g.grade_level = cast(:grade as integer)))
                          and (cast(:venue as uuid) is null or o.venue_id = cast(:venue as uuid))
                          and (cast(:person as uuid) is null or exists (select 1 from catalog.offering_instructor i
                               where i.offering_id = o.id and i.instructor_id = cast(:person as uuid)))
                        order by c.name, o.id""")
                .param("school", schoolId)
                .param("term", termId)
                .param("states", drafts ? List.of("PUBLISHED", "CLOSED", "DRAFT") : List.of("PUBLISHED", "CLOSED"))
                .param("grade", grade)
                .param("venue", venueId)
                .param("person", instructorId)
                .query((rs, n) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    String activity = rs.getString("activity_kind");
                    String content = rs.getString("slot_one_content");
                    return new TimetableEntry(
                            id,
                            rs.getObject("course_id", UUID.class),
                            rs.getString("course_name"),
                            CourseCategory.valueOf(rs.getString("category")),
                            activity == null ? null : ActivityKind.valueOf(activity),
                            DayOfWeek.valueOf(rs.getString("weekday")),
                            Slot.valueOf(rs.getString("slot")),
                            rs.getObject("venue_id", UUID.class),
                            rs.getString("venue_name"),
                            instructors.getOrDefault(id, List.of()).stream()
                                    .filter(names::containsKey)
                                    .map(names::get)
                                    .sorted()
                                    .toList(),
                            List.copyOf(grades.getOrDefault(id, List.of())),
                            rs.getInt("capacity"),
                            OfferingState.valueOf(rs.getString("state")),
                            content == null ? null : SlotOneContent.valueOf(content),
                            rs.getObject("starts_on", LocalDate.class),
                            rs.getObject("ends_on", LocalDate.class));
                })
                .list();
    }

    private List<SchoolSummary> allSchools(UserScope scope, UUID countyId) {
        List<SchoolSummary> schools = new ArrayList<>();
        for (int page = 0; ; page++) {
            Page<SchoolSummary> batch =
                    organization.schools(scope, countyId, new PageQuery(page, PageQuery.MAX_SIZE, "code", false, ""));
            schools.addAll(batch.items());
            if (!batch.hasNext()) {
                return schools;
            }
        }
    }

    private static List<Long> perCategory(Map<CourseCategory, Long> counts) {
        return CATEGORIES.stream().map(c -> counts.getOrDefault(c, 0L)).toList();
    }

    private static List<Long> columnTotals(List<List<Long>> rows) {
        long[] totals = new long[CATEGORIES.size()];
        for (List<Long> row : rows) {
            for (int i = 0; i < totals.length; i++) {
                totals[i] += row.get(i);
            }
        }
        return Arrays.stream(totals).boxed().toList();
    }

    private int cityMinimum() {
        return jdbc.sql("select minutes from catalog.exercise_minimum where county_id is null")
                .query(Integer.class)
                .optional()
                .orElse(ExerciseMinutesRule.CITY_DEFAULT_MINUTES);
    }

    private @Nullable Integer countyMinimum(UUID countyId) {
        return jdbc.sql("select minutes from catalog.exercise_minimum where county_id = :county")
                .param("county", countyId)
                .query(Integer.class)
                .optional()
                .orElse(null);
    }

    /** A school's course system: its grades and, for each category, the courses of each grade. */
    public record CourseSystem(SchoolSummary school, List<Integer> grades, List<CategoryRow> rows, int courseCount) {}

    /** One category of a course system with its courses per grade, in the order of the system's grades. */
    public record CategoryRow(CourseCategory category, List<List<CourseSummary>> cells) {}

    /**
     * The course counts of a county's schools.
     *
     * @param totals the county's courses per category, in the order of {@link CourseCategory}
     * @param countyMinimum the county's own exercise minimum, or null while it follows the city's
     * @param exerciseMinimum the minimum that applies to the county's schools
     * @param canManage whether the caller may change the county's minimum and notice period
     */
    public record CountyCatalog(
            CountySummary county,
            List<SchoolCourses> schools,
            List<Long> totals,
            long total,
            int cityMinimum,
            @Nullable Integer countyMinimum,
            int exerciseMinimum,
            int noticeDays,
            boolean canManage) {}

    /** A school's courses per category, in the order of {@link CourseCategory}. */
    public record SchoolCourses(
            UUID schoolId, String code, String name, Stage stage, List<Long> byCategory, long total) {}

    /**
     * The course counts of the city's counties.
     *
     * @param canManage whether the caller may change the city's default minimum
     */
    public record CityCatalog(
            List<CountyCourses> counties, List<Long> totals, long total, int cityMinimum, boolean canManage) {}

    /** A county's courses per category with the exercise minimum and notice period that apply there. */
    public record CountyCourses(
            CountySummary county, List<Long> byCategory, long total, int exerciseMinimum, int noticeDays) {}

    /**
     * What a school timetable shows: a term (null for the latest), and optionally only one grade, venue and
     * instructor, with or without drafts.
     */
    public record TimetableQuery(
            @Nullable UUID termId,
            @Nullable Integer grade,
            @Nullable UUID venueId,
            @Nullable UUID instructorId,
            boolean drafts) {}

    /**
     * A week timetable: the term shown (null when the school has none yet), the terms to choose from, the slots and
     * weekdays of the grid, and its entries.
     *
     * @param instructors the school's staff who teach in the term, to choose from
     */
    public record Timetable(
            @Nullable Term term,
            List<Term> terms,
            List<Slot> slots,
            List<DayOfWeek> weekdays,
            List<TimetableEntry> entries,
            List<Instructor> instructors) {

        /** The entries of one cell of the grid, by course name. */
        public List<TimetableEntry> at(Slot slot, DayOfWeek weekday) {
            return entries.stream()
                    .filter(e -> e.slot() == slot && e.weekday() == weekday)
                    .toList();
        }
    }

    /** A person who teaches in a school's term. */
    public record Instructor(UUID id, String name) {}

    /**
     * One offering in a cell of a timetable.
     *
     * @param instructors the names of its instructors the caller may see
     * @param startsOn its first day when it starts after the term does
     * @param endsOn its last day when it ends before the term does
     */
    public record TimetableEntry(
            UUID offeringId,
            UUID courseId,
            String courseName,
            CourseCategory category,
            @Nullable ActivityKind activityKind,
            DayOfWeek weekday,
            Slot slot,
            UUID venueId,
            String venueName,
            List<String> instructors,
            List<Integer> grades,
            int capacity,
            OfferingState state,
            @Nullable SlotOneContent slotOneContent,
            @Nullable LocalDate startsOn,
            @Nullable LocalDate endsOn) {

        public boolean isDraft() {
            return state == OfferingState.DRAFT;
        }
    }
}
