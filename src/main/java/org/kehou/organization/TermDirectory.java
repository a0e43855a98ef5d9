package org.kehou.organization;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The school year, kind and dates of schools' terms (ORG-2), for modules that plan by term across schools, such as
 * a county's registration window. Term dates are not personal data; callers apply their own scope.
 */
@Service
@Transactional(readOnly = true)
public class TermDirectory {

    private static final String COLUMNS = "id, county_id, school_id, school_year, kind, starts_on, ends_on";

    private final JdbcClient jdbc;

    TermDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<TermFacts> term(UUID termId) {
        return jdbc.sql("select " + COLUMNS + " from organization.term where id = :id")
                .param("id", termId)
                .query(TermFacts.class)
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
                .query(TermFacts.class)
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
