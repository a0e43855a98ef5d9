package org.kehou.enrollment;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kehou.catalog.OfferingDirectory.OfferingFacts;
import org.kehou.organization.OrganizationQueries.StudentRow;
import org.kehou.platform.Notifications;
import org.kehou.platform.Notifications.NewNotification;
import org.kehou.platform.RecordRows;
import org.kehou.platform.Role;
import org.kehou.platform.UserScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tells guardians what became of a registration (ENROL-1, ENROL-2): confirmed, waiting with the place in line,
 * promoted from the line when a seat freed, offered a freed seat until a given time, or that such an offer expired
 * (ADR 0017). The notices are derived from the append-only {@code enrollment_event}
 * rows after the claim has committed, so the claim stays one statement under a rush (ADR 0007, ADR 0010). The relay
 * keeps a cursor (the latest event handled, looked back {@code kehou.enrollment.notice-grace} for claims that
 * committed late) and handles each event once in its own transaction with its notices: the event's row in
 * {@code event_notice} is the proof, so a second instance or a second run sends nothing again. A waiting notice whose
 * registration has since been promoted or withdrawn, or an offer already answered, is superseded and not sent.
 */
@Component
class RegistrationNotices {

    static final String TOPIC = "enrollment.registration";
    static final String PAGE = "/guardian/registrations";
    static final int BATCH = 200;

    private static final Logger log = LoggerFactory.getLogger(RegistrationNotices.class);

    private final JdbcClient jdbc;
    private final RegistrationFacts facts;
    private final Notifications notifications;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Duration grace;

    RegistrationNotices(
            JdbcClient jdbc,
            RegistrationFacts facts,
            Notifications notifications,
            PlatformTransactionManager transactions,
            Clock clock,
            @Value("${kehou.enrollment.notice-grace:10m}") Duration grace) {
        this.jdbc = jdbc;
        this.facts = facts;
        this.notifications = notifications;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
        this.grace = grace;
    }

    @Scheduled(
            fixedDelayString = "${kehou.enrollment.notice-every:5s}",
            initialDelayString = "${kehou.enrollment.notice-every:5s}")
    void relayScheduled() {
        while (relay() == BATCH) {
            // a rush leaves more than one batch; the next is handled at once
        }
    }

    /** Handles one batch of the events not handled yet, oldest first, and returns how many it handled. */
    int relay() {
        LocalDateTime cursor = jdbc.sql("select max(occurred_at) from enrollment.event_notice")
                .query(LocalDateTime.class)
                .optional()
                .orElse(null);
        List<Event> events = jdbc.sql("""
                        select v.enrollment_id, v.seq, v.action, v.occurred_at, e.county_id, e.school_id, e.offering_id,
                          e.child_id, e.guardian_id, e.account_id, e.status, e.waitlist_ticket, e.offer_expires_at
                        from enrollment.enrollment_event v
                        join enrollment.enrollment e on e.id = v.enrollment_id
                        where (cast(:since as timestamp) is null or v.occurred_at >= cast(:since as timestamp))
                          and not exists (select 1 from enrollment.event_notice n
                                          where n.enrollment_id = v.enrollment_id and n.seq = v.seq)
                        order by v.occurred_at, v.enrollment_id, v.seq
                        limit :batch""")
                .param("since", cursor == null ? null : cursor.minus(grace))
                .param("batch", BATCH)
                .query(RecordRows.of(Event.class))
                .list();
        int handled = 0;
        for (Event event : events) {
            try {
                if (Boolean.TRUE.equals(tx.execute(status -> handle(event)))) {
                    handled++;
                }
            } catch (DuplicateKeyException other) {
                handled++; // another instance handled it at the same moment
            } catch (RuntimeException e) {
                log.warn(
                        "Notice of registration event {}/{} failed; it is retried",
                        event.enrollmentId(),
                        event.seq(),
                        e);
            }
        }
        return handled;
    }

    private boolean handle(Event event) {
        int sent = 0;
        int claimed = jdbc.sql("""
                        insert into enrollment.event_notice (enrollment_id, seq, occurred_at, handled_at, sent)
                        select :id, :seq, :occurred, :now, 0 where not exists (select 1 from enrollment.event_notice
                          where enrollment_id = :id and seq = :seq)""")
                .param("id", event.enrollmentId())
                .param("seq", event.seq())
                .param("occurred", event.occurredAt())
                .param("now", LocalDateTime.now(clock))
                .update();
        if (claimed == 0) {
            return false;
        }
        NewNotification notice = notice(event);
        if (notice != null) {
            sent = notifications.sendToGuardian(event.guardianId(), notice);
            jdbc.sql("update enrollment.event_notice set sent = :sent where enrollment_id = :id and seq = :seq")
                    .param("sent", sent)
                    .param("id", event.enrollmentId())
                    .param("seq", event.seq())
                    .update();
        }
        return true;
    }

    /** The notice of an event, or null for one nobody needs to be told of (a withdrawal, a superseded wait). */
    private @Nullable NewNotification notice(Event event) {
        String key;
        String position = null;
        switch (event.action()) {
            case "ENROLLED" -> key = "enrollment.notice.confirmed";
            case "PROMOTED" -> key = "enrollment.notice.promoted";
            case "OFFERED" -> {
                if (!EnrollmentStatus.OFFERED.name().equals(event.status()) || event.offerExpiresAt() == null) {
                    return null;
                }
                key = "enrollment.notice.offered";
                position = RegistrationWindowRule.MINUTE.format(event.offerExpiresAt());
            }
            case "EXPIRED" -> key = "enrollment.notice.offerExpired";
            case "WAITLISTED" -> {
                if (!EnrollmentStatus.WAITLISTED.name().equals(event.status())) {
                    return null;
                }
                key = "enrollment.notice.waitlisted";
                position = String.valueOf(jdbc.sql("""
                                select count(*) from enrollment.enrollment w
                                where w.offering_id = :offering and w.status = 'WAITLISTED' and w.waitlist_ticket <= :ticket""")
                        .param("offering", event.offeringId())
                        .param("ticket", event.waitlistTicket())
                        .query(Long.class)
                        .single());
            }
            default -> {
                return null;
            }
        }
        UserScope family = new UserScope(
                event.accountId(), "system", Set.of(Role.GUARDIAN), null, null, null, event.guardianId(), null);
        StudentRow child = facts.child(family, event.childId());
        OfferingFacts offering = facts.offering(event.offeringId());
        String childName = child == null ? "" : child.name();
        String course = offering == null ? "" : offering.courseName();
        List<String> arguments = position == null ? List.of(childName, course) : List.of(childName, course, position);
        return new NewNotification(null, event.countyId(), event.schoolId(), TOPIC, key, arguments, PAGE);
    }

    record Event(
            UUID enrollmentId,
            int seq,
            String action,
            LocalDateTime occurredAt,
            UUID countyId,
            UUID schoolId,
            UUID offeringId,
            UUID childId,
            UUID guardianId,
            UUID accountId,
            String status,
            @Nullable Long waitlistTicket,
            @Nullable LocalDateTime offerExpiresAt) {}
}
