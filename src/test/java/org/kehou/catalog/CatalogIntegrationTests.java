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
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.kehou.catalog.CatalogManagement.NewCourse;
import org.kehou.catalog.CatalogManagement.NewFeeNotice;
import org.kehou.catalog.CatalogManagement.NewOffering;
import org.kehou.catalog.CatalogManagement.NewSlotPlan;
import org.kehou.catalog.CatalogManagement.NewVenue;
import org.kehou.catalog.CatalogManagement.OfferingSummary;
import org.kehou.catalog.CatalogManagement.SlotLine;
import org.kehou.organization.DayKind;
import org.kehou.organization.OrganizationManagement;
import org.kehou.organization.OrganizationManagement.NewStaff;
import org.kehou.organization.OrganizationManagement.SchoolDetails;
import org.kehou.organization.StaffPosition;
import org.kehou.organization.Stage;
import org.kehou.organization.TermKind;
import org.kehou.platform.AuditTrail;
import org.kehou.platform.NotFoundException;
import org.kehou.platform.PageQuery;
import org.kehou.platform.Role;
import org.kehou.platform.RuleViolation;
import org.kehou.platform.UserScope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * The catalog module with the organization and platform it depends on: a school builds its course system, slot
 * plans and offerings of a term, each policy rule stops it where the city's guidance says, and another school's
 * admin finds none of it (COURSE-1..3, CONTENT-1..7, ENROL-5).
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
@ActiveProfiles("test")
@TestPropertySource(
        properties = {
            "kehou.demo.enabled=false",
            "spring.datasource.url=jdbc:h2:mem:catalog-module;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"
        })
class CatalogIntegrationTests {

    static final LocalDate NATIONAL_DAY = LocalDate.of(2026, 10, 1);
    static final List<Integer> ALL_GRADES = List.of(1, 2, 3, 4, 5, 6, 7, 8, 9);

    @Autowired
    CatalogManagement catalog;

    @Autowired
    OrganizationManagement organization;

