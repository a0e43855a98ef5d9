package db.migration.operations;

import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Makes the hand-over records ({@code operations.pickup_release}) and the refused hand-overs
 * ({@code operations.pickup_refusal}) append-only in the database itself: any {@code UPDATE} or {@code DELETE}
 * fails. The trigger is written in each database's own language, so this one migration serves both.
 */
public class V2__guard_hand_over_records extends BaseJavaMigration {

    static final List<String> TABLES = List.of("pickup_release", "pickup_refusal");

    @Override
    public void migrate(Context context) throws Exception {
        String product = context.getConnection().getMetaData().getDatabaseProductName();
        try (Statement statement = context.getConnection().createStatement()) {
            if (product.toLowerCase(java.util.Locale.ROOT).contains("postgres")) {
                statement.execute("""
                        create function operations.refuse_record_change() returns trigger language plpgsql as $$
                        begin
                          raise exception '% is append-only', tg_table_name;
                        end $$""");
                for (String table : TABLES) {
                    statement.execute("""
                            create trigger %1$s_append_only before update or delete on operations.%1$s
                            for each row execute function operations.refuse_record_change()""".formatted(table));
                    statement.execute("""
                            create trigger %1$s_no_truncate before truncate on operations.%1$s
                            for each statement execute function operations.refuse_record_change()""".formatted(table));
                }
            } else {
                for (String table : TABLES) {
                    statement.execute("""
                            create trigger operations.%1$s_append_only before update, delete on operations.%1$s
                            for each row call 'org.kehou.operations.internal.AppendOnlyRows'""".formatted(table));
                }
            }
        }
    }
}
