package db.migration.platform;

import db.migration.AppendOnlyTables;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/** Makes {@code platform.audit_event} append-only in the database itself: the application cannot change a row. */
public class V2__guard_audit_rows extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        AppendOnlyTables.guard(context, "platform", "audit_event");
    }
}