    @Autowired
    AuditTrail audit;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Test
    void aSchoolBuildsItsTermAndEachRuleStopsItWhereThePolicySays() {
        School school = school("419911", "T-CAT-1", Stage.NINE_YEAR);
        UserScope admin = school.admin();
        UUID autumn = organization.planTerm(
                admin, school.id(), 2026, TermKind.AUTUMN, LocalDate.of(2026, 9, 1), LocalDate.of(2027, 1, 15));
        UUID spring = organization.planTerm(
                admin, school.id(), 2026, TermKind.SPRING, LocalDate.of(2027, 2, 22), LocalDate.of(2027, 7, 9));
        organization.markDay(admin, autumn, NATIONAL_DAY, DayKind.HOLIDAY, "国庆节");

        UUID artRoom = catalog.addVenue(admin, school.id(), new NewVenue("美术室", VenueKind.SPECIAL_ROOM, 30));
        UUID ground = catalog.addVenue(admin, school.id(), new NewVenue("操场", VenueKind.SPORTS_GROUND, 200));
        UUID classroom = catalog.addVenue(admin, school.id(), new NewVenue("三年级一班教室", VenueKind.CLASSROOM, 50));
        UUID painting =
                course(admin, school.id(), "少儿国画", ActivityKind.ARTS, ProviderKind.STAFF, List.of(), ALL_GRADES);
        UUID homework = course(admin, school.id(), "作业辅导", null, ProviderKind.STAFF, List.of(), ALL_GRADES);
        UUID robotics = course(
                admin,
                school.id(),
                "机器人编程",
                ActivityKind.INTEREST_GROUP,
                ProviderKind.INSTITUTION,
                List.of(),
                ALL_GRADES);
        assertThat(catalog.courses(admin, school.id()))
                .extracting(CatalogManagement.CourseSummary::name)
                .contains("少儿国画", "作业辅导", "机器人编程");
        assertRefused(
                () -> course(
                        admin, school.id(), "合唱", ActivityKind.ARTS, ProviderKind.STAFF, List.of(painting), ALL_GRADES),
                "bundling.refused");

        // CONTENT-3: a plan lacking exercise is refused until exercise is added; a county may only raise the minimum
        UUID lacking = catalog.draftSlotPlan(admin, school.id(), plan(autumn, 10));
        assertRefused(() -> catalog.publishSlotPlan(admin, lacking), "exercise.slotBelowMinimum");
        UUID enough = catalog.draftSlotPlan(admin, school.id(), plan(autumn, 25));
        catalog.publishSlotPlan(admin, enough);
        assertRefused(
                () -> catalog.setExerciseMinimum(school.countyAdmin(), school.countyId(), 15),
                "exercise.belowCityMinimum");
        catalog.setExerciseMinimum(school.countyAdmin(), school.countyId(), 30);
        assertThat(catalog.exerciseMinimum(school.countyId())).isEqualTo(30);
        UUID nowLacking = catalog.draftSlotPlan(admin, school.id(), plan(autumn, 25));
        assertRefused(() -> catalog.publishSlotPlan(admin, nowLacking), "exercise.slotBelowMinimum");

        // CONTENT-4: slot 1 is homework help
        assertRefused(
                () -> catalog.draftOffering(
                        admin,
                        school.id(),
                        offering(homework, autumn, DayOfWeek.MONDAY, Slot.SLOT_1, classroom, 45, List.of(3), null)
                                .withContent(SlotOneContent.NEW_LESSON)),
                "slotOne.newLessonRefused");
        UUID homeworkHelp = catalog.draftOffering(
                admin,
                school.id(),
                offering(homework, autumn, DayOfWeek.MONDAY, Slot.SLOT_1, classroom, 45, List.of(3), null)
                        .withContent(SlotOneContent.SELF_HOMEWORK));

        // COURSE-3: venue, instructor, capacity, grades and dates
        UUID paintingOnTuesday = catalog.draftOffering(
                admin,
                school.id(),
                offering(painting, autumn, DayOfWeek.TUESDAY, Slot.SLOT_2, artRoom, 30, List.of(3, 4), null));
        assertRefused(
                () -> catalog.draftOffering(
                        admin,
                        school.id(),
                        offering(robotics, autumn, DayOfWeek.TUESDAY, Slot.SLOT_2, artRoom, 20, List.of(5), null)),
                "schedule.venueTaken");
        assertRefused(
                () -> catalog.draftOffering(
                        admin,
                        school.id(),
                        offering(painting, autumn, DayOfWeek.TUESDAY, Slot.SLOT_2, ground, 20, List.of(5), null)
                                .withInstructors(Set.of(school.teacher()))),
                "schedule.instructorTaken");
        assertRefused(
                () -> catalog.draftOffering(
                        admin,
                        school.id(),
                        offering(painting, autumn, DayOfWeek.THURSDAY, Slot.SLOT_2, artRoom, 40, List.of(3), null)),
                "schedule.overVenueCapacity");
        assertRefused(
                () -> catalog.draftOffering(
                        admin,
                        school.id(),
                        offering(painting, autumn, DayOfWeek.THURSDAY, Slot.SLOT_2, artRoom, 30, List.of(3), null)
                                .withDates(NATIONAL_DAY, LocalDate.of(2026, 12, 31))),
                "schedule.notSchoolDay");

        // COURSE-2: an offering is for grades of its course and has an instructor
        UUID juniorBasketball = course(
                admin,
                school.id(),
                "初中篮球",
                ActivityKind.CULTURE_AND_SPORTS,
                ProviderKind.STAFF,
                List.of(),
                List.of(7, 8, 9));
        assertRefused(
                () -> catalog.draftOffering(
                        admin,
                        school.id(),
                        offering(
                                juniorBasketball,
                                autumn,
                                DayOfWeek.THURSDAY,
                                Slot.SLOT_2,
                                ground,
                                60,
                                List.of(3),
                                null)),
                "offering.gradeNotInCourse");
        assertRefused(
                () -> catalog.draftOffering(
                        admin,
                        school.id(),
                        offering(
                                        juniorBasketball,
                                        autumn,
                                        DayOfWeek.THURSDAY,
                                        Slot.SLOT_2,
                                        ground,
                                        60,
                                        List.of(8),
                                        null)
                                .withInstructors(Set.of())),
                "offering.noInstructor");

        assertRefused(
                () -> catalog.draftOffering(
                        admin,
                        school.id(),
                        offering(
                                        juniorBasketball,
                                        autumn,
                                        DayOfWeek.THURSDAY,
                                        Slot.SLOT_2,
                                        ground,
                                        60,
                                        List.of(8),
                                        null)
                                .withInstructors(Set.of(UUID.randomUUID()))),
                "offering.instructorNotStaff");

        // CONTENT-1, CONTENT-7, and no fee on a school-run offering
        assertRefused(
                () -> catalog.draftOffering(
                        admin,
                        school.id(),
                        offering(painting, autumn, DayOfWeek.FRIDAY, Slot.SLOT_2, artRoom, 30, List.of(3), null)
                                .withRequires(List.of(paintingOnTuesday))),
                "bundling.refused");
        assertRefused(
                () -> catalog.draftOffering(
                        admin,
                        school.id(),
                        offering(homework, autumn, DayOfWeek.FRIDAY, Slot.EVENING, classroom, 45, List.of(6, 7), null)),
                "evening.juniorMiddleOnly");
        catalog.draftOffering(
                admin,
                school.id(),
                offering(homework, autumn, DayOfWeek.FRIDAY, Slot.EVENING, classroom, 45, List.of(8, 9), null));
        assertRefused(
                () -> catalog.draftOffering(
                        admin,
                        school.id(),
                        offering(
                                painting,
                                autumn,
                                DayOfWeek.FRIDAY,
                                Slot.SLOT_2,
                                artRoom,
                                30,
                                List.of(3),
                                new BigDecimal("300"))),
                "fee.onlyInstitution");

        // ENROL-5: a fee-bearing institution offering opens only after its notice has been public five days
        UUID roboticsOnWednesday = catalog.draftOffering(
                admin,
                school.id(),
                offering(
                                robotics,
                                autumn,
                                DayOfWeek.WEDNESDAY,
                                Slot.SLOT_2,
                                classroom,
                                30,
                                List.of(4, 5),
                                new BigDecimal("600.00"))
                        .withInstructors(Set.of(UUID.randomUUID())));
        assertRefused(() -> catalog.publishOffering(admin, roboticsOnWednesday), "fee.noticeRequired");
        assertRefused(() -> catalog.publishFeeNotice(admin, paintingOnTuesday, notice()), "fee.noticeWithoutFee");
        catalog.publishFeeNotice(admin, roboticsOnWednesday, notice());
        assertRefused(() -> catalog.publishOffering(admin, roboticsOnWednesday), "notice.periodNotOver");
        jdbc.sql("update catalog.fee_notice set published_on = :day where offering_id = :o")
                .param("day", LocalDate.now(clock).minusDays(NoticePeriodRule.DEFAULT_DAYS))
                .param("o", roboticsOnWednesday)
                .update();
        catalog.publishOffering(admin, roboticsOnWednesday);
        assertThat(catalog.publishedNotices(school.id()))
                .singleElement()
                .satisfies(n -> assertThat(n.courseName()).isEqualTo("机器人编程"));

        // Published offerings for the public, every state for the school
        catalog.publishOffering(admin, paintingOnTuesday);
        assertThat(catalog.publishedOfferings(school.id(), autumn, 4, Slot.SLOT_2, new PageQuery(0, 20, "", false, ""))
                        .items())
                .extracting(OfferingSummary::courseName)
                .containsExactly("少儿国画", "机器人编程");
        assertThat(catalog.publishedOfferings(school.id(), autumn, null, null, new PageQuery(0, 20, "", false, ""))
                        .items())
                .extracting(OfferingSummary::id)
                .doesNotContain(homeworkHelp);
        assertThat(catalog.offerings(admin, school.id(), autumn, 3, Slot.SLOT_1))
                .extracting(OfferingSummary::id)
                .containsExactly(homeworkHelp);

        // A published offering is cancelled only with a reason
        assertRefused(() -> catalog.cancelOffering(admin, paintingOnTuesday, " "), "offering.cancelReasonRequired");
        catalog.cancelOffering(admin, paintingOnTuesday, "美术老师外出培训");
        assertThat(audit.historyOf(paintingOnTuesday))
                .extracting(AuditTrail.AuditRecord::action)
                .contains("offering.published", "offering.cancelled");

        // SCOPE-3: the sports ground opens on a Saturday and on National Day, never on a school day
        var saturday = new CatalogManagement.NewOpening(
                ground,
                LocalDate.of(2026, 10, 10),
                LocalTime.of(9, 0),
                LocalTime.of(11, 0),
                100,
                OpeningPurpose.ENRICHMENT,
                Set.of(school.teacher()));
        catalog.publishOpening(admin, catalog.planOpening(admin, school.id(), saturday));
        catalog.planOpening(
                admin,
                school.id(),
                new CatalogManagement.NewOpening(
                        ground,
                        NATIONAL_DAY,
                        LocalTime.of(9, 0),
                        LocalTime.of(11, 0),
                        100,
                        OpeningPurpose.CARE,
                        Set.of(school.teacher())));
        assertRefused(
                () -> catalog.planOpening(
                        admin,
                        school.id(),
                        new CatalogManagement.NewOpening(
                                ground,
                                LocalDate.of(2026, 10, 12),
                                LocalTime.of(9, 0),
                                LocalTime.of(11, 0),
                                100,
                                OpeningPurpose.CARE,
                                Set.of(school.teacher()))),
                "opening.onSchoolDay");
        assertRefused(() -> catalog.planOpening(admin, school.id(), saturday), "schedule.venueTaken");
        assertThat(catalog.publishedOpenings(school.id(), LocalDate.of(2026, 9, 1)))
                .singleElement()
                .satisfies(o -> assertThat(o.venueName()).isEqualTo("操场"));

        // Next term starts from a copy of this one, as drafts, without the cancelled offering
        var copy = catalog.copyOfferingsToTerm(admin, school.id(), autumn, spring);
        assertThat(copy.copied()).hasSize(3);
        assertThat(catalog.offerings(admin, school.id(), spring, null, null))
                .allSatisfy(o -> assertThat(o.state()).isEqualTo(OfferingState.DRAFT))
                .extracting(OfferingSummary::courseName)
                .containsExactlyInAnyOrder("作业辅导", "机器人编程", "作业辅导");
    }

