package org.kehou.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kehou.catalog.CatalogManagement;
import org.kehou.catalog.Slot;
import org.kehou.enrollment.EnrollmentFixtures.Campus;
import org.kehou.enrollment.EnrollmentFixtures.Family;
import org.kehou.enrollment.EnrollmentManagement.NewWindow;
import org.kehou.enrollment.Lotteries.Apply;
import org.kehou.enrollment.Lotteries.PriorityEntry;
import org.kehou.organization.OrganizationManagement;
import org.kehou.organization.TermKind;
import org.kehou.platform.AccountManagement;
import org.kehou.platform.NotFoundException;
import org.kehou.platform.Role;
import org.kehou.platform.RuleViolation;
import org.kehou.platform.UserScope;
import org.kehou.support.PostgresTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The lottery tables' migration and a draw on PostgreSQL (ENROL-2): the results become registrations through the
 * one-statement claim, seats and waiting list stay consistent with the window's limit, the draw verifies, and the
 * database itself keeps the draw's records append-only.
 */
@PostgresTest
@SpringBootTest(properties = "kehou.demo.enabled=false")
class LotteriesPostgresTests {

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
    Clock clock;

    @Test
    void aDrawBecomesRegistrationsThroughTheLedgerAndItsRecordsStay() {
        EnrollmentFixtures fixtures = new EnrollmentFixtures(organization, catalog, enrollment, accounts, clock);
        Campus campus = fixtures.campus(countyAdmin("419900", "419931"));
        UUID chess = fixtures.offering(campus, DayOfWeek.MONDAY, Slot.SLOT_2, 1, 3);
        LocalDateTime now = LocalDateTime.now(clock).withNano(0);
        UUID window = enrollment.openWindow(
                campus.admin(),
                new NewWindow(
                        null,
                        campus.schoolYear(),
                        TermKind.AUTUMN,
                        now.minusHours(1),
                        now.plusHours(1),
                        Allocation.LOTTERY,
                        1));
        List<Family> families =
                List.of(fixtures.family(campus, 3, 1), fixtures.family(campus, 3, 1), fixtures.family(campus, 3, 1));
        for (Family f : families) {
            lotteries.apply(
                    f.guardian(), new Apply(window, f.child(), List.of(chess), true, enrollment.consentVersion()));
        }
        Family last = families.getLast();
        lotteries.setPriority(campus.admin(), new PriorityEntry(window, last.child(), 3, "特殊需要家庭"));
        jdbc.sql("update enrollment.registration_window set closes_at = :t, version = version + 1 where id = :id")
                .param("t", now.minusMinutes(1))
                .param("id", window)
                .update();

        var outcome = lotteries.draw(campus.admin(), window);

        assertThat(outcome.confirmed()).isEqualTo(1);
        assertThat(outcome.waitlisted()).isEqualTo(1);
        assertThat(outcome.unplaced()).as("the waiting list holds one").isEqualTo(1);
        assertThat(enrollment.seats(chess)).satisfies(s -> {
            assertThat(s.taken()).isEqualTo(1);
            assertThat(s.waiting()).isEqualTo(1);
        });
        assertThat(enrollment.familyEnrollments(last.guardian()))
                .singleElement()
                .satisfies(e -> assertThat(e.status()).isEqualTo(EnrollmentStatus.CONFIRMED));
        assertThat(jdbc.sql("select outcome from enrollment.lottery_result where window_id = :w order by position")
                        .param("w", window)
                        .query(String.class)
                        .list())
                .containsExactly("CONFIRMED", "WAITLISTED", "FULL");
        assertThat(lotteries.verify(campus.admin(), window).matches()).isTrue();
        assertThatThrownBy(() -> lotteries.draw(campus.admin(), window))
                .isInstanceOfSatisfying(
                        RuleViolation.class, e -> assertThat(e.messageKey()).isEqualTo("lottery.drawnAlready"));
        for (String table : List.of("lottery_result", "lottery_input", "lottery_capacity", "lottery_draw")) {
            assertThatThrownBy(() -> jdbc.sql("delete from enrollment." + table + " where window_id = :w")
                            .param("w", window)
                            .update())
                    .as(table)
                    .hasStackTraceContaining("append-only");
        }
        assertThatThrownBy(() -> jdbc.sql("update enrollment.lottery_application_event set revision = 9")
                        .update())
                .hasStackTraceContaining("append-only");
    }

