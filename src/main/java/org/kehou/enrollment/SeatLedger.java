package org.kehou.enrollment;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.kehou.catalog.OfferingDirectory.OfferingFacts;
import org.kehou.catalog.Slot;
import org.kehou.platform.Ids;
import org.kehou.platform.RecordRows;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The seats of offerings and the registrations that hold them (ENROL-2..4). A seat is claimed atomically in the
 * database, never by counting first: the seat row's {@code taken} grows only where it is below the capacity, in
 * the same statement or transaction that stores the registration, and the unique constraints on active
 * registrations refuse a child twice in an offering or at a weekday and slot, so a concurrent duplicate rolls the
 * whole claim back, seat included. On PostgreSQL a claim is one statement; elsewhere the same steps run in one
 * transaction under the seat row's lock.
 *
 * <p>Claims queue on the seat row: the order the database takes them in is the order seats and places in line are
 * given (ENROL-4, fair order). A withdrawal takes the same lock, frees the seat and promotes the first in line in
 * the same transaction, so a newcomer can never take a seat that someone was waiting for.
 */
@Component
class SeatLedger {

    /** How often a claim that lost a race to a concurrent duplicate is tried again, to give the settled answer. */
    static final int ATTEMPTS = 3;

    static final String SYSTEM = "system";

    /**
     * The claim on PostgreSQL, one autocommit statement. An attempt that got nothing (full, already registered, a
     * time conflict) writes only its answer under the idempotency key, and commits without waiting for the WAL to
     * reach the disk ({@code synchronous_commit} off for this transaction only): only such answers of the last
     * fraction of a second before a database crash can be lost, and a replay of one is then evaluated again, which
     * can never register a child twice. A seat or a place in line commits synchronously, as before (ENROL-4,
     * docs/adr/0015-rush-throughput.md). Inside a surrounding transaction nothing is relaxed, as the setting would
     * hold for all of it.
     */
    private static final String CLAIM = """
            with prior as (
              select fingerprint, outcome, enrollment_id, waitlist_position from enrollment.idempotency_key
              where account_id = :account and idem_key = :key
            ), held as (
              select offering_id from enrollment.enrollment
              where child_id = :child and term_id = :term and active_slot = :slotKey
            ), claim as (
              update enrollment.seat s
              set taken = s.taken + case when s.taken < s.capacity then 1 else 0 end,
                  waiting = s.waiting + case when s.taken < s.capacity then 0 else 1 end,
                  last_ticket = case when s.taken < s.capacity then s.last_ticket else s.claims + 1 end,
                  claims = s.claims + 1
              where s.offering_id = :offering
                and (s.taken < s.capacity or s.waiting < s.waitlist_limit)
                and not exists (select 1 from prior)
                and not exists (select 1 from held)
              returning s.county_id, s.school_id, s.waiting, s.claims, s.last_ticket
            ), enrolled as (
              insert into enrollment.enrollment (id, version, county_id, school_id, term_id, offering_id, child_id,
                guardian_id, account_id, weekday, slot, status, active_offering_id, active_slot, waitlist_ticket,
                consent_version, consented_at, requested_at, confirmed_at)
              select :id, 0, c.county_id, c.school_id, :term, :offering, :child, :guardian, :account, :weekday, :slot,
                case when c.last_ticket = c.claims then 'WAITLISTED' else 'CONFIRMED' end, :offering, :slotKey,
                case when c.last_ticket = c.claims then c.last_ticket end, :consentVersion,
                cast(:now as timestamp), cast(:now as timestamp),
                case when c.last_ticket = c.claims then null else cast(:now as timestamp) end
              from claim c
              returning id, status, county_id, school_id
            ), logged as (
              insert into enrollment.enrollment_event (enrollment_id, seq, county_id, school_id, offering_id, child_id,
                action, actor, occurred_at)
              select e.id, 1, e.county_id, e.school_id, :offering, :child,
                case when e.status = 'CONFIRMED' then 'ENROLLED' else 'WAITLISTED' end, :actor, cast(:now as timestamp)
              from enrolled e
            ), answer as (
              select coalesce(e.status,
                       case when exists (select 1 from held where offering_id = :offering) then 'ALREADY_ENROLLED'
                            when exists (select 1 from held) then 'TIME_CONFLICT'
                            else 'FULL' end) as outcome,
                     e.id as enrollment_id,
                     case when e.status = 'WAITLISTED' then c.waiting end as waitlist_position
              from (select 1 as one) x left join enrolled e on true left join claim c on true
            ), remembered as (
              insert into enrollment.idempotency_key (account_id, idem_key, fingerprint, outcome, enrollment_id,
                waitlist_position, created_at)
              select :account, :key, :fingerprint, a.outcome, a.enrollment_id, a.waitlist_position, cast(:now as timestamp)
              from answer a
              where not exists (select 1 from prior)
            )
            select a.outcome, a.enrollment_id, a.waitlist_position, p.fingerprint as prior_fingerprint,
              p.outcome as prior_outcome, p.enrollment_id as prior_enrollment_id, p.waitlist_position as prior_position,
              case when :relax and a.enrollment_id is null and p.outcome is null
                then set_config('synchronous_commit', 'off', true) end as relaxed
            from answer a left join prior p on true""";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final boolean oneStatement;
    private final ClaimGate gate;

