package org.kehou.operations;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.kehou.organization.OrganizationQueries;
import org.kehou.organization.OrganizationQueries.CountySummary;
import org.kehou.organization.OrganizationQueries.SchoolSummary;
import org.kehou.platform.NotFoundException;
import org.kehou.platform.Page;
import org.kehou.platform.PageQuery;
import org.kehou.platform.UserScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The "today" figures of a school and of a county's schools (OPS-1..4, CONTENT-5), all counted from the day's
 * records: the sessions the school runs and how many have a roll call, the children present, late, absent and on
 * leave by each child's latest roll-call entry, the children handed over and those not yet released (every child of
 * the school's classes, as on the hand-over page, ADR 0009), the patrol coverage of the day's sessions, the homework
 * completion of slot-1 sessions and the incidents. A county's figures are the same per school, each counted by one
 * grouped query over the county rather than per school.
 */
@Service
public class Dashboards {

    private static final String LATEST_MARKS = """
            select e.school_id, e.mark, count(*) as n from operations.session_entry e
            where e.county_id = :county and e.kind = :kind and e.on_date = :day and %s
            group by e.school_id, e.mark""".formatted(AbsentToday.LATEST);

    private final OrganizationQueries organization;
    private final Patrols patrols;
    private final JdbcClient jdbc;

    Dashboards(OrganizationQueries organization, Patrols patrols, JdbcClient jdbc) {
        this.organization = organization;
        this.patrols = patrols;
        this.jdbc = jdbc;
    }

    /** A school's day, for its admin, its county's admin or inspector and the city; any other school is not found. */
    @Transactional(readOnly = true)
    public SchoolDay school(UserScope scope, UUID schoolId, LocalDate day) {
        SchoolSummary school = organization.school(scope, schoolId);
        if (!scope.canReadSchool(school.countyId(), schoolId)) {
            throw new NotFoundException("school");
        }
        return days(school.countyId(), List.of(school), day).getFirst();
    }

    /** Every school of a county on a day, in code order, with the county's totals; another county is not found. */
    @Transactional(readOnly = true)
    public CountyDay county(UserScope scope, UUID countyId, LocalDate day) {
        if (!scope.canReadCounty(countyId)) {
            throw new NotFoundException("county");
        }
        CountySummary county = organization.county(scope, countyId);
        List<SchoolSummary> schools = new ArrayList<>();
        int page = 0;
        Page<SchoolSummary> found;
        do {
            found = organization.schools(scope, countyId, new PageQuery(page++, PageQuery.MAX_SIZE, "code", false, ""));
            schools.addAll(found.items());
        } while (found.hasNext());
        return new CountyDay(county, day, days(countyId, schools, day));
    }

    private List<SchoolDay> days(UUID countyId, Collection<SchoolSummary> schools, LocalDate day) {
        Map<UUID, Map<String, Long>> rollCall = marks(countyId, "ROLL_CALL", day);
        Map<UUID, Map<String, Long>> homework = marks(countyId, "HOMEWORK", day);
        Map<UUID, Long> called = perSchool("""
                select school_id, count(distinct offering_id) as n from operations.session_entry
                where county_id = :county and kind = 'ROLL_CALL' and on_date = :day group by school_id""", countyId, day);
        Map<UUID, Long> released = perSchool("""
                select school_id, count(distinct student_id) as n from operations.pickup_release
                where county_id = :county and on_date = :day group by school_id""", countyId, day);
        Map<UUID, Long> incidents = perSchool("""
                select school_id, count(*) as n from operations.incident
                where county_id = :county and occurred_at >= :from and occurred_at < :until group by school_id""", countyId, day);
        Map<UUID, Long> absent = AbsentToday.perSchool(jdbc, countyId, day);
        List<SchoolDay> result = new ArrayList<>();
        for (SchoolSummary school : schools) {
            Patrols.Coverage coverage = patrols.coverage(PickupSchedule.reader(school.id()), school.id(), day);
            Map<String, Long> marks = rollCall.getOrDefault(school.id(), Map.of());
            Map<String, Long> done = homework.getOrDefault(school.id(), Map.of());
            long handedOver = released.getOrDefault(school.id(), 0L);
            result.add(new SchoolDay(
                    school,
                    day,
                    coverage.total(),
                    called.getOrDefault(school.id(), 0L),
                    new Attendance(
                            marks.getOrDefault("PRESENT", 0L),
                            marks.getOrDefault("LATE", 0L),
                            marks.getOrDefault("ABSENT", 0L),
                            marks.getOrDefault("LEAVE", 0L)),
                    handedOver,
                    Math.max(0, school.students() - handedOver - absent.getOrDefault(school.id(), 0L)),
                    (int) coverage.patrolled(),
                    coverage.percent(),
                    new Homework(
                            done.getOrDefault("DONE", 0L),
                            done.getOrDefault("MOSTLY_DONE", 0L),
                            done.getOrDefault("NOT_DONE", 0L)),
                    incidents.getOrDefault(school.id(), 0L)));
        }
        return result;
    }

