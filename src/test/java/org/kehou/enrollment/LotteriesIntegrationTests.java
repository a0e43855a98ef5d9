package org.kehou.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kehou.catalog.CatalogManagement;
import org.kehou.catalog.Slot;
import org.kehou.enrollment.EnrollmentFixtures.Campus;
import org.kehou.enrollment.EnrollmentFixtures.Family;
import org.kehou.enrollment.EnrollmentManagement.NewWindow;
import org.kehou.enrollment.Lotteries.Apply;
import org.kehou.enrollment.Lotteries.DrawOutcome;
import org.kehou.enrollment.Lotteries.DrawRecord;
import org.kehou.enrollment.Lotteries.Explanation;
import org.kehou.enrollment.Lotteries.PriorityEntry;
import org.kehou.organization.OrganizationManagement;
import org.kehou.organization.TermKind;
import org.kehou.platform.AccountManagement;
import org.kehou.platform.NotFoundException;
import org.kehou.platform.Role;
import org.kehou.platform.UserScope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * A registration lottery from opening to verification (ENROL-1, ENROL-2) in the enrollment module with the modules
 * it depends on: the seed's commitment is public from the opening, guardians apply for their own children with
 * ranked choices and consent while the window is open, the school sets priority groups, the draw runs once after
 * closing and its results become registrations through the seat ledger, and the draw can be verified and explained.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
@ActiveProfiles("test")
@TestPropertySource(
        properties = {
            "kehou.demo.enabled=false",
            "spring.datasource.url=jdbc:h2:mem:lottery-module;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"
        })
class LotteriesIntegrationTests {

    static final LocalDateTime EIGHT = LocalDateTime.of(2026, 9, 1, 8, 0);

    @Autowired
    Lotteries lotteries;

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
    MovableClock clock;

    @Autowired
    RegistrationNotices notices;

    @Autowired
    org.kehou.platform.Notifications notifications;

    EnrollmentFixtures fixtures;
    Campus campus;

    @BeforeEach
    void campus() {
        clock.set(EIGHT.minusDays(1));
        fixtures = new EnrollmentFixtures(organization, catalog, enrollment, accounts, clock);
        campus = fixtures.campus(countyAdmin());
    }

