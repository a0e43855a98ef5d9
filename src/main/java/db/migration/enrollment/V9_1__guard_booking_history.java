package db.migration.enrollment;

import db.migration.AppendOnlyTables;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/** Makes {@code enrollment.opening_booking_event} append-only in the database itself (SCOPE-3: bookings are kept). */
public class V9_1__guard_booking_history extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        AppendOnlyTables.guard(context, "enrollment", "opening_booking_event");
    }
}
