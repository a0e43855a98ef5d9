package org.kehou.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kehou.catalog.CatalogManagement.NewCourse;
import org.kehou.catalog.CatalogManagement.NewFeeNotice;
import org.kehou.catalog.CatalogManagement.NewOffering;
import org.kehou.catalog.CatalogManagement.NewSlotPlan;
import org.kehou.catalog.CatalogManagement.NewVenue;
import org.kehou.catalog.CatalogManagement.OfferingSummary;
import org.kehou.catalog.CatalogManagement.SlotLine;
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
 * The catalog's migration, aggregates and read queries on PostgreSQL: times, enums and grade sets round-trip, the
 * optional filters of the offering lists bind as typed nulls, the exercise minimum is read per county, and plans are
 * revised and copied into the next term with the opening day of fee notices read back.
 */
@PostgresTest
@SpringBootTest(properties = "kehou.demo.enabled=false")
class CatalogPostgresTests {

    @Autowired
    CatalogManagement catalog;

    @Autowired
    OrganizationManagement organization;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Test
    void keepsAndListsASchoolsCatalog() {
        UUID city = UUID.randomUUID();
        jdbc.sql(
                        "insert into organization.city (id, version, code, name, name_en) values (:id, 0, '419900', '测试市', 'Test')")
                .param("id", city)
                .update();
        UUID county = UUID.randomUUID();
        jdbc.sql("insert into organization.county (id, version, city_id, code, name, name_en, kind, sort_order)"
                        + " values (:id, 0, :city, '419921', '测试区', 'Test', 'DISTRICT', 0)")
                .param("id", county)
                .param("city", city)
                .update();
        UserScope countyAdmin =
                new UserScope(UUID.randomUUID(), "县区", EnumSet.of(Role.COUNTY_ADMIN), county, null, null, null, null);
        UUID school = organization.openSchool(
                countyAdmin, county, new SchoolDetails("T-CAT-PG", "测试学校", Stage.NINE_YEAR, null));
        UserScope admin =
                new UserScope(UUID.randomUUID(), "学校", EnumSet.of(Role.SCHOOL_ADMIN), county, school, null, null, null);
        UUID teacher = organization.addStaff(
                admin, school, new NewStaff("T-CAT-PG-01", "王老师", null, StaffPosition.TEACHER, "体育"));
        UUID autumn = organization.planTerm(
                admin, school, 2026, TermKind.AUTUMN, LocalDate.of(2026, 9, 1), LocalDate.of(2027, 1, 15));
        UUID spring = organization.planTerm(
                admin, school, 2026, TermKind.SPRING, LocalDate.of(2027, 2, 22), LocalDate.of(2027, 7, 9));

        UUID gym = catalog.addVenue(admin, school, new NewVenue("体育馆", VenueKind.GYM, 120));
        UUID lab = catalog.addVenue(admin, school, new NewVenue("科学实验室", VenueKind.LAB, 40));
        UUID basketball = catalog.defineCourse(
                admin,
                school,
                new NewCourse(
                        "篮球",
                        CourseCategory.SCHOOL_BASED,
                        ActivityKind.CULTURE_AND_SPORTS,
                        List.of(7, 8),
                        "强身健体",
                        null,
                        ProviderKind.STAFF,
                        null,
                        List.of()));
        UUID science = catalog.defineCourse(
                admin,
                school,
                new NewCourse(
                        "趣味科学",
                        CourseCategory.SCIENCE_LITERACY,
                        ActivityKind.SCIENCE_POPULARISATION,
                        List.of(4, 5),
                        null,
                        null,
                        ProviderKind.INSTITUTION,
                        UUID.randomUUID(),
                        List.of()));

        catalog.setExerciseMinimum(countyAdmin, county, 25);
        UUID plan = catalog.draftSlotPlan(
                admin,
                school,
                new NewSlotPlan(
                        autumn,
                        DayOfWeek.THURSDAY,
                        7,
                        9,
                        List.of(
                                new SlotLine(Slot.SLOT_1, LocalTime.of(15, 30), LocalTime.of(16, 30), "自主作业", 25),
                                new SlotLine(Slot.SLOT_2, LocalTime.of(16, 40), LocalTime.of(17, 40), "社团", 30),
                                new SlotLine(Slot.EVENING, LocalTime.of(19, 0), LocalTime.of(20, 30), "晚自习", 0))));
        catalog.publishSlotPlan(admin, plan);

        UUID ball = catalog.draftOffering(
                admin,
                school,
                new NewOffering(
                        basketball,
                        autumn,
                        DayOfWeek.THURSDAY,
                        Slot.SLOT_2,
                        gym,
                        Set.of(teacher),
                        60,
                        List.of(7, 8),
                        null,
                        60,
                        null,
                        LocalDate.of(2026, 9, 3),
                        LocalDate.of(2027, 1, 14),
                        List.of()));
        UUID lessons = catalog.draftOffering(
                admin,
                school,
                new NewOffering(
                        science,
                        autumn,
                        DayOfWeek.THURSDAY,
                        Slot.SLOT_2,
                        lab,
                        Set.of(UUID.randomUUID()),
                        40,
                        List.of(4, 5),
                        new BigDecimal("480.00"),
                        10,
                        null,
                        null,
                        null,
                        List.of()));
        catalog.publishOffering(admin, ball);
        catalog.publishFeeNotice(admin, lessons, new NewFeeNotice("趣味科学实验", "每学期 480 元", "实验材料", "两周内全额退费", "某科技中心"));
        assertThatThrownBy(() -> catalog.publishOffering(admin, lessons))
                .isInstanceOfSatisfying(
                        RuleViolation.class, v -> assertThat(v.messageKey()).isEqualTo("notice.periodNotOver"));
        jdbc.sql("update catalog.fee_notice set published_on = :day where offering_id = :o")
                .param("day", LocalDate.now(clock).minusDays(NoticePeriodRule.DEFAULT_DAYS))
                .param("o", lessons)
                .update();
        catalog.publishOffering(admin, lessons);

        PageQuery firstPage = new PageQuery(0, 20, "", false, "");
        assertThat(catalog.publishedOfferings(school, autumn, 7, Slot.SLOT_2, firstPage)
                        .items())
                .singleElement()
                .satisfies(o -> {
                    assertThat(o.courseName()).isEqualTo("篮球");
                    assertThat(o.startsOn()).isEqualTo(LocalDate.of(2026, 9, 3));
                    assertThat(o.state()).isEqualTo(OfferingState.PUBLISHED);
                });
        var all = catalog.publishedOfferings(school, null, null, null, firstPage);
        assertThat(all.total()).isEqualTo(2);
        assertThat(all.items())
                .extracting(OfferingSummary::fee)
                .anySatisfy(fee -> assertThat(fee).isEqualByComparingTo("480"));
        assertThat(catalog.publishedNotices(school)).hasSize(1);
        assertThat(catalog.exerciseMinimum(county)).isEqualTo(25);

        assertThat(catalog.copyOfferingsToTerm(admin, school, autumn, spring).copied())
                .hasSize(2);
        assertThat(catalog.offerings(admin, school, spring, 4, null))
                .singleElement()
                .satisfies(o -> assertThat(o.state()).isEqualTo(OfferingState.DRAFT));

        assertThat(catalog.feeNotices(admin, school, autumn))
                .singleElement()
                .satisfies(n -> assertThat(n.opensOn()).isEqualTo(LocalDate.now(clock)));
        assertThat(catalog.offering(admin, lessons).fee()).isEqualByComparingTo("480");
        catalog.withdrawSlotPlan(admin, plan);
        List<SlotLine> revised = List.of(
                new SlotLine(Slot.SLOT_1, LocalTime.of(15, 40), LocalTime.of(16, 40), "自主阅读", 30),
                new SlotLine(Slot.EVENING, LocalTime.of(19, 0), LocalTime.of(20, 30), "晚自习", 0));
        catalog.reviseSlotPlan(admin, plan, revised);
        assertThat(catalog.copySlotPlansToTerm(admin, school, autumn, spring).copied())
                .hasSize(1);
        assertThat(catalog.slotPlans(admin, school, spring)).singleElement().satisfies(p -> {
            assertThat(p.published()).isFalse();
            assertThat(p.slots()).isEqualTo(revised);
        });
    }
}
