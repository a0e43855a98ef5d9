package db.migration.platform;

import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Makes {@code platform.audit_event} append-only in the database itself: any {@code UPDATE} or {@code DELETE}
 * fails. The trigger is written in each database's own language, so this one migration serves both.
 */
public class V2__guard_audit_rows extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        String product = context.getConnection().getMetaData().getDatabaseProductName();
        try (Statement statement = context.getConnection().createStatement()) {
            if (product.toLowerCase(java.util.Locale.ROOT).contains("postgres")) {
                statement.execute("""
                        create function platform.refuse_audit_change() returns trigger language plpgsql as $$
                        begin
                          raise exception 'audit_event is append-only';
                        end $$""");
                statement.execute("""
                        create trigger audit_event_append_only before update or delete on platform.audit_event
                        for each row execute function platform.refuse_audit_change()""");
                statement.execute("""
                        create trigger audit_event_no_truncate before truncate on platform.audit_event
                        for each statement execute function platform.refuse_audit_change()""");
            } else {
                statement.execute("""
                        create trigger platform.audit_event_append_only before update, delete on platform.audit_event
                        for each row call 'org.kehou.platform.internal.AppendOnlyTrigger'""");
            }
        }
    }
}
