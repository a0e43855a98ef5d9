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
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kehou.catalog.CatalogManagement;
import org.kehou.catalog.CatalogManagement.NewVenue;
import org.kehou.catalog.VenueKind;
import org.kehou.enrollment.CareFixtures.Family;
import org.kehou.enrollment.CareRequests.CareRequestSummary;
import org.kehou.enrollment.CareRequests.NewCareGroup;
import org.kehou.enrollment.CareRequests.NewEarlyArrival;
import org.kehou.enrollment.CareRequests.NewExtendedCare;
import org.kehou.organization.OrganizationManagement;
import org.kehou.organization.OrganizationManagement.SchoolDetails;
import org.kehou.organization.OrganizationQueries;
import org.kehou.organization.Stage;
import org.kehou.organization.TermKind;
import org.kehou.platform.AccountManagement;
import org.kehou.platform.AuditTrail;
import org.kehou.platform.NotFoundException;
import org.kehou.platform.Role;
import org.kehou.platform.RuleViolation;
import org.kehou.platform.UserScope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * The care requests of the enrollment module with the organization, catalog and platform it uses (SCOPE-1, SCOPE-2,
 * ENROL-1): a guardian files for their own child only, the school decides once, a special need cannot be declined,
 * every decision is in the history, the audit trail and the guardian's inbox, and the day lists show the result.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
@ActiveProfiles("test")
@TestPropertySource(
        properties = {
            "kehou.demo.enabled=false",
            "spring.datasource.url=jdbc:h2:mem:enrollment-care;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"
        })
class CareRequestsIntegrationTests {

    static final AtomicInteger SCHOOLS = new AtomicInteger();

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
    AuditTrail audit;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    CareFixtures fixtures;
    TestSchool school;
    TestSchool otherSchool;
    List<LocalDate> days;

    @BeforeEach
    void schools() {
        fixtures = new CareFixtures(organization, queries, accounts, clock);
        UUID county = county();
        school = school(county);
        otherSchool = school(county);
        days = fixtures.schoolDays(school.admin(), 20);
    }

