package org.kehou.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.kehou.catalog.Slot;
import org.kehou.enrollment.SeatLedger.Claim;
import org.kehou.enrollment.SeatLedger.Claimed;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A sequence of registrations and withdrawals run against the real {@link SeatLedger} and, step by step, against a
 * plain model of seats and waiting lists; after every step the answers must agree and the waiting-list invariants
 * must hold in the database: never more confirmed than capacity, no child twice in an offering or at a weekday and
 * slot, counts that match the rows, places in line strictly ordered by arrival, the first in line promoted.
 */
final class LedgerScenario {

    /** An offering of the scenario: its weekday and slot, capacity and waiting-list limit. */
    record Offering(int slotKey, int capacity, int waitlistLimit) {}

    /** A step: the child registers for, or withdraws from, the offering. */
    record Step(boolean enroll, int child, int offering) {}

    static final DayOfWeek[] DAYS = {DayOfWeek.MONDAY, DayOfWeek.MONDAY, DayOfWeek.TUESDAY};
    static final Slot[] SLOTS = {Slot.SLOT_2, Slot.SLOT_1, Slot.SLOT_2};

    private final SeatLedger ledger;
    private final JdbcClient jdbc;
    private final UUID term = UUID.randomUUID();
    private final UUID county = UUID.randomUUID();
    private final UUID school = UUID.randomUUID();
    private final UUID account = UUID.randomUUID();
    private final List<UUID> offeringIds = new ArrayList<>();
    private final List<Offering> offerings;
    private final List<UUID> children = new ArrayList<>();
    private final Map<Integer, List<Integer>> confirmed = new HashMap<>();
    private final Map<Integer, List<Integer>> waiting = new HashMap<>();
    private LocalDateTime now = LocalDateTime.of(2026, 9, 1, 8, 0);

    LedgerScenario(SeatLedger ledger, JdbcClient jdbc, List<Offering> offerings, int childCount) {
        this.ledger = ledger;
        this.jdbc = jdbc;
        this.offerings = offerings;
        for (int i = 0; i < offerings.size(); i++) {
            UUID id = UUID.randomUUID();
            offeringIds.add(id);
            Offering o = offerings.get(i);
            jdbc.sql("""
                            insert into enrollment.seat (offering_id, county_id, school_id, term_id, weekday, slot,
                              capacity, taken, waiting, waitlist_limit, claims, last_ticket, synced_at)
                            values (:id, :county, :school, :term, :weekday, :slot, :capacity, 0, 0, :limit, 0, 0, :now)""")
                    .param("id", id)
                    .param("county", county)
                    .param("school", school)
                    .param("term", term)
                    .param("weekday", DAYS[o.slotKey()].name())
                    .param("slot", SLOTS[o.slotKey()].name())
                    .param("capacity", o.capacity())
                    .param("limit", o.waitlistLimit())
                    .param("now", now)
                    .update();
            confirmed.put(i, new ArrayList<>());
            waiting.put(i, new ArrayList<>());
        }
        for (int i = 0; i < childCount; i++) {
            children.add(UUID.randomUUID());
        }
    }

    void run(List<Step> steps) {
        for (Step step : steps) {
            now = now.plusSeconds(1);
            if (step.enroll()) {
                enroll(step.child(), step.offering());
            } else {
                withdraw(step.child(), step.offering());
            }
            checkInvariants();
        }
    }

    private void enroll(int child, int offering) {
        EnrollmentResult expected;
        Integer position = null;
        Integer held = heldAt(child, offerings.get(offering).slotKey());
        if (held != null) {
            expected = held == offering ? EnrollmentResult.ALREADY_ENROLLED : EnrollmentResult.TIME_CONFLICT;
        } else if (confirmed.get(offering).size() < offerings.get(offering).capacity()) {
            expected = EnrollmentResult.CONFIRMED;
            confirmed.get(offering).add(child);
        } else if (waiting.get(offering).size() < offerings.get(offering).waitlistLimit()) {
            expected = EnrollmentResult.WAITLISTED;
            waiting.get(offering).add(child);
            position = waiting.get(offering).size();
        } else {
            expected = EnrollmentResult.FULL;
        }
        Offering o = offerings.get(offering);
        String key = UUID.randomUUID().toString();
        Claimed claimed = ledger.claim(new Claim(
                UUID.randomUUID(),
                account,
                UUID.randomUUID(),
                children.get(child),
                offeringIds.get(offering),
                term,
                DAYS[o.slotKey()],
                SLOTS[o.slotKey()],
                "2026-1",
                now,
                account.toString(),
                key,
                "f".repeat(64)));
        assertThat(claimed.result())
                .as("child %d registers for offering %d", child, offering)
                .isEqualTo(expected);
        assertThat(claimed.position()).as("place in line").isEqualTo(position);
        assertThat(claimed.enrollmentId() != null).isEqualTo(expected.stored());
    }

