package db.migration.enrollment;

import db.migration.AppendOnlyTables;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/** Makes {@code enrollment.enrollment_event} append-only in the database itself (ENROL-3: the full history is kept). */
public class V3__guard_enrollment_history extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        AppendOnlyTables.guard(context, "enrollment", "enrollment_event");
    }
}
