package org.kehou.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kehou.catalog.CatalogManagement;
import org.kehou.catalog.OfferingDirectory;
import org.kehou.catalog.ServicePlanning;
import org.kehou.catalog.Slot;
import org.kehou.enrollment.CareFixtures.Family;
import org.kehou.enrollment.Rosters;
import org.kehou.operations.OperationsFixtures.TestSchool;
import org.kehou.operations.Sessions.Integrity;
import org.kehou.operations.Sessions.RollCall;
import org.kehou.organization.OrganizationManagement;
import org.kehou.organization.OrganizationQueries;
import org.kehou.platform.AccountManagement;
import org.kehou.platform.AuditTrail;
import org.kehou.support.PostgresTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The session record on PostgreSQL (OPS-1, ADR 0013): the migrations run, a class of 45 is saved in one request as
 * one multi-row insert whose entries chain from the school's head, the triggers refuse to change or delete an
 * entry, and a row changed with the trigger disabled is found by the check.
 */
@PostgresTest
@SpringBootTest(properties = "kehou.demo.enabled=false")
class SessionsPostgresTests {

    static final java.util.concurrent.atomic.AtomicInteger COUNTIES = new java.util.concurrent.atomic.AtomicInteger();

    @Autowired
    OfferingDirectory offerings;

    @Autowired
    Rosters rosters;

    @Autowired
    PickupSchedule schedule;

    @Autowired
    OrganizationManagement organization;

    @Autowired
    OrganizationQueries queries;

    @Autowired
    AccountManagement accounts;

    @Autowired
    ServicePlanning planning;

    @Autowired
    CatalogManagement catalog;

    @Autowired
    AuditTrail audit;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Test
    void savesAClassOf45AtOnceGuardsItAndFindsTampering() {
        TestSchool school =
                new OperationsFixtures(organization, queries, accounts, planning, catalog, clock).school(county());
        SessionFixtures fixtures = new SessionFixtures(catalog, jdbc);
        UUID offering = fixtures.offering(school, Slot.SLOT_2);
        List<Family> children = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            children.add(school.family("库点名" + i));
        }
        fixtures.register(offering, children.toArray(Family[]::new));
        Sessions sessions = SessionFixtures.sessions(
                school.day().atTime(17, 5), offerings, rosters, schedule, queries, jdbc, audit, transactions);
        Map<UUID, AttendanceMark> marks = new HashMap<>();
        marks.put(children.get(0).student(), AttendanceMark.LATE);
        marks.put(children.get(1).student(), AttendanceMark.ABSENT);

        var saved = sessions.recordRollCall(school.teacher(), offering, school.day(), new RollCall(marks, null));

