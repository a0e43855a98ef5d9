package org.kehou.operations.internal;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/** The embedded database's trigger that refuses every change to a hand-over record or a refused hand-over. */
public class AppendOnlyRows implements Trigger {

    private String table = "the table";

    @Override
    public void init(
            Connection conn, String schemaName, String triggerName, String tableName, boolean before, int type) {
        this.table = schemaName + "." + tableName;
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException(table + " is append-only");
    }
}
