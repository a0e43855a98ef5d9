package org.kehou.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.kehou.platform.NotificationChannel.Delivery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Hands due notifications of the outbox to their channel. Safe with several instances: a batch is claimed by one
 * conditional update, so no two instances send the same notification; a claim left by a crashed instance lapses
 * after {@link #LEASE}. A failed delivery is retried after 1, 4, 9 ... minutes, and given up after
 * {@link #MAX_ATTEMPTS}.
 */
@Component
class NotificationDispatcher {

    static final int MAX_ATTEMPTS = 5;
    static final Duration LEASE = Duration.ofMinutes(5);
    static final int BATCH = 100;

    private static final Logger log = LoggerFactory.getLogger(NotificationDispatcher.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Map<String, NotificationChannel> channels;

    NotificationDispatcher(JdbcClient jdbc, Clock clock, List<NotificationChannel> channels) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.channels = channels.stream().collect(Collectors.toMap(NotificationChannel::name, Function.identity()));
    }

    @Scheduled(
            fixedDelayString = "${kehou.notifications.dispatch-delay:5s}",
            initialDelayString = "${kehou.notifications.dispatch-delay:5s}")
    void dispatchScheduled() {
        dispatchDue();
    }

    /** Delivers the notifications due now, one batch, and returns how many were sent. */
    int dispatchDue() {
        LocalDateTime now = LocalDateTime.now(clock);
        UUID claim = Ids.next();
        int claimed = jdbc.sql("""
                        update platform.notification set state = 'SENDING', claim = :claim, next_attempt_at = :lease
                        where id in (select id from platform.notification
                                     where state in ('PENDING', 'SENDING') and next_attempt_at <= :now
                                     order by next_attempt_at limit :batch)
                          and state in ('PENDING', 'SENDING') and next_attempt_at <= :now""")
                .param("claim", claim)
                .param("lease", now.plus(LEASE))
                .param("now", now)
                .param("batch", BATCH)
                .update();
        if (claimed == 0) {
            return 0;
        }
        List<Claimed> batch = jdbc.sql("""
                        select id, recipient_id, topic, message_key, arguments, link, channel, attempts
                        from platform.notification where claim = :claim and state = 'SENDING'""")
                .param("claim", claim)
                .query((rs, n) -> new Claimed(
                        new Delivery(
                                rs.getObject("id", UUID.class),
                                rs.getObject("recipient_id", UUID.class),
                                rs.getString("topic"),
                                rs.getString("message_key"),
                                Notifications.arguments(rs.getString("arguments")),
                                rs.getString("link")),
                        rs.getString("channel"),
                        rs.getInt("attempts")))
                .list();
        int sent = 0;
        for (Claimed c : batch) {
            NotificationChannel channel = channels.get(c.channel());
            try {
                if (channel == null) {
                    throw new IllegalStateException("no channel named " + c.channel());
                }
                channel.deliver(c.delivery());
                jdbc.sql("""
                                update platform.notification set state = 'SENT', sent_at = :now, attempts = attempts + 1,
                                  claim = null, last_error = null
                                where id = :id and claim = :claim""")
                        .param("now", LocalDateTime.now(clock))
                        .param("id", c.delivery().notificationId())
                        .param("claim", claim)
                        .update();
                sent++;
            } catch (Exception e) {
                int attempts = c.attempts() + 1;
                String error = String.valueOf(e.getMessage());
                log.warn(
                        "Notification {} not delivered (attempt {}): {}",
                        c.delivery().notificationId(),
                        attempts,
                        error);
                jdbc.sql("""
                                update platform.notification set state = :state, attempts = :attempts,
                                  next_attempt_at = :next, claim = null, last_error = :error
                                where id = :id and claim = :claim""")
                        .param("state", attempts >= MAX_ATTEMPTS ? "FAILED" : "PENDING")
                        .param("attempts", attempts)
                        .param("next", LocalDateTime.now(clock).plusMinutes((long) attempts * attempts))
                        .param("error", error.length() > 300 ? error.substring(0, 300) : error)
                        .param("id", c.delivery().notificationId())
                        .param("claim", claim)
                        .update();
            }
        }
        return sent;
    }

    private record Claimed(Delivery delivery, String channel, int attempts) {}
}
