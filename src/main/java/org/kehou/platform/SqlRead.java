package org.kehou.platform;

import java.util.List;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A read of a module's own tables: positional SQL, its parameters (none of them null) and how its rows map, written by
 * the module that owns the tables and handed to another to run on its own or to send along with other statements in
 * one round trip (ADR 0025). A read of one column, without {@code order by} or {@code limit}, may also be taken in as
 * a subquery, {@code in (<its sql>)} with its parameters in that place; beyond that the receiver does not look inside.
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