    @Test
    void aLotteryIsAppliedForDrawnOnceAfterClosingVerifiedAndExplained() {
        UUID chess = fixtures.offering(campus, DayOfWeek.MONDAY, Slot.SLOT_2, 2, 3);
        UUID choir = fixtures.offering(campus, DayOfWeek.TUESDAY, Slot.SLOT_2, 1, 3);
        UUID window = lotteryWindow(campus, 2);

        var announced = lotteries.publicLottery(window);
        assertThat(announced.seedHash()).hasSize(64);
        assertThat(announced.seed()).as("the seed stays secret until the draw").isNull();

        Family special = fixtures.family(campus, 3, 1);
        UserScope specialAccount = fixtures.account(special);
        List<Family> others = List.of(
                fixtures.family(campus, 3, 1),
                fixtures.family(campus, 3, 1),
                fixtures.family(campus, 3, 1),
                fixtures.family(campus, 3, 1));

        assertRefused(() -> apply(special, window, chess), "window.notYetOpen");

        clock.set(EIGHT.plusMinutes(10));
        assertRefused(
                () -> enrollment.enroll(
                        special.guardian(), fixtures.consenting(special.child(), chess), EnrollmentFixtures.key()),
                "enrollment.lotteryWindow");
        assertThat(apply(specialAccount, special.child(), window, choir)).isEqualTo(1);
        assertThat(apply(specialAccount, special.child(), window, chess, choir))
                .as("editable until the window closes")
                .isEqualTo(2);
        assertThat(lotteries.applicationHistory(specialAccount, window, special.child()))
                .extracting(Lotteries.ApplicationVersion::choices)
                .containsExactly(List.of(choir), List.of(chess, choir));
        for (Family f : others) {
            apply(f, window, chess, choir);
        }
        lotteries.setPriority(campus.admin(), new PriorityEntry(window, special.child(), 2, "特殊需要家庭"));
        assertRefused(() -> lotteries.draw(campus.admin(), window), "lottery.notClosed");

        clock.set(EIGHT.plusHours(2));
        assertRefused(() -> apply(others.getFirst(), window, choir), "window.closed");
        Campus elsewhere = fixtures.campus(countyAdmin());
        assertThatThrownBy(() -> lotteries.draw(elsewhere.admin(), window)).isInstanceOf(NotFoundException.class);
        assertThat(count("select count(*) from enrollment.lottery_draw where window_id = '" + window + "'"))
                .isZero();

        DrawOutcome outcome = lotteries.draw(campus.admin(), window);

        assertThat(outcome.applications()).isEqualTo(5);
        assertThat(outcome.confirmed()).isEqualTo(3);
        assertThat(outcome.waitlisted()).isEqualTo(2);
        assertThat(outcome.unplaced()).isZero();
        while (notices.relay() == RegistrationNotices.BATCH) {
            // other tests' registrations first
        }
        assertThat(notifications
                        .inbox(specialAccount, new org.kehou.platform.PageQuery(0, 20, "created", true, ""))
                        .items())
                .as("a lottery result is told once, by the lottery's own notice")
                .singleElement()
                .satisfies(n -> assertThat(n.messageKey()).startsWith("lottery.notice."));
        assertThat(enrollment.seats(chess).taken()).isEqualTo(2);
        assertThat(enrollment.seats(choir).taken()).isEqualTo(1);
        assertThat(enrollment.seats(chess).waiting()).isEqualTo(2);
        assertThat(enrollment.familyEnrollments(special.guardian()))
                .as("the priority group is placed first and gets its first choice")
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.offeringId()).isEqualTo(chess);
                    assertThat(e.status()).isEqualTo(EnrollmentStatus.CONFIRMED);
                });
        assertThat(jdbc.sql("select action from enrollment.enrollment_event where child_id in (:c) order by action")
                        .param("c", others.stream().map(Family::child).toList())
                        .query(String.class)
                        .list())
                .containsExactly("ENROLLED", "ENROLLED", "WAITLISTED", "WAITLISTED");
        assertThat(count("select count(*) from platform.notification where recipient_id = '"
                        + specialAccount.accountId() + "' and topic = 'lottery.result'"))
                .isEqualTo(1);

        var revealed = lotteries.publicLottery(window);
        assertThat(revealed.seed()).isNotNull();
        assertThat(LotterySeedRule.commitment(revealed.seed())).isEqualTo(announced.seedHash());

        assertThat(lotteries.verify(campus.admin(), window).matches()).isTrue();
        assertRefused(() -> lotteries.draw(campus.admin(), window), "lottery.drawnAlready");
        assertRefused(
                () -> lotteries.setPriority(campus.admin(), new PriorityEntry(window, special.child(), 0, "")),
                "lottery.drawnAlready");
        assertThatThrownBy(() -> jdbc.sql("update enrollment.lottery_result set position = 0 where window_id = :w")
                        .param("w", window)
                        .update())
                .hasStackTraceContaining("append-only");

        Explanation explained =
                lotteries.explain(campus.admin(), window, special.child()).orElseThrow();
        assertThat(explained.position()).isEqualTo(1);
        assertThat(explained.priority()).isEqualTo(2);
        assertThat(explained.key()).isEqualTo(Lottery.drawKey(revealed.seed(), special.child()));
        assertThat(explained.choices()).first().satisfies(c -> {
            assertThat(c.got()).isTrue();
            assertThat(c.full()).isFalse();
        });
        Explanation waiting = others.stream()
                .map(f -> lotteries.explain(campus.admin(), window, f.child()).orElseThrow())
                .filter(e -> e.outcome().equals("WAITLISTED"))
                .findFirst()
                .orElseThrow();
        assertThat(waiting.choices())
                .as("a child in line found every choice full when their turn came")
                .allSatisfy(c -> assertThat(c.full()).isTrue());
        assertThat(waiting.waitingPosition()).isIn(1, 2);
        assertThat(lotteries
                        .application(specialAccount, window, special.child())
                        .explanation())
                .as("the guardian sees the same explanation for their own child")
                .isEqualTo(explained);
    }

    @Test
    void verificationRecomputesTheStoredDrawAndFailsWhenAnInputDiffers() {
        UUID chess = fixtures.offering(campus, DayOfWeek.WEDNESDAY, Slot.SLOT_2, 2, 3);
        UUID window = lotteryWindow(campus, 5);
        clock.set(EIGHT.plusMinutes(1));
        for (int i = 0; i < 6; i++) {
            apply(fixtures.family(campus, 3, 1), window, chess);
        }
        clock.set(EIGHT.plusHours(3));
        lotteries.draw(campus.admin(), window);
        var draw = jdbc.sql(
                        "select seed, seed_hash, siblings, drawn_at from enrollment.lottery_draw where window_id = :w")
                .param("w", window)
                .query(Lotteries.DrawRow.class)
                .single();
        DrawRecord stored = lotteries.recordOf(window, draw);
        assertThat(stored.matches()).isTrue();
        assertThat(stored.recompute()).isEqualTo(stored.stored());

        Map<UUID, Integer> fewerSeats = new TreeMap<>(stored.seats());
        fewerSeats.put(chess, 1);
        DrawRecord changedSeats =
                new DrawRecord(stored.seed(), stored.siblings(), fewerSeats, stored.inputs(), stored.results());
        assertThat(changedSeats.matches())
                .as("one seat fewer gives another result")
                .isFalse();
        DrawRecord changedSeed = new DrawRecord(
                stored.seed() + "0", stored.siblings(), stored.seats(), stored.inputs(), stored.results());
        assertThat(changedSeed.matches()).as("another seed gives another order").isFalse();
    }

    @Test
    void siblingsDrawnTogetherWaitTogetherWhereOneSeatIsTooFewAndNeverTakeItSingly() {
        UUID chess = fixtures.offering(campus, DayOfWeek.MONDAY, Slot.SLOT_1, 1, 3);
        UUID window = lotteryWindow(campus, 5);
        clock.set(EIGHT.plusMinutes(1));
        Family twins = fixtures.family(campus, 3, 2);
        Family single = fixtures.family(campus, 3, 1);
        for (UUID child : twins.children()) {
            apply(twins.guardian(), child, window, chess);
        }
        apply(single, window, chess);
        lotteries.setSiblings(campus.admin(), window, SiblingPlacement.TOGETHER);
        clock.set(EIGHT.plusHours(2));

        DrawOutcome outcome = lotteries.draw(campus.admin(), window);

        assertThat(outcome.confirmed()).isEqualTo(1);
        assertThat(outcome.waitlisted()).isEqualTo(2);
        assertThat(enrollment.familyEnrollments(single.guardian()))
                .singleElement()
                .satisfies(e -> assertThat(e.status()).isEqualTo(EnrollmentStatus.CONFIRMED));
        assertThat(enrollment.familyEnrollments(twins.guardian()))
                .hasSize(2)
                .allSatisfy(e -> assertThat(e.status()).isEqualTo(EnrollmentStatus.WAITLISTED));
        assertThat(enrollment.seats(chess).waiting()).isEqualTo(2);
        assertThat(lotteries.verify(campus.admin(), window).matches()).isTrue();
        assertThat(lotteries.publicLottery(window).siblings()).isEqualTo(SiblingPlacement.TOGETHER);
    }

    @Test
    void refusedApplicationsStoreNothing() {
        UUID chess = fixtures.offering(campus, DayOfWeek.THURSDAY, Slot.SLOT_2, 2, 3);
        UUID choir = fixtures.offering(campus, DayOfWeek.THURSDAY, Slot.SLOT_1, 2, 3);
        UUID art = fixtures.offering(campus, DayOfWeek.FRIDAY, Slot.SLOT_2, 2, 3);
        UUID grade4 = fixtures.offering(campus, DayOfWeek.FRIDAY, Slot.SLOT_1, 2, 4);
        UUID window = lotteryWindow(campus, 5);
        clock.set(EIGHT.plusMinutes(1));
        Family family = fixtures.family(campus, 3, 1);
        Family neighbours = fixtures.family(campus, 3, 1);

        assertRefused(() -> apply(family, window, chess, choir, art, grade4), "lottery.tooManyChoices");
        assertRefused(() -> apply(family, window, chess, chess), "lottery.choiceTwice");
        assertRefused(() -> apply(family, window), "lottery.choiceRequired");
        assertRefused(() -> apply(family, window, grade4), "enrollment.gradeNotOffered");
        assertRefused(
                () -> lotteries.apply(
                        family.guardian(),
                        new Apply(window, family.child(), List.of(chess), false, enrollment.consentVersion())),
                "enrollment.consentRequired");
        assertThatThrownBy(() -> apply(family.guardian(), neighbours.child(), window, chess))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> apply(campus.admin(), family.child(), window, chess))
                .as("a school never applies on a guardian's behalf")
                .isInstanceOf(NotFoundException.class);
        assertRefused(
                () -> lotteries.setPriority(campus.admin(), new PriorityEntry(window, family.child(), 4, "教职工子女")),
                "lottery.priorityGroup");
        assertThat(count("select count(*) from enrollment.lottery_application where window_id = '" + window + "'"))
                .isZero();
        assertThat(count("select count(*) from enrollment.lottery_priority where window_id = '" + window + "'"))
                .isZero();
    }

    @Test
    void aFirstComeWindowTakesNoApplications() {
        UUID chess = fixtures.offering(campus, DayOfWeek.MONDAY, Slot.SLOT_1, 2, 3);
        UUID window = fixtures.openWindow(campus, EIGHT, EIGHT.plusHours(2), 3);
        clock.set(EIGHT.plusMinutes(1));
        Family family = fixtures.family(campus, 3, 1);
        assertRefused(() -> apply(family, window, chess), "lottery.firstComeWindow");
        assertThat(lotteries.familyLotteries(family.guardian())).isEmpty();
        assertThatThrownBy(() -> lotteries.publicLottery(window)).isInstanceOf(NotFoundException.class);
        assertThat(count("select count(*) from enrollment.lottery_application where window_id = '" + window + "'"))
                .isZero();
    }

    private UUID lotteryWindow(Campus c, int waitlistLimit) {
        return enrollment.openWindow(
                c.admin(),
                new NewWindow(
                        null,
                        c.schoolYear(),
                        TermKind.AUTUMN,
                        EIGHT,
                        EIGHT.plusHours(2),
                        Allocation.LOTTERY,
                        waitlistLimit));
    }

    private int apply(Family family, UUID window, UUID... choices) {
        return apply(family.guardian(), family.child(), window, choices);
    }

    private int apply(UserScope guardian, UUID child, UUID window, UUID... choices) {
        return lotteries.apply(guardian, new Apply(window, child, List.of(choices), true, enrollment.consentVersion()));
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String key) {
        OfferingFitRuleTests.assertRefused(call, key);
    }

    private UserScope countyAdmin() {
        UUID county = jdbc.sql("select id from organization.county where code = '419931'")
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
                                    + " sort_order) values (:id, 0, :city, '419931', '报名测试区', 'Test', 'DISTRICT', 0)")
                            .param("id", id)
                            .param("city", city)
                            .update();
                    return id;
                });
        return new UserScope(
                UUID.randomUUID(), "报名测试区教育局", EnumSet.of(Role.COUNTY_ADMIN), county, null, null, null, null);
    }

    @TestConfiguration
    static class Clocks {

        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock(LocalDate.of(2026, 8, 31).atTime(8, 0));
        }
    }
}
