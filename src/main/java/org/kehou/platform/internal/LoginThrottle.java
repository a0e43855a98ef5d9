package org.kehou.platform.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import org.kehou.platform.PersonalDataProtector;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Locks a sign-in name for 15 minutes after 5 failed attempts. Counted in the database, so the count holds
 * across instances and restarts, and kept per name whether or not an account has it, so the answer never tells
 * whether a user exists.
 */
@Component
public class LoginThrottle {

    static final int MAX_FAILURES = 5;
    static final Duration LOCK = Duration.ofMinutes(15);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final PersonalDataProtector protector;

    LoginThrottle(JdbcClient jdbc, Clock clock, PersonalDataProtector protector) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.protector = protector;
    }

    public boolean isLocked(String login) {
        LocalDateTime now = LocalDateTime.now(clock);
        return jdbc.sql("select locked_until from platform.login_throttle where login_key = :key")
                .param("key", key(login))
                .query(LocalDateTime.class)
                .optional()
                .map(until -> until.isAfter(now))
                .orElse(false);
    }

    /** Counts a failure; the fifth within an unlocked period locks the name. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordFailure(String login) {
        LocalDateTime now = LocalDateTime.now(clock);
        String key = key(login);
        jdbc.sql("insert into platform.login_throttle (login_key, failures) values (:key, 0) on conflict do nothing")
                .param("key", key)
                .update();
        jdbc.sql("""
                        update platform.login_throttle
                        set failures = case when locked_until is not null and locked_until <= :now then 1 else failures + 1 end,
                            locked_until = case
                              when locked_until is not null and locked_until <= :now then null
                              when failures + 1 >= :max then :until
                              else locked_until end
                        where login_key = :key""")
                .param("now", now)
                .param("max", MAX_FAILURES)
                .param("until", now.plus(LOCK))
                .param("key", key)
                .update();
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordSuccess(String login) {
        jdbc.sql("delete from platform.login_throttle where login_key = :key")
                .param("key", key(login))
                .update();
    }

    private String key(String login) {
        return protector.hash("login:" + org.kehou.platform.AccountManagement.normalise(login));
    }
}
