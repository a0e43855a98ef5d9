package org.kehou.organization;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kehou.platform.ExpiringCache;
import org.kehou.platform.RecordRows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The school year, kind and dates of schools' terms (ORG-2), for modules that plan by term across schools, such as
 * a county's registration window. Term dates are not personal data; callers apply their own scope.
 *
 * <p>The calendars of a school's terms are kept in memory as immutable snapshots for {@link #CALENDARS} (ADR 0020):
 * a save of a term on this instance drops its school's snapshot when the transaction ends, a change on another
 * instance or by direct SQL takes effect within that time.
 */
@Service
@Transactional(readOnly = true)
public class TermDirectory {

    private static final String COLUMNS = "id, county_id, school_id, school_year, kind, starts_on, ends_on";

    /** How long a school's term calendars are kept in memory (ADR 0020). */
    static final Duration CALENDARS = Duration.ofSeconds(30);

    private final JdbcClient jdbc;
    private final ExpiringCache<UUID, List<TermCalendar>> calendars = new ExpiringCache<>(CALENDARS, 20_000);

    TermDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The term of the school that contains the day, with its calendar, if any (OPS-1, OPS-2: is the day a session
     * day). Read from memory, at most {@link #CALENDARS} old when the term changed on another instance.
     */
    public Optional<TermCalendar> calendarOn(UUID schoolId, LocalDate day) {
        List<TermCalendar> terms = calendars.get(schoolId, this::loadCalendars);
        if (terms == null) {
            return Optional.empty();
        }
        return terms.stream().filter(t -> t.contains(day)).findFirst();
    }

    /** The school's terms, latest first, with their marked days, in one query. */
    private List<TermCalendar> loadCalendars(UUID schoolId) {
        List<CalendarRow> rows = jdbc.sql("""
                        select t.id, t.starts_on, t.ends_on, d.on_date, d.kind
                        from organization.term t
                        left join organization.calendar_day d on d.term_id = t.id
                        where t.school_id = :school
                        order by t.starts_on desc, t.id""")
                .param("school", schoolId)
                .query((rs, n) -> new CalendarRow(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, LocalDate.class),
                        rs.getObject(3, LocalDate.class),
                        rs.getObject(4, LocalDate.class),
                        rs.getString(5)))
                .list();
        Map<UUID, CalendarRow> terms = new LinkedHashMap<>();
        Map<UUID, Map<LocalDate, DayKind>> marked = new HashMap<>();
        for (CalendarRow row : rows) {
            terms.putIfAbsent(row.id(), row);
            Map<LocalDate, DayKind> days = marked.computeIfAbsent(row.id(), k -> new HashMap<>());
            if (row.onDate() != null && row.kind() != null) {
                days.put(row.onDate(), DayKind.valueOf(row.kind()));
            }
        }
        List<TermCalendar> calendars = new ArrayList<>(terms.size());
        terms.values()
                .forEach(t -> calendars.add(
                        new TermCalendar(t.id(), schoolId, t.startsOn(), t.endsOn(), marked.get(t.id()))));
        return List.copyOf(calendars);
    }

    private record CalendarRow(
            UUID id,
            LocalDate startsOn,
            LocalDate endsOn,
            @Nullable LocalDate onDate,
            @Nullable String kind) {}

    /**
     * Drops the school's term calendars now and again when the current transaction ends, committed or not, so that
     * no snapshot read before the change outlives it on this instance.
     */
    void evictCalendars(UUID schoolId) {
        calendars.invalidate(schoolId);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    calendars.invalidate(schoolId);
                }
            });
        }
    }

    public Optional<TermFacts> term(UUID termId) {
        return jdbc.sql("select " + COLUMNS + " from organization.term where id = :id")
                .param("id", termId)
                .query(RecordRows.of(TermFacts.class))
                .optional();
    }

    /** The terms of one school year and kind at one school, or at every school of the county when none is named. */
    public List<TermFacts> terms(UUID countyId, @Nullable UUID schoolId, int schoolYear, TermKind kind) {
        return jdbc.sql("select " + COLUMNS + """
                         from organization.term
                        where county_id = :county and school_year = :year and kind = :kind
                          and (cast(:school as uuid) is null or school_id = cast(:school as uuid))
                        order by school_id""")
                .param("county", countyId)
                .param("school", schoolId)
                .param("year", schoolYear)
                .param("kind", kind.name())
                .query(RecordRows.of(TermFacts.class))
                .list();
    }

    /** A term of a school: its school year (the year it starts in September), kind and first and last day. */
    public record TermFacts(
            UUID id,
            UUID countyId,
            UUID schoolId,
            int schoolYear,
            TermKind kind,
            LocalDate startsOn,
            LocalDate endsOn) {}
}
