package org.kehou.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kehou.catalog.CatalogManagement;
import org.kehou.catalog.CatalogManagement.NewVenue;
import org.kehou.catalog.VenueKind;
import org.kehou.enrollment.CareFixtures.Family;
import org.kehou.enrollment.CareRequests.CareRequestSummary;
import org.kehou.enrollment.CareRequests.NewCareGroup;
import org.kehou.enrollment.CareRequests.NewExtendedCare;
import org.kehou.organization.OrganizationManagement;
import org.kehou.organization.OrganizationManagement.SchoolDetails;
import org.kehou.organization.OrganizationQueries;
import org.kehou.organization.Stage;
import org.kehou.organization.TermKind;
import org.kehou.platform.AccountManagement;
import org.kehou.platform.PageQuery;
import org.kehou.platform.Role;
import org.kehou.platform.RuleViolation;
import org.kehou.platform.UserScope;
import org.kehou.support.PostgresTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The care requests' migration, aggregates and read queries on PostgreSQL: times and weekdays round-trip, the
 * union of both kinds lists, pages, searches and sorts, the day lists filter by date and weekday, and the database
 * itself refuses a declined special need or a weekend day of care.
 */
@PostgresTest
@SpringBootTest(properties = "kehou.demo.enabled=false")
class CareRequestsPostgresTests {

    @Autowired
    CareRequests care;

    @Autowired
    OrganizationManagement organization;

    @Autowired
    OrganizationQueries queries;

    @Autowired
    AccountManagement accounts;

    @Autowired
    CatalogManagement catalog;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Test
    void keepsDecidesAndListsCareRequests() {
        UUID city = UUID.randomUUID();
        jdbc.sql(
                        "insert into organization.city (id, version, code, name, name_en) values (:id, 0, '419900', '测试市', 'Test')")
                .param("id", city)
                .update();
        UUID county = UUID.randomUUID();
        jdbc.sql("insert into organization.county (id, version, city_id, code, name, name_en, kind, sort_order)"
                        + " values (:id, 0, :city, '419931', '测试区', 'Test', 'DISTRICT', 0)")
                .param("id", county)
                .param("city", city)
                .update();
        UserScope countyAdmin =
                new UserScope(UUID.randomUUID(), "县区", EnumSet.of(Role.COUNTY_ADMIN), county, null, null, null, null);
        UUID school = organization.openSchool(
                countyAdmin, county, new SchoolDetails("T-CARE-PG", "看护测试学校", Stage.PRIMARY, null));
        UserScope admin =
                new UserScope(UUID.randomUUID(), "学校", EnumSet.of(Role.SCHOOL_ADMIN), county, school, null, null, null);
        int year = LocalDate.now(clock).getYear() + 1;
        organization.planTerm(
                admin, school, year, TermKind.AUTUMN, LocalDate.of(year, 9, 1), LocalDate.of(year + 1, 1, 20));
        UUID schoolClass = organization.openClass(admin, school, 3, "2班", null);
        CareFixtures fixtures = new CareFixtures(organization, queries, accounts, clock);
        UUID staff = fixtures.careStaff(admin, "看护周老师");
        Family early = fixtures.family(admin, schoolClass, "周小早");
        Family late = fixtures.family(admin, schoolClass, "吴小晚");
        Family declined = fixtures.family(admin, schoolClass, "郑_100%");
        LocalDate monday = fixtures.next(admin, DayOfWeek.MONDAY);
        LocalDate friday = monday.plusDays(4);

        UUID arrival = care.requestEarlyArrival(
                early.scope(),
                new CareRequests.NewEarlyArrival(early.student(), monday, friday, LocalTime.of(6, 45), "倒班", true));
        UUID extended = care.requestExtendedCare(
                late.scope(),
                new NewExtendedCare(
                        late.student(),
                        monday,
                        friday,
                        EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.THURSDAY),
                        LocalTime.of(19, 30),
                        "加班"));
        UUID refused = care.requestEarlyArrival(
                declined.scope(), CareFixtures.earlyArrival(declined.student(), monday, false));
        assertThat(care.pendingRequests(admin, school))
                .extracting(CareRequestSummary::id)
                .containsExactly(arrival, extended, refused);

