package org.kehou.operations;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Who is not waiting to be picked up because the day's roll call says they are not there (OPS-1, OPS-2): a child whose
 * latest mark in every session of the day that recorded them is absent or on leave, and who has not been handed over
 * all the same. A child present or late in any session is expected at the gate; a child no session recorded is too.
 * The hand-over list, the not-yet-picked-up alert and the dashboards count them out in the same way.
 */
final class AbsentToday {

    /** The marks of a child who came, as SQL literals. */
    private static final String ATTENDED = Arrays.stream(AttendanceMark.values())
            .filter(AttendanceMark::attended)
            .map(m -> "'" + m.name() + "'")
            .collect(Collectors.joining(", "));

    /**
     * The condition that an entry {@code e} is the latest of its child in its session: no later entry of the same
     * kind, offering, day and child. The dashboards count marks by it too.
     */
    static final String LATEST = """
            not exists (select 1 from operations.session_entry l
                where l.kind = e.kind and l.offering_id = e.offering_id and l.on_date = e.on_date
                  and l.student_id = e.student_id and l.entry_no > e.entry_no)""";

    private static String sql(String scope) {
        return """
                select e.school_id, e.student_id from operations.session_entry e
                where %s and e.on_date = :day and e.kind = 'ROLL_CALL'
                  and %s
                  and not exists (select 1 from operations.pickup_release r
                    where r.student_id = e.student_id and r.on_date = e.on_date)
                group by e.school_id, e.student_id
                having sum(case when e.mark in (%s) then 1 else 0 end) = 0""".formatted(scope, LATEST, ATTENDED);
    }

    private AbsentToday() {}

    /** The children of the school who are absent or on leave in every session of the day that recorded them. */
    static Set<UUID> of(JdbcClient jdbc, UUID schoolId, LocalDate day) {
        return collect(jdbc.sql(sql("e.school_id = :school")).param("school", schoolId), day);
    }

    /** Those of these children of the school, reading the day's entries of them only (a class, or one child). */
    static Set<UUID> among(JdbcClient jdbc, UUID schoolId, LocalDate day, Collection<UUID> students) {
        if (students.isEmpty()) {
            return Set.of();
        }
        return collect(
                jdbc.sql(sql("e.school_id = :school and e.student_id = any(:ids)"))
                        .param("school", schoolId)
                        .param("ids", students.toArray(UUID[]::new)),
                day);
    }

    private static Set<UUID> collect(JdbcClient.StatementSpec spec, LocalDate day) {
        Set<UUID> absent = new HashSet<>();
        spec.param("day", day)
                .query((rs, n) -> absent.add(rs.getObject("student_id", UUID.class)))
                .list();
        return absent;
    }

    /** How many such children each school of the county has on the day. */
    static Map<UUID, Long> perSchool(JdbcClient jdbc, UUID countyId, LocalDate day) {
        Map<UUID, Long> bySchool = new HashMap<>();
        jdbc.sql(sql("e.county_id = :county"))
                .param("county", countyId)
                .param("day", day)
                .query((rs, n) -> bySchool.merge(rs.getObject("school_id", UUID.class), 1L, Long::sum))
                .list();
        return bySchool;
    }
}
