package org.kehou.enrollment;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who is registered for an offering now: the children whose registration is confirmed, for the modules that run the
 * sessions (roll call, homework, hand-over). Callers check their own scope on the offering first; this answers for
 * any offering id and an unknown one has nobody.
 */
@Service
public class Rosters {

    private final JdbcClient jdbc;

    Rosters(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The ids of the children confirmed in the offering, in the order their seats were given. */
    @Transactional(readOnly = true)
    public List<UUID> confirmedChildIds(UUID offeringId) {
        return jdbc.sql("""
                        select child_id from enrollment.enrollment
                        where offering_id = :offering and status = 'CONFIRMED'
                        order by confirmed_at, id""").param("offering", offeringId).query(UUID.class).list();
    }
}
