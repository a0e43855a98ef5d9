package org.kehou.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.kehou.catalog.CatalogManagement.CourseSummary;
import org.kehou.catalog.CatalogManagement.OfferingSummary;
import org.kehou.platform.UserScope;
import org.kehou.support.DemoFixtures;
import org.kehou.support.KehouTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo schools' catalog: a course system covering every category and kind (COURSE-1), published slot plans
 * that pass the exercise rule (CONTENT-3), published offerings of the current term and one institution offering
 * whose fee notice has been public long enough (ENROL-5).
 */
@KehouTest
class DemoCatalogTests {

    /** The demo city's populated schools (README), which the demo catalog fills in. */
    static final Set<String> DEMO_SCHOOLS = Set.of("JX-PS", "JX-JM", "JX-NY", "LL-PS", "LL-JM", "LL-NY");

    @Autowired
    CatalogManagement catalog;

    @Autowired
    DemoFixtures demo;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Test
    void everyDemoSchoolHasACourseSystemCoveringEveryCategoryAndKind() {
        for (String code : DEMO_SCHOOLS) {
            UUID school = demo.school(code);
            List<CourseSummary> courses = catalog.courses(admin(code), school).stream()
                    .filter(c -> c.name().equals("悦读时光")
                            || DEMO_COURSE_NAMES.contains(c.name())
                            || c.name().equals("课后作业辅导"))
                    .toList();
            assertThat(courses.stream().map(CourseSummary::category).distinct())
                    .as(code)
                    .containsExactlyInAnyOrder(CourseCategory.values());
            assertThat(courses.stream()
                            .map(CourseSummary::activityKind)
                            .filter(java.util.Objects::nonNull)
                            .distinct())
                    .as(code)
                    .containsExactlyInAnyOrder(ActivityKind.values());
        }
    }

    @Test
    void everyDemoSchoolHasPublishedPlansAndOfferingsForTheCurrentTerm() {
        for (String code : DEMO_SCHOOLS) {
            UUID school = demo.school(code);
            UUID term = currentTerm(school);
            long publishedPlans = jdbc.sql("""
                            select count(*) from catalog.slot_plan
                            where school_id = :s and term_id = :t and state = 'PUBLISHED'""")
                    .param("s", school)
                    .param("t", term)
                    .query(Long.class)
                    .single();
            assertThat(publishedPlans).as(code).isGreaterThanOrEqualTo(5);
            int minimum = catalog.exerciseMinimum(demo.county(code.startsWith("JX") ? "410305" : "410311"));
            long short_ = jdbc.sql("""
                            select count(*) from catalog.plan_slot ps join catalog.slot_plan p on p.id = ps.slot_plan_id
                            where p.school_id = :s and p.state = 'PUBLISHED' and ps.slot <> 'EVENING'
                              and ps.exercise_minutes < :min""")
                    .param("s", school)
                    .param("min", minimum)
                    .query(Long.class)
                    .single();
            assertThat(short_).as(code).isZero();
            Map<Slot, Long> published = catalog.offerings(admin(code), school, term, null, null).stream()
                    .filter(o -> o.state() == OfferingState.PUBLISHED)
                    .collect(Collectors.groupingBy(OfferingSummary::slot, Collectors.counting()));
            assertThat(published.get(Slot.SLOT_1)).as(code).isPositive();
            assertThat(published.get(Slot.SLOT_2)).as(code).isGreaterThanOrEqualTo(DEMO_COURSE_NAMES.size());
            assertThat(published.containsKey(Slot.EVENING))
                    .as("%s runs evening self-study only with junior-middle grades", code)
                    .isEqualTo(!code.endsWith("PS"));
        }
    }

    @Test
    void theDemoPrimarySchoolHasOnePublishedInstitutionOfferingWithItsNotice() {
        UUID school = demo.school(DemoCatalog.INSTITUTION_SCHOOL);
        List<OfferingSummary> feeBearing =
                catalog
                        .offerings(admin(DemoCatalog.INSTITUTION_SCHOOL), school, currentTerm(school), null, null)
                        .stream()
                        .filter(o -> o.fee() != null)
                        .toList();
        assertThat(feeBearing).singleElement().satisfies(o -> {
            assertThat(o.providerKind()).isEqualTo(ProviderKind.INSTITUTION);
            assertThat(o.state()).isEqualTo(OfferingState.PUBLISHED);
        });
        var notices = catalog.publishedNotices(school);
        assertThat(notices)
                .filteredOn(n -> n.offeringId().equals(feeBearing.getFirst().id()))
                .singleElement()
                .satisfies(n -> assertThat(n.publishedOn())
                        .isBeforeOrEqualTo(LocalDate.now(clock).minusDays(catalog.noticeDays(demo.county("410305")))));
    }

    @Autowired
    ServicePlanning services;

    @Test
    void everyDemoSchoolRunsEarlyArrivalBothSlotsAndExtendedCareAndEveningStudyOnlyWithJuniorGrades() {
        for (String code : DEMO_SCHOOLS) {
            UUID school = demo.school(code);
            var times = services.serviceTimes(cityReader(), school, currentTerm(school));
            assertThat(times)
                    .as(code)
                    .filteredOn(ServicePlanning.ServiceTimeSummary::offered)
                    .extracting(ServicePlanning.ServiceTimeSummary::kind)
                    .containsExactlyElementsOf(
                            code.endsWith("PS")
                                    ? List.of(
                                            ServiceKind.EARLY_ARRIVAL,
                                            ServiceKind.SLOT_1,
                                            ServiceKind.SLOT_2,
                                            ServiceKind.EXTENDED_CARE)
                                    : List.of(ServiceKind.values()));
        }
    }

    @Test
    void theNextTermIsLeftForTheSchoolToBuild() {
        UUID school = demo.school("LL-PS");
        UUID next = jdbc.sql("select id from organization.term where school_id = :s order by starts_on desc limit 1")
                .param("s", school)
                .query(UUID.class)
                .single();
        assertThat(next).isNotEqualTo(currentTerm(school));
        long plans = jdbc.sql("select count(*) from catalog.slot_plan where term_id = :t and state = 'PUBLISHED'")
                .param("t", next)
                .query(Long.class)
                .single();
        assertThat(plans).isZero();
    }

    private static final List<String> DEMO_COURSE_NAMES =
            Arrays.asList("经典诵读社", "书法", "趣味科学实验", "航模兴趣小组", "校园足球", "种植园劳动", "合唱团", "数学思维游戏", "悦读时光");

    private UserScope admin(String code) {
        return code.equals("JX-PS")
                ? demo.scope("JX-PS-ADMIN")
                : code.equals("LL-PS") ? demo.scope("LL-PS-ADMIN") : cityReader();
    }

    private UserScope cityReader() {
        return demo.scope("LY-CITY-001");
    }

    private UUID currentTerm(UUID school) {
        return jdbc.sql("""
                        select id from organization.term where school_id = :s and ends_on >= :today
                        order by case when starts_on <= :today then 0 else 1 end, starts_on limit 1""")
                .param("s", school)
                .param("today", LocalDate.now(clock))
                .query(UUID.class)
                .single();
    }
}
