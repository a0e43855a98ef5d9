package org.kehou.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * The PostgreSQL database of the tests that need one. Where it is comes from the environment:
 * {@code KEHOU_TEST_DB_URL} (default {@value #DEFAULT_URL}), {@code KEHOU_TEST_DB_USER} (default
 * {@code postgres}) and {@code KEHOU_TEST_DB_PASSWORD} (default empty).
 *
 * <p>As an {@link ApplicationContextInitializer} it empties the database and points the context's data source at
 * it, so the migrations of every module run from scratch for each context that {@link PostgresTest} starts.
 */
public final class PostgresDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/kehou_test";

    /** Set to {@code true} (as {@code .ci/run} does) to fail instead of skip when the database is unreachable. */
    public static final String REQUIRED_PROPERTY = "kehou.require.postgres";

    private static volatile Optional<String> problem;

    public static String url() {
        return env("KEHOU_TEST_DB_URL", DEFAULT_URL);
    }

    public static String user() {
        return env("KEHOU_TEST_DB_USER", "postgres");
    }

    public static String password() {
        String value = System.getenv("KEHOU_TEST_DB_PASSWORD");
        return value == null ? "" : value;
    }

    public static boolean required() {
        return Boolean.getBoolean(REQUIRED_PROPERTY);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** A new connection to the test database; the caller closes it. */
    public static Connection connect() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user());
        properties.setProperty("password", password());
        properties.setProperty("connectTimeout", "5");
        properties.setProperty("loginTimeout", "10");
        return DriverManager.getConnection(url(), properties);
    }

    /** Why the database cannot be used, or empty when it answers; asked once per test run. */
    public static Optional<String> problem() {
        Optional<String> known = problem;
        if (known == null) {
            known = probe();
            problem = known;
        }
        return known;
    }

    private static Optional<String> probe() {
        try (Connection connection = connect();
                Statement statement = connection.createStatement()) {
            statement.execute("select 1");
            return Optional.empty();
        } catch (SQLException e) {
            return Optional.of("PostgreSQL is not reachable at " + url() + " as user " + user() + ": "
                    + withoutFullStop(e.getMessage()));
        }
    }

    private static String withoutFullStop(String message) {
        return message != null && message.endsWith(".") ? message.substring(0, message.length() - 1) : message;
    }

    /**
     * Empties the test database: drops every schema but {@code public} and the system ones (the modules' schemas,
     * {@code platform}, {@code organization}, ...) and the application's tables in {@code public}: Spring Session,
     * the event publication registry and each module's Flyway history. Refuses a database whose name does not
     * contain {@code test}, so that a production database is never emptied by mistake.
     */
    public static void reset() {
        try (Connection connection = connect();
                Statement statement = connection.createStatement()) {
            String database = connection.getCatalog();
            if (database == null || !database.contains("test")) {
                throw new IllegalStateException("Refusing to empty database '" + database
                        + "': tests that drop schemas run only on a database whose name contains 'test'");
            }
            for (String schema : names(statement, """
                    select nspname from pg_namespace
                    where nspname not in ('public', 'information_schema') and nspname not like 'pg\\_%'""")) {
                statement.execute("drop schema if exists " + quote(schema) + " cascade");
            }
            for (String table : names(statement, """
                    select tablename from pg_tables where schemaname = 'public'
                      and (tablename like 'spring\\_session%' or tablename like 'event\\_publication%'
                        or tablename like 'flyway\\_schema\\_history%')""")) {
                statement.execute("drop table if exists public." + quote(table) + " cascade");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not empty the test database at " + url(), e);
        }
    }

    private static List<String> names(Statement statement, String sql) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        reset();
        context.getEnvironment()
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "kehouTestDatabase",
                        Map.of(
                                "spring.datasource.url", url(),
                                "spring.datasource.username", user(),
                                "spring.datasource.password", password())));
    }
}
