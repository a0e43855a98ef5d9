package org.kehou.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.kehou.catalog.CatalogManagement;
import org.kehou.catalog.ServicePlanning;
import org.kehou.enrollment.CareFixtures.Family;
import org.kehou.enrollment.CareRequests;
import org.kehou.operations.EarlyArrivals.CheckIn;
import org.kehou.operations.EarlyArrivals.CheckInLine;
import org.kehou.operations.OperationsFixtures.TestSchool;
import org.kehou.organization.OrganizationManagement;
import org.kehou.organization.OrganizationQueries;
import org.kehou.platform.AccountManagement;
import org.kehou.platform.AuditTrail;
import org.kehou.platform.RuleViolation;
import org.kehou.support.PostgresTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The early-arrival check-ins (operations V7) on PostgreSQL: a check-in and its correction are recorded, a second
 * check-in is refused, and the entries can be neither changed, deleted nor truncated.
 */
@PostgresTest
@SpringBootTest(properties = "kehou.demo.enabled=false")
class CheckInPostgresTests {

    static final AtomicInteger COUNTIES = new AtomicInteger();

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
    CareRequests care;

    @Autowired
    PickupSchedule schedule;

    @Autowired
    AuditTrail audit;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    Clock clock;

    @Test
    void recordsCheckInsAppendOnly() {
        TestSchool school =
                new OperationsFixtures(organization, queries, accounts, planning, catalog, clock).school(county());
        Family family = school.family("库签到甲");
        jdbc.sql("""
                        insert into enrollment.early_arrival_request (id, version, county_id, school_id, student_id,
                          student_name, grade_level, class_name, guardian_id, first_day, last_day, arrival_time,
                          reason, special_need, status, care_staff_id, care_staff_name, submitted_at, decided_at)
                        values (:id, 0, :county, :school, :student, '库签到甲', 2, '1班', :guardian, :day, :day,
                          '07:25', '上班早', false, 'ACCEPTED', :staff, '看护老师', :at, :at)""")
                .param("id", UUID.randomUUID())
                .param("county", school.countyId())
                .param("school", school.id())
                .param("student", family.student())
                .param("guardian", family.guardian())
                .param("day", school.day())
                .param("staff", school.teacherStaff())
                .param("at", LocalDateTime.now(clock))
                .update();
        EarlyArrivals arrivals = FixedClocks.transactional(
                new EarlyArrivals(
                        care,
                        schedule,
                        queries,
                        audit,
                        jdbc,
                        FixedClocks.at(school.day().atTime(7, 28))),
                transactions);

        CheckInLine first =
                arrivals.checkIn(school.teacher(), new CheckIn(family.student(), school.day(), true, null, null));
        assertThatThrownBy(() -> arrivals.checkIn(
                        school.teacher(), new CheckIn(family.student(), school.day(), true, null, null)))
                .isInstanceOf(RuleViolation.class);
        CheckInLine correction = arrivals.checkIn(
                school.teacher(), new CheckIn(family.student(), school.day(), false, first.id(), "认错了"));

        assertThat(correction.entryNo()).isEqualTo(2);
        assertThat(arrivals.day(school.teacher(), school.day())
                        .expected()
                        .getFirst()
                        .in())
                .isFalse();
        assertThatThrownBy(() -> jdbc.sql("update operations.early_arrival_check_in set reason = 'x' where id = :id")
                        .param("id", first.id())
                        .update())
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from operations.early_arrival_check_in where id = :id")
                        .param("id", correction.id())
                        .update())
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("append-only");
        assertThatThrownBy(() ->
                        jdbc.sql("truncate operations.early_arrival_check_in").update())
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("append-only");
        // a second entry without the one it corrects is refused by the table itself
        assertThatThrownBy(() -> jdbc.sql("""
                                insert into operations.early_arrival_check_in (id, county_id, school_id, student_id,
                                  on_date, entry_no, expected, present, checked_in_at, staff_account_id, staff_name)
                                values (:id, :county, :school, :student, :day, 3, true, true, :at, :account, 'x')""")
                        .param("id", UUID.randomUUID())
                        .param("county", school.countyId())
                        .param("school", school.id())
                        .param("student", family.student())
                        .param("day", school.day())
                        .param("at", LocalDateTime.now(clock))
                        .param("account", UUID.randomUUID())
                        .update())
                .isInstanceOf(DataAccessException.class);
        assertThat(jdbc.sql("select count(*) from operations.early_arrival_check_in where student_id = :s")
                        .param("s", family.student())
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

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
                .param("code", String.valueOf(419_800 + COUNTIES.incrementAndGet()))
                .update();
        return county;
    }
}
