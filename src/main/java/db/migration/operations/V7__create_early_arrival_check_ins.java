package db.migration.operations;

import db.migration.AppendOnlyTables;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The early-arrival check-ins ({@code operations.early_arrival_check_in}, SCOPE-1): who came in early, when, and which
 * member of staff took them in; a child not expected carries why they were taken in, a correction is a further entry
 * naming the one it corrects and why. The table is append-only in the database itself, like the hand-overs (ADR
 * 0016). Created here rather than in a SQL migration so that the table and its guard come in one version.
 */
public class V7__create_early_arrival_check_ins extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        try (Statement statement = context.getConnection().createStatement()) {
            statement.execute("""
                    create table operations.early_arrival_check_in (
                        id                uuid primary key,
                        county_id         uuid          not null,
                        school_id         uuid          not null,
                        student_id        uuid          not null,
                        on_date           date          not null,
                        entry_no          integer       not null,
                        expected          boolean       not null,
                        present           boolean       not null,
                        checked_in_at     timestamp     not null,
                        staff_account_id  uuid          not null,
                        staff_id          uuid,
                        staff_name        varchar(100)  not null,
                        corrects_id       uuid,
                        reason            varchar(200),
                        constraint early_arrival_check_in_entry_key unique (student_id, on_date, entry_no),
                        constraint early_arrival_check_in_reason_check
                          check ((expected and entry_no = 1) or reason is not null),
                        constraint early_arrival_check_in_correction_check
                          check (entry_no = 1 or corrects_id is not null)
                    )""");
            statement.execute("create index early_arrival_check_in_day_idx"
                    + " on operations.early_arrival_check_in (school_id, on_date, student_id)");
        }
        AppendOnlyTables.guard(context, "operations", "early_arrival_check_in");
    }
}
