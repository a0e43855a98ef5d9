package org.kehou.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kehou.catalog.CatalogManagement.NewOpening;
import org.kehou.catalog.CatalogManagement.NewVenue;
import org.kehou.catalog.ServicePlanning.NewServiceTime;
import org.kehou.catalog.ServicePlanning.OpeningRow;
import org.kehou.catalog.ServicePlanning.ServiceTimeSummary;
import org.kehou.organization.OrganizationManagement;
import org.kehou.organization.OrganizationManagement.NewStaff;
import org.kehou.organization.OrganizationManagement.SchoolDetails;
import org.kehou.organization.StaffPosition;
import org.kehou.organization.Stage;
import org.kehou.organization.TermKind;
import org.kehou.platform.PageQuery;
import org.kehou.platform.Role;
import org.kehou.platform.RuleViolation;
import org.kehou.platform.UserScope;
import org.kehou.support.PostgresTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The service-time migration, aggregate and the openings list on PostgreSQL: times, kinds and nullable times
 * round-trip, a kind is changed in place under its version, the table's checks hold, and the openings list orders
 * and pages with its supervisors' names.
 */
@PostgresTest
@SpringBootTest(properties = "kehou.demo.enabled=false")
class ServicePlanningPostgresTests {

    @Autowired
    ServicePlanning planning;

    @Autowired
    CatalogManagement catalog;

    @Autowired
    OrganizationManagement organization;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Test
    void keepsAServicePlanAndListsOpenings() {
        UUID city = UUID.randomUUID();
        jdbc.sql(
                        "insert into organization.city (id, version, code, name, name_en) values (:id, 0, '419800', '测试市', 'Test')")
                .param("id", city)
                .update();
        UUID county = UUID.randomUUID();
        jdbc.sql("insert into organization.county (id, version, city_id, code, name, name_en, kind, sort_order)"
                        + " values (:id, 0, :city, '419821', '测试区', 'Test', 'DISTRICT', 0)")
                .param("id", county)
                .param("city", city)
                .update();
        UserScope countyAdmin =
                new UserScope(UUID.randomUUID(), "县区", EnumSet.of(Role.COUNTY_ADMIN), county, null, null, null, null);
        UUID school = organization.openSchool(
                countyAdmin, county, new SchoolDetails("T-SRV-PG", "测试九年制学校", Stage.NINE_YEAR, null));
        UserScope admin =
                new UserScope(UUID.randomUUID(), "学校", EnumSet.of(Role.SCHOOL_ADMIN), county, school, null, null, null);
        UUID term = organization.planTerm(
                admin, school, 2026, TermKind.AUTUMN, LocalDate.of(2026, 9, 1), LocalDate.of(2027, 1, 15));

        planning.setServiceTime(admin, school, time(term, ServiceKind.EARLY_ARRIVAL, "07:00", "07:50"));
        planning.setServiceTime(admin, school, time(term, ServiceKind.SLOT_1, "15:30", "16:30"));
        planning.setServiceTime(admin, school, time(term, ServiceKind.SLOT_2, "16:40", "17:40"));
        planning.setServiceTime(
                admin,
                school,
                new NewServiceTime(
                        term, ServiceKind.EXTENDED_CARE, true, LocalTime.of(17, 40), LocalTime.of(19, 0), 1, 6));
        UUID evening = planning.setServiceTime(admin, school, time(term, ServiceKind.EVENING, "18:30", "20:30"));
        assertThatThrownBy(() -> planning.setServiceTime(
                        admin,
                        school,
                        new NewServiceTime(
                                term, ServiceKind.EVENING, true, LocalTime.of(19, 0), LocalTime.of(20, 30), 6, 9)))
                .isInstanceOfSatisfying(
                        RuleViolation.class, v -> assertThat(v.messageKey()).isEqualTo("evening.juniorMiddleOnly"));
        assertThat(planning.setServiceTime(admin, school, time(term, ServiceKind.EVENING, "19:00", "21:00")))
                .isEqualTo(evening);
        planning.setServiceTime(
                admin, school, new NewServiceTime(term, ServiceKind.SLOT_2, false, null, null, null, null));

        assertThat(planning.serviceTimes(admin, school, term))
                .extracting(ServiceTimeSummary::kind, ServiceTimeSummary::offered, ServiceTimeSummary::startsAt)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(ServiceKind.EARLY_ARRIVAL, true, LocalTime.of(7, 0)),
                        org.assertj.core.groups.Tuple.tuple(ServiceKind.SLOT_1, true, LocalTime.of(15, 30)),
                        org.assertj.core.groups.Tuple.tuple(ServiceKind.SLOT_2, false, null),
                        org.assertj.core.groups.Tuple.tuple(ServiceKind.EXTENDED_CARE, true, LocalTime.of(17, 40)),
                        org.assertj.core.groups.Tuple.tuple(ServiceKind.EVENING, true, LocalTime.of(19, 0)));
        assertThat(planning.serviceTimes(admin, school, term).getLast())
                .satisfies(
                        e -> assertThat(List.of(e.firstGrade(), e.lastGrade())).containsExactly(7, 9));
        assertThat(jdbc.sql("select version from catalog.service_time where id = :id")
                        .param("id", evening)
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);
        assertThatThrownBy(() -> jdbc.sql("update catalog.service_time set starts_at = null where id = :id")
                        .param("id", evening)
                        .update())
                .hasMessageContaining("service_time_offered_check");