    private void withdraw(int child, int offering) {
        boolean wasConfirmed = confirmed.get(offering).remove((Integer) child);
        boolean wasWaiting = !wasConfirmed && waiting.get(offering).remove((Integer) child);
        if (!wasConfirmed && !wasWaiting) {
            return;
        }
        Integer promotedChild = null;
        if (wasConfirmed && !waiting.get(offering).isEmpty()) {
            promotedChild = waiting.get(offering).remove(0);
            confirmed.get(offering).add(promotedChild);
        }
        UUID enrollment = jdbc.sql("""
                        select id from enrollment.enrollment
                        where child_id = :child and offering_id = :offering and status <> 'WITHDRAWN'""")
                .param("child", children.get(child))
                .param("offering", offeringIds.get(offering))
                .query(UUID.class)
                .single();
        var withdrawal = ledger.withdraw(enrollment, account.toString(), now);
        assertThat(withdrawal.changed()).isTrue();
        if (promotedChild == null) {
            assertThat(withdrawal.promoted()).as("nobody promoted").isNull();
        } else {
            UUID promotedId = withdrawal.promoted();
            assertThat(promotedId).as("the first in line is promoted").isNotNull();
            UUID promoted = jdbc.sql("select child_id from enrollment.enrollment where id = :id")
                    .param("id", promotedId)
                    .query(UUID.class)
                    .single();
            assertThat(promoted).as("the first in line is promoted").isEqualTo(children.get(promotedChild));
        }
    }

    private Integer heldAt(int child, int slotKey) {
        for (int i = 0; i < offerings.size(); i++) {
            if (offerings.get(i).slotKey() == slotKey
                    && (confirmed.get(i).contains(child) || waiting.get(i).contains(child))) {
                return i;
            }
        }
        return null;
    }

    private void checkInvariants() {
        for (int i = 0; i < offerings.size(); i++) {
            UUID id = offeringIds.get(i);
            var seat = ledger.seat(id).orElseThrow();
            List<UUID> confirmedRows =
                    jdbc.sql("""
                            select child_id from enrollment.enrollment
                            where offering_id = :id and status = 'CONFIRMED'""").param("id", id).query(UUID.class).list();
            List<UUID> waitingRows =
                    jdbc.sql("""
                            select child_id from enrollment.enrollment
                            where offering_id = :id and status = 'WAITLISTED' order by waitlist_ticket""").param("id", id).query(UUID.class).list();
            assertThat(seat.taken()).as("taken counts the confirmed").isEqualTo(confirmedRows.size());
            assertThat(seat.taken()).as("never more confirmed than capacity").isLessThanOrEqualTo(seat.capacity());
            assertThat(seat.waiting()).as("waiting counts the line").isEqualTo(waitingRows.size());
            assertThat(seat.waiting()).isLessThanOrEqualTo(seat.waitlistLimit());
            if (seat.waiting() > 0) {
                assertThat(seat.taken()).as("nobody waits while a seat is free").isEqualTo(seat.capacity());
            }
            assertThat(new LinkedHashSet<>(confirmedRows))
                    .containsExactlyInAnyOrderElementsOf(
                            confirmed.get(i).stream().map(children::get).toList());
            assertThat(waitingRows)
                    .as("the line in order of arrival")
                    .containsExactlyElementsOf(
                            waiting.get(i).stream().map(children::get).toList());
            List<Long> tickets = jdbc.sql("""
                            select waitlist_ticket from enrollment.enrollment
                            where offering_id = :id and status = 'WAITLISTED' order by requested_at, waitlist_ticket""").param("id", id).query(Long.class).list();
            for (int t = 1; t < tickets.size(); t++) {
                assertThat(tickets.get(t)).as("places strictly ordered").isGreaterThan(tickets.get(t - 1));
            }
        }
        long twice = jdbc.sql("""
                        select count(*) from (select child_id, term_id, weekday, slot from enrollment.enrollment
                          where term_id = :term and status <> 'WITHDRAWN'
                          group by child_id, term_id, weekday, slot having count(*) > 1) x""").param("term", term).query(Long.class).single();
        assertThat(twice).as("no child twice at a weekday and slot").isZero();
        for (int i = 0; i < offerings.size(); i++) {
            assertThat(Objects.requireNonNull(confirmed.get(i)).size()
                            + waiting.get(i).size())
                    .isEqualTo(new LinkedHashSet<>(concat(confirmed.get(i), waiting.get(i))).size());
        }
    }

    private static List<Integer> concat(List<Integer> a, List<Integer> b) {
        List<Integer> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
