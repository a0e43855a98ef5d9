package org.kehou.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kehou.catalog.CatalogManagement;
import org.kehou.catalog.OfferingDirectory;
import org.kehou.catalog.ServicePlanning;
import org.kehou.catalog.Slot;
import org.kehou.enrollment.CareFixtures.Family;
import org.kehou.enrollment.Rosters;
import org.kehou.operations.HomeworkRates.Rates;
import org.kehou.operations.HomeworkRates.StageRate;
import org.kehou.operations.Leaves.NewLeave;
import org.kehou.operations.OperationsFixtures.TestSchool;
import org.kehou.operations.Sessions.ChildLine;
import org.kehou.operations.Sessions.HomeworkRecord;
import org.kehou.operations.Sessions.Integrity;
import org.kehou.operations.Sessions.RollCall;
import org.kehou.operations.Sessions.Saved;
import org.kehou.operations.Sessions.SessionSheet;
import org.kehou.organization.OrganizationManagement;
import org.kehou.organization.OrganizationQueries;
import org.kehou.organization.Stage;
import org.kehou.platform.AccountManagement;
import org.kehou.platform.AuditTrail;
import org.kehou.platform.NotFoundException;
import org.kehou.platform.RuleViolation;
import org.kehou.platform.UserScope;
import org.kehou.support.DemoFixtures;
import org.kehou.support.KehouTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Roll call and homework completion of sessions (OPS-1, CONTENT-5) with the organization, catalog and registration
 * they read, at fixed times on the session's day and after it: the registered children present by default, one save
 * for the whole session, leave reported beforehand already marked, a save on the day superseding the earlier one
 * and a correction after the day needing a reason, the history kept, the record append-only and tampering found;
 * homework rates per class, grade and stage.
 */
@KehouTest
class SessionsIntegrationTests {

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
    HomeworkRates rates;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Autowired
    DemoFixtures demo;

    TestSchool school;
    SessionFixtures sessionFixtures;
    UUID offering;
    Family first;
    Family second;
    Family third;
    Sessions onTheDay;

    @BeforeEach
    void session() {
        school = new OperationsFixtures(organization, queries, accounts, planning, catalog, clock)
                .school(demo.county("410305"));
        sessionFixtures = new SessionFixtures(catalog, jdbc);
        offering = sessionFixtures.offering(school, Slot.SLOT_2);
        first = school.family("点名甲");
        second = school.family("点名乙");
        third = school.otherFamily("点名丙");
        sessionFixtures.register(offering, first, second, third);
        onTheDay = at(school.day().atTime(17, 10));
    }

    @Test
    void listsTheRegisteredChildrenPresentAndSavesTheWholeSessionAtOnce() {
        SessionSheet sheet = onTheDay.rollCall(school.teacher(), offering, school.day());
        assertThat(sheet.children()).extracting(ChildLine::name).containsExactlyInAnyOrder("点名甲", "点名乙", "点名丙");
        assertThat(sheet.children()).allSatisfy(c -> {
            assertThat(c.mark()).isEqualTo("PRESENT");
            assertThat(c.recorded()).isFalse();
        });

        Saved saved = onTheDay.recordRollCall(
                school.teacher(),
                offering,
                school.day(),
                new RollCall(
                        Map.of(first.student(), AttendanceMark.LATE, third.student(), AttendanceMark.ABSENT), null));

        assertThat(saved.added()).isEqualTo(3);
        assertThat(marks(saved.sheet()))
                .containsEntry(first.student(), "LATE")
                .containsEntry(second.student(), "PRESENT")
                .containsEntry(third.student(), "ABSENT");
        assertThat(entries()).isEqualTo(3);
        assertThat(audit.historyOf(Sessions.sessionId(offering, school.day()))).hasSize(1);
    }

    @Test
    void savingTheSameMarksAgainChangesNothing() {
        RollCall call = new RollCall(Map.of(first.student(), AttendanceMark.LATE), null);
        onTheDay.recordRollCall(school.teacher(), offering, school.day(), call);

        Saved again = onTheDay.recordRollCall(school.teacher(), offering, school.day(), call);

        assertThat(again.added()).isZero();
        assertThat(entries()).isEqualTo(3);
    }

