package org.kehou.enrollment.internal;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/** The embedded database's trigger that refuses every change to a row of a registration's history (ENROL-3). */
public class AppendOnlyHistoryTrigger implements Trigger {

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("enrollment_event is append-only");
    }
}
