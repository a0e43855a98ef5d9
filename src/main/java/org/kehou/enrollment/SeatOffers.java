package org.kehou.enrollment;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Ends the offers of freed seats that the guardians let run out (ENROL-2, promotion by offer, ADR 0017): each expired
 * offer is withdrawn as {@code EXPIRED} and its seat offered to the next in line, in its own transaction under the
 * offering's seat row lock, the lock an acceptance takes too. Whichever of the two comes first wins and the other
 * finds the registration changed, so a seat is never given twice; a second instance running at the same moment
 * finds the offer already ended and changes nothing.
 */
@Component
class SeatOffers {

    static final int BATCH = 200;

    private static final Logger log = LoggerFactory.getLogger(SeatOffers.class);

    private final SeatLedger ledger;
    private final Clock clock;

    SeatOffers(SeatLedger ledger, Clock clock) {
        this.ledger = ledger;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${kehou.enrollment.offer-check-every:1m}",
            initialDelayString = "${kehou.enrollment.offer-check-every:1m}")
    void expireScheduled() {
        while (expireDue() == BATCH) {
            // more offers ran out than one batch holds; the next is taken at once
        }
    }

    /**
     * Ends one batch of the offers expired by now, the longest expired first, and returns how many it handled (ended,
     * or found answered meanwhile); one that failed is tried again on the next run.
     */
    int expireDue() {
        LocalDateTime now = LocalDateTime.now(clock);
        int handled = 0;
        for (UUID id : ledger.expiredOffers(now, BATCH)) {
            try {
                ledger.expire(id, now);
                handled++;
            } catch (RuntimeException e) {
                log.warn("Expiry of the seat offer of registration {} failed; it is retried", id, e);
            }
        }
        return handled;
    }
}
