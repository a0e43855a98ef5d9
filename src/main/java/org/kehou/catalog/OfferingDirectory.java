package org.kehou.catalog;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kehou.platform.RecordRows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What registration needs to know of offerings (ENROL-2, ENROL-5): term, weekday and slot, capacity, grades, state,
 * and for a fee-bearing offering the day its notice was published and the county's notice period. Published
 * offerings are public information, so this reads without a scope; a draft is reported as it is, and the caller
 * decides that nobody may see it.
 */
@Service
@Transactional(readOnly = true)
public class OfferingDirectory {

    private static final String SELECT = select(false);

    /** {@link #SELECT} with one row per instructor too. */
    private static final String SELECT_TAUGHT = select(true);

    private static String select(boolean instructors) {
        return """
                select o.id, o.county_id, o.school_id, o.term_id, c.name as course_name, o.weekday, o.slot, o.capacity,
                  o.state, o.fee, n.published_on,
                  coalesce((select p.days from catalog.notice_period p where p.county_id = o.county_id), :defaultDays)
                    as notice_days,
                  g.grade_level, %s
                from catalog.offering o
                join catalog.course c on c.id = o.course_id
                left join catalog.fee_notice n on n.offering_id = o.id
                left join catalog.offering_grade g on g.offering_id = o.id
                %s
                """.formatted(
                        instructors ? "i.instructor_id" : "cast(null as uuid) as instructor_id",
                        instructors ? "left join catalog.offering_instructor i on i.offering_id = o.id" : "");
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    OfferingDirectory(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Optional<OfferingFacts> offering(UUID offeringId) {
        return facts(SELECT + " where o.id = :id", Map.of("id", offeringId)).stream()
                .findFirst();
    }

    /**
     * An offering's facts and who teaches it, in one read: what checking the staff of a session needs (OPS-1, a
     * county's afternoon roll call, docs/benchmarks.md).
     */
    public Optional<TaughtOffering> taught(UUID offeringId) {
        return gather(SELECT_TAUGHT + " where o.id = :id", Map.of("id", offeringId)).stream()
                .findFirst();
    }

    /** An offering's facts and the ids of its instructors (staff, talent-pool or institution people). */
    public record TaughtOffering(OfferingFacts facts, Set<UUID> instructorIds) {
        public TaughtOffering {
            instructorIds = Set.copyOf(instructorIds);
        }
    }

    /** Who teaches the offering: the ids of its instructors (staff, talent-pool or institution people), for OPS-1. */
    public List<UUID> instructorIds(UUID offeringId) {
        return jdbc.sql("select instructor_id from catalog.offering_instructor where offering_id = :id"
                        + " order by instructor_id")
                .param("id", offeringId)
                .query(UUID.class)
                .list();
    }

    /** The published offerings of these terms. */
    public List<OfferingFacts> published(Collection<UUID> termIds) {
        if (termIds.isEmpty()) {
            return List.of();
        }
        return facts(
                SELECT + " where o.term_id in (:terms) and o.state = 'PUBLISHED' order by o.id",
                Map.of("terms", List.copyOf(termIds)));
    }

    /**
     * ENROL-5: refuses, with the catalog's message, registration for a fee-bearing offering whose notice has not
     * yet been public for the county's number of days, by today's date of the injected clock. It asks the database
     * nothing, so it takes no connection of its own (a registration attempt would otherwise hold two).
     */
    @Transactional(propagation = Propagation.SUPPORTS)
    public void checkNoticePeriod(OfferingFacts offering) {
        offering.checkNoticePeriod(clock);
    }

    /** One row of an offering's facts: one per target grade. */
    private record Row(
            UUID id,
            UUID countyId,
            UUID schoolId,
            UUID termId,
            String courseName,
            DayOfWeek weekday,
            Slot slot,
            int capacity,
            OfferingState state,
            java.math.@Nullable BigDecimal fee,
            @Nullable LocalDate publishedOn,
            int noticeDays,
            @Nullable Integer gradeLevel,
            @Nullable UUID instructorId) {}

    private List<OfferingFacts> facts(String sql, Map<String, Object> params) {
        return gather(sql, params).stream().map(TaughtOffering::facts).toList();
    }

    /** The offerings of the rows, in the rows' order: one row per target grade, and per instructor if selected. */
    private List<TaughtOffering> gather(String sql, Map<String, Object> params) {
        var spec = jdbc.sql(sql).param("defaultDays", NoticePeriodRule.DEFAULT_DAYS);
        for (var p : params.entrySet()) {
            spec = spec.param(p.getKey(), p.getValue());
        }
        Map<UUID, List<Row>> byOffering = new LinkedHashMap<>();
        for (Row row : spec.query(RecordRows.of(Row.class)).list()) {
            byOffering.computeIfAbsent(row.id(), k -> new ArrayList<>()).add(row);
        }
        List<TaughtOffering> found = new ArrayList<>();
        for (List<Row> rows : byOffering.values()) {
            Row o = rows.get(0);
            Set<Integer> grades = new TreeSet<>();
            Set<UUID> instructors = new TreeSet<>();
            for (Row row : rows) {
                if (row.gradeLevel() != null) {
                    grades.add(row.gradeLevel());
                }
                if (row.instructorId() != null) {
                    instructors.add(row.instructorId());
                }
            }
            found.add(new TaughtOffering(
                    new OfferingFacts(
                            o.id(),
                            o.countyId(),
                            o.schoolId(),
                            o.termId(),
                            o.courseName(),
                            o.weekday(),
                            o.slot(),
                            o.capacity(),
                            grades,
                            o.state(),
                            o.fee() != null && o.fee().signum() > 0,
                            o.publishedOn(),
                            o.noticeDays()),
                    instructors));
        }
        return found;
    }

    /**
     * An offering as registration sees it.
     *
     * @param noticePublishedOn the day its fee notice was published, or null
     * @param noticeDays the days its county requires a fee notice to be public
     */
    public record OfferingFacts(
            UUID id,
            UUID countyId,
            UUID schoolId,
            UUID termId,
            String courseName,
            DayOfWeek weekday,
            Slot slot,
            int capacity,
            Set<Integer> grades,
            OfferingState state,
            boolean bearsFee,
            @Nullable LocalDate noticePublishedOn,
            int noticeDays) {

        public OfferingFacts {
            grades = Set.copyOf(grades);
        }

        public boolean isPublished() {
            return state == OfferingState.PUBLISHED;
        }

        /**
         * ENROL-5 as {@link OfferingDirectory#checkNoticePeriod} checks it, by today's date of the clock given,
         * without passing the directory's transactional proxy: a registration rush calls it on every attempt.
         */
        public void checkNoticePeriod(Clock clock) {
            new NoticePeriodRule(clock)
                    .check(bearsFee, noticePublishedOn, noticeDays)
                    .enforce();
        }
    }
}
