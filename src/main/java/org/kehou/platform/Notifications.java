package org.kehou.platform;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Messages to people through the outbox: a module writes a notification in the transaction of the change it
 * reports (a confirmed enrolment, a cancelled offering, a decided request, a child not yet picked up), so it is sent
 * exactly when the change is kept; a dispatcher then hands it to the configured {@link NotificationChannel}. Every
 * notification also shows in the recipient's in-app inbox, in the recipient's language: it is kept as a message key
 * with its arguments, not as text.
 */
@Service
public class Notifications {

    /** Separates the arguments of a message in their column; it never occurs in text people type. */
    static final String SEPARATOR = "\u001f";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final String channel;

    Notifications(JdbcClient jdbc, Clock clock, @Value("${kehou.notifications.channel:inbox}") String channel) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.channel = channel;
    }

    /** Puts a notification in the outbox in the caller's transaction and returns its id. */
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID send(NewNotification notification) {
        if (notification.recipientId() == null) {
            throw new IllegalArgumentException("a notification needs a recipient");
        }
        UUID id = Ids.next();
        LocalDateTime now = LocalDateTime.now(clock);
        jdbc.sql("""
                        insert into platform.notification
                          (id, recipient_id, county_id, school_id, topic, message_key, arguments, link, created_at, state,
                           channel, attempts, next_attempt_at)
                        values (:id, :recipient, :county, :school, :topic, :key, :args, :link, :now, 'PENDING',
                           :channel, 0, :now)""")
                .param("id", id)
                .param("recipient", notification.recipientId())
                .param("county", notification.countyId())
                .param("school", notification.schoolId())
                .param("topic", notification.topic())
                .param("key", notification.messageKey())
                .param("args", String.join(SEPARATOR, notification.arguments()))
                .param("link", notification.link())
                .param("now", now)
                .param("channel", channel)
                .update();
        return id;
    }

    /**
     * Notifies every account of a guardian (a guardian without an account yet gets nothing in the app) and returns
     * how many were notified.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int sendToGuardian(UUID guardianId, NewNotification notification) {
        List<UUID> accounts = jdbc.sql("select id from platform.user_account where guardian_id = :g and enabled = true")
                .param("g", guardianId)
                .query(UUID.class)
                .list();
        accounts.forEach(a -> send(notification.to(a)));
        return accounts.size();
    }

    /**
     * Notifies every enabled account that administers the school and returns how many were notified.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int sendToSchoolAdmins(UUID schoolId, NewNotification notification) {
        List<UUID> accounts =
                jdbc.sql("""
                        select id from platform.user_account
                        where school_id = :s and enabled = true and (',' || roles || ',') like '%,SCHOOL_ADMIN,%'""").param("s", schoolId).query(UUID.class).list();
        accounts.forEach(a -> send(notification.to(a)));
        return accounts.size();
    }

    /** The signed-in user's notifications, newest first. */
    @Transactional(readOnly = true)
    public Page<InboxItem> inbox(UserScope scope, PageQuery query) {
        long total = jdbc.sql("select count(*) from platform.notification where recipient_id = :me")
                .param("me", scope.accountId())
                .query(Long.class)
                .single();
        List<InboxItem> items = jdbc.sql("""
                        select id, topic, message_key, arguments, link, created_at, read_at
                        from platform.notification where recipient_id = :me
                        order by created_at desc, id desc limit :limit offset :offset""")
                .param("me", scope.accountId())
                .param("limit", query.size())
                .param("offset", query.offset())
                .query((rs, n) -> new InboxItem(
                        rs.getObject("id", UUID.class),
                        rs.getString("topic"),
                        rs.getString("message_key"),
                        arguments(rs.getString("arguments")),
                        rs.getString("link"),
                        rs.getObject("created_at", LocalDateTime.class),
                        rs.getObject("read_at", LocalDateTime.class) != null))
                .list();
        return new Page<>(items, query.page(), query.size(), total);
    }

    /** How many of the signed-in user's notifications are unread. */
    @Transactional(readOnly = true)
    public long unread(UserScope scope) {
        return jdbc.sql("select count(*) from platform.notification where recipient_id = :me and read_at is null")
                .param("me", scope.accountId())
                .query(Long.class)
                .single();
    }

    /** Marks one of the signed-in user's notifications read; another person's is not found. */
    @Transactional
    public void markRead(UserScope scope, UUID notificationId) {
        int found = jdbc.sql("""
                        update platform.notification set read_at = coalesce(read_at, :now)
                        where id = :id and recipient_id = :me""")
                .param("now", LocalDateTime.now(clock))
                .param("id", notificationId)
                .param("me", scope.accountId())
                .update();
        if (found == 0) {
            throw new NotFoundException("notification");
        }
    }

    /**
     * Opens one of the signed-in user's notifications: marks it read and gives its link, or null when it has none;
     * another person's is not found and stays as it was.
     */
    @Transactional
    public @Nullable String open(UserScope scope, UUID notificationId) {
        markRead(scope, notificationId);
        return jdbc.sql("select link from platform.notification where id = :id and recipient_id = :me")
                .param("id", notificationId)
                .param("me", scope.accountId())
                .query(String.class)
                .optional()
                .orElse(null);
    }

    /** Marks all of the signed-in user's notifications read. */
    @Transactional
    public void markAllRead(UserScope scope) {
        jdbc.sql("update platform.notification set read_at = :now where recipient_id = :me and read_at is null")
                .param("now", LocalDateTime.now(clock))
                .param("me", scope.accountId())
                .update();
    }

    static List<String> arguments(@Nullable String column) {
        return column == null || column.isEmpty() ? List.of() : Arrays.asList(column.split(SEPARATOR, -1));
    }

    /**
     * A notification to put in the outbox.
     *
     * @param recipientId the account to notify (replaced by each of a guardian's accounts when sent to a guardian)
     * @param topic what it is about, for filtering and for channels that template by topic (e.g. {@code
     *     enrolment.confirmed})
     * @param messageKey the message shown, from the message bundles
     * @param arguments the message's arguments, already as text
     * @param link a path in the application to follow, or null
     */
    public record NewNotification(
            @Nullable UUID recipientId,
            @Nullable UUID countyId,
            @Nullable UUID schoolId,
            String topic,
            String messageKey,
            List<String> arguments,
            @Nullable String link) {

        public NewNotification {
            arguments = List.copyOf(arguments);
            if (arguments.stream().anyMatch(a -> a.contains(SEPARATOR))) {
                throw new IllegalArgumentException("argument contains the separator");
            }
        }

        /** The same notification for another account. */
        public NewNotification to(UUID account) {
            return new NewNotification(account, countyId, schoolId, topic, messageKey, arguments, link);
        }
    }

    /** A notification as its recipient sees it. */
    public record InboxItem(
            UUID id,
            String topic,
            String messageKey,
            List<String> arguments,
            @Nullable String link,
            LocalDateTime createdAt,
            boolean read) {}
}
