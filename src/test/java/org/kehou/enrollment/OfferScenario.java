package org.kehou.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.kehou.enrollment.LedgerScenario.Offering;
import org.kehou.enrollment.SeatLedger.Claim;
import org.kehou.enrollment.SeatLedger.Claimed;
import org.kehou.platform.RuleViolation;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A sequence of registrations, withdrawals, answers to offers and hours passing, run against the real
 * {@link SeatLedger} on offerings whose freed seats are offered (ENROL-2, ADR 0017) and, step by step, against a plain
 * model; after every step the answers must agree and the invariants hold in the database: never more seats held than
 * capacity, an offer holding exactly one seat, the line in order of arrival, the first in line offered the seat, no
 * offer left standing past its expiry once the expiry has run.
 */
final class OfferScenario {

    /** What a step does. */
    enum Act {
        ENROL,
        WITHDRAW,
        ACCEPT,
        DECLINE,
        HOURS_PASS
    }

    /** A step: the act, the child and the offering it concerns (for {@code HOURS_PASS}, the child is the hours). */
    record Step(Act act, int child, int offering) {}

    private record Offer(int child, LocalDateTime expiresAt) {}

    private final SeatLedger ledger;
    private final JdbcClient jdbc;
    private final int hours;
    private final UUID term = UUID.randomUUID();
    private final UUID county = UUID.randomUUID();
    private final UUID school = UUID.randomUUID();
    private final UUID account = UUID.randomUUID();
    private final List<UUID> offeringIds = new ArrayList<>();
    private final List<Offering> offerings;
    private final List<UUID> children = new ArrayList<>();
    private final Map<Integer, List<Integer>> confirmed = new HashMap<>();
    private final Map<Integer, List<Offer>> offered = new HashMap<>();
    private final Map<Integer, List<Integer>> waiting = new HashMap<>();
    private LocalDateTime now = LocalDateTime.of(2026, 9, 1, 8, 0);

    OfferScenario(SeatLedger ledger, JdbcClient jdbc, List<Offering> offerings, int childCount, int hours) {
        this.ledger = ledger;
        this.jdbc = jdbc;
        this.offerings = offerings;
        this.hours = hours;
        for (int i = 0; i < offerings.size(); i++) {
            UUID id = UUID.randomUUID();
            offeringIds.add(id);
            Offering o = offerings.get(i);
            jdbc.sql("""
                            insert into enrollment.seat (offering_id, county_id, school_id, term_id, weekday, slot,
                              capacity, taken, waiting, waitlist_limit, claims, last_ticket, synced_at, promotion,
                              offer_hours)
                            values (:id, :county, :school, :term, :weekday, :slot, :capacity, 0, 0, :limit, 0, 0, :now,
                              'OFFER', :hours)""")
                    .param("id", id)
                    .param("county", county)
                    .param("school", school)
                    .param("term", term)
                    .param("weekday", LedgerScenario.DAYS[o.slotKey()].name())
                    .param("slot", LedgerScenario.SLOTS[o.slotKey()].name())
                    .param("capacity", o.capacity())
                    .param("limit", o.waitlistLimit())
                    .param("now", now)
                    .param("hours", hours)
                    .update();
            confirmed.put(i, new ArrayList<>());
            offered.put(i, new ArrayList<>());
            waiting.put(i, new ArrayList<>());
        }
        for (int i = 0; i < childCount; i++) {
            children.add(UUID.randomUUID());
        }
    }

    void run(List<Step> steps) {
        for (Step step : steps) {
            now = now.plusSeconds(1);
            switch (step.act()) {
                case ENROL -> enrol(step.child(), step.offering());
                case WITHDRAW -> withdraw(step.child(), step.offering());
                case ACCEPT -> accept(step.child(), step.offering());
                case DECLINE -> decline(step.child(), step.offering());
                case HOURS_PASS -> hoursPass(step.child());
            }
            checkInvariants(step.act() == Act.HOURS_PASS);
        }
    }

