package org.kehou.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The application's clock in tests: it starts at {@link #START}, ten in the morning of Thursday 3 December 2026 in
 * Asia/Shanghai, and runs on from there, whatever the real date. The demo city is built for the school year of that
 * day, so {@link #DAY} is a school day of the demo autumn term, with the demo's sessions, early arrivals and extended
 * care, and the tests that take "today" from the clock pass on a weekend, on a public holiday and in the holidays
 * alike. {@link KehouTest}, {@link PostgresTest} and {@link BrowserTest} import it; a test that needs another moment
 * brings a clock of its own.
 */
@TestConfiguration(proxyBeanMethods = false)
public class SchoolDayClock {

    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    /** A Thursday of the demo autumn term, neither a holiday nor the first or last week of term. */
    public static final LocalDate DAY = LocalDate.of(2026, 12, 3);

    /** Where the tests' clock starts: after the morning's early arrival, before the afternoon's services. */
    public static final LocalDateTime START = DAY.atTime(10, 0);

    /** Runs from {@link #START} at the real pace, so that what is recorded later in a test is later. */
    @Bean
    @Primary
    Clock schoolDayClock() {
        Instant start = START.atZone(SHANGHAI).toInstant();
        return Clock.offset(Clock.system(SHANGHAI), Duration.between(Instant.now(), start));
    }
}
