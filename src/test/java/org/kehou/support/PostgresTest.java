package org.kehou.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * Marks a test class that needs PostgreSQL (see {@link PostgresDatabase} for where it is). Its name ends in
 * {@code PostgresTests}.
 *
 * <p>When the database does not answer, the class is skipped with a message saying how to run it, or fails when
 * the system property {@code kehou.require.postgres} is {@code true}, as {@code .ci/run} sets it.
 *
 * <p>On a {@code @SpringBootTest} it also activates the {@code postgres} profile and points the data source at the
 * test database, emptied first so that every module's migrations run from scratch; the context is closed after
 * the class, so the next class starts from an empty database too. Its clock is the {@link SchoolDayClock}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Tag("postgres")
@ExtendWith(PostgresTest.RequiresPostgres.class)
@ActiveProfiles("postgres")
@ContextConfiguration(initializers = PostgresDatabase.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@Import(SchoolDayClock.class)
public @interface PostgresTest {

    /** Runs the tests when the database answers; otherwise skips them, or fails when PostgreSQL is required. */
    final class RequiresPostgres implements ExecutionCondition {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            var problem = PostgresDatabase.problem();
            if (problem.isEmpty()) {
                return ConditionEvaluationResult.enabled("PostgreSQL answers at " + PostgresDatabase.url());
            }
            if (PostgresDatabase.required()) {
                throw new IllegalStateException(problem.get() + " — and PostgreSQL is required ("
                        + PostgresDatabase.REQUIRED_PROPERTY + "=true)");
            }
            return ConditionEvaluationResult.disabled(problem.get()
                    + ". To run this test, start PostgreSQL 15+ and set KEHOU_TEST_DB_URL, KEHOU_TEST_DB_USER and"
                    + " KEHOU_TEST_DB_PASSWORD (defaults: " + PostgresDatabase.DEFAULT_URL
                    + ", postgres, empty), or run .ci/run; -D" + PostgresDatabase.REQUIRED_PROPERTY
                    + "=true turns this skip into a failure.");
        }
    }
}
