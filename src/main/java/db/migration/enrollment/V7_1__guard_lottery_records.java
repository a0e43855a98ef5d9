package db.migration.enrollment;

import db.migration.AppendOnlyTables;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Makes the records of registration lotteries append-only in the database itself (ENROL-2): every version of an
 * application, and the draw with its inputs and results, so that the draw can always be verified against what it
 * was given.
 */
public class V7_1__guard_lottery_records extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        for (String table : new String[] {
            "lottery_application_event", "lottery_draw", "lottery_input", "lottery_capacity", "lottery_result"
        }) {
            AppendOnlyTables.guard(context, "enrollment", table);
        }
    }
}
