package db.migration.operations;

import db.migration.AppendOnlyTables;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Makes the answers kept under the hand-over API's idempotency keys ({@code operations.pickup_request_key})
 * append-only in the database itself, like the hand-overs they answer (OPS-2).
 */
public class V6_1__guard_pickup_request_keys extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        AppendOnlyTables.guard(context, "operations", "pickup_request_key");
    }
}