    private void enrol(int child, int offering) {
        Offering o = offerings.get(offering);
        EnrollmentResult expected;
        Integer held = heldAt(child, o.slotKey());
        if (held != null) {
            expected = held == offering ? EnrollmentResult.ALREADY_ENROLLED : EnrollmentResult.TIME_CONFLICT;
        } else if (seatsHeld(offering) < o.capacity()) {
            expected = EnrollmentResult.CONFIRMED;
            confirmed.get(offering).add(child);
        } else if (waiting.get(offering).size() < o.waitlistLimit()) {
            expected = EnrollmentResult.WAITLISTED;
            waiting.get(offering).add(child);
        } else {
            expected = EnrollmentResult.FULL;
        }
        Claimed claimed = ledger.claim(new Claim(
                UUID.randomUUID(),
                account,
                UUID.randomUUID(),
                children.get(child),
                offeringIds.get(offering),
                term,
                LedgerScenario.DAYS[o.slotKey()],
                LedgerScenario.SLOTS[o.slotKey()],
                "2026-1",
                now,
                account.toString(),
                UUID.randomUUID().toString(),
                "f".repeat(64)));
        assertThat(claimed.result())
                .as("child %d registers for offering %d", child, offering)
                .isEqualTo(expected);
    }

    private void withdraw(int child, int offering) {
        boolean heldSeat = confirmed.get(offering).remove((Integer) child) || removeOffer(offering, child);
        boolean wasWaiting = !heldSeat && waiting.get(offering).remove((Integer) child);
        if (!heldSeat && !wasWaiting) {
            return;
        }
        Integer next = heldSeat ? offerNext(offering) : null;
        var withdrawal = ledger.withdraw(active(child, offering), account.toString(), now);
        assertThat(withdrawal.changed()).isTrue();
        checkPassedOn(withdrawal, next);
    }

    private void accept(int child, int offering) {
        Offer offer = offer(offering, child);
        UUID id = activeOrNull(child, offering);
        if (id == null) {
            return;
        }
        if (offer == null) {
            assertRefused(() -> ledger.accept(id, account.toString(), now), "enrollment.notOffered");
            return;
        }
        if (!now.isBefore(offer.expiresAt())) {
            assertRefused(() -> ledger.accept(id, account.toString(), now), "enrollment.offerExpired");
            return;
        }
        offered.get(offering).remove(offer);
        confirmed.get(offering).add(child);
        assertThat(ledger.accept(id, account.toString(), now).status()).isEqualTo(EnrollmentStatus.CONFIRMED);
    }

    private void decline(int child, int offering) {
        UUID id = activeOrNull(child, offering);
        if (id == null) {
            return;
        }
        if (!removeOffer(offering, child)) {
            assertRefused(() -> ledger.decline(id, account.toString(), now), "enrollment.notOffered");
            return;
        }
        Integer next = offerNext(offering);
        checkPassedOn(ledger.decline(id, account.toString(), now), next);
    }

    private void hoursPass(int passing) {
        now = now.plusHours(passing);
        for (int i = 0; i < offerings.size(); i++) {
            List<Offer> expired = offered.get(i).stream()
                    .filter(f -> !now.isBefore(f.expiresAt()))
                    .toList();
            for (Offer f : expired) {
                offered.get(i).remove(f);
                offerNext(i);
            }
        }
        List<UUID> mine = jdbc.sql("select id from enrollment.enrollment where term_id = :term")
                .param("term", term)
                .query(UUID.class)
                .list();
        for (UUID id : ledger.expiredOffers(now, 10_000)) {
            if (mine.contains(id)) {
                assertThat(ledger.expire(id, now))
                        .as("an expired offer is ended")
                        .isNotNull();
                assertThat(ledger.expire(id, now)).as("and only once").isNull();
            }
        }
    }

    /** The first in line is offered the seat freed, in the model; returns who. */
    private Integer offerNext(int offering) {
        if (waiting.get(offering).isEmpty()) {
            return null;
        }
        int next = waiting.get(offering).remove(0);
        offered.get(offering).add(new Offer(next, now.plusHours(hours)));
        return next;
    }

    private void checkPassedOn(SeatLedger.Withdrawal withdrawal, Integer next) {
        if (next == null) {
            assertThat(withdrawal.promoted()).as("nobody offered the seat").isNull();
            return;
        }
        assertThat(withdrawal.offered()).as("the seat is offered, not given").isTrue();
        UUID child = jdbc.sql("select child_id from enrollment.enrollment where id = :id")
                .param("id", withdrawal.promoted())
                .query(UUID.class)
                .single();
        assertThat(child).as("the first in line is offered the seat").isEqualTo(children.get(next));
    }