        assertThat(saved.added()).isEqualTo(45);
        assertThat(jdbc.sql("select count(*), min(chain_no), max(chain_no) from operations.session_entry"
                                + " where school_id = :s")
                        .param("s", school.id())
                        .query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
                        .single())
                .containsExactly(45L, 1L, 45L);
        // the save's audit entry, sent with its entries in one round trip (ADR 0023), is kept with them
        assertThat(audit.historyOf(Sessions.sessionId(offering, school.day())))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.action()).isEqualTo("session.rollCall.recorded");
                    assertThat(e.afterState())
                            .contains("\"entries\":\"45\"", "\"firstChainNo\":\"1\"", "ABSENT=1", "LATE=1")
                            .contains("\"reason\":null");
                });
        assertThat(sessions.recordRollCall(school.teacher(), offering, school.day(), new RollCall(marks, null))
                        .added())
                .isZero();
        assertThat(audit.historyOf(Sessions.sessionId(offering, school.day()))).hasSize(1);
        assertThat(sessions.verify(school.admin(), school.id()).intact()).isTrue();

        assertThatThrownBy(() -> jdbc.sql("update operations.session_entry set mark = 'PRESENT' where school_id = :s")
                        .param("s", school.id())
                        .update())
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from operations.session_entry where school_id = :s")
                        .param("s", school.id())
                        .update())
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("append-only");

        jdbc.sql("alter table operations.session_entry disable trigger session_entry_append_only")
                .update();
        try {
            jdbc.sql("update operations.session_entry set mark = 'PRESENT' where school_id = :s and mark = 'ABSENT'")
                    .param("s", school.id())
                    .update();
        } finally {
            jdbc.sql("alter table operations.session_entry enable trigger session_entry_append_only")
                    .update();
        }
        long changed = jdbc.sql(
                        "select chain_no from operations.session_entry where school_id = :s and student_id = :c")
                .param("s", school.id())
                .param("c", children.get(1).student())
                .query(Long.class)
                .single();

        Integrity integrity = sessions.verify(school.admin(), school.id());

        assertThat(integrity.intact()).isFalse();
        assertThat(integrity.brokenAt()).isEqualTo(changed);
        assertThat(integrity.problem()).isEqualTo("session.chain.content");
    }

    /**
     * ADR 0025: on PostgreSQL a save reads the roster, its children and the leave reported for them in the round trip
     * that holds the school's chain: the confirmed children of the school only, leave for the whole day or the
     * session's slot already marked, none for another slot.
     */
    @Test
    void aSaveReadsTheRosterItsChildrenAndTheirLeaveWithTheHold() {
        OperationsFixtures setup = new OperationsFixtures(organization, queries, accounts, planning, catalog, clock);
        TestSchool school = setup.school(county());
        TestSchool elsewhere = setup.school(county());
        SessionFixtures fixtures = new SessionFixtures(catalog, jdbc);
        UUID offering = fixtures.offering(school, Slot.SLOT_2);
        Family sick = school.family("库请假甲");
        Family dentist = school.family("库请假乙");
        Family present = school.family("库请假丙");
        Family unregistered = school.family("库未报名");
        Family otherSchool = elsewhere.family("库外校");
        fixtures.register(offering, sick, dentist, present, otherSchool);
        Leaves dayBefore =
                SessionFixtures.leaves(school.day().minusDays(1).atTime(20, 0), queries, jdbc, audit, transactions);
        dayBefore.report(sick.scope(), sick.student(), new Leaves.NewLeave(school.day(), null, "发烧"));
        dayBefore.report(dentist.scope(), dentist.student(), new Leaves.NewLeave(school.day(), Slot.SLOT_1, "看牙"));
        Sessions sessions = SessionFixtures.sessions(
                school.day().atTime(17, 5), offerings, rosters, schedule, queries, jdbc, audit, transactions);

        var saved = sessions.recordRollCall(school.teacher(), offering, school.day(), new RollCall(Map.of(), null));

        Map<UUID, String> marks = new HashMap<>();
        saved.sheet().children().forEach(c -> marks.put(c.studentId(), c.mark()));
        assertThat(marks)
                .as("the school's confirmed children, not its unregistered one nor another school's")
                .containsOnlyKeys(sick.student(), dentist.student(), present.student())
                .doesNotContainKeys(unregistered.student(), otherSchool.student());
        assertThat(marks).containsEntry(sick.student(), "LEAVE");
        assertThat(marks).as("leave for slot 1 only").containsEntry(dentist.student(), "PRESENT");
        assertThat(marks).containsEntry(present.student(), "PRESENT");
        assertThat(saved.added()).isEqualTo(3);
    }

    /**
     * ADR 0013, 0020: saves of one session at the same time see each other's entries, since each reads them only
     * once it holds the school's chain head: the same roll call sent eight times at once adds each child once, and
     * the school's chain stays whole.
     */
    @Test
    void simultaneousSavesOfASessionAddEachChildOnce() throws Exception {
        TestSchool school =
                new OperationsFixtures(organization, queries, accounts, planning, catalog, clock).school(county());
        SessionFixtures fixtures = new SessionFixtures(catalog, jdbc);
        UUID offering = fixtures.offering(school, Slot.SLOT_1);
        List<Family> children = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            children.add(school.family("同时点名" + i));
        }
        fixtures.register(offering, children.toArray(Family[]::new));
        Sessions sessions = SessionFixtures.sessions(
                school.day().atTime(16, 5), offerings, rosters, schedule, queries, jdbc, audit, transactions);
        RollCall call = new RollCall(Map.of(children.get(3).student(), AttendanceMark.LATE), null);
        assertThat(eightAtOnce(() -> sessions.recordRollCall(school.teacher(), offering, school.day(), call)
                        .added()))
                .isEqualTo(20);
        assertThat(jdbc.sql("select count(*), count(distinct student_id), max(entry_no) from operations.session_entry"
                                + " where offering_id = :o")
                        .param("o", offering)
                        .query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
                        .single())
                .containsExactly(20L, 20L, 1L);
        assertThat(sessions.verify(school.admin(), school.id()).intact()).isTrue();
    }

    /**
     * Once the school's chain has a head, a save locks it and reads the session's entries in one round trip (ADR
     * 0020): eight simultaneous saves of the same change after a first save still add it once, each read seeing the
     * entries the save before it committed.
     */
    @Test
    void simultaneousSavesOnAnExistingChainAddTheChangeOnce() throws Exception {
        TestSchool school =
                new OperationsFixtures(organization, queries, accounts, planning, catalog, clock).school(county());
        SessionFixtures fixtures = new SessionFixtures(catalog, jdbc);
        UUID offering = fixtures.offering(school, Slot.SLOT_1);
        List<Family> children = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            children.add(school.family("再次点名" + i));
        }
        fixtures.register(offering, children.toArray(Family[]::new));
        Sessions sessions = SessionFixtures.sessions(
                school.day().atTime(16, 5), offerings, rosters, schedule, queries, jdbc, audit, transactions);
        assertThat(sessions.recordRollCall(school.teacher(), offering, school.day(), new RollCall(Map.of(), null))
                        .added())
                .isEqualTo(12);
        UUID late = children.get(5).student();
        RollCall call = new RollCall(Map.of(late, AttendanceMark.LATE), null);
        assertThat(eightAtOnce(() -> sessions.recordRollCall(school.teacher(), offering, school.day(), call)
                        .added()))
                .isEqualTo(1);
        assertThat(jdbc.sql("select count(*), max(entry_no) from operations.session_entry"
                                + " where offering_id = :o and student_id = :s")
                        .param("o", offering)
                        .param("s", late)
                        .query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2)))
                        .single())
                .containsExactly(2L, 2L);
        assertThat(sessions.rollCall(school.teacher(), offering, school.day()).counts())
                .containsEntry("LATE", 1L)
                .containsEntry("PRESENT", 11L);
        assertThat(sessions.verify(school.admin(), school.id()).intact()).isTrue();
    }

    /** Runs the save on eight threads released at the same moment; the entries they added together. */
    private static int eightAtOnce(java.util.concurrent.Callable<Integer> save) throws Exception {
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<Integer>> saves = new ArrayList<>();
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 8; i++) {
                saves.add(pool.submit(() -> {
                    start.await();
                    return save.call();
                }));
            }
            start.countDown();
            int added = 0;
            for (var s : saves) {
                added += s.get(60, java.util.concurrent.TimeUnit.SECONDS);
            }
            return added;
        }
    }

    /** A county of its own in a city made for the test, since the postgres profile has no demo city. */
    private UUID county() {
        UUID city = jdbc.sql("select id from organization.city")
                .query(UUID.class)
                .optional()
                .orElseGet(() -> {
                    UUID id = UUID.randomUUID();
                    jdbc.sql("insert into organization.city (id, version, code, name, name_en)"
                                    + " values (:id, 0, '419900', '测试市', 'Test')")
                            .param("id", id)
                            .update();
                    return id;
                });
        UUID county = UUID.randomUUID();
        jdbc.sql("insert into organization.county (id, version, city_id, code, name, name_en, kind, sort_order)"
                        + " values (:id, 0, :city, :code, '测试区', 'Test', 'DISTRICT', 0)")
                .param("id", county)
                .param("city", city)
                .param("code", String.valueOf(419_600 + COUNTIES.incrementAndGet()))
                .update();
        return county;
    }
}
