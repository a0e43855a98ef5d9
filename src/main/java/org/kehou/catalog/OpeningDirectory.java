package org.kehou.catalog;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.kehou.platform.RecordRows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What bookings need to know of openings on days without school (SCOPE-3): school, date, time, venue, capacity,
 * purpose and whether it is published. A published opening is public information, so this reads without a scope;
 * the caller decides who may see a draft or cancelled one (nobody outside its school).
 */
@Service
@Transactional(readOnly = true)
public class OpeningDirectory {

    private static final String SELECT = """
            select o.id, o.county_id, o.school_id, o.venue_id, v.name as venue_name, o.on_date, o.starts_at, o.ends_at,
              o.capacity, o.purpose, o.state = 'PUBLISHED' as published
            from catalog.opening o join catalog.venue v on v.id = o.venue_id""";

    private final JdbcClient jdbc;

    OpeningDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<OpeningFacts> opening(UUID openingId) {
        return jdbc.sql(SELECT + " where o.id = :id")
                .param("id", openingId)
                .query(RecordRows.of(OpeningFacts.class))
                .optional();
    }

    /** The openings of these ids that exist, by date and time. */
    public List<OpeningFacts> openings(Collection<UUID> openingIds) {
        if (openingIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " where o.id in (:ids) order by o.on_date, o.starts_at, o.id")
                .params(Map.of("ids", List.copyOf(openingIds)))
                .query(RecordRows.of(OpeningFacts.class))
                .list();
    }

    /** The published openings of a school from a day on, by date and time. */
    public List<OpeningFacts> published(UUID schoolId, LocalDate from) {
        return jdbc.sql(SELECT
                        + " where o.school_id = :school and o.state = 'PUBLISHED' and o.on_date >= :from"
                        + " order by o.on_date, o.starts_at, v.name, o.id")
                .param("school", schoolId)
                .param("from", from)
                .query(RecordRows.of(OpeningFacts.class))
                .list();
    }

    /** An opening of a room or ground on a day without school, as bookings see it. */
    public record OpeningFacts(
            UUID id,
            UUID countyId,
            UUID schoolId,
            UUID venueId,
            String venueName,
            LocalDate onDate,
            LocalTime startsAt,
            LocalTime endsAt,
            int capacity,
            OpeningPurpose purpose,
            boolean published) {}
}
