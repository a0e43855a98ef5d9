package org.kehou.platform.internal;

import org.kehou.platform.NotificationChannel;
import org.springframework.stereotype.Component;

/** The default channel: the notification is already in the recipient's in-app inbox, so delivering is done. */
@Component
class InboxChannel implements NotificationChannel {

    @Override
    public String name() {
        return "inbox";
    }

    @Override
    public void deliver(Delivery delivery) {
        // the inbox reads the outbox itself
    }
}
