package org.kehou.catalog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kehou.catalog.CatalogManagement.CourseSummary;
import org.kehou.organization.OrganizationQueries;
import org.kehou.organization.OrganizationQueries.CountySummary;
import org.kehou.organization.OrganizationQueries.SchoolSummary;
import org.kehou.organization.Stage;
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
 * period (ENROL-5) that apply there. Every read is filtered by the caller's scope; an id outside it is not found.
 */
@Service
@Transactional(readOnly = true)
public class CatalogReports {

    private static final List<CourseCategory> CATEGORIES = List.of(CourseCategory.values());

    private final JdbcClient jdbc;
    private final OrganizationQueries organization;
    private final CatalogManagement catalog;

    CatalogReports(JdbcClient jdbc, OrganizationQueries organization, CatalogManagement catalog) {
        this.jdbc = jdbc;
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
}