    @Autowired
    SeatLedger(
            JdbcClient jdbc,
            PlatformTransactionManager transactions,
            DataSource dataSource,
            @Value("${kehou.registration.claims-at-once:0}") int claimsAtOnce,
            @Value("${spring.datasource.hikari.maximum-pool-size:10}") int poolSize) {
        this(
                jdbc,
                new TransactionTemplate(transactions),
                isPostgres(dataSource),
                claimsAtOnce > 0 ? new ClaimGate(claimsAtOnce) : ClaimGate.forPool(poolSize));
    }

    SeatLedger(JdbcClient jdbc, TransactionTemplate transactions, boolean oneStatement, ClaimGate gate) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.oneStatement = oneStatement;
        this.gate = gate;
    }

    int claimsAtOnce() {
        return gate.size();
    }

    private static boolean isPostgres(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection
                    .getMetaData()
                    .getDatabaseProductName()
                    .toLowerCase(Locale.ROOT)
                    .contains("postgres");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot tell which database this is", e);
        }
    }

    /** Copies offerings from the catalog into seat rows, once each; a row already there keeps its counts. */
    void sync(Collection<OfferingFacts> offerings, int waitlistLimit, LocalDateTime now) {
        sync(offerings, waitlistLimit, Promotion.AUTOMATIC, null, now);
    }

    /**
     * Copies offerings from the catalog into seat rows, once each, with the way their waiting lists move as the
     * governing window says; a row already there keeps its counts and settings.
     */
    void sync(
            Collection<OfferingFacts> offerings,
            int waitlistLimit,
            Promotion promotion,
            @Nullable Integer offerHours,
            LocalDateTime now) {
        for (OfferingFacts o : offerings) {
            jdbc.sql("""
                            insert into enrollment.seat (offering_id, county_id, school_id, term_id, weekday, slot,
                              capacity, taken, waiting, waitlist_limit, claims, last_ticket, synced_at, promotion,
                              offer_hours)
                            values (:offering, :county, :school, :term, :weekday, :slot, :capacity, 0, 0, :limit, 0, 0,
                              :now, :promotion, :hours)
                            on conflict do nothing""")
                    .param("promotion", promotion.name())
                    .param("hours", offerHours)
                    .param("offering", o.id())
                    .param("county", o.countyId())
                    .param("school", o.schoolId())
                    .param("term", o.termId())
                    .param("weekday", o.weekday().name())
                    .param("slot", o.slot().name())
                    .param("capacity", o.capacity())
                    .param("limit", waitlistLimit)
                    .param("now", now)
                    .update();
        }
    }

    /** Sets the waiting-list limit of these offerings' seats, as a newly opened window says. */
    void limitWaitlists(Collection<UUID> offeringIds, int waitlistLimit) {
        limitWaitlists(offeringIds, waitlistLimit, Promotion.AUTOMATIC, null);
    }

    /**
     * Sets the waiting-list limit of these offerings' seats and how their lines move when a seat frees, as a newly
     * opened window says (ENROL-2).
     */
    void limitWaitlists(
            Collection<UUID> offeringIds, int waitlistLimit, Promotion promotion, @Nullable Integer offerHours) {
        if (offeringIds.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        update enrollment.seat set waitlist_limit = :limit, promotion = :promotion, offer_hours = :hours
                        where offering_id in (:ids)""")
                .param("limit", waitlistLimit)
                .param("promotion", promotion.name())
                .param("hours", offerHours)
                .param("ids", List.copyOf(offeringIds))
                .update();
    }

    Optional<SeatRow> seat(UUID offeringId) {
        return jdbc.sql(
                        "select offering_id, capacity, taken, waiting, waitlist_limit from enrollment.seat where offering_id = :id")
                .param("id", offeringId)
                .query(RecordRows.of(SeatRow.class))
                .optional();
    }

    /**
     * Claims a seat, or a place in line, for a child, remembering the answer under the idempotency key; in a rush,
     * in the order the attempts came (ClaimGate). A claim inside a surrounding transaction (a lottery's draw)
     * already holds its connection and passes the gate, which it could otherwise wait for while holding one.
     */
    Claimed claim(Claim claim) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return claimOnce(claim);
        }
        return gate.through(() -> claimOnce(claim));
    }

    private Claimed claimOnce(Claim claim) {
        for (int attempt = 1; ; attempt++) {
            try {
                return oneStatement ? claimInOneStatement(claim) : claimStepwise(claim, true);
            } catch (DuplicateKeyException e) {
                // a concurrent claim of the same child, or with the same key, committed first and this one was
                // rolled back entirely; trying again reads what it stored
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private Claimed claimInOneStatement(Claim c) {
        return jdbc.sql(CLAIM)
                .param("account", c.accountId())
                .param("key", c.key())
                .param("child", c.childId())
                .param("term", c.termId())
                .param("slotKey", Enrollment.slotKey(c.weekday(), c.slot()))
                .param("offering", c.offeringId())
                .param("id", c.enrollmentId())
                .param("guardian", c.guardianId())
                .param("weekday", c.weekday().name())
                .param("slot", c.slot().name())
                .param("consentVersion", c.consentVersion())
                .param("now", c.now())
                .param("actor", c.actor())
                .param("fingerprint", c.fingerprint())
                .param("relax", !TransactionSynchronizationManager.isActualTransactionActive())
                .query((rs, n) -> {
                    String prior = rs.getString("prior_outcome");
                    if (prior != null) {
                        return new Claimed(
                                EnrollmentResult.valueOf(prior),
                                rs.getObject("prior_enrollment_id", UUID.class),
                                (Integer) rs.getObject("prior_position"),
                                true,
                                rs.getString("prior_fingerprint"));
                    }
                    return new Claimed(
                            EnrollmentResult.valueOf(rs.getString("outcome")),
                            rs.getObject("enrollment_id", UUID.class),
                            (Integer) rs.getObject("waitlist_position"),
                            false,
                            c.fingerprint());
                })
                .single();
    }

    /**
     * Gives a child a place in line only, never a free seat (ENROL-2, a lottery's waiting list): a child the draw
     * placed nowhere joins their first choice's line in draw order even where siblings drawn together left a seat
     * too few for them all. Runs in the caller's transaction; not on the registration rush's path.
     */
    Claimed queue(Claim claim) {
        return claimStepwise(claim, false);
    }

    private Claimed claimStepwise(Claim c, boolean seatAllowed) {
        return transactions.execute(status -> {
            Optional<Claimed> prior = prior(c.accountId(), c.key());
            if (prior.isPresent()) {
                return prior.get();
            }
            Optional<UUID> held = jdbc.sql("""
                            select offering_id from enrollment.enrollment
                            where child_id = :child and term_id = :term and active_slot = :slotKey""")
                    .param("child", c.childId())
                    .param("term", c.termId())
                    .param("slotKey", Enrollment.slotKey(c.weekday(), c.slot()))
                    .query(UUID.class)
                    .optional();
            EnrollmentResult result;
            Integer position = null;
            Long ticket = null;
            if (held.isPresent()) {
                result = held.get().equals(c.offeringId())
                        ? EnrollmentResult.ALREADY_ENROLLED
                        : EnrollmentResult.TIME_CONFLICT;
            } else if (seatAllowed
                    && jdbc.sql("""
                                    update enrollment.seat set taken = taken + 1, claims = claims + 1
                                    where offering_id = :offering and taken < capacity""").param("offering", c.offeringId()).update() == 1) {
                result = EnrollmentResult.CONFIRMED;
            } else if (jdbc.sql("""
                                    update enrollment.seat
                                    set last_ticket = claims + 1, waiting = waiting + 1, claims = claims + 1
                                    where offering_id = :offering and (taken >= capacity or :queueOnly = 1)
                                      and waiting < waitlist_limit""")
                            .param("offering", c.offeringId())
                            .param("queueOnly", seatAllowed ? 0 : 1)
                            .update()
                    == 1) {
                result = EnrollmentResult.WAITLISTED;
                record Line(int waiting, long lastTicket) {}
                Line line = jdbc.sql("select waiting, last_ticket from enrollment.seat where offering_id = :offering")
                        .param("offering", c.offeringId())
                        .query(RecordRows.of(Line.class))
                        .single();
                position = line.waiting();
                ticket = line.lastTicket();
            } else {
                result = EnrollmentResult.FULL;
            }
            UUID id = null;
            if (result.stored()) {
                id = c.enrollmentId();
                boolean confirmed = result == EnrollmentResult.CONFIRMED;
                jdbc.sql("""
                                insert into enrollment.enrollment (id, version, county_id, school_id, term_id, offering_id,
                                  child_id, guardian_id, account_id, weekday, slot, status, active_offering_id,
                                  active_slot, waitlist_ticket, consent_version, consented_at, requested_at, confirmed_at)
                                select :id, 0, s.county_id, s.school_id, :term, :offering, :child, :guardian, :account,
                                  :weekday, :slot, :status, :offering, :slotKey, :ticket, :consentVersion, :now, :now,
                                  :confirmedAt
                                from enrollment.seat s where s.offering_id = :offering""")
                        .param("id", id)
                        .param("term", c.termId())
                        .param("offering", c.offeringId())
                        .param("child", c.childId())
                        .param("guardian", c.guardianId())
                        .param("account", c.accountId())
                        .param("weekday", c.weekday().name())
                        .param("slot", c.slot().name())
                        .param("status", confirmed ? "CONFIRMED" : "WAITLISTED")
                        .param("slotKey", Enrollment.slotKey(c.weekday(), c.slot()))
                        .param("ticket", ticket)
                        .param("consentVersion", c.consentVersion())
                        .param("now", c.now())
                        .param("confirmedAt", confirmed ? c.now() : null)
                        .update();
                event(id, confirmed ? "ENROLLED" : "WAITLISTED", c.actor(), c.now());
            }
            jdbc.sql("""
                            insert into enrollment.idempotency_key (account_id, idem_key, fingerprint, outcome,
                              enrollment_id, waitlist_position, created_at)
                            values (:account, :key, :fingerprint, :outcome, :id, :position, :now)""")
                    .param("account", c.accountId())
                    .param("key", c.key())
                    .param("fingerprint", c.fingerprint())
                    .param("outcome", result.name())
                    .param("id", id)
                    .param("position", position)
                    .param("now", c.now())
                    .update();
            return new Claimed(result, id, position, false, c.fingerprint());
        });
    }

    /** The answer first given to an idempotency key of this account, if it was used. */
    Optional<Claimed> prior(UUID account, String key) {
        return jdbc.sql("""
                        select fingerprint, outcome, enrollment_id, waitlist_position from enrollment.idempotency_key
                        where account_id = :account and idem_key = :key""")
                .param("account", account)
                .param("key", key)
                .query((rs, n) -> new Claimed(
                        EnrollmentResult.valueOf(rs.getString("outcome")),
                        rs.getObject("enrollment_id", UUID.class),
                        (Integer) rs.getObject("waitlist_position"),
                        true,
                        rs.getString("fingerprint")))
                .optional();
    }

    Optional<Enrollment> find(UUID enrollmentId) {
        return jdbc.sql("""
                        select id, county_id, school_id, term_id, offering_id, child_id, weekday, slot, status,
                          waitlist_ticket, offer_expires_at
                        from enrollment.enrollment where id = :id""").param("id", enrollmentId).query(Enrollment.class).optional();
    }

    /**
     * Withdraws a registration (ENROL-3) and, when it held a seat, gives the seat to the first in line in the same
     * transaction (ENROL-2, automatic promotion). Returns what changed; a registration already withdrawn changes
     * nothing.
     */
    Withdrawal withdraw(UUID enrollmentId, String actor, LocalDateTime now) {
        return transactions.execute(status -> release(locked(enrollmentId), "WITHDRAWN", actor, now));
    }

    /**
     * The registration as it stands once its offering's seat row is locked: every change to an offering's
     * registrations takes its seat row first, so they queue in one order.
     */
    private Enrollment locked(UUID enrollmentId) {
        Enrollment found = find(enrollmentId).orElseThrow();
        jdbc.sql("select offering_id from enrollment.seat where offering_id = :offering for update")
                .param("offering", found.offeringId())
                .query(UUID.class)
                .single();
        return find(enrollmentId).orElseThrow();
    }

    /**
     * Accepts the seat a registration was offered (ENROL-2), under its seat row's lock: refused, changing nothing,
     * once the offer has expired by the clock or was already answered, so a seat whose offer expires while the
     * guardian accepts goes to one of them only.
     */
    Enrollment accept(UUID enrollmentId, String actor, LocalDateTime now) {
        return transactions.execute(status -> {
            Enrollment confirmed = locked(enrollmentId).accepted(now);
            jdbc.sql("""
                            update enrollment.enrollment
                            set status = :status, confirmed_at = :now, offer_expires_at = null, version = version + 1
                            where id = :id""")
                    .param("status", confirmed.status().name())
                    .param("now", now)
                    .param("id", confirmed.id())
                    .update();
            event(confirmed.id(), "ACCEPTED", actor, now);
            return confirmed;
        });
    }

    /**
     * Declines the seat a registration was offered (ENROL-2): the registration is withdrawn as {@code DECLINED} and
     * the seat goes to the next in line under the same rule. Refused unless it is offered now.
     */
    Withdrawal decline(UUID enrollmentId, String actor, LocalDateTime now) {
        return transactions.execute(status -> {
            Enrollment current = locked(enrollmentId);
            if (current.status() != EnrollmentStatus.OFFERED) {
                throw new org.kehou.platform.RuleViolation("enrollment.notOffered");
            }
            return release(current, "DECLINED", actor, now);
        });
    }

    /**
     * Withdraws a registration whose offer has expired by {@code now} as {@code EXPIRED} and offers the seat to the
     * next in line, under the seat row's lock; one accepted or answered meanwhile is left as it is. Returns what
     * changed, or null when nothing did.
     */
    @Nullable
    Withdrawal expire(UUID enrollmentId, LocalDateTime now) {
        return transactions.execute(status -> {
            Enrollment current = locked(enrollmentId);
            return current.offerExpired(now) ? release(current, "EXPIRED", SYSTEM, now) : null;
        });
    }

    /** The registrations whose offers have expired by {@code now}, the longest expired first. */
    List<UUID> expiredOffers(LocalDateTime now, int limit) {
        return jdbc.sql("""
                        select id from enrollment.enrollment
                        where status = 'OFFERED' and offer_expires_at <= :now
                        order by offer_expires_at, id limit :limit""")
                .param("now", now)
                .param("limit", limit)
                .query(UUID.class)
                .list();
    }

    /**
     * Withdraws a registration whose seat row the transaction has locked, recording the action named, and gives a
     * seat it held to the first in line: at once, or as an offer that holds the seat for them until it expires, as
     * the seat row's promotion says.
     */
    private Withdrawal release(Enrollment current, String action, String actor, LocalDateTime now) {
        if (current.status() == EnrollmentStatus.WITHDRAWN) {
            return new Withdrawal(current, false, null, false);
        }
        Enrollment withdrawn = current.withdrawn();
        jdbc.sql("""
                            update enrollment.enrollment
                            set status = :status, active_offering_id = null, active_slot = null, withdrawn_at = :now,
                              version = version + 1
                            where id = :id""")
                .param("status", withdrawn.status().name())
                .param("now", now)
                .param("id", current.id())
                .update();
        event(current.id(), action, actor, now);
        UUID promoted = null;
        boolean offer = false;
        if (current.holdsSeat()) {
            Optional<Enrollment> first = jdbc.sql("""
                                select id, county_id, school_id, term_id, offering_id, child_id, weekday, slot, status,
                                  waitlist_ticket, offer_expires_at
                                from enrollment.enrollment
                                where offering_id = :offering and status = 'WAITLISTED'
                                order by waitlist_ticket limit 1""")
                    .param("offering", current.offeringId())
                    .query(Enrollment.class)
                    .optional();
            record Rule(Promotion promotion, @Nullable Integer offerHours) {}
            Rule rule = first.isEmpty()
                    ? null
                    : jdbc.sql("select promotion, offer_hours from enrollment.seat where offering_id = :offering")
                            .param("offering", current.offeringId())
                            .query(RecordRows.of(Rule.class))
                            .single();
            if (first.isPresent() && rule.promotion() == Promotion.OFFER && rule.offerHours() != null) {
                Enrollment offered = first.get().offered(now.plusHours(rule.offerHours()));
                jdbc.sql("""
                                    update enrollment.enrollment
                                    set status = :status, offer_expires_at = :expires, version = version + 1
                                    where id = :id""")
                        .param("status", offered.status().name())
                        .param("expires", offered.offerExpiresAt())
                        .param("id", offered.id())
                        .update();
                event(offered.id(), "OFFERED", SYSTEM, now);
                seatChange(current.offeringId(), 0, -1);
                promoted = offered.id();
                offer = true;
            } else if (first.isPresent()) {
                Enrollment confirmed = first.get().promoted();
                jdbc.sql("""
                                    update enrollment.enrollment
                                    set status = :status, confirmed_at = :now, version = version + 1
                                    where id = :id""")
                        .param("status", confirmed.status().name())
                        .param("now", now)
                        .param("id", confirmed.id())
                        .update();
                event(confirmed.id(), "PROMOTED", SYSTEM, now);
                seatChange(current.offeringId(), 0, -1);
                promoted = confirmed.id();
            } else {
                seatChange(current.offeringId(), -1, 0);
            }
        } else {
            seatChange(current.offeringId(), 0, -1);
        }
        return new Withdrawal(withdrawn, true, promoted, offer);
    }

    /**
     * Moves a registration to another offering for the school (ENROL-3): the destination's seat is claimed under the
     * same conditional update as any claim (never oversold), the source is withdrawn as {@code MOVED_OUT} and its
     * seat goes to the first in line, and the new registration, confirmed, is recorded as {@code MOVED_IN}; all in
     * one transaction that takes both seat rows in the order of their ids, so two opposite moves cannot deadlock.
     * The destination's seat row must exist. Refused, changing nothing, when the source is no longer active, the
     * destination is full or the child holds its weekday and slot otherwise.
     */
    Moved move(UUID enrollmentId, UUID destinationId, String actor, LocalDateTime now) {
        return transactions.execute(status -> {
            Enrollment found = find(enrollmentId).orElseThrow();
            List<UUID> seats = java.util.stream.Stream.of(found.offeringId(), destinationId)
                    .distinct()
                    .sorted()
                    .toList();
            jdbc.sql("select offering_id from enrollment.seat where offering_id in (:offerings) order by offering_id"
                            + " for update")
                    .param("offerings", seats)
                    .query(UUID.class)
                    .list();
            Enrollment current = find(enrollmentId).orElseThrow();
            StaffMoveRule.checkActive(current.status());
            record Target(UUID termId, String weekday, String slot) {}
            Target target = jdbc.sql("select term_id, weekday, slot from enrollment.seat where offering_id = :o")
                    .param("o", destinationId)
                    .query(RecordRows.of(Target.class))
                    .single();
            String slotKey = Enrollment.slotKey(DayOfWeek.valueOf(target.weekday()), Slot.valueOf(target.slot()));
            long held = jdbc.sql("""
                            select count(*) from enrollment.enrollment
                            where child_id = :child and id <> :source
                              and ((term_id = :term and active_slot = :slotKey) or active_offering_id = :offering)""")
                    .param("child", current.childId())
                    .param("source", current.id())
                    .param("term", target.termId())
                    .param("slotKey", slotKey)
                    .param("offering", destinationId)
                    .query(Long.class)
                    .single();
            StaffMoveRule.checkSlotFree(held);
            int claimed = jdbc.sql("""
                            update enrollment.seat set taken = taken + 1, claims = claims + 1
                            where offering_id = :offering and taken < capacity""").param("offering", destinationId).update();
            StaffMoveRule.checkSeat(claimed);
            Withdrawal left = release(current, "MOVED_OUT", actor, now);
            UUID id = Ids.next();
            try {
                jdbc.sql("""
                                insert into enrollment.enrollment (id, version, county_id, school_id, term_id, offering_id,
                                  child_id, guardian_id, account_id, weekday, slot, status, active_offering_id,
                                  active_slot, waitlist_ticket, consent_version, consented_at, requested_at, confirmed_at)
                                select :id, 0, s.county_id, s.school_id, s.term_id, s.offering_id, e.child_id,
                                  e.guardian_id, e.account_id, s.weekday, s.slot, 'CONFIRMED', s.offering_id, :slotKey,
                                  null, e.consent_version, e.consented_at, :now, :now
                                from enrollment.enrollment e join enrollment.seat s on s.offering_id = :offering
                                where e.id = :source""")
                        .param("id", id)
                        .param("offering", destinationId)
                        .param("slotKey", slotKey)
                        .param("now", now)
                        .param("source", current.id())
                        .update();
            } catch (DuplicateKeyException clash) {
                // a registration of the child made meanwhile took the slot; the whole move rolls back
                throw new org.kehou.platform.RuleViolation("move.slotTaken");
            }
            event(id, "MOVED_IN", actor, now);
            return new Moved(current, id, left.promoted());
        });
    }

    /**
     * Withdraws every active registration of a cancelled offering as {@code CANCELLED} (ENROL-3) and closes its
     * seat row (no seat, no place in line), under the seat row's lock: the waiting first, so that no freed seat
     * promotes anyone. A claim that reaches the offering afterwards finds it full.
     */
    List<Enrollment> cancelAll(UUID offeringId, String actor, LocalDateTime now) {
        return transactions.execute(status -> {
            List<UUID> locked = jdbc.sql("select offering_id from enrollment.seat where offering_id = :o for update")
                    .param("o", offeringId)
                    .query(UUID.class)
                    .list();
            if (locked.isEmpty()) {
                return List.<Enrollment>of();
            }
            List<Enrollment> active =
                    jdbc.sql("""
                            select id, county_id, school_id, term_id, offering_id, child_id, weekday, slot, status,
                              waitlist_ticket, offer_expires_at
                            from enrollment.enrollment
                            where offering_id = :o and status <> 'WITHDRAWN'
                            order by case status when 'WAITLISTED' then 0 else 1 end, waitlist_ticket, confirmed_at, id""").param("o", offeringId).query(Enrollment.class).list();
            active.forEach(e -> release(e, "CANCELLED", actor, now));
            jdbc.sql("update enrollment.seat set capacity = 0, waitlist_limit = 0 where offering_id = :o")
                    .param("o", offeringId)
                    .update();
            return active;
        });
    }

    private void seatChange(UUID offeringId, int taken, int waiting) {
        jdbc.sql("""
                        update enrollment.seat set taken = taken + :taken, waiting = waiting + :waiting
                        where offering_id = :offering""")
                .param("taken", taken)
                .param("waiting", waiting)
                .param("offering", offeringId)
                .update();
    }

    private void event(UUID enrollmentId, String action, String actor, LocalDateTime now) {
        jdbc.sql("""
                        insert into enrollment.enrollment_event (enrollment_id, seq, county_id, school_id, offering_id,
                          child_id, action, actor, occurred_at)
                        select e.id,
                          (select coalesce(max(v.seq), 0) + 1 from enrollment.enrollment_event v where v.enrollment_id = e.id),
                          e.county_id, e.school_id, e.offering_id, e.child_id, :action, :actor, :now
                        from enrollment.enrollment e where e.id = :id""")
                .param("id", enrollmentId)
                .param("action", action)
                .param("actor", actor)
                .param("now", now)
                .update();
    }

    /**
     * A claim to make.
     *
     * @param key the client's idempotency key; a second claim with it returns the first one's answer
     * @param fingerprint what the request asked for, so a key reused for another request is noticed
     */
    record Claim(
            UUID enrollmentId,
            UUID accountId,
            UUID guardianId,
            UUID childId,
            UUID offeringId,
            UUID termId,
            DayOfWeek weekday,
            Slot slot,
            String consentVersion,
            LocalDateTime now,
            String actor,
            String key,
            String fingerprint) {}

    /**
     * What a claim came to.
     *
     * @param replayed whether it is the answer first given to this idempotency key
     * @param fingerprint the fingerprint of the request that answer was given to
     */
    record Claimed(
            EnrollmentResult result,
            @Nullable UUID enrollmentId,
            @Nullable Integer position,
            boolean replayed,
            String fingerprint) {}

    /** A seat row's counts. */
    record SeatRow(UUID offeringId, int capacity, int taken, int waiting, int waitlistLimit) {}

    /**
     * What a move changed.
     *
     * @param source the registration left, as it was before
     * @param moved the registration it became
     * @param promoted the registration that took the seat it freed, if any
     */
    record Moved(Enrollment source, UUID moved, @Nullable UUID promoted) {}

    /**
     * What a withdrawal changed.
     *
     * @param changed false when it had been withdrawn before
     * @param promoted the registration that took the freed seat, or was offered it, if any
     * @param offered whether the freed seat was offered rather than given
     */
    record Withdrawal(
            Enrollment enrollment,
            boolean changed,
            @Nullable UUID promoted,
            boolean offered) {}
}
