package org.kehou.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kehou.catalog.CatalogManagement;
import org.kehou.catalog.Slot;
import org.kehou.enrollment.EnrollmentFixtures.Campus;
import org.kehou.enrollment.EnrollmentManagement.EnrollmentOutcome;
import org.kehou.organization.OrganizationManagement;
import org.kehou.platform.AccountManagement;
import org.kehou.platform.Role;
import org.kehou.platform.UserScope;
import org.kehou.support.PostgresTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * ENROL-4 on PostgreSQL: 2,000 guardians register 2,000 different children at the same moment for 20 offerings of
 * 1 to 50 seats, from 100 threads. Afterwards, checked in SQL: every offering has exactly min(capacity, demand)
 * seats taken and as many confirmed registrations, no child is in an offering twice, every confirmed answer has its
 * row, every other attempt was told it is in line or that the offering is full. A naive count-then-insert claim,
 * run through the same checks, oversells; a thousand concurrent replays of one idempotency key store one
 * registration; a child registering for twenty offerings at the same time of day at once gets exactly one.
 */
@PostgresTest
@SpringBootTest(properties = {"kehou.demo.enabled=false", "spring.datasource.hikari.maximum-pool-size=16"})
class EnrollmentRushPostgresTests {

    static final int OFFERINGS = 20;
    static final int CHILDREN = 2_000;
    static final int THREADS = 100;
    static final int WAITLIST = 20;
    static final int NAIVE_ROUNDS = 5;

    @Autowired
    EnrollmentManagement enrollment;

    @Autowired
    OrganizationManagement organization;

    @Autowired
    CatalogManagement catalog;

    @Autowired
    AccountManagement accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    Clock clock;

    EnrollmentFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new EnrollmentFixtures(organization, catalog, enrollment, accounts, clock);
    }

    /** One registration attempt and its answer. */
    record Attempt(
            UUID child, UUID guardian, UUID offering, EnrollmentResult result, UUID enrollmentId, Integer position) {}

    @Test
    void aRushSellsNoSeatTwiceAndNoChildTwiceAndKeepsEveryConfirmedRegistration() throws Exception {
        Rush rush = rush();
        List<Callable<Attempt>> attempts = new ArrayList<>();
        for (int i = 0; i < CHILDREN; i++) {
            UUID child = rush.children().get(i);
            UUID guardian = rush.guardians().get(i);
            UUID offering = rush.offeringOf().get(child);
            UserScope scope = guardianScope(guardian);
            attempts.add(() -> {
                EnrollmentOutcome outcome =
                        enrollment.enroll(scope, fixtures.consenting(child, offering), EnrollmentFixtures.key());
                return new Attempt(
                        child, guardian, offering, outcome.result(), outcome.enrollmentId(), outcome.position());
            });
        }

        List<Attempt> answers = atOnce(attempts);

        assertThat(violations(rush, answers)).isEmpty();
        for (int o = 0; o < OFFERINGS; o++) {
            UUID offering = rush.offerings().get(o);
            int capacity = rush.capacities().get(o);
            int demand = rush.demand().get(o);
            assertThat(waiting(offering)).isEqualTo(Math.min(WAITLIST, Math.max(0, demand - capacity)));
            List<Integer> positions = answers.stream()
                    .filter(a -> a.offering().equals(offering) && a.result() == EnrollmentResult.WAITLISTED)
                    .map(Attempt::position)
                    .sorted()
                    .toList();
            assertThat(positions).as("places in line are 1, 2, 3, ...").isEqualTo(range(positions.size()));
        }
    }

    @Test
    void aNaiveCountThenInsertClaimOversellsUnderTheSameRush() throws Exception {
        NaiveSeatClaim naive = new NaiveSeatClaim(jdbc, transactions);
        List<String> found = List.of();
        int round = 0;
        while (found.isEmpty() && round < NAIVE_ROUNDS) {
            round++;
            Rush rush = rush();
            List<Callable<Attempt>> attempts = new ArrayList<>();
            LocalDateTime now = LocalDateTime.now(clock);
            for (int i = 0; i < CHILDREN; i++) {
                UUID child = rush.children().get(i);
                UUID guardian = rush.guardians().get(i);
                UUID offering = rush.offeringOf().get(child);
                attempts.add(() -> new Attempt(
                        child, guardian, offering, naive.claim(child, guardian, offering, now), null, null));
            }
            found = violations(rush, atOnce(attempts));
        }
        assertThat(found)
                .as("the negative control oversold within %d rounds", NAIVE_ROUNDS)
                .anyMatch(v -> v.contains("oversold"));
    }

    @Test
    void aThousandConcurrentReplaysOfOneKeyStoreOneRegistration() throws Exception {
        Campus campus = fixtures.campus(countyAdmin());
        UUID offering = fixtures.offering(campus, DayOfWeek.THURSDAY, Slot.SLOT_2, 30, 3);
        fixtures.openWindowNow(campus, WAITLIST);
        var family = fixtures.family(campus, 3, 1);
        String key = EnrollmentFixtures.key();
        List<Callable<EnrollmentOutcome>> replays = Collections.nCopies(
                1_000, () -> enrollment.enroll(family.guardian(), fixtures.consenting(family.child(), offering), key));

        List<EnrollmentOutcome> answers = atOnce(replays);

        assertThat(jdbc.sql("select count(*) from enrollment.enrollment where child_id = :c")
                        .param("c", family.child())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(answers).extracting(EnrollmentOutcome::result).containsOnly(EnrollmentResult.CONFIRMED);
        assertThat(answers)
                .extracting(EnrollmentOutcome::enrollmentId)
                .containsOnly(answers.get(0).enrollmentId());
        assertThat(answers).filteredOn(a -> !a.replayed()).hasSize(1);
        assertThat(enrollment.seats(offering).taken()).isEqualTo(1);
    }

    @Test
    void aChildAskingForTwentyOfferingsAtTheSameTimeOfDayAtOnceGetsOne() throws Exception {
        Campus campus = fixtures.campus(countyAdmin());
        List<UUID> sameTime = new ArrayList<>();
        for (int i = 0; i < OFFERINGS; i++) {
            sameTime.add(fixtures.offering(campus, DayOfWeek.FRIDAY, Slot.SLOT_2, 5, 3));
        }
        fixtures.openWindowNow(campus, WAITLIST);
        var family = fixtures.family(campus, 3, 1);
        List<Callable<EnrollmentOutcome>> attempts = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            UUID offering = sameTime.get(i % OFFERINGS);
            attempts.add(() -> enrollment.enroll(
                    family.guardian(), fixtures.consenting(family.child(), offering), EnrollmentFixtures.key()));
        }

        List<EnrollmentOutcome> answers = atOnce(attempts);

        assertThat(answers).filteredOn(a -> a.result().stored()).hasSize(1);
        assertThat(answers)
                .extracting(EnrollmentOutcome::result)
                .containsOnly(
                        EnrollmentResult.CONFIRMED, EnrollmentResult.ALREADY_ENROLLED, EnrollmentResult.TIME_CONFLICT);
        assertThat(jdbc.sql("select coalesce(sum(taken), 0) from enrollment.seat where offering_id in (:o)")
                        .param("o", sameTime)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    /** The offerings, children and demand of one rush: offering o has 1 + 49·o/19 seats. */
    record Rush(
            List<UUID> offerings,
            List<Integer> capacities,
            List<Integer> demand,
            List<UUID> children,
            List<UUID> guardians,
            Map<UUID, UUID> offeringOf) {}

    /**
     * A school with 20 offerings of 1 to 50 seats, 2,000 children with a guardian each and an open window; the five
     * largest offerings are wanted by 25 children each (fewer than their seats), the others by 125.
     */
    private Rush rush() {
        Campus campus = fixtures.campus(countyAdmin());
        List<UUID> offerings = new ArrayList<>();
        List<Integer> capacities = new ArrayList<>();
        List<Integer> demand = new ArrayList<>();
        DayOfWeek[] days = {DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY};
        for (int o = 0; o < OFFERINGS; o++) {
            int capacity = 1 + 49 * o / (OFFERINGS - 1);
            offerings.add(fixtures.offering(
                    campus, days[o % days.length], o % 2 == 0 ? Slot.SLOT_1 : Slot.SLOT_2, capacity, 3));
            capacities.add(capacity);
            demand.add(o >= OFFERINGS - 5 ? 25 : 125);
        }
        fixtures.openWindowNow(campus, WAITLIST);
        List<UUID[]> people = children(campus, CHILDREN);
        List<UUID> children = new ArrayList<>();
        List<UUID> guardians = new ArrayList<>();
        Map<UUID, UUID> offeringOf = new HashMap<>();
        int next = 0;
        for (int o = 0; o < OFFERINGS; o++) {
            for (int d = 0; d < demand.get(o); d++) {
                UUID[] person = people.get(next++);
                children.add(person[0]);
                guardians.add(person[1]);
                offeringOf.put(person[0], offerings.get(o));
            }
        }
        assertThat(next).isEqualTo(CHILDREN);
        return new Rush(offerings, capacities, demand, children, guardians, offeringOf);
    }

    /** Children of the campus's grade-3 class with a guardian each, written in bulk. */
    private List<UUID[]> children(Campus campus, int count) {
        String batch = UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("""
                        insert into organization.student (id, version, county_id, school_id, class_id, name,
                          id_number_cipher, id_number_hash, id_number_masked, sex, birth_date, demo, created_at)
                        select gen_random_uuid(), 0, :county, :school, :class, :batch || '-' || lpad(g::text, 5, '0'),
                          'rush', md5(:batch || g::text) || md5(g::text || :batch), '410323********0000', 'FEMALE',
                          date '2017-03-01', true, now()
                        from generate_series(1, :count) g""")
                .param("county", campus.countyId())
                .param("school", campus.schoolId())
                .param("class", campus.classes().get(3))
                .param("batch", batch)
                .param("count", count)
                .update();
        jdbc.sql("""
                        insert into organization.guardian (id, version, name, mobile, demo, created_at)
                        select gen_random_uuid(), 0, :batch || '-' || lpad(g::text, 5, '0'),
                          '17' || lpad((abs(hashtext(:batch)) % 10000)::text, 4, '0') || lpad(g::text, 5, '0'), true, now()
                        from generate_series(1, :count) g""").param("batch", batch).param("count", count).update();
        jdbc.sql("""
                        insert into organization.student_guardian (student_id, guardian_id, relation, primary_contact)
                        select s.id, g.id, 'MOTHER', true
                        from organization.student s join organization.guardian g on g.name = s.name
                        where s.name like :batch || '-%'""").param("batch", batch).update();
        return jdbc.sql("""
                        select s.id as student, g.id as guardian from organization.student s
                        join organization.guardian g on g.name = s.name where s.name like :batch || '-%' order by s.name""")
                .param("batch", batch)
                .query((rs, n) -> new UUID[] {rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)})
                .list();
    }

    /**
     * What is wrong after a rush, checked in SQL: seats taken beyond the capacity or differing from the confirmed
     * rows or from min(capacity, demand), a child twice in an offering, a confirmed answer without its row, an
     * attempt told anything but confirmed, waitlisted or full.
     */
    private List<String> violations(Rush rush, List<Attempt> answers) {
        List<String> found = new ArrayList<>();
        for (int o = 0; o < OFFERINGS; o++) {
            UUID offering = rush.offerings().get(o);
            int capacity = rush.capacities().get(o);
            long confirmed =
                    jdbc.sql("""
                            select count(*) from enrollment.enrollment
                            where offering_id = :o and status = 'CONFIRMED'""").param("o", offering).query(Long.class).single();
            int taken = jdbc.sql("select taken from enrollment.seat where offering_id = :o")
                    .param("o", offering)
                    .query(Integer.class)
                    .single();
            int expected = Math.min(capacity, rush.demand().get(o));
            if (confirmed > capacity) {
                found.add("offering " + o + " oversold: " + confirmed + " confirmed for " + capacity + " seats");
            }
            if (confirmed != expected || taken != expected) {
                found.add("offering " + o + ": " + taken + " taken and " + confirmed + " confirmed, expected "
                        + expected);
            }
            long confirmedAnswers = answers.stream()
                    .filter(a -> a.offering().equals(offering) && a.result() == EnrollmentResult.CONFIRMED)
                    .count();
            if (confirmedAnswers != confirmed) {
                found.add("offering " + o + ": " + confirmedAnswers + " confirmed answers for " + confirmed + " rows");
            }
        }
        long twice =
                jdbc.sql("""
                        select count(*) from (select child_id, offering_id from enrollment.enrollment
                          where offering_id in (:o) and status <> 'WITHDRAWN' group by child_id, offering_id
                          having count(*) > 1) x""").param("o", rush.offerings()).query(Long.class).single();
        if (twice > 0) {
            found.add(twice + " children twice in an offering");
        }
        Set<UUID> confirmedRows = new HashSet<>(
                jdbc.sql("""
                        select id from enrollment.enrollment where offering_id in (:o) and status = 'CONFIRMED'""").param("o", rush.offerings()).query(UUID.class).list());
        for (Attempt a : answers) {
            if (a.result() == EnrollmentResult.CONFIRMED
                    && a.enrollmentId() != null
                    && !confirmedRows.contains(a.enrollmentId())) {
                found.add("confirmed answer without its row: " + a.enrollmentId());
            }
            if (!EnumSet.of(EnrollmentResult.CONFIRMED, EnrollmentResult.WAITLISTED, EnrollmentResult.FULL)
                    .contains(a.result())) {
                found.add("attempt answered " + a.result());
            }
        }
        return found;
    }

    private long waiting(UUID offering) {
        return jdbc.sql("select count(*) from enrollment.enrollment where offering_id = :o and status = 'WAITLISTED'")
                .param("o", offering)
                .query(Long.class)
                .single();
    }

    /** Runs the calls from a bounded pool of threads, all released at the same moment; returns their answers. */
    private static <T> List<T> atOnce(List<Callable<T>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch ready = new CountDownLatch(Math.min(THREADS, calls.size()));
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> call : calls) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    start.await();
                    return call.call();
                }));
            }
            assertThat(ready.await(60, TimeUnit.SECONDS)).isTrue();
            start.countDown();
            List<T> answers = new ArrayList<>();
            for (Future<T> f : futures) {
                answers.add(f.get(120, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<Integer> range(int n) {
        List<Integer> all = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            all.add(i);
        }
        return all;
    }

    private static UserScope guardianScope(UUID guardian) {
        return new UserScope(UUID.randomUUID(), "家长", EnumSet.of(Role.GUARDIAN), null, null, null, guardian, null);
    }

    private UserScope countyAdmin() {
        UUID county = jdbc.sql("select id from organization.county where code = '419941'")
                .query(UUID.class)
                .optional()
                .orElseGet(() -> {
                    UUID city = UUID.randomUUID();
                    jdbc.sql("insert into organization.city (id, version, code, name, name_en)"
                                    + " values (:id, 0, '419900', '测试市', 'Test')")
                            .param("id", city)
                            .update();
                    UUID id = UUID.randomUUID();
                    jdbc.sql("insert into organization.county (id, version, city_id, code, name, name_en, kind,"
                                    + " sort_order) values (:id, 0, :city, '419941', '抢报测试区', 'Test', 'DISTRICT', 0)")
                            .param("id", id)
                            .param("city", city)
                            .update();
                    return id;
                });
        return new UserScope(
                UUID.randomUUID(), "抢报测试区教育局", EnumSet.of(Role.COUNTY_ADMIN), county, null, null, null, null);
    }
}
