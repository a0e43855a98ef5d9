package db.migration.operations;

import db.migration.AppendOnlyTables;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Makes the hand-over records ({@code operations.pickup_release}) and the refused hand-overs
 * ({@code operations.pickup_refusal}) append-only in the database itself (OPS-2).
 */
public class V2__guard_hand_over_records extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        AppendOnlyTables.guard(context, "operations", "pickup_release");
        AppendOnlyTables.guard(context, "operations", "pickup_refusal");
    }
}
