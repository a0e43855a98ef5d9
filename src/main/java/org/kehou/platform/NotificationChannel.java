package org.kehou.platform;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A way of getting a notification to a person: the in-app inbox (the default, {@code inbox}), or a gateway such as
 * SMS or WeChat registered as a bean and chosen with {@code kehou.notifications.channel}. A delivery that throws is
 * retried with back-off and given up after a few attempts; it stays in the inbox either way.
 */
public interface NotificationChannel {

    /** The name {@code kehou.notifications.channel} selects it by. */
    String name();

    /** Delivers one notification, or throws to have it retried. */
    void deliver(Delivery delivery) throws Exception;

    /** What a channel gets to deliver: the recipient's account and the message as key and arguments. */
    record Delivery(
            UUID notificationId,
            UUID recipientId,
            String topic,
            String messageKey,
            List<String> arguments,
            @Nullable String link) {

        public Delivery {
            arguments = List.copyOf(arguments);
        }
    }
}
