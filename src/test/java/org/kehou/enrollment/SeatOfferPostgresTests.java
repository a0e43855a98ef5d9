package org.kehou.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.kehou.catalog.Slot;
import org.kehou.enrollment.SeatLedger.Claim;
import org.kehou.platform.RuleViolation;
import org.kehou.support.PostgresTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An offered seat is given once on PostgreSQL (ENROL-2, ENROL-4, ADR 0017): the guardian's acceptance in the last
 * second of an offer races the expiry job of two instances at once; exactly one side wins every time, the seat is
 * held by one registration only and, when the expiry wins, the next in line is offered it.
 */
@PostgresTest
@SpringBootTest(properties = "kehou.demo.enabled=false")
class SeatOfferPostgresTests {

    static final LocalDateTime EIGHT = LocalDateTime.of(2026, 9, 1, 8, 0);
    static final int ROUNDS = 30;

    @Autowired
    SeatLedger ledger;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anAcceptanceRacingTheExpiryGivesTheSeatToOneRegistrationOnly() throws Exception {
        UUID term = UUID.randomUUID();
        ExecutorService threads = Executors.newFixedThreadPool(3);
        int accepted = 0;
        int expired = 0;
        try {
            for (int round = 0; round < ROUNDS; round++) {
                UUID offering = seat(term);
                UUID seated = claim(offering, term);
                UUID offered = claim(offering, term);
                UUID next = claim(offering, term);
                ledger.withdraw(seated, "guardian", EIGHT);
                LocalDateTime expires = EIGHT.plusHours(1);
                assertThat(status(offered)).isEqualTo("OFFERED");

                CyclicBarrier start = new CyclicBarrier(3);
                CompletableFuture<Boolean> accept = CompletableFuture.supplyAsync(
                        () -> {
                            await(start);
                            try {
                                ledger.accept(offered, "guardian", expires.minusSeconds(1));
                                return true;
                            } catch (RuleViolation refused) {
                                assertThat(refused.messageKey()).isEqualTo("enrollment.notOffered");
                                return false;
                            }
                        },
                        threads);
                List<CompletableFuture<Boolean>> expiries = new ArrayList<>();
                for (int instance = 0; instance < 2; instance++) {
                    expiries.add(CompletableFuture.supplyAsync(
                            () -> {
                                await(start);
                                return ledger.expire(offered, expires) != null;
                            },
                            threads));
                }
                boolean acceptedNow = accept.get();
                long expiredNow =
                        expiries.stream().filter(CompletableFuture::join).count();

                assertThat(expiredNow).as("ended at most once").isLessThanOrEqualTo(1);
                assertThat(acceptedNow)
                        .as("either accepted or expired, never both")
                        .isNotEqualTo(expiredNow == 1);
                assertThat(status(offered)).isEqualTo(acceptedNow ? "CONFIRMED" : "WITHDRAWN");
                assertThat(status(next)).isEqualTo(acceptedNow ? "WAITLISTED" : "OFFERED");
                assertThat(jdbc.sql("""
                                select s.taken = (select count(*) from enrollment.enrollment e
                                  where e.offering_id = s.offering_id and e.status in ('CONFIRMED', 'OFFERED'))
                                  and s.taken <= s.capacity
                                from enrollment.seat s where s.offering_id = :o""")
                                .param("o", offering)
                                .query(Boolean.class)
                                .single())
                        .as("the seat is held by one registration only")
                        .isTrue();
                if (acceptedNow) {
                    accepted++;
                } else {
                    expired++;
                }
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(accepted + expired).isEqualTo(ROUNDS);
    }

    private UUID seat(UUID term) {
        UUID offering = UUID.randomUUID();
        jdbc.sql("""
                        insert into enrollment.seat (offering_id, county_id, school_id, term_id, weekday, slot, capacity,
                          taken, waiting, waitlist_limit, claims, last_ticket, synced_at, promotion, offer_hours)
                        values (:o, :county, :school, :term, 'MONDAY', 'SLOT_2', 1, 0, 0, 5, 0, 0, :now, 'OFFER', 1)""")
                .param("o", offering)
                .param("county", UUID.randomUUID())
                .param("school", UUID.randomUUID())
                .param("term", term)
                .param("now", EIGHT)
                .update();
        return offering;
    }

    private UUID claim(UUID offering, UUID term) {
        UUID account = UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        return ledger.claim(new Claim(
                        UUID.randomUUID(),
                        account,
                        UUID.randomUUID(),
                        UUID.randomUUID(),
                        offering,
                        term,
                        DayOfWeek.MONDAY,
                        Slot.SLOT_2,
                        "2026-1",
                        EIGHT,
                        account.toString(),
                        key,
                        "f".repeat(64)))
                .enrollmentId();
    }

    private String status(UUID id) {
        return jdbc.sql("select status from enrollment.enrollment where id = :id")
                .param("id", id)
                .query(String.class)
                .single();
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
