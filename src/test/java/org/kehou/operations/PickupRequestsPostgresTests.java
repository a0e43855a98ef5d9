package org.kehou.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kehou.catalog.CatalogManagement;
import org.kehou.catalog.CatalogManagement.NewCourse;
import org.kehou.catalog.CatalogManagement.NewOffering;
import org.kehou.catalog.CatalogManagement.NewVenue;
import org.kehou.catalog.CourseCategory;
import org.kehou.catalog.ProviderKind;
import org.kehou.catalog.ServicePlanning;
import org.kehou.catalog.Slot;
import org.kehou.catalog.VenueKind;
import org.kehou.enrollment.CareFixtures.Family;
import org.kehou.operations.OperationsFixtures.TestSchool;
import org.kehou.operations.PickupManagement.Release;
import org.kehou.operations.TeacherDay.Session;
import org.kehou.operations.TeacherDay.SessionKind;
import org.kehou.organization.OrganizationManagement;
import org.kehou.organization.OrganizationQueries;
import org.kehou.platform.AccountManagement;
import org.kehou.platform.RuleViolation;
import org.kehou.support.PostgresTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The hand-over API's idempotency keys (operations V5, V6.1) and the teacher's day on PostgreSQL: a replay answers the
 * first hand-over and a refusal is recorded once; the kept answers cannot be changed or deleted; the day lists the
 * teacher's own offering only.
 */
@PostgresTest
@SpringBootTest(properties = "kehou.demo.enabled=false")
class PickupRequestsPostgresTests {

    static final java.util.concurrent.atomic.AtomicInteger COUNTIES = new java.util.concurrent.atomic.AtomicInteger();

    @Autowired
    PickupRequests requests;

    @Autowired
    TeacherDay days;

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
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Test
    void replaysKeepsTheAnswersAppendOnlyAndListsTheTeachersDay() {
        TestSchool school =
                new OperationsFixtures(organization, queries, accounts, planning, catalog, clock).school(county());
        Family family = school.family("库接口甲");
        Release release = new Release(
                family.student(),
                school.day(),
                PickupService.SLOT_2,
                ReleaseTo.GUARDIAN,
                family.guardian(),
                null,
                null,
                null);

        PickupRequests.Answer first = requests.release(school.teacher(), release, "pg-1");
        PickupRequests.Answer again = requests.release(school.teacher(), release, "pg-1");

        assertThat(first.replayed()).isFalse();
        assertThat(again.replayed()).isTrue();
        assertThat(again.release()).isEqualTo(first.release());
        Family stranger = school.family("库接口乙");
        Release other = new Release(
                stranger.student(), school.day(), PickupService.SLOT_2, ReleaseTo.OTHER, null, "陌生人", null, null);
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> requests.release(school.teacher(), other, "pg-2"))
                    .isInstanceOf(RuleViolation.class);
        }
        assertThat(jdbc.sql("select count(*) from operations.pickup_refusal where student_id = :s")
                        .param("s", stranger.student())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThatThrownBy(() -> jdbc.sql("update operations.pickup_request_key set fingerprint = 'x'")
                        .update())
                .isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() ->
                        jdbc.sql("delete from operations.pickup_request_key").update())
                .isInstanceOf(DataAccessException.class);

        UUID own = offering(school, school.teacherStaff());
        offering(school, school.otherTeacher().staffId());
        List<Session> sessions = days.of(school.teacher(), school.day()).sessions();
        assertThat(sessions).extracting(Session::id).containsExactly(own);
        assertThat(sessions).extracting(Session::kind).containsExactly(SessionKind.SLOT_2);
    }

    private UUID offering(TestSchool school, UUID instructor) {
        String n = UUID.randomUUID().toString().substring(0, 6);
        UUID venue = catalog.addVenue(school.admin(), school.id(), new NewVenue("库教室" + n, VenueKind.CLASSROOM, 40));
        UUID course = catalog.defineCourse(
                school.admin(),
                school.id(),
                new NewCourse(
                        "库课程" + n,
                        CourseCategory.SCHOOL_BASED,
                        null,
                        List.of(2),
                        null,
                        null,
                        ProviderKind.STAFF,
                        null,
                        List.of()));
        UUID offering = catalog.draftOffering(
                school.admin(),
                school.id(),
                new NewOffering(
                        course,
                        school.term(),
                        school.day().getDayOfWeek(),
                        Slot.SLOT_2,
                        venue,
                        List.of(instructor),
                        30,
                        List.of(2),
                        null,
                        30,
                        null,
                        null,
                        null,
                        List.of()));
        catalog.publishOffering(school.admin(), offering);
        return offering;
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
