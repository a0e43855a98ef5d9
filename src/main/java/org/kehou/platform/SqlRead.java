package org.kehou.platform;

import java.util.List;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A read of a module's own tables: positional SQL, its parameters and how its rows map, written by the module that owns
 * the tables and handed to another to run on its own, to send along with other statements in one round trip, or, when
 * it selects one column, to take in as a subquery (ADR 0025). The module that sends it does not
 * look inside.
 */
public record SqlRead<T>(String sql, List<Object> params, RowMapper<T> rows) {

    public SqlRead {
        params = List.copyOf(params);
    }

    /** The read in a round trip of its own. */
    public List<T> run(JdbcClient jdbc) {
        return jdbc.sql(sql).params(params).query(rows).list();
    }
}