    @Test
    void aSpecialNeedCannotBeDeclinedAndIsAcceptedWithCareStaffOnce() {
        Family family = school.family("早到甲");
        LocalDate day = days.get(1);
        UUID id = care.requestEarlyArrival(family.scope(), CareFixtures.earlyArrival(family.student(), day, true));

        assertThat(care.pendingRequests(school.admin(), school.id()))
                .extracting(CareRequestSummary::id)
                .contains(id);
        assertRefused(() -> care.declineEarlyArrival(school.admin(), id, "人手不足"), "care.decline.specialNeed");
        assertThat(status(id)).isEqualTo(CareStatus.PENDING);
        assertThat(notifications(family)).isZero();

        care.acceptEarlyArrival(school.admin(), id, school.careStaff());
        CareRequestSummary accepted = care.request(school.admin(), CareKind.EARLY_ARRIVAL, id);
        assertThat(accepted.status()).isEqualTo(CareStatus.ACCEPTED);
        assertThat(accepted.careStaffName()).isEqualTo("看护王老师");
        assertThat(accepted.history())
                .extracting(CareRequests.HistoryEntry::action)
                .containsExactly(CareAction.SUBMITTED, CareAction.ACCEPTED);
        assertThat(accepted.history().getFirst().actorName()).isEqualTo("早到甲妈妈");
        assertThat(notificationKeys(family)).containsExactly("care.notify.earlyAccepted");
        assertThat(audit.historyOf(id))
                .extracting(AuditTrail.AuditRecord::action)
                .contains("care.earlyArrival.submitted", "care.earlyArrival.accepted");

        assertRefused(() -> care.acceptEarlyArrival(school.admin(), id, school.careStaff()), "care.alreadyDecided");
        assertRefused(() -> care.declineEarlyArrival(school.admin(), id, "重复"), "care.alreadyDecided");

        UUID other = fixtures.careStaff(school.admin(), "看护赵老师");
        care.assignCareStaff(school.admin(), id, other);
        assertThat(care.request(school.admin(), CareKind.EARLY_ARRIVAL, id).careStaffName())
                .isEqualTo("看护赵老师");
        assertThat(notificationKeys(family)).contains("care.notify.staffAssigned");

        var arrivals = care.expectedArrivals(school.admin(), school.id(), day);
        assertThat(arrivals.schoolDay()).isTrue();
        assertThat(arrivals.children())
                .filteredOn(r -> r.id().equals(id))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.arrivalTime()).isEqualTo(LocalTime.of(7, 10));
                    assertThat(r.careStaffName()).isEqualTo("看护赵老师");
                });
        assertThat(care.familyRequests(family.scope()))
                .singleElement()
                .satisfies(r -> assertThat(r.history()).hasSize(3));
    }

    @Test
    void anOrdinaryRequestIsDeclinedOnlyWithAReasonTheGuardianReads() {
        Family family = school.family("早到乙");
        LocalDate day = days.get(2);
        UUID id = care.requestEarlyArrival(family.scope(), CareFixtures.earlyArrival(family.student(), day, false));

        assertRefused(() -> care.declineEarlyArrival(school.admin(), id, "  "), "care.decline.reasonRequired");
        assertThat(status(id)).isEqualTo(CareStatus.PENDING);
        care.declineEarlyArrival(school.admin(), id, "当天校门八点才开");

        CareRequestSummary declined = care.familyRequests(family.scope()).getFirst();
        assertThat(declined.status()).isEqualTo(CareStatus.DECLINED);
        assertThat(declined.declineReason()).isEqualTo("当天校门八点才开");
        assertThat(notificationKeys(family)).containsExactly("care.notify.earlyDeclined");
        assertThat(care.expectedArrivals(school.admin(), school.id(), day).children())
                .extracting(CareRequestSummary::id)
                .doesNotContain(id);
        assertThat(care.decidedRequests(
                                school.admin(), school.id(), new org.kehou.platform.PageQuery(0, 20, "", false, "早到乙"))
                        .items())
                .extracting(CareRequestSummary::id)
                .containsExactly(id);

        UUID again = care.requestEarlyArrival(family.scope(), CareFixtures.earlyArrival(family.student(), day, false));
        assertThat(again).as("a declined request does not block a new one").isNotEqualTo(id);
    }

    @Test
    void datesTimesAndWeekdaysFollowTheSchoolCalendar() {
        Family family = school.family("早到丙");
        UUID child = family.student();
        LocalDate day = days.get(3);
        LocalDate saturday = day.with(java.time.temporal.TemporalAdjusters.next(DayOfWeek.SATURDAY));
        long before = requests();

        assertRefused(
                () -> care.requestEarlyArrival(
                        family.scope(),
                        CareFixtures.earlyArrival(child, LocalDate.now(clock).minusDays(1), false)),
                "care.dates.past");
        assertRefused(
                () -> care.requestEarlyArrival(family.scope(), CareFixtures.earlyArrival(child, saturday, false)),
                "care.dates.notSchoolDay");
        assertRefused(
                () -> care.requestEarlyArrival(
                        family.scope(), CareFixtures.earlyArrival(child, LocalDate.of(2099, 3, 2), false)),
                "care.dates.outsideTerm");
        assertRefused(
                () -> care.requestEarlyArrival(
                        family.scope(), new NewEarlyArrival(child, day, day, LocalTime.of(6, 0), "早", false)),
                "care.arrival.outOfBounds");
        assertRefused(
                () -> care.requestEarlyArrival(
                        family.scope(), new NewEarlyArrival(child, day, day, LocalTime.of(8, 0), "早", false)),
                "care.arrival.outOfBounds");
        assertRefused(
                () -> care.requestExtendedCare(
                        family.scope(),
                        new NewExtendedCare(
                                child, day, day, EnumSet.of(day.getDayOfWeek()), LocalTime.of(19, 45), "晚")),
                "care.pickup.outOfBounds");
        DayOfWeek otherDay = day.getDayOfWeek() == DayOfWeek.MONDAY ? DayOfWeek.TUESDAY : DayOfWeek.MONDAY;
        assertRefused(
                () -> care.requestExtendedCare(
                        family.scope(),
                        new NewExtendedCare(child, day, day, EnumSet.of(otherDay), LocalTime.of(18, 0), "晚")),
                "care.weekdays.noSchoolDay");
        assertRefused(
                () -> care.requestExtendedCare(
                        family.scope(),
                        new NewExtendedCare(child, day, day, EnumSet.of(DayOfWeek.SATURDAY), LocalTime.of(18, 0), "晚")),
                "care.weekdays.weekend");
        assertThat(requests()).isEqualTo(before);

        care.requestEarlyArrival(family.scope(), CareFixtures.earlyArrival(child, day, false));
        assertRefused(
                () -> care.requestEarlyArrival(family.scope(), CareFixtures.earlyArrival(child, day, true)),
                "care.dates.overlap");
        care.requestExtendedCare(family.scope(), CareFixtures.extendedCare(child, day));
        assertRefused(
                () -> care.requestExtendedCare(family.scope(), CareFixtures.extendedCare(child, day)),
                "care.dates.overlap");
        assertThat(requests()).isEqualTo(before + 2);
    }

    @Test
    void aGuardianReachesOnlyTheirOwnChildAndASchoolOnlyItsOwnRequests() {
        Family family = school.family("早到丁");
        Family neighbour = school.family("早到戊");
        LocalDate day = days.get(4);
        long before = requests();
        assertThatThrownBy(() -> care.requestEarlyArrival(
                        neighbour.scope(), CareFixtures.earlyArrival(family.student(), day, false)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> care.requestEarlyArrival(
                        school.admin(), CareFixtures.earlyArrival(family.student(), day, false)))
                .as("a school cannot file for a guardian (ENROL-1)")
                .isInstanceOf(NotFoundException.class);
        assertThat(requests()).isEqualTo(before);

        UUID early = care.requestEarlyArrival(family.scope(), CareFixtures.earlyArrival(family.student(), day, false));
        UUID extended = care.requestExtendedCare(family.scope(), CareFixtures.extendedCare(family.student(), day));
        UUID otherGroup = care.formCareGroup(
                otherSchool.admin(), otherSchool.id(), new NewCareGroup("别校组", otherSchool.careStaff(), "二楼", null));
        long audited = audited();

        assertThatThrownBy(() -> care.acceptEarlyArrival(otherSchool.admin(), early, otherSchool.careStaff()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> care.declineEarlyArrival(otherSchool.admin(), early, "不收"))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> care.approveExtendedCare(otherSchool.admin(), extended, otherGroup))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> care.request(otherSchool.admin(), CareKind.EARLY_ARRIVAL, early))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> care.request(school.admin(), CareKind.EXTENDED_CARE, early))
                .as("an early arrival is not found as extended care")
                .isInstanceOf(NotFoundException.class);
        assertThat(care.familyRequests(neighbour.scope())).isEmpty();
        assertThat(care.pendingRequests(otherSchool.admin(), otherSchool.id())).isEmpty();

        assertRefused(
                () -> care.acceptEarlyArrival(school.admin(), early, otherSchool.careStaff()),
                "care.staff.notOfSchool");
        assertRefused(() -> care.approveExtendedCare(school.admin(), extended, otherGroup), "care.group.unknown");
        assertRefused(
                () -> care.formCareGroup(
                        school.admin(), school.id(), new NewCareGroup("借人组", otherSchool.careStaff(), "一楼", null)),
                "care.staff.notOfSchool");
        assertThat(status(early)).isEqualTo(CareStatus.PENDING);
        assertThat(audited()).isEqualTo(audited);
    }

    @Test
    void extendedCareIsGroupedInARoomAndListedOnTheRosterOfItsDays() {
        Family first = school.family("托管甲");
        Family second = school.family("托管乙");
        Family third = school.family("托管丙");
        LocalDate day = days.get(5);
        UUID a = care.requestExtendedCare(first.scope(), CareFixtures.extendedCare(first.student(), day));
        UUID b = care.requestExtendedCare(second.scope(), CareFixtures.extendedCare(second.student(), day));
        UUID c = care.requestExtendedCare(third.scope(), CareFixtures.extendedCare(third.student(), day));
        UUID venue = catalog.addVenue(school.admin(), school.id(), new NewVenue("图书室", VenueKind.LIBRARY, 40));

        assertRefused(
                () -> care.formCareGroup(
                        school.admin(), school.id(), new NewCareGroup("无地点组", school.careStaff(), null, null)),
                "care.group.roomRequired");
        assertRefused(
                () -> care.formCareGroup(
                        school.admin(),
                        school.id(),
                        new NewCareGroup("错场地组", school.careStaff(), null, UUID.randomUUID())),
                "care.group.venueUnknown");
        UUID library = care.formCareGroup(
                school.admin(), school.id(), new NewCareGroup("图书室组", school.careStaff(), null, venue));
        UUID hall = care.formCareGroup(
                school.admin(), school.id(), new NewCareGroup("一楼组", school.careStaff(), "一楼活动室", null));
        assertRefused(
                () -> care.formCareGroup(
                        school.admin(), school.id(), new NewCareGroup("一楼组", school.careStaff(), "别处", null)),
                "care.group.nameTaken");

        care.approveExtendedCare(school.admin(), a, library);
        care.approveExtendedCare(school.admin(), b, library);
        care.regroupExtendedCare(school.admin(), b, hall);
        assertRefused(() -> care.regroupExtendedCare(school.admin(), c, hall), "care.notAccepted");
        assertRefused(() -> care.declineExtendedCare(school.admin(), c, ""), "care.decline.reasonRequired");

        var roster = care.extendedCareRoster(school.admin(), school.id(), day);
        assertThat(roster.schoolDay()).isTrue();
        assertThat(roster.groups())
                .extracting(g -> g.group().name() + ":" + g.group().room() + ":"
                        + g.children().size())
                .containsExactly("一楼组:一楼活动室:1", "图书室组:图书室:1");
        assertThat(roster.waiting()).extracting(CareRequestSummary::id).containsExactly(c);
        assertThat(care.careGroups(school.admin(), school.id()))
                .extracting(g -> g.name() + ":" + g.children())
                .containsExactly("一楼组:1", "图书室组:1");
        assertThat(care.extendedCareRoster(school.admin(), school.id(), day.plusDays(1))
                        .groups())
                .as("care only on the weekdays asked for")
                .isEmpty();
        LocalDate sunday = day.with(java.time.temporal.TemporalAdjusters.next(DayOfWeek.SUNDAY));
        assertThat(care.extendedCareRoster(school.admin(), school.id(), sunday).schoolDay())
                .isFalse();

        care.declineExtendedCare(school.admin(), c, "名额已满");
        assertThat(notificationKeys(first)).containsExactly("care.notify.extendedAccepted");
        assertThat(notificationKeys(second))
                .containsExactlyInAnyOrder("care.notify.extendedAccepted", "care.notify.regrouped");
        assertThat(notificationKeys(third)).containsExactly("care.notify.extendedDeclined");
        CareRequestSummary moved = care.familyRequests(second.scope()).getFirst();
        assertThat(moved.careGroupName()).isEqualTo("一楼组");
        assertThat(moved.weekdays()).containsExactly(day.getDayOfWeek());
        assertThat(moved.history())
                .extracting(CareRequests.HistoryEntry::action)
                .containsExactly(CareAction.SUBMITTED, CareAction.ACCEPTED, CareAction.GROUPED);
        assertThat(care.extendedCareRoster(school.admin(), school.id(), day).waiting())
                .isEmpty();
    }

    private static void assertRefused(Runnable command, String key) {
        assertThatThrownBy(command::run)
                .isInstanceOf(RuleViolation.class)
                .satisfies(e -> assertThat(((RuleViolation) e).messageKey()).isEqualTo(key));
    }

    private CareStatus status(UUID id) {
        return CareStatus.valueOf(
                jdbc.sql("""
                        select status from enrollment.early_arrival_request where id = :id
                        union all select status from enrollment.extended_care_request where id = :id""").param("id", id).query(String.class).single());
    }

    private long requests() {
        return jdbc.sql("""
                        select (select count(*) from enrollment.early_arrival_request)
                          + (select count(*) from enrollment.extended_care_request)""").query(Long.class).single();
    }

    private long audited() {
        return jdbc.sql("select count(*) from platform.audit_event")
                .query(Long.class)
                .single();
    }

    private long notifications(Family family) {
        return notificationKeys(family).size();
    }

    private List<String> notificationKeys(Family family) {
        return jdbc.sql("select message_key from platform.notification where recipient_id = :a order by created_at, id")
                .param("a", family.account())
                .query(String.class)
                .list();
    }

    private UUID county() {
        UUID city = jdbc.sql("select id from organization.city")
                .query(UUID.class)
                .optional()
                .orElseGet(() -> {
                    UUID id = UUID.randomUUID();
                    jdbc.sql(
                                    "insert into organization.city (id, version, code, name, name_en) values (:id, 0, '419900', '测试市', 'Test')")
                            .param("id", id)
                            .update();
                    return id;
                });
        UUID county = UUID.randomUUID();
        jdbc.sql("insert into organization.county (id, version, city_id, code, name, name_en, kind, sort_order)"
                        + " values (:id, 0, :city, :code, '测试区', 'Test', 'DISTRICT', 0)")
                .param("id", county)
                .param("city", city)
                .param("code", "4199" + (50 + SCHOOLS.incrementAndGet()))
                .update();
        return county;
    }

    private TestSchool school(UUID county) {
        int n = SCHOOLS.incrementAndGet();
        UserScope countyAdmin = new UserScope(
                UUID.randomUUID(), "县区管理员", EnumSet.of(Role.COUNTY_ADMIN), county, null, null, null, null);
        UUID id = organization.openSchool(
                countyAdmin, county, new SchoolDetails("T-CARE-" + n, "看护测试学校" + n, Stage.PRIMARY, null));
        UserScope admin = new UserScope(
                UUID.randomUUID(), "校管理员" + n, EnumSet.of(Role.SCHOOL_ADMIN), county, id, null, null, null);
        UUID schoolClass = organization.openClass(admin, id, 2, "1班", null);
        int year = LocalDate.now(clock).getYear() + 1;
        organization.planTerm(
                admin, id, year, TermKind.AUTUMN, LocalDate.of(year, 9, 1), LocalDate.of(year + 1, 1, 20));
        UUID staff = fixtures.careStaff(admin, "看护王老师");
        return new TestSchool(id, admin, schoolClass, staff, fixtures);
    }

    private record TestSchool(UUID id, UserScope admin, UUID schoolClass, UUID careStaff, CareFixtures fixtures) {
        Family family(String name) {
            return fixtures.family(admin, schoolClass, name);
        }
    }
}
