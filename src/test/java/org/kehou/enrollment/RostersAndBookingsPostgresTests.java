package org.kehou.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kehou.catalog.CatalogManagement;
import org.kehou.catalog.Slot;
import org.kehou.enrollment.EnrollmentFixtures.Campus;
import org.kehou.enrollment.EnrollmentFixtures.Family;
import org.kehou.organization.OrganizationManagement;
import org.kehou.platform.AccountManagement;
import org.kehou.platform.Role;
import org.kehou.platform.RuleViolation;
import org.kehou.platform.UserScope;
import org.kehou.support.PostgresTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The migrations of moves and bookings and the atomic booking on PostgreSQL (ENROL-3, SCOPE-3): many guardians
 * booking a small opening at once get exactly its capacity, one child booking many times at once gets one booking,
 * and the place counter always equals the active bookings; a move and a cancellation run on the one-statement claim
 * path; the history tables refuse changes and unknown actions.
 */
@PostgresTest
@SpringBootTest(properties = "kehou.demo.enabled=false")
class RostersAndBookingsPostgresTests {

    @Autowired
    OpeningBookings bookings;

    @Autowired
    StaffMoves moves;

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
    Clock clock;

    EnrollmentFixtures fixtures;
    Campus campus;

    @BeforeEach
    void campus() {
        UUID county = jdbc.sql("select id from organization.county where code = '419831'")
                .query(UUID.class)
                .optional()
                .orElseGet(() -> {
                    UUID city = UUID.randomUUID();
                    jdbc.sql("insert into organization.city (id, version, code, name, name_en)"
                                    + " values (:id, 0, '419800', '测试市', 'Test')")
                            .param("id", city)
                            .update();
                    UUID id = UUID.randomUUID();
                    jdbc.sql("insert into organization.county (id, version, city_id, code, name, name_en, kind,"
                                    + " sort_order) values (:id, 0, :city, '419831', '测试区', 'Test', 'DISTRICT', 0)")
                            .param("id", id)
                            .param("city", city)
                            .update();
                    return id;
                });
        fixtures = new EnrollmentFixtures(organization, catalog, enrollment, accounts, clock);
        campus = fixtures.campus(
                new UserScope(UUID.randomUUID(), "县区", EnumSet.of(Role.COUNTY_ADMIN), county, null, null, null, null));
    }

    @Test
    void concurrentBookingsNeverOverbookASmallOpening() throws Exception {
        UUID opening = new BookingFixtures(organization, catalog).opening(campus, 3, 1);
        List<Family> families = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            families.add(fixtures.family(campus, 3, 1));
        }
        List<Callable<Boolean>> attempts = families.stream()
                .<Callable<Boolean>>map(f -> () -> booked(() -> bookings.book(f.guardian(), opening, f.child())))
                .toList();

        long succeeded = runTogether(attempts);

