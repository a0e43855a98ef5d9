package org.kehou.enrollment;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.kehou.catalog.OfferingCancelled;
import org.kehou.platform.AuditTrail;
import org.kehou.platform.AuditTrail.AuditEntry;
import org.kehou.platform.Notifications;
import org.kehou.platform.Notifications.NewNotification;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * When a school cancels a published offering (COURSE-2, ENROL-3), every active registration of it is withdrawn,
 * kept in the history as {@code CANCELLED}, and each family is told the reason. It runs before the cancelling
 * transaction commits, inside it (ADR 0012): the cancellation, the withdrawals, the closed seat row and the
 * notifications in the outbox commit together, so no family is left registered for a cancelled offering and no
 * notice goes out for a cancellation that was rolled back.
 */
@Component
class OfferingCancellations {

    static final String TOPIC = "enrolment.cancelled";

    private final SeatLedger ledger;
    private final Notifications notifications;
    private final AuditTrail audit;
    private final JdbcClient jdbc;
    private final Clock clock;

    OfferingCancellations(
            SeatLedger ledger, Notifications notifications, AuditTrail audit, JdbcClient jdbc, Clock clock) {
        this.ledger = ledger;
        this.notifications = notifications;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(OfferingCancelled event) {
        List<Enrollment> withdrawn =
                ledger.cancelAll(event.offeringId(), event.cancelledBy().toString(), LocalDateTime.now(clock));
        if (withdrawn.isEmpty()) {
            return;
        }
        List<UUID> guardians = jdbc.sql(
                        "select distinct guardian_id from enrollment.enrollment where id in (:ids) order by guardian_id")
                .param("ids", withdrawn.stream().map(Enrollment::id).toList())
                .query(UUID.class)
                .list();
        for (UUID guardian : guardians) {
            notifications.sendToGuardian(
                    guardian,
                    new NewNotification(
                            null,
                            event.countyId(),
                            event.schoolId(),
                            TOPIC,
                            "enrollment.notice.cancelled",
                            List.of(NoticeText.of(event.courseName()), NoticeText.of(event.reason())),
                            null));
        }
        audit.record(new AuditEntry(
                "registrations.withdrawnWithOffering",
                "offering",
                event.offeringId(),
                event.countyId(),
                event.schoolId(),
                null,
                Map.of("registrations", withdrawn.size(), "families", guardians.size())));
    }
}