        UUID ground = catalog.addVenue(admin, school, new NewVenue("操场", VenueKind.SPORTS_GROUND, 200));
        UUID wang = organization.addStaff(
                admin, school, new NewStaff("T-SRV-PG-01", "王老师", null, StaffPosition.TEACHER, "体育"));
        UUID li = organization.addStaff(
                admin, school, new NewStaff("T-SRV-PG-02", "李老师", null, StaffPosition.TEACHER, "美术"));
        LocalDate today = LocalDate.now(clock);
        LocalDate saturday = today.plusDays(1).with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY));
        LocalDate sunday = saturday.plusDays(1);
        UUID later = planning.planOpening(
                admin,
                school,
                new NewOpening(
                        ground,
                        sunday,
                        LocalTime.of(9, 0),
                        LocalTime.of(11, 0),
                        80,
                        OpeningPurpose.ENRICHMENT,
                        List.of(wang)));
        UUID sooner = planning.planOpening(
                admin,
                school,
                new NewOpening(
                        ground,
                        saturday,
                        LocalTime.of(14, 0),
                        LocalTime.of(16, 0),
                        60,
                        OpeningPurpose.CARE,
                        List.of(wang, li)));
        jdbc.sql("""
                        insert into catalog.opening (id, version, county_id, school_id, venue_id, on_date, starts_at,
                          ends_at, capacity, purpose, state)
                        values (:id, 0, :county, :school, :venue, :day, '09:00', '10:00', 30, 'CARE', 'PUBLISHED')""")
                .param("id", UUID.randomUUID())
                .param("county", county)
                .param("school", school)
                .param("venue", ground)
                .param("day", today.minusDays(10))
                .update();
        catalog.publishOpening(admin, sooner);

        var page = planning.openings(admin, school, new PageQuery(0, 2, "", false, ""));
        assertThat(page.total()).isEqualTo(3);
        assertThat(page.items()).extracting(OpeningRow::id).containsExactly(sooner, later);
        assertThat(page.items().getFirst()).satisfies(o -> {
            assertThat(o.state()).isEqualTo(OpeningState.PUBLISHED);
            assertThat(o.supervisors()).containsExactlyInAnyOrder("王老师", "李老师");
            assertThat(o.startsAt()).isEqualTo(LocalTime.of(14, 0));
        });
        assertThat(planning.openings(admin, school, new PageQuery(1, 2, "", false, ""))
                        .items())
                .singleElement()
                .satisfies(o -> assertThat(o.onDate()).isEqualTo(today.minusDays(10)));
        assertThat(catalog.publishedOpenings(school, today))
                .extracting(CatalogManagement.OpeningSummary::id)
                .containsExactly(sooner);
    }

    private static NewServiceTime time(UUID term, ServiceKind kind, String from, String to) {
        return new NewServiceTime(term, kind, true, LocalTime.parse(from), LocalTime.parse(to), null, null);
    }
}