    private Map<UUID, Map<String, Long>> marks(UUID countyId, String kind, LocalDate day) {
        Map<UUID, Map<String, Long>> bySchool = new HashMap<>();
        jdbc.sql(LATEST_MARKS)
                .param("county", countyId)
                .param("kind", kind)
                .param("day", day)
                .query((rs, n) -> bySchool.computeIfAbsent(rs.getObject("school_id", UUID.class), s -> new HashMap<>())
                        .put(rs.getString("mark"), rs.getLong("n")))
                .list();
        return bySchool;
    }

    private Map<UUID, Long> perSchool(String sql, UUID countyId, LocalDate day) {
        Map<UUID, Long> bySchool = new HashMap<>();
        Map<String, Object> params = new HashMap<>();
        params.put("county", countyId);
        params.put("day", day);
        params.put("from", day.atStartOfDay());
        params.put("until", day.plusDays(1).atStartOfDay());
        params.keySet().removeIf(name -> !sql.contains(":" + name));
        jdbc.sql(sql)
                .params(params)
                .query((rs, n) -> bySchool.put(rs.getObject("school_id", UUID.class), rs.getLong("n")))
                .list();
        return bySchool;
    }

    /** The roll call of a day: each child of each session counted once, by their latest entry. */
    public record Attendance(long present, long late, long absent, long leave) {

        public long recorded() {
            return present + late + absent + leave;
        }
    }

    /** The homework completion of a day's slot-1 sessions, each child counted once per session by the latest entry. */
    public record Homework(long done, long mostlyDone, long notDone) {

        public long recorded() {
            return done + mostlyDone + notDone;
        }

        /** The share of recorded children who finished their homework, in whole percent; 0 when none recorded. */
        public int donePercent() {
            return recorded() == 0 ? 0 : (int) Math.round(100.0 * done / recorded());
        }
    }

    /**
     * One school's day.
     *
     * @param sessions the offerings the school runs that day
     * @param sessionsCalled those of them with a roll call
     * @param released the children handed over
     * @param notReleased the children of the school not handed over (yet), but for those the day's roll call has absent
     *     or on leave in every session that recorded them
     * @param patrolled the sessions with at least one patrol
     */
    public record SchoolDay(
            SchoolSummary school,
            LocalDate day,
            int sessions,
            long sessionsCalled,
            Attendance attendance,
            long released,
            long notReleased,
            int patrolled,
            int patrolPercent,
            Homework homework,
            long incidents) {}

    /** A county's schools on a day. */
    public record CountyDay(CountySummary county, LocalDate day, List<SchoolDay> schools) {

        public long sessions() {
            return schools.stream().mapToLong(SchoolDay::sessions).sum();
        }

        public long sessionsCalled() {
            return schools.stream().mapToLong(SchoolDay::sessionsCalled).sum();
        }

        public Attendance attendance() {
            return new Attendance(
                    schools.stream().mapToLong(s -> s.attendance().present()).sum(),
                    schools.stream().mapToLong(s -> s.attendance().late()).sum(),
                    schools.stream().mapToLong(s -> s.attendance().absent()).sum(),
                    schools.stream().mapToLong(s -> s.attendance().leave()).sum());
        }

        public long notReleased() {
            return schools.stream().mapToLong(SchoolDay::notReleased).sum();
        }

        public long patrolled() {
            return schools.stream().mapToLong(SchoolDay::patrolled).sum();
        }

        /** The share of the county's sessions of the day with at least one patrol, as each school's is counted. */
        public int patrolPercent() {
            long sessions = sessions();
            return sessions == 0 ? 0 : (int) Math.round(100.0 * patrolled() / sessions);
        }

        public Homework homework() {
            return new Homework(
                    schools.stream().mapToLong(s -> s.homework().done()).sum(),
                    schools.stream().mapToLong(s -> s.homework().mostlyDone()).sum(),
                    schools.stream().mapToLong(s -> s.homework().notDone()).sum());
        }

        public long incidents() {
            return schools.stream().mapToLong(SchoolDay::incidents).sum();
        }
    }
}
