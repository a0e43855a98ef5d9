package db.migration.enrollment;

import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Makes {@code enrollment.enrollment_event} append-only in the database itself (ENROL-3: the full history is
 * kept): any {@code UPDATE}, {@code DELETE} or {@code TRUNCATE} fails. The trigger is written in each database's
 * own language, so this one migration serves both.
 */
public class V3__guard_enrollment_history extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        String product = context.getConnection().getMetaData().getDatabaseProductName();
        try (Statement statement = context.getConnection().createStatement()) {
            if (product.toLowerCase(java.util.Locale.ROOT).contains("postgres")) {
                statement.execute("""
                        create function enrollment.refuse_history_change() returns trigger language plpgsql as $$
                        begin
                          raise exception 'enrollment_event is append-only';
                        end $$""");
                statement.execute("""
                        create trigger enrollment_event_append_only before update or delete on enrollment.enrollment_event
                        for each row execute function enrollment.refuse_history_change()""");
                statement.execute("""
                        create trigger enrollment_event_no_truncate before truncate on enrollment.enrollment_event
                        for each statement execute function enrollment.refuse_history_change()""");
            } else {
                statement.execute("""
                        create trigger enrollment.enrollment_event_append_only before update, delete
                        on enrollment.enrollment_event
                        for each row call 'org.kehou.enrollment.internal.AppendOnlyHistoryTrigger'""");
            }
        }
    }
}
