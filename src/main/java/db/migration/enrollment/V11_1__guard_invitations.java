package db.migration.enrollment;

import db.migration.AppendOnlyTables;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Makes {@code enrollment.invitation} and its audience append-only in the database itself (ENROL-1: what a school
 * invited to is kept as it was sent).
 */
public class V11_1__guard_invitations extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        AppendOnlyTables.guard(context, "enrollment", "invitation");
        AppendOnlyTables.guard(context, "enrollment", "invitation_audience");
    }
}