    @Test
    void theCountyDrawsACountyWideWindowAcrossItsSchoolsAndVerifiesAndExplainsIt() {
        EnrollmentFixtures fixtures = new EnrollmentFixtures(organization, catalog, enrollment, accounts, clock);
        UserScope county = countyAdmin("419800", "419831");
        int year = EnrollmentFixtures.year();
        Campus north = fixtures.campus(county, year);
        Campus south = fixtures.campus(county, year);
        UUID chess = fixtures.offering(north, DayOfWeek.MONDAY, Slot.SLOT_2, 1, 3);
        UUID choir = fixtures.offering(south, DayOfWeek.TUESDAY, Slot.SLOT_2, 1, 3);
        LocalDateTime now = LocalDateTime.now(clock).withNano(0);
        UUID window = enrollment.openWindow(
                county,
                new NewWindow(null, year, TermKind.AUTUMN, now.minusHours(1), now.plusHours(1), Allocation.LOTTERY, 1));
        List<Family> northern = List.of(fixtures.family(north, 3, 1), fixtures.family(north, 3, 1));
        Family southern = fixtures.family(south, 3, 1);
        for (Family f : northern) {
            lotteries.apply(
                    f.guardian(), new Apply(window, f.child(), List.of(chess), true, enrollment.consentVersion()));
        }
        lotteries.apply(
                southern.guardian(),
                new Apply(window, southern.child(), List.of(choir), true, enrollment.consentVersion()));
        Family favoured = northern.getLast();
        lotteries.setPriority(county, new PriorityEntry(window, favoured.child(), 2, "随迁子女"));
        assertThatThrownBy(() -> lotteries.draw(north.admin(), window))
                .as("a school admin cannot draw the county's window")
                .isInstanceOf(NotFoundException.class);
        jdbc.sql("update enrollment.registration_window set closes_at = :t, version = version + 1 where id = :id")
                .param("t", now.minusMinutes(1))
                .param("id", window)
                .update();

        var outcome = lotteries.draw(county, window);

        assertThat(outcome.applications()).isEqualTo(3);
        assertThat(outcome.confirmed()).isEqualTo(2);
        assertThat(outcome.waitlisted()).isEqualTo(1);
        assertThat(enrollment.seats(chess).taken()).isEqualTo(1);
        assertThat(enrollment.seats(choir).taken()).isEqualTo(1);
        assertThat(enrollment.familyEnrollments(favoured.guardian()))
                .singleElement()
                .satisfies(e -> assertThat(e.status()).isEqualTo(EnrollmentStatus.CONFIRMED));
        assertThat(jdbc.sql("select count(distinct school_id) from enrollment.lottery_result where window_id = :w")
                        .param("w", window)
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
        assertThat(lotteries.verify(county, window).matches()).isTrue();
        assertThat(lotteries.verify(county, window)).isEqualTo(lotteries.verify(county, window));
        assertThat(lotteries.explain(county, window, southern.child()))
                .hasValueSatisfying(e -> assertThat(e.outcome()).isEqualTo("CONFIRMED"));
        assertThat(lotteries.explain(county, window, favoured.child()))
                .hasValueSatisfying(e -> assertThat(e.priority()).isEqualTo(2));
        UserScope elsewhere = countyAdmin("419700", "419731");
        assertThatThrownBy(() -> lotteries.verify(elsewhere, window)).isInstanceOf(NotFoundException.class);
    }

    private UserScope countyAdmin(String cityCode, String countyCode) {
        UUID city = UUID.randomUUID();
        jdbc.sql(
                        "insert into organization.city (id, version, code, name, name_en) values (:id, 0, :code, '测试市', 'Test')")
                .param("id", city)
                .param("code", cityCode)
                .update();
        UUID county = UUID.randomUUID();
        jdbc.sql("insert into organization.county (id, version, city_id, code, name, name_en, kind, sort_order)"
                        + " values (:id, 0, :city, :code, '测试区', 'Test', 'DISTRICT', 0)")
                .param("id", county)
                .param("code", countyCode)
                .param("city", city)
                .update();
        return new UserScope(UUID.randomUUID(), "县区", EnumSet.of(Role.COUNTY_ADMIN), county, null, null, null, null);
    }
}