        UUID venue = catalog.addVenue(admin, school, new NewVenue("多功能厅", VenueKind.SPECIAL_ROOM, 80));
        UUID group = care.formCareGroup(admin, school, new NewCareGroup("晚托一组", staff, null, venue));
        care.acceptEarlyArrival(admin, arrival, staff);
        care.approveExtendedCare(admin, extended, group);
        care.declineEarlyArrival(admin, refused, "校门未开");
        assertThatThrownBy(() -> care.acceptEarlyArrival(admin, arrival, staff)).isInstanceOf(RuleViolation.class);

        CareRequestSummary kept = care.request(admin, CareKind.EXTENDED_CARE, extended);
        assertThat(kept.pickupBy()).isEqualTo(LocalTime.of(19, 30));
        assertThat(kept.weekdays()).containsExactly(DayOfWeek.MONDAY, DayOfWeek.THURSDAY);
        assertThat(kept.careGroupName()).isEqualTo("晚托一组");
        assertThat(kept.careGroupRoom()).isEqualTo("多功能厅");
        assertThat(kept.history())
                .extracting(CareRequests.HistoryEntry::action)
                .containsExactly(CareAction.SUBMITTED, CareAction.ACCEPTED);
        assertThat(care.request(admin, CareKind.EARLY_ARRIVAL, arrival).arrivalTime())
                .isEqualTo(LocalTime.of(6, 45));

        var decided = care.decidedRequests(admin, school, new PageQuery(0, 2, "", false, ""));
        assertThat(decided.total()).isEqualTo(3);
        assertThat(decided.items()).hasSize(2);
        List<String> byName =
                care.decidedRequests(admin, school, new PageQuery(0, 20, "name", false, "")).items().stream()
                        .map(CareRequestSummary::studentName)
                        .toList();
        assertThat(care.decidedRequests(admin, school, new PageQuery(0, 20, "name", true, ""))
                        .items())
                .extracting(CareRequestSummary::studentName)
                .containsExactlyElementsOf(byName.reversed());
        assertThat(care.decidedRequests(admin, school, new PageQuery(0, 20, "", false, "_100%"))
                        .items())
                .extracting(CareRequestSummary::id)
                .containsExactly(refused);
        assertThat(care.decidedRequests(admin, school, new PageQuery(0, 20, "", false, "%"))
                        .items())
                .as("wildcards are matched literally")
                .extracting(CareRequestSummary::id)
                .containsExactly(refused);

        assertThat(care.expectedArrivals(admin, school, monday.plusDays(2)).children())
                .extracting(CareRequestSummary::id)
                .containsExactly(arrival);
        assertThat(care.expectedArrivals(admin, school, monday.plusDays(7)).children())
                .isEmpty();
        assertThat(care.extendedCareRoster(admin, school, monday.plusDays(3)).groups())
                .singleElement()
                .satisfies(g -> assertThat(g.children())
                        .extracting(CareRequestSummary::id)
                        .containsExactly(extended));
        assertThat(care.extendedCareRoster(admin, school, monday.plusDays(1)).groups())
                .isEmpty();
        assertThat(care.careGroups(admin, school))
                .singleElement()
                .satisfies(g -> assertThat(g.children()).isEqualTo(1));
        assertThat(care.familyRequests(early.scope()))
                .extracting(CareRequestSummary::id)
                .containsExactly(arrival);
        assertThat(care.familyRequests(declined.scope()).getFirst().declineReason())
                .isEqualTo("校门未开");

        assertThatThrownBy(() -> jdbc.sql("""
                                update enrollment.early_arrival_request set status = 'DECLINED', decline_reason = 'x'
                                where id = :id""").param("id", arrival).update())
                .as("the database refuses a declined special need")
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.sql("""
                                insert into enrollment.extended_care_weekday (request_id, county_id, school_id, weekday)
                                values (:id, :county, :school, 'SUNDAY')""")
                        .param("id", extended)
                        .param("county", county)
                        .param("school", school)
                        .update())
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThat(jdbc.sql("select count(*) from platform.notification where message_key like 'care.notify.%'")
                        .query(Long.class)
                        .single())
                .isEqualTo(3);
        assertThat(List.of(monday.getDayOfWeek(), friday.getDayOfWeek()))
                .containsExactly(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
    }
}