    @Test
    void aSaveOnTheDaySupersedesTheEarlierOneAndKeepsItsHistory() {
        onTheDay.recordRollCall(
                school.teacher(),
                offering,
                school.day(),
                new RollCall(Map.of(first.student(), AttendanceMark.ABSENT), null));

        Saved later = at(school.day().atTime(17, 25))
                .recordRollCall(
                        school.teacher(),
                        offering,
                        school.day(),
                        new RollCall(Map.of(first.student(), AttendanceMark.LATE), null));

        assertThat(later.added()).isEqualTo(1);
        ChildLine child = line(later.sheet(), first.student());
        assertThat(child.mark()).isEqualTo("LATE");
        assertThat(child.entries()).extracting(Sessions.EntryLine::mark).containsExactly("ABSENT", "LATE");
        assertThat(child.entries()).extracting(Sessions.EntryLine::entryNo).containsExactly(1, 2);
    }

    @Test
    void aCorrectionAfterTheDayNeedsAReasonAndIsANewEntry() {
        onTheDay.recordRollCall(
                school.teacher(),
                offering,
                school.day(),
                new RollCall(Map.of(first.student(), AttendanceMark.ABSENT), null));
        Sessions nextWeek = at(school.day().plusDays(7).atTime(9, 0));
        RollCall correction = new RollCall(Map.of(first.student(), AttendanceMark.LEAVE), null);

        assertThatThrownBy(() -> nextWeek.recordRollCall(school.teacher(), offering, school.day(), correction))
                .isInstanceOfSatisfying(
                        RuleViolation.class, e -> assertThat(e.messageKey()).isEqualTo("session.reason.required"));
        assertThat(entries()).isEqualTo(3);

        Saved corrected = nextWeek.recordRollCall(
                school.teacher(),
                offering,
                school.day(),
                new RollCall(Map.of(first.student(), AttendanceMark.LEAVE), "家长补交了病假条"));

        assertThat(corrected.added()).isEqualTo(1);
        assertThat(corrected.sheet().correction()).isTrue();
        ChildLine child = line(corrected.sheet(), first.student());
        assertThat(child.entries()).extracting(Sessions.EntryLine::mark).containsExactly("ABSENT", "LEAVE");
        assertThat(child.entries().getLast().reason()).isEqualTo("家长补交了病假条");
    }

    @Test
    void leaveReportedBeforehandIsAlreadyMarkedAsExcusedLeave() {
        Leaves dayBefore =
                SessionFixtures.leaves(school.day().minusDays(1).atTime(20, 0), queries, jdbc, audit, transactions);
        dayBefore.report(first.scope(), first.student(), new NewLeave(school.day(), null, "发烧"));
        dayBefore.report(second.scope(), second.student(), new NewLeave(school.day(), Slot.SLOT_1, "看牙"));

        SessionSheet sheet = onTheDay.rollCall(school.teacher(), offering, school.day());

        assertThat(line(sheet, first.student()).mark()).isEqualTo("LEAVE");
        assertThat(line(sheet, first.student()).leaveReason()).isEqualTo("发烧");
        assertThat(line(sheet, second.student()).mark())
                .as("leave for slot 1 only")
                .isEqualTo("PRESENT");
        Saved saved = onTheDay.recordRollCall(school.teacher(), offering, school.day(), new RollCall(Map.of(), null));
        assertThat(marks(saved.sheet())).containsEntry(first.student(), "LEAVE");
        assertThat(dayBefore.ofSchool(school.admin(), school.id(), school.day()))
                .extracting(l -> l.child().name())
                .containsExactlyInAnyOrder("点名甲", "点名乙");
    }

