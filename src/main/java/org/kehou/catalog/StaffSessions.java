package org.kehou.catalog;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.kehou.platform.RecordRows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What one member of a school's staff runs on a day (OPS-1, SCOPE-3), for the teacher's day: the published offerings
 * of a term they instruct on that weekday, within the offering's own dates, and the published openings they
 * supervise on that date. Callers check that the staff member is the signed-in one; this reads only the school's
 * own timetable, which is no personal data.
 */
@Service
@Transactional(readOnly = true)
public class StaffSessions {

    private final JdbcClient jdbc;

    StaffSessions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The offerings of the term at the school that the staff member instructs on the day, by slot and course. */
    public List<TaughtOffering> taughtOn(UUID schoolId, UUID termId, UUID staffId, LocalDate day) {
        return jdbc.sql("""
                        select o.id, o.slot, c.name as course_name, v.name as venue_name, o.capacity
                        from catalog.offering o
                        join catalog.course c on c.id = o.course_id
                        join catalog.venue v on v.id = o.venue_id
                        where o.school_id = :school and o.term_id = :term and o.weekday = :weekday
                          and o.state in ('PUBLISHED', 'CLOSED')
                          and (o.starts_on is null or o.starts_on <= :day)
                          and (o.ends_on is null or o.ends_on >= :day)
                          and exists (select 1 from catalog.offering_instructor i
                                      where i.offering_id = o.id and i.instructor_id = :staff)
                        order by o.slot, c.name, o.id""")
                .param("school", schoolId)
                .param("term", termId)
                .param("weekday", day.getDayOfWeek().name())
                .param("day", day)
                .param("staff", staffId)
                .query(RecordRows.of(TaughtOffering.class))
                .list();
    }

    /** The published openings of the school on the day that the staff member supervises, by start time. */
    public List<SupervisedOpening> supervisedOn(UUID schoolId, UUID staffId, LocalDate day) {
        return jdbc.sql("""
                        select o.id, o.starts_at, o.ends_at, v.name as venue_name, o.capacity, o.purpose
                        from catalog.opening o
                        join catalog.venue v on v.id = o.venue_id
                        where o.school_id = :school and o.on_date = :day and o.state = 'PUBLISHED'
                          and exists (select 1 from catalog.opening_supervisor s
                                      where s.opening_id = o.id and s.staff_id = :staff)
                        order by o.starts_at, v.name, o.id""")
                .param("school", schoolId)
                .param("day", day)
                .param("staff", staffId)
                .query(RecordRows.of(SupervisedOpening.class))
                .list();
    }

    /** An offering a staff member instructs. */
    public record TaughtOffering(UUID id, Slot slot, String courseName, String venueName, int capacity) {}

    /** An opening a staff member supervises. */
    public record SupervisedOpening(
            UUID id, LocalTime startsAt, LocalTime endsAt, String venueName, int capacity, OpeningPurpose purpose) {}
}
