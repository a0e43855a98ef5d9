package db.migration.enrollment;

import db.migration.AppendOnlyTables;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/** Makes {@code enrollment.care_request_history} append-only in the database itself (SCOPE-1, SCOPE-2). */
public class V4__guard_care_request_history extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        AppendOnlyTables.guard(context, "enrollment", "care_request_history");
    }
}
