package db.migration;

import java.sql.Statement;
import java.util.Locale;
import org.flywaydb.core.api.migration.Context;

/**
 * Makes a table append-only in the database itself: any {@code UPDATE} or {@code DELETE} (and on PostgreSQL any
 * {@code TRUNCATE}) fails with "<i>table</i> is append-only". The trigger is written in each database's own language,
 * so one Java migration serves both; the module migrations that keep a history or an audit trail call it.
 */
public final class AppendOnlyTables {

    private AppendOnlyTables() {}

    public static void guard(Context context, String schema, String table) throws Exception {
        String product = context.getConnection().getMetaData().getDatabaseProductName();
        String qualified = schema + "." + table;
        try (Statement statement = context.getConnection().createStatement()) {
            if (product.toLowerCase(Locale.ROOT).contains("postgres")) {
                String function = schema + ".refuse_" + table + "_change";
                statement.execute("create function " + function + "() returns trigger language plpgsql as $$\n"
                        + "begin\n  raise exception '" + table + " is append-only';\nend $$");
                statement.execute("create trigger " + table + "_append_only before update or delete on " + qualified
                        + " for each row execute function " + function + "()");
                statement.execute("create trigger " + table + "_no_truncate before truncate on " + qualified
                        + " for each statement execute function " + function + "()");
            } else {
                statement.execute("create trigger " + schema + "." + table + "_append_only before update, delete on "
                        + qualified + " for each row call 'org.kehou.platform.internal.AppendOnlyTrigger'");
            }
        }
    }
}
