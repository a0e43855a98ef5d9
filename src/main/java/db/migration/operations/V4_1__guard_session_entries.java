package db.migration.operations;

import db.migration.AppendOnlyTables;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Makes the roll-call and homework entries ({@code operations.session_entry}) append-only in the database itself
 * (OPS-1, CONTENT-5): a correction is a further entry, never a change of an earlier one.
 */
public class V4_1__guard_session_entries extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        AppendOnlyTables.guard(context, "operations", "session_entry");
    }
}