    private boolean removeOffer(int offering, int child) {
        Offer offer = offer(offering, child);
        return offer != null && offered.get(offering).remove(offer);
    }

    private Offer offer(int offering, int child) {
        return offered.get(offering).stream()
                .filter(f -> f.child() == child)
                .findFirst()
                .orElse(null);
    }

    private int seatsHeld(int offering) {
        return confirmed.get(offering).size() + offered.get(offering).size();
    }

    private UUID active(int child, int offering) {
        UUID id = activeOrNull(child, offering);
        assertThat(id).isNotNull();
        return id;
    }

    private UUID activeOrNull(int child, int offering) {
        return jdbc.sql("""
                        select id from enrollment.enrollment
                        where child_id = :child and offering_id = :offering and status <> 'WITHDRAWN'""")
                .param("child", children.get(child))
                .param("offering", offeringIds.get(offering))
                .query(UUID.class)
                .optional()
                .orElse(null);
    }

    private Integer heldAt(int child, int slotKey) {
        for (int i = 0; i < offerings.size(); i++) {
            if (offerings.get(i).slotKey() == slotKey
                    && (confirmed.get(i).contains(child)
                            || offer(i, child) != null
                            || waiting.get(i).contains(child))) {
                return i;
            }
        }
        return null;
    }

    private static void assertRefused(Runnable action, String key) {
        assertThatThrownBy(action::run)
                .isInstanceOf(RuleViolation.class)
                .extracting(e -> ((RuleViolation) e).messageKey())
                .isEqualTo(key);
    }

    private List<UUID> rows(UUID offering, String status) {
        return jdbc.sql("""
                        select child_id from enrollment.enrollment where offering_id = :id and status = :status
                        order by waitlist_ticket""")
                .param("id", offering)
                .param("status", status)
                .query(UUID.class)
                .list();
    }

    private void checkInvariants(boolean expiryRan) {
        for (int i = 0; i < offerings.size(); i++) {
            UUID id = offeringIds.get(i);
            var seat = ledger.seat(id).orElseThrow();
            List<UUID> confirmedRows = rows(id, "CONFIRMED");
            List<UUID> offeredRows = rows(id, "OFFERED");
            List<UUID> waitingRows = rows(id, "WAITLISTED");
            assertThat(seat.taken()).as("never more seats held than capacity").isLessThanOrEqualTo(seat.capacity());
            assertThat(seat.taken() - confirmedRows.size())
                    .as("an offer holds exactly one seat")
                    .isEqualTo(offeredRows.size());
            assertThat(seat.waiting()).as("waiting counts the line").isEqualTo(waitingRows.size());
            if (seat.waiting() > 0) {
                assertThat(seat.taken()).as("nobody waits while a seat is free").isEqualTo(seat.capacity());
            }
            assertThat(new LinkedHashSet<>(confirmedRows))
                    .containsExactlyInAnyOrderElementsOf(
                            confirmed.get(i).stream().map(children::get).toList());
            assertThat(offeredRows)
                    .containsExactlyInAnyOrderElementsOf(offered.get(i).stream()
                            .map(f -> children.get(f.child()))
                            .toList());
            assertThat(waitingRows)
                    .as("the line in order of arrival")
                    .containsExactlyElementsOf(
                            waiting.get(i).stream().map(children::get).toList());
        }
        long stale = jdbc.sql("""
                        select count(*) from enrollment.enrollment
                        where term_id = :term and status = 'OFFERED' and offer_expires_at <= :now""")
                .param("term", term)
                .param("now", now)
                .query(Long.class)
                .single();
        if (expiryRan) {
            assertThat(stale)
                    .as("no offer stands past its expiry once the expiry has run")
                    .isZero();
        }
        long twice = jdbc.sql("""
                        select count(*) from (select child_id, weekday, slot from enrollment.enrollment
                          where term_id = :term and status <> 'WITHDRAWN'
                          group by child_id, weekday, slot having count(*) > 1) x""").param("term", term).query(Long.class).single();
        assertThat(twice).as("no child twice at a weekday and slot").isZero();
    }
}