    @Test
    void leaveIsReportedOnlyBeforehandAndOnlyForTheGuardiansOwnChild() {
        Leaves sameDay = SessionFixtures.leaves(school.day().atTime(7, 0), queries, jdbc, audit, transactions);

        assertThatThrownBy(() -> sameDay.report(first.scope(), first.student(), new NewLeave(school.day(), null, "病")))
                .isInstanceOfSatisfying(
                        RuleViolation.class, e -> assertThat(e.messageKey()).isEqualTo("leave.date.notAhead"));
        assertThatThrownBy(() -> sameDay.report(
                        first.scope(),
                        second.student(),
                        new NewLeave(school.day().plusDays(1), null, "病")))
                .isInstanceOf(NotFoundException.class);
        assertThat(jdbc.sql("select count(*) from operations.leave_notice where school_id = :s")
                        .param("s", school.id())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aSessionIsNotFoundForWhoeverDoesNotServeIt() {
        RollCall call = new RollCall(Map.of(), null);
        assertThatThrownBy(() -> onTheDay.rollCall(school.otherTeacher(), offering, school.day()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> onTheDay.recordRollCall(school.otherTeacher(), offering, school.day(), call))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> onTheDay.recordRollCall(demo.scope("LL-PS-ADMIN"), offering, school.day(), call))
                .isInstanceOf(NotFoundException.class);
        assertThat(onTheDay.recordRollCall(school.admin(), offering, school.day(), call)
                        .added())
                .as("the school's admin may")
                .isEqualTo(3);
    }

    @Test
    void refusesADayThatIsNoSessionADayToComeAndAChildNotRegistered() {
        RollCall call = new RollCall(Map.of(), null);
        assertThatThrownBy(() -> onTheDay.recordRollCall(
                        school.teacher(), offering, school.day().plusDays(1), call))
                .isInstanceOfSatisfying(
                        RuleViolation.class, e -> assertThat(e.messageKey()).isEqualTo("session.day.none"));
        assertThatThrownBy(() -> onTheDay.recordRollCall(
                        school.teacher(), offering, school.day().plusDays(7), call))
                .isInstanceOfSatisfying(
                        RuleViolation.class, e -> assertThat(e.messageKey()).isEqualTo("session.date.future"));
        Family stranger = school.family("点名外人");
        assertThatThrownBy(() -> onTheDay.recordRollCall(
                        school.teacher(),
                        offering,
                        school.day(),
                        new RollCall(Map.of(stranger.student(), AttendanceMark.ABSENT), null)))
                .isInstanceOfSatisfying(
                        RuleViolation.class, e -> assertThat(e.messageKey()).isEqualTo("session.child.notRegistered"));
        assertThat(entries()).isZero();
    }

    @Test
    void entriesCannotBeChangedOrRemoved() {
        onTheDay.recordRollCall(school.teacher(), offering, school.day(), new RollCall(Map.of(), null));
        UUID id = anEntry();

        assertThatThrownBy(() -> jdbc.sql("update operations.session_entry set mark = 'ABSENT' where id = :id")
                        .param("id", id)
                        .update())
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from operations.session_entry where id = :id")
                        .param("id", id)
                        .update())
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("append-only");
    }

    @Test
    void findsARowChangedBehindTheGuardsBack() {
        onTheDay.recordRollCall(school.teacher(), offering, school.day(), new RollCall(Map.of(), null));
        assertThat(onTheDay.verify(school.admin(), school.id()).intact()).isTrue();
        long second = jdbc.sql("select chain_no from operations.session_entry where school_id = :s and chain_no = 2")
                .param("s", school.id())
                .query(Long.class)
                .single();

        jdbc.sql("drop trigger operations.session_entry_append_only").update();
        try {
            jdbc.sql("update operations.session_entry set mark = 'ABSENT' where school_id = :s and chain_no = 2")
                    .param("s", school.id())
                    .update();
        } finally {
            jdbc.sql(
                            "create trigger operations.session_entry_append_only before update, delete on"
                                    + " operations.session_entry for each row call 'org.kehou.platform.internal.AppendOnlyTrigger'")
                    .update();
        }

        Integrity integrity = onTheDay.verify(school.admin(), school.id());
        assertThat(integrity.intact()).isFalse();
        assertThat(integrity.brokenAt()).isEqualTo(second);
        assertThat(integrity.problem()).isEqualTo("session.chain.content");
    }

    @Test
    void findsARowSlippedIn() {
        onTheDay.recordRollCall(school.teacher(), offering, school.day(), new RollCall(Map.of(), null));
        jdbc.sql("""
                        insert into operations.session_entry (id, county_id, school_id, chain_no, kind, offering_id,
                          on_date, student_id, class_id, grade_level, entry_no, mark, reason, recorded_at, recorded_by,
                          recorded_by_name, previous_hash, entry_hash)
                        select :id, county_id, school_id, 4, kind, offering_id, on_date, student_id, class_id,
                          grade_level, 2, 'ABSENT', null, recorded_at, recorded_by, recorded_by_name, entry_hash,
                          entry_hash
                        from operations.session_entry where school_id = :s and chain_no = 3""").param("id", UUID.randomUUID()).param("s", school.id()).update();

        Integrity integrity = onTheDay.verify(school.admin(), school.id());

        assertThat(integrity.intact()).isFalse();
        assertThat(integrity.brokenAt()).isEqualTo(4L);
        assertThat(integrity.entries()).isEqualTo(4);
        assertThatThrownBy(() -> onTheDay.verify(school.teacher(), school.id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void recordsHomeworkOfTheChildrenWhoCameAndReportsRatesByClassGradeAndStage() {
        UUID slotOne = sessionFixtures.offering(school, Slot.SLOT_1);
        sessionFixtures.register(slotOne, first, second, third);
        Sessions atFive = at(school.day().atTime(LocalTime.of(17, 0)));
        atFive.recordRollCall(
                school.teacher(),
                slotOne,
                school.day(),
                new RollCall(Map.of(third.student(), AttendanceMark.ABSENT), null));

        SessionSheet sheet = atFive.homework(school.teacher(), slotOne, school.day());
        assertThat(sheet.children())
                .extracting(ChildLine::studentId)
                .containsExactlyInAnyOrder(first.student(), second.student());
        Saved saved = atFive.recordHomework(
                school.teacher(),
                slotOne,
                school.day(),
                new HomeworkRecord(Map.of(second.student(), HomeworkMark.NOT_DONE), null));
        assertThat(saved.added()).isEqualTo(2);
        assertThatThrownBy(() -> atFive.homework(school.teacher(), offering, school.day()))
                .isInstanceOfSatisfying(
                        RuleViolation.class, e -> assertThat(e.messageKey()).isEqualTo("homework.slot.notSlotOne"));

        Rates found = rates.of(school.admin(), school.id(), school.day().minusDays(7), school.day());

        assertThat(found.classes()).singleElement().satisfies(c -> {
            assertThat(c.classId()).isEqualTo(school.schoolClass());
            assertThat(c.rate().done()).isEqualTo(1);
            assertThat(c.rate().notDone()).isEqualTo(1);
            assertThat(c.rate().donePercent()).isEqualTo(50.0);
        });
        assertThat(found.grades())
                .singleElement()
                .satisfies(g -> assertThat(g.gradeLevel()).isEqualTo(2));
        // a primary school has no junior-middle row to show
        assertThat(found.stages()).singleElement().satisfies(s -> {
            assertThat(s.stage()).isEqualTo(Stage.PRIMARY);
            assertThat(s.rate().total()).isEqualTo(2);
        });
        assertThat(rates.of(
                                school.admin(),
                                school.id(),
                                school.day().plusDays(1),
                                school.day().plusDays(8))
                        .classes())
                .isEmpty();
        assertThatThrownBy(() -> rates.of(
                        school.admin(), school.id(), school.day(), school.day().minusDays(1)))
                .isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> rates.of(school.teacher(), school.id(), school.day(), school.day()))
                .isInstanceOf(NotFoundException.class);
    }

    /** A school's rates list the stages it has: junior middle alone for a junior middle school, both for a nine-year. */
    @Test
    void listsOnlyTheStagesTheSchoolHas() {
        LocalDate day = LocalDate.now(clock);
        assertThat(stagesOf("JX-JM", day)).containsExactly(Stage.JUNIOR_MIDDLE);
        assertThat(stagesOf("JX-NY", day)).containsExactly(Stage.PRIMARY, Stage.JUNIOR_MIDDLE);
        assertThat(stagesOf("JX-PS", day)).containsExactly(Stage.PRIMARY);
    }

    private java.util.List<Stage> stagesOf(String schoolCode, LocalDate day) {
        UUID schoolId = demo.school(schoolCode);
        UserScope admin = new UserScope(
                UUID.randomUUID(),
                "test",
                java.util.EnumSet.of(org.kehou.platform.Role.SCHOOL_ADMIN),
                demo.county("410305"),
                schoolId,
                null,
                null,
                null);
        return rates.of(admin, schoolId, day, day).stages().stream()
                .map(StageRate::stage)
                .toList();
    }

    private Sessions at(LocalDateTime time) {
        return SessionFixtures.sessions(time, offerings, rosters, schedule, queries, jdbc, audit, transactions);
    }

    private long entries() {
        return jdbc.sql("select count(*) from operations.session_entry where offering_id = :o")
                .param("o", offering)
                .query(Long.class)
                .single();
    }

    private UUID anEntry() {
        return jdbc.sql("select id from operations.session_entry where offering_id = :o order by chain_no limit 1")
                .param("o", offering)
                .query(UUID.class)
                .single();
    }

    private static Map<UUID, String> marks(SessionSheet sheet) {
        Map<UUID, String> marks = new java.util.HashMap<>();
        sheet.children().forEach(c -> marks.put(c.studentId(), c.mark()));
        return marks;
    }

    private static ChildLine line(SessionSheet sheet, UUID student) {
        return sheet.children().stream()
                .filter(c -> c.studentId().equals(student))
                .findFirst()
                .orElseThrow();
    }
}
