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

/**
 * Marks a test class that drives the system's headless Chromium through {@link Browsers}. Its name ends in
 * {@code BrowserTests}.
 *
 * <p>When {@code /usr/bin/chromium} or {@code /usr/bin/chromedriver} is missing, the class is skipped with a
 * message saying how to run it, or fails when the system property {@code kehou.require.browser} is {@code true},
 * as {@code .ci/run} sets it.
 *
 * <p>On a {@code @SpringBootTest} the application's clock is the {@link SchoolDayClock}, so that the user's task
 * happens on a school day of the demo term, whatever the real date.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Tag("browser")
@ExtendWith(BrowserTest.RequiresBrowser.class)
@Import(SchoolDayClock.class)
public @interface BrowserTest {

    /** Runs the tests when Chromium and its driver are installed; otherwise skips them, or fails when required. */
    final class RequiresBrowser implements ExecutionCondition {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            var problem = Browsers.problem();
            if (problem.isEmpty()) {
                return ConditionEvaluationResult.enabled("Chromium and chromedriver are installed");
            }
            if (Browsers.required()) {
                throw new IllegalStateException(
                        problem.get() + " — and the browser is required (" + Browsers.REQUIRED_PROPERTY + "=true)");
            }
            return ConditionEvaluationResult.disabled(problem.get()
                    + ". To run this test, install Debian's chromium and chromium-driver packages"
                    + " (apt-get install chromium chromium-driver) or run .ci/run; -D" + Browsers.REQUIRED_PROPERTY
                    + "=true turns this skip into a failure.");
        }
    }
}
