package org.kehou.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.kehou.catalog.CatalogManagement;
import org.kehou.enrollment.EnrollmentFixtures.Campus;
import org.kehou.enrollment.Invitations.InvitationOutcome;
import org.kehou.enrollment.Invitations.Invite;
import org.kehou.organization.OrganizationManagement;
import org.kehou.platform.AccountManagement;
import org.kehou.platform.Role;
import org.kehou.platform.UserScope;
import org.kehou.support.PostgresTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Invitations on PostgreSQL (ENROL-1, ENROL-2): the same form submitted many times at once sends one invitation and
 * one message per guardian, as the unique form key makes every other submission wait and then answer the first;
 * an invitation once sent cannot be changed or deleted.
 */
@PostgresTest
@SpringBootTest(properties = "kehou.demo.enabled=false")
class InvitationsPostgresTests {

    @Autowired
    Invitations invitations;

    @Autowired
    OrganizationManagement organization;

    @Autowired
    CatalogManagement catalog;

    @Autowired
    EnrollmentManagement enrollment;

    @Autowired
    AccountManagement accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Test
    void theSameFormSubmittedAtOnceSendsOneInvitationAndOneMessagePerGuardian() throws Exception {
        EnrollmentFixtures fixtures = new EnrollmentFixtures(organization, catalog, enrollment, accounts, clock);
        Campus campus = fixtures.campus(countyAdmin());
        UUID window = fixtures.openWindowNow(campus, 5);
        List<UserScope> guardians = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            guardians.add(fixtures.account(fixtures.family(campus, 3, 2)));
        }
        Invite invite = new Invite(window, List.of(), List.of(3, 4), "请按时报名");
        String key = InvitationFixtures.key();
        int submissions = 6;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(submissions);
        List<Future<InvitationOutcome>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < submissions; i++) {
                Callable<InvitationOutcome> submit = () -> {
                    start.await();
                    return invitations.invite(campus.admin(), invite, key);
                };
                answers.add(pool.submit(submit));
            }
            start.countDown();
            List<InvitationOutcome> outcomes = new ArrayList<>();
            for (Future<InvitationOutcome> answer : answers) {
                outcomes.add(answer.get());
            }
            assertThat(outcomes)
                    .extracting(InvitationOutcome::invitationId)
                    .containsOnly(outcomes.getFirst().invitationId());
            assertThat(outcomes).filteredOn(o -> !o.replayed()).hasSize(1);
            assertThat(outcomes).allSatisfy(o -> assertThat(o.guardians()).isEqualTo(5));
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.sql("select count(*) from enrollment.invitation where school_id = :s")
                        .param("s", campus.schoolId())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        for (UserScope guardian : guardians) {
            assertThat(jdbc.sql("select count(*) from platform.notification where recipient_id = :a and topic = :t")
                            .param("a", guardian.accountId())
                            .param("t", Invitations.TOPIC)
                            .query(Long.class)
                            .single())
                    .isEqualTo(1);
        }
        assertThat(jdbc.sql("select count(*) from enrollment.enrollment where school_id = :s")
                        .param("s", campus.schoolId())
                        .query(Long.class)
                        .single())
                .as("an invitation registers nobody")
                .isZero();
    }

    @Test
    void anInvitationSentCannotBeChangedOrDeleted() {
        EnrollmentFixtures fixtures = new EnrollmentFixtures(organization, catalog, enrollment, accounts, clock);
        Campus campus = fixtures.campus(countyAdmin());
        UUID window = fixtures.openWindowNow(campus, 5);
        fixtures.family(campus, 3, 1);
        UUID id = invitations
                .invite(campus.admin(), InvitationFixtures.grades(window, 3), InvitationFixtures.key())
                .invitationId();

        assertThatThrownBy(() -> jdbc.sql("update enrollment.invitation set guardians = 0 where id = :id")
                        .param("id", id)
                        .update())
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from enrollment.invitation_audience where invitation_id = :id")
                        .param("id", id)
                        .update())
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("append-only");
        assertThat(jdbc.sql("select guardians from enrollment.invitation where id = :id")
                        .param("id", id)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    private UserScope countyAdmin() {
        UUID county = jdbc.sql("select id from organization.county where code = '419841'")
                .query(UUID.class)
                .optional()
                .orElseGet(() -> {
                    UUID city = UUID.randomUUID();
                    jdbc.sql("insert into organization.city (id, version, code, name, name_en)"
                                    + " values (:id, 0, '419840', '测试市', 'Test')")
                            .param("id", city)
                            .update();
                    UUID id = UUID.randomUUID();
                    jdbc.sql("insert into organization.county (id, version, city_id, code, name, name_en, kind,"
                                    + " sort_order) values (:id, 0, :city, '419841', '测试区', 'Test', 'DISTRICT', 0)")
                            .param("id", id)
                            .param("city", city)
                            .update();
                    return id;
                });
        return new UserScope(UUID.randomUUID(), "县区", EnumSet.of(Role.COUNTY_ADMIN), county, null, null, null, null);
    }
}