    @Test
    void anotherSchoolsAdminFindsNothing() {
        School school = school("419912", "T-CAT-2", Stage.PRIMARY);
        UserScope admin = school.admin();
        UUID term = organization.planTerm(
                admin, school.id(), 2026, TermKind.AUTUMN, LocalDate.of(2026, 9, 1), LocalDate.of(2027, 1, 15));
        UUID venue = catalog.addVenue(admin, school.id(), new NewVenue("图书室", VenueKind.LIBRARY, 40));
        UUID course =
                course(admin, school.id(), "绘本阅读", ActivityKind.READING, ProviderKind.STAFF, List.of(), List.of(1, 2));
        UUID offering = catalog.draftOffering(
                admin, school.id(), offering(course, term, DayOfWeek.MONDAY, Slot.SLOT_2, venue, 40, List.of(2), null));
        UUID plan = catalog.draftSlotPlan(admin, school.id(), plan(term, 30));

        School other = school("419913", "T-CAT-3", Stage.PRIMARY);
        UserScope stranger = other.admin();
        assertThatThrownBy(() -> catalog.offerings(stranger, school.id(), term, null, null))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> catalog.courses(stranger, school.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> catalog.addVenue(stranger, school.id(), new NewVenue("操场", VenueKind.GYM, 10)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> catalog.publishOffering(stranger, offering)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> catalog.cancelOffering(stranger, offering, "x"))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> catalog.publishSlotPlan(stranger, plan)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> catalog.draftOffering(
                        stranger,
                        other.id(),
                        offering(course, term, DayOfWeek.MONDAY, Slot.SLOT_2, venue, 40, List.of(2), null)))
                .as("another school's term, course and venue are not found from one's own school")
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> catalog.setExerciseMinimum(school.countyAdmin(), other.countyId(), 40))
                .isInstanceOf(NotFoundException.class);
        assertThat(catalog.offerings(admin, school.id(), term, null, null)).hasSize(1);
    }

    @Test
    void aSchoolRevisesItsDraftPlansAndCopiesThemIntoTheNextTerm() {
        School school = school("419914", "T-CAT-4", Stage.PRIMARY);
        UserScope admin = school.admin();
        UUID autumn = organization.planTerm(
                admin, school.id(), 2026, TermKind.AUTUMN, LocalDate.of(2026, 9, 1), LocalDate.of(2027, 1, 15));
        UUID spring = organization.planTerm(
                admin, school.id(), 2026, TermKind.SPRING, LocalDate.of(2027, 2, 22), LocalDate.of(2027, 7, 9));
        UUID monday = catalog.draftSlotPlan(admin, school.id(), plan(autumn, 10));
        UUID tuesday = catalog.draftSlotPlan(
                admin,
                school.id(),
                new NewSlotPlan(
                        autumn,
                        DayOfWeek.TUESDAY,
                        1,
                        3,
                        List.of(new SlotLine(Slot.SLOT_1, LocalTime.of(15, 30), LocalTime.of(16, 30), "自主作业", 20))));
        catalog.publishSlotPlan(admin, tuesday);

        // a draft short of exercise is revised and then publishes; a published plan is revised only once withdrawn
        List<SlotLine> revised = List.of(
                new SlotLine(Slot.SLOT_1, LocalTime.of(15, 40), LocalTime.of(16, 40), "自主阅读与答疑", 25),
                new SlotLine(Slot.SLOT_2, LocalTime.of(16, 50), LocalTime.of(17, 50), "足球", 45));
        assertRefused(() -> catalog.publishSlotPlan(admin, monday), "exercise.slotBelowMinimum");
        catalog.reviseSlotPlan(admin, monday, revised);
        catalog.publishSlotPlan(admin, monday);
        assertThat(catalog.slotPlans(admin, school.id(), autumn))
                .filteredOn(p -> p.id().equals(monday))
                .singleElement()
                .satisfies(p -> assertThat(p.slots()).isEqualTo(revised));
        assertRefused(() -> catalog.reviseSlotPlan(admin, tuesday, revised), "plan.publishedNotEditable");
        catalog.withdrawSlotPlan(admin, tuesday);
        catalog.reviseSlotPlan(admin, tuesday, revised);
        assertRefused(
                () -> catalog.reviseSlotPlan(
                        admin,
                        tuesday,
                        List.of(new SlotLine(Slot.SLOT_1, LocalTime.of(16, 0), LocalTime.of(15, 0), "倒序", 0))),
                "plan.slotEndsBeforeStart");

        // next term has its own Monday plan for grades 4-6, which the autumn Monday plan (1-6) overlaps
        UUID springMonday = catalog.draftSlotPlan(
                admin,
                school.id(),
                new NewSlotPlan(
                        spring,
                        DayOfWeek.MONDAY,
                        4,
                        6,
                        List.of(new SlotLine(Slot.SLOT_1, LocalTime.of(15, 30), LocalTime.of(16, 30), "春季作业", 20))));
        assertRefused(() -> catalog.copySlotPlansToTerm(admin, school.id(), autumn, autumn), "plan.copySameTerm");
        var copy = catalog.copySlotPlansToTerm(admin, school.id(), autumn, spring);
        assertThat(copy.copied()).hasSize(1);
        assertThat(copy.skipped()).isEqualTo(1);
        assertThat(catalog.slotPlans(admin, school.id(), spring))
                .allSatisfy(p -> assertThat(p.published()).isFalse())
                .extracting(CatalogManagement.SlotPlanSummary::id, CatalogManagement.SlotPlanSummary::weekday)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(springMonday, DayOfWeek.MONDAY),
                        org.assertj.core.groups.Tuple.tuple(copy.copied().getFirst(), DayOfWeek.TUESDAY));
        assertThat(catalog.slotPlans(admin, school.id(), autumn)).hasSize(2);

        School other = school("419915", "T-CAT-5", Stage.PRIMARY);
        UserScope stranger = other.admin();
        assertThatThrownBy(() -> catalog.reviseSlotPlan(stranger, springMonday, revised))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> catalog.withdrawSlotPlan(stranger, monday)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> catalog.copySlotPlansToTerm(stranger, school.id(), autumn, spring))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> catalog.copySlotPlansToTerm(stranger, other.id(), autumn, spring))
                .as("another school's terms are not found from one's own school")
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> catalog.slotPlans(stranger, school.id(), autumn))
                .isInstanceOf(NotFoundException.class);
        assertThat(catalog.slotPlans(admin, school.id(), spring)).hasSize(2);
    }

    @Test
    void aFeeNoticeTellsFromWhichDayItsOfferingMayOpen() {
        School school = school("419916", "T-CAT-6", Stage.PRIMARY);
        UserScope admin = school.admin();
        UUID term = organization.planTerm(
                admin, school.id(), 2026, TermKind.AUTUMN, LocalDate.of(2026, 9, 1), LocalDate.of(2027, 1, 15));
        UUID room = catalog.addVenue(admin, school.id(), new NewVenue("科创室", VenueKind.LAB, 30));
        UUID robotics = course(
                admin,
                school.id(),
                "机器人入门",
                ActivityKind.INTEREST_GROUP,
                ProviderKind.INSTITUTION,
                List.of(),
                List.of(3, 4));
        UUID offering = catalog.draftOffering(
                admin,
                school.id(),
                offering(robotics, term, DayOfWeek.THURSDAY, Slot.SLOT_2, room, 20, List.of(3), new BigDecimal("450")));
        catalog.setNoticePeriod(school.countyAdmin(), school.countyId(), 7);
        assertThat(catalog.feeNotices(admin, school.id(), term)).isEmpty();

        catalog.publishFeeNotice(admin, offering, notice());

        LocalDate today = LocalDate.now(clock);
        assertThat(catalog.feeNotices(admin, school.id(), term)).singleElement().satisfies(n -> {
            assertThat(n.offeringId()).isEqualTo(offering);
            assertThat(n.publishedOn()).isEqualTo(today);
            assertThat(n.opensOn()).isEqualTo(today.plusDays(7));
        });
        assertRefused(() -> catalog.publishFeeNotice(admin, offering, notice()), "fee.noticeExists");
        assertRefused(() -> catalog.publishOffering(admin, offering), "notice.periodNotOver");
        assertThat(catalog.offering(admin, offering).state()).isEqualTo(OfferingState.DRAFT);
        School other = school("419917", "T-CAT-7", Stage.PRIMARY);
        assertThatThrownBy(() -> catalog.feeNotices(other.admin(), school.id(), term))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> catalog.offering(other.admin(), offering)).isInstanceOf(NotFoundException.class);
    }

    private UUID course(
            UserScope admin,
            UUID school,
            String name,
            @Nullable ActivityKind kind,
            ProviderKind provider,
            List<UUID> requires,
            List<Integer> grades) {
        return catalog.defineCourse(
                admin,
                school,
                new NewCourse(
                        name,
                        kind == null ? CourseCategory.SUBJECT_LITERACY : CourseCategory.SCHOOL_BASED,
                        kind,
                        grades,
                        "培养兴趣",
                        null,
                        provider,
                        null,
                        requires));
    }

    private static NewSlotPlan plan(UUID term, int exerciseInSlotTwo) {
        return new NewSlotPlan(
                term,
                DayOfWeek.MONDAY,
                1,
                6,
                List.of(
                        new SlotLine(Slot.SLOT_1, LocalTime.of(15, 40), LocalTime.of(16, 40), "自主作业、答疑、眼保健操与课间活动", 30),
                        new SlotLine(
                                Slot.SLOT_2,
                                LocalTime.of(16, 50),
                                LocalTime.of(17, 50),
                                "社团活动、体育锻炼",
                                exerciseInSlotTwo)));
    }

    private static NewFeeNotice notice() {
        return new NewFeeNotice("机器人编程入门，每周一次", "每学期 600 元", "器材与教材", "开课两周内可全额退费", "某某科技培训中心");
    }

    /** The teacher of the school made last, who teaches the offerings a test drafts there. */
    private @Nullable UUID teacher;

    private NewOffering offering(
            UUID course,
            UUID term,
            DayOfWeek weekday,
            Slot slot,
            UUID venue,
            int capacity,
            List<Integer> grades,
            @Nullable BigDecimal fee) {
        return new NewOffering(
                course,
                term,
                weekday,
                slot,
                venue,
                Set.of(java.util.Objects.requireNonNull(teacher)),
                capacity,
                grades,
                fee,
                20,
                null,
                null,
                null,
                List.of());
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String key) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        RuleViolation.class, v -> assertThat(v.messageKey()).isEqualTo(key));
    }

    private record School(UUID id, UUID countyId, UUID teacher) {
        UserScope admin() {
            return new UserScope(
                    UUID.randomUUID(), "校管理员", EnumSet.of(Role.SCHOOL_ADMIN), countyId, id, null, null, null);
        }

        UserScope countyAdmin() {
            return new UserScope(
                    UUID.randomUUID(), "县区管理员", EnumSet.of(Role.COUNTY_ADMIN), countyId, null, null, null, null);
        }
    }

    private School school(String countyCode, String schoolCode, Stage stage) {
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
        jdbc.sql(
                        "insert into organization.county (id, version, city_id, code, name, name_en, kind, sort_order) values (:id, 0, :city, :code, '测试区', 'Test', 'DISTRICT', 0)")
                .param("id", county)
                .param("city", city)
                .param("code", countyCode)
                .update();
        UserScope countyAdmin = new UserScope(
                UUID.randomUUID(), "县区管理员", EnumSet.of(Role.COUNTY_ADMIN), county, null, null, null, null);
        UUID school = organization.openSchool(countyAdmin, county, new SchoolDetails(schoolCode, "测试学校", stage, null));
        UserScope admin = new UserScope(
                UUID.randomUUID(), "校管理员", EnumSet.of(Role.SCHOOL_ADMIN), county, school, null, null, null);
        UUID member = organization.addStaff(
                admin, school, new NewStaff(schoolCode + "-01", "李老师", null, StaffPosition.TEACHER, "美术"));
        teacher = member;
        return new School(school, county, member);
    }
}
