package org.kehou.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kehou.platform.Notifications.NewNotification;
import org.kehou.support.DemoFixtures;
import org.kehou.support.KehouTest;
import org.kehou.support.SignIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The notification outbox: a notification is kept with the change that causes it, shows in the recipient's inbox in
 * their language, is delivered once by the configured channel and retried with back-off when the channel fails.
 */
@KehouTest
class NotificationsTests {

    @Autowired
    Notifications notifications;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DemoFixtures demo;

    @Autowired
    MockMvc mvc;

    @Autowired
    Clock appClock;

    @Test
    void aNotificationIsKeptOnlyWithTheChangeThatCausesIt() {
        UserScope guardian = demo.scope("19900000001");
        assertThatThrownBy(() -> notifications.send(notice(guardian.accountId(), "1")))
                .isInstanceOf(IllegalTransactionStateException.class);
        long before = count(guardian.accountId());
        try {
            tx.executeWithoutResult(status -> {
                notifications.send(notice(guardian.accountId(), "2"));
                throw new IllegalStateException("the change fails");
            });
        } catch (IllegalStateException expected) {
            // rolled back with the notification
        }
        assertThat(count(guardian.accountId())).isEqualTo(before);
    }

    @Test
    void theRecipientReadsItInTheirLanguageAndNobodyElseCanMarkIt() throws Exception {
        UserScope guardian = demo.scope("19900000001");
        UUID id = tx.execute(status -> notifications.send(notice(guardian.accountId(), "7")));
        String zh = mvc.perform(get("/inbox").with(SignIn.as(guardian)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(zh).contains("第 7 / 8 页，共 9 条").contains("id=\"unread\"");
        String en = mvc.perform(get("/inbox").with(SignIn.as(guardian)).cookie(new Cookie("kehou-lang", "en")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(en).contains("Page 7 of 8, 9 in all");

        UserScope other = demo.scope("LL-PS-ADMIN");
        mvc.perform(post("/inbox/{id}/read", id).with(csrf()).with(SignIn.as(other)))
                .andExpect(status().isNotFound());
        assertThat(isRead(id)).isFalse();
        mvc.perform(post("/inbox/{id}/read", id).with(csrf()).with(SignIn.as(guardian)))
                .andExpect(status().is3xxRedirection());
        assertThat(isRead(id)).isTrue();
        assertThat(notifications
                        .inbox(guardian, new PageQuery(0, 100, "", false, ""))
                        .items())
                .filteredOn(i -> i.id().equals(id))
                .singleElement()
                .satisfies(i -> assertThat(i.read()).isTrue());
    }

    @Test
    void theChannelDeliversEachNotificationOnceAndRetriesAFailureWithBackOff() {
        UserScope guardian = demo.scope("19900000001");
        UUID delivered = tx.execute(status -> notifications.send(notice(guardian.accountId(), "1")));
        UUID failing = tx.execute(status -> notifications.send(notice(guardian.accountId(), "2")));
        jdbc.sql("update platform.notification set channel = 'failing' where id = :id")
                .param("id", failing)
                .update();
        List<UUID> seen = new ArrayList<>();
        MutableClock clock = new MutableClock(appClock.instant().plusSeconds(1));
        NotificationDispatcher dispatcher = new NotificationDispatcher(
                jdbc,
                clock,
                List.of(new Recording("inbox", seen, false), new Recording("failing", new ArrayList<>(), true)));

        dispatcher.dispatchDue();
        assertThat(seen).contains(delivered);
        assertThat(state(delivered)).isEqualTo("SENT");
        assertThat(state(failing)).isEqualTo("PENDING");
        assertThat(attempts(failing)).isEqualTo(1);

        dispatcher.dispatchDue();
        assertThat(attempts(failing)).as("not due again before its back-off").isEqualTo(1);
        assertThat(seen).as("a sent notification is not sent again").containsOnlyOnce(delivered);

        for (int attempt = 2; attempt <= NotificationDispatcher.MAX_ATTEMPTS; attempt++) {
            clock.advance(Duration.ofMinutes((long) attempt * attempt));
            dispatcher.dispatchDue();
            assertThat(attempts(failing)).isEqualTo(attempt);
        }
        assertThat(state(failing)).isEqualTo("FAILED");
        assertThat(jdbc.sql("select last_error from platform.notification where id = :id")
                        .param("id", failing)
                        .query(String.class)
                        .single())
                .isEqualTo("gateway down");
    }

    private static NewNotification notice(UUID account, String page) {
        return new NewNotification(account, null, null, "test", "pager.status", List.of(page, "8", "9"), null);
    }

    private long count(UUID account) {
        return jdbc.sql("select count(*) from platform.notification where recipient_id = :a")
                .param("a", account)
                .query(Long.class)
                .single();
    }

    private boolean isRead(UUID id) {
        return jdbc.sql("select read_at is not null from platform.notification where id = :id")
                .param("id", id)
                .query(Boolean.class)
                .single();
    }

    private String state(UUID id) {
        return jdbc.sql("select state from platform.notification where id = :id")
                .param("id", id)
                .query(String.class)
                .single();
    }

    private int attempts(UUID id) {
        return jdbc.sql("select attempts from platform.notification where id = :id")
                .param("id", id)
                .query(Integer.class)
                .single();
    }

    private record Recording(String name, List<UUID> seen, boolean fails) implements NotificationChannel {
        @Override
        public void deliver(Delivery delivery) {
            if (fails) {
                throw new IllegalStateException("gateway down");
            }
            seen.add(delivery.notificationId());
        }
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("Asia/Shanghai");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