        assertThat(succeeded).isEqualTo(3);
        assertInvariants(opening, 3);
    }

    @Test
    void oneChildBookingManyTimesAtOnceGetsOneBooking() throws Exception {
        UUID opening = new BookingFixtures(organization, catalog).opening(campus, 30, 2);
        Family family = fixtures.family(campus, 3, 1);
        List<Callable<Boolean>> attempts = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            attempts.add(() -> booked(() -> bookings.book(family.guardian(), opening, family.child())));
        }

        assertThat(runTogether(attempts)).isEqualTo(1);
        assertInvariants(opening, 1);
        UUID booking = jdbc.sql("select id from enrollment.opening_booking where opening_id = :o")
                .param("o", opening)
                .query(UUID.class)
                .single();
        assertThat(bookings.cancel(family.guardian(), booking)).isTrue();
        assertThat(bookings.cancel(family.guardian(), booking)).isFalse();
        assertInvariants(opening, 0);
        assertThatThrownBy(() -> jdbc.sql("update enrollment.opening_booking_event set actor = 'x'")
                        .update())
                .hasMessageContaining("append-only");
    }

    @Test
    void aMoveAndACancellationRunOnTheOneStatementClaimPath() {
        UUID source = fixtures.offering(campus, DayOfWeek.MONDAY, Slot.SLOT_2, 1, 3);
        UUID destination = fixtures.offering(campus, DayOfWeek.TUESDAY, Slot.SLOT_2, 1, 3);
        fixtures.openWindowNow(campus, 5);
        Family moving = fixtures.family(campus, 3, 1);
        Family waiting = fixtures.family(campus, 3, 1);
        UUID registration = enroll(moving, source);
        UUID inLine = enroll(waiting, source);

        StaffMoves.MoveOutcome outcome = moves.move(campus.admin(), registration, destination, "调班");

        assertThat(outcome.promoted()).isEqualTo(inLine);
        Family late = fixtures.family(campus, 3, 1);
        assertThat(enroll(late, destination)).isNotNull();
        assertThat(jdbc.sql("select taken, waiting from enrollment.seat where offering_id = :o")
                        .param("o", destination)
                        .query((rs, n) -> List.of(rs.getInt(1), rs.getInt(2)))
                        .single())
                .containsExactly(1, 1);

        catalog.cancelOffering(campus.admin(), destination, "教师调动");

        assertThat(jdbc.sql(
                                "select count(*) from enrollment.enrollment where offering_id = :o and status <> 'WITHDRAWN'")
                        .param("o", destination)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select action from enrollment.enrollment_event where enrollment_id = :id order by seq")
                        .param("id", outcome.enrollmentId())
                        .query(String.class)
                        .list())
                .containsExactly("MOVED_IN", "CANCELLED");
        assertThatThrownBy(() -> jdbc.sql("""
                                insert into enrollment.enrollment_event (enrollment_id, seq, county_id, school_id,
                                  offering_id, child_id, action, actor, occurred_at)
                                select enrollment_id, 99, county_id, school_id, offering_id, child_id, 'BOGUS', actor,
                                  occurred_at
                                from enrollment.enrollment_event where enrollment_id = :id and seq = 1""").param("id", registration).update())
                .hasMessageContaining("enrollment_event_action_check");
    }

    private UUID enroll(Family family, UUID offering) {
        return enrollment
                .enroll(family.guardian(), fixtures.consenting(family.child(), offering), EnrollmentFixtures.key())
                .enrollmentId();
    }

    private static boolean booked(Runnable booking) {
        try {
            booking.run();
            return true;
        } catch (RuleViolation refused) {
            return false;
        }
    }

    private static long runTogether(List<Callable<Boolean>> attempts) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(attempts.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> results = new ArrayList<>();
            for (Callable<Boolean> attempt : attempts) {
                results.add(pool.submit(() -> {
                    start.await();
                    return attempt.call();
                }));
            }
            start.countDown();
            long succeeded = 0;
            for (Future<Boolean> result : results) {
                if (result.get()) {
                    succeeded++;
                }
            }
            return succeeded;
        } finally {
            pool.shutdownNow();
        }
    }

    private void assertInvariants(UUID opening, int expected) {
        assertThat(jdbc.sql("""
                        select s.taken = (select count(*) from enrollment.opening_booking b
                            where b.opening_id = s.opening_id and b.status = 'BOOKED')
                          and s.taken <= s.capacity
                        from enrollment.opening_seat s where s.opening_id = :o""").param("o", opening).query(Boolean.class).single())
                .isTrue();
        assertThat(jdbc.sql(
                                "select count(*) from enrollment.opening_booking where opening_id = :o and status = 'BOOKED'")
                        .param("o", opening)
                        .query(Long.class)
                        .single())
                .isEqualTo(expected);
        assertThat(jdbc.sql("""
                        select count(*) from enrollment.opening_booking b
                        where b.opening_id = :o and b.status = 'BOOKED'
                          and not exists (select 1 from enrollment.opening_booking_event e
                            where e.booking_id = b.id and e.action = 'BOOKED')""").param("o", opening).query(Long.class).single()).isZero();
    }
}
