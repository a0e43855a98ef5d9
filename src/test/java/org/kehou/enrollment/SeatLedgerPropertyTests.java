package org.kehou.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.flywaydb.core.Flyway;
import org.kehou.enrollment.LedgerScenario.Offering;
import org.kehou.enrollment.LedgerScenario.Step;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Waiting-list invariants (ENROL-2, ENROL-4) for any sequence of registrations and withdrawals on a few small
 * offerings, on the embedded database with the module's own migrations: never more confirmed than capacity,
 * places in line strictly ordered, the first waiting child is the one promoted, no child twice; and, when freed seats
 * are offered with an expiry, an offer holding exactly one seat and the first in line offered it.
 */
class SeatLedgerPropertyTests {

    static JdbcClient jdbc;
    static SeatLedger ledger;
    static TransactionTemplate transactions;

    @BeforeContainer
    static void database() {
        DataSource dataSource = new SimpleDriverDataSource(
                new org.h2.Driver(),
                "jdbc:h2:mem:seat-ledger-properties;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                        + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                "sa",
                "");
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/enrollment")
                .schemas("enrollment")
                .table("flyway_schema_history_enrollment")
                .load()
                .migrate();
        jdbc = JdbcClient.create(dataSource);
        transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        ledger = new SeatLedger(jdbc, transactions, false, new ClaimGate(4));
    }

    /** A claim waits at the gate while it is full and goes on once a place frees (ENROL-4, ClaimGate). */
    @Example
    void aClaimWaitsItsTurnAtTheGate() throws Exception {
        ClaimGate gate = new ClaimGate(1);
        SeatLedger gated = new SeatLedger(jdbc, transactions, false, gate);
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = Thread.ofVirtual()
                .start(() -> gate.through(() -> {
                    inside.countDown();
                    try {
                        return release.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        return false;
                    }
                }));
        assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();

        FutureTask<Void> claim = new FutureTask<>(
                () -> new LedgerScenario(gated, jdbc, List.of(new Offering(1, 1, 0)), 1)
                        .run(List.of(new Step(true, 0, 0))),
                null);
        Thread.ofVirtual().start(claim);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (gate.waiting() == 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }

        assertThat(gate.waiting()).as("the claim waits at the gate").isEqualTo(1);
        assertThat(claim.isDone()).isFalse();
        release.countDown();
        holder.join();
        // and goes on once the gate has room, to the scenario's checked answer (a failure would be thrown here)
        claim.get(10, TimeUnit.SECONDS);
    }

    @Property(tries = 200)
    void theWaitingListKeepsItsInvariants(
            @ForAll("offerings") List<Offering> offerings, @ForAll("steps") List<Step> steps) {
        new LedgerScenario(ledger, jdbc, offerings, 8)
                .run(steps.stream().filter(s -> s.offering() < offerings.size()).toList());
    }

    /** The same invariants hold when freed seats are offered with an expiry (ENROL-2, ADR 0017). */
    @Property(tries = 200)
    void offersKeepTheInvariants(
            @ForAll("offerings") List<Offering> offerings,
            @ForAll("offerSteps") List<OfferScenario.Step> steps,
            @ForAll @net.jqwik.api.constraints.IntRange(min = 1, max = 72) int hours) {
        new OfferScenario(ledger, jdbc, offerings, 8, hours)
                .run(steps.stream().filter(s -> s.offering() < offerings.size()).toList());
    }

    @Provide
    Arbitrary<List<OfferScenario.Step>> offerSteps() {
        Arbitrary<OfferScenario.Act> act = Arbitraries.frequency(
                net.jqwik.api.Tuple.of(4, OfferScenario.Act.ENROL),
                net.jqwik.api.Tuple.of(2, OfferScenario.Act.WITHDRAW),
                net.jqwik.api.Tuple.of(2, OfferScenario.Act.ACCEPT),
                net.jqwik.api.Tuple.of(1, OfferScenario.Act.DECLINE),
                net.jqwik.api.Tuple.of(1, OfferScenario.Act.HOURS_PASS));
        Arbitrary<OfferScenario.Step> step = Combinators.combine(
                        act,
                        Arbitraries.integers().between(0, 7),
                        Arbitraries.integers().between(0, 2))
                .as((a, child, offering) ->
                        new OfferScenario.Step(a, a == OfferScenario.Act.HOURS_PASS ? child * 12 : child, offering));
        return step.list().ofMinSize(1).ofMaxSize(60);
    }

    @Provide
    Arbitrary<List<Offering>> offerings() {
        return Combinators.combine(
                        Arbitraries.integers().between(0, 2),
                        Arbitraries.integers().between(1, 4),
                        Arbitraries.integers().between(0, 4))
                .as(Offering::new)
                .list()
                .ofMinSize(1)
                .ofMaxSize(3);
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Step> step = Combinators.combine(
                        Arbitraries.frequency(net.jqwik.api.Tuple.of(3, true), net.jqwik.api.Tuple.of(1, false)),
                        Arbitraries.integers().between(0, 7),
                        Arbitraries.integers().between(0, 2))
                .as(Step::new);
        return step.list().ofMinSize(1).ofMaxSize(60);
    }
}
