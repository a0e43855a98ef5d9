package org.kehou.catalog;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.kehou.catalog.CatalogManagement.NewCourse;
import org.kehou.catalog.CatalogManagement.NewFeeNotice;
import org.kehou.catalog.CatalogManagement.NewOffering;
import org.kehou.catalog.CatalogManagement.NewOpening;
import org.kehou.catalog.CatalogManagement.NewSlotPlan;
import org.kehou.catalog.CatalogManagement.NewVenue;
import org.kehou.catalog.CatalogManagement.SlotLine;
import org.kehou.organization.OrganizationQueries;
import org.kehou.organization.OrganizationQueries.ClassSummary;
import org.kehou.organization.OrganizationQueries.SchoolSummary;
import org.kehou.organization.OrganizationQueries.StaffRow;
import org.kehou.organization.StaffPosition;
import org.kehou.organization.Term;
import org.kehou.platform.AccountManagement;
import org.kehou.platform.Ids;
import org.kehou.platform.Role;
import org.kehou.platform.UserScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives the demo schools their after-school catalog once the demo city exists: the day's service times, venues, a
 * course system covering
 * every category and every slot-2 activity kind (COURSE-1), daily slot plans of the current term that pass the
 * exercise rule (CONTENT-3), published offerings of the current term (slot-1 homework help for each grade, slot-2
 * enrichment, evening self-study in junior-middle grades), one institution offering with its fee notice (ENROL-5) in
 * the demo primary school, and a Saturday opening (SCOPE-3). It goes through {@link CatalogManagement} as each
 * school's admin would, so every policy rule applies to the demo data too. The next term is left empty, for a
 * school admin to build from a copy of this one.
 */
@Component
@Order(2)
@ConditionalOnProperty(name = "kehou.demo.enabled", havingValue = "true")
class DemoCatalog implements ApplicationRunner {

    /** The school that also gets an institution's fee-bearing offering. */
    static final String INSTITUTION_SCHOOL = "JX-PS";

    /** Days the demo fee notice has been public, more than any county's notice period needs by default. */
    static final int NOTICE_AGE_DAYS = 10;

    private static final Logger log = LoggerFactory.getLogger(DemoCatalog.class);

    private static final List<DayOfWeek> SCHOOL_DAYS =
            List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);

    /** The slot-2 courses of every demo school: together every category and every activity kind. */
    private static final List<Enrichment> ENRICHMENTS = List.of(
            new Enrichment(
                    "悦读时光",
                    CourseCategory.WHOLE_SUBJECT_READING,
                    ActivityKind.READING,
                    "图书馆",
                    VenueKind.LIBRARY,
                    60,
                    "培养阅读习惯，每周共读一本好书"),
            new Enrichment(
                    "经典诵读社",
                    CourseCategory.TRADITIONAL_CULTURE,
                    ActivityKind.CLUB,
                    "多功能厅",
                    VenueKind.SPECIAL_ROOM,
                    80,
                    "诵读经典诗文，感受中华优秀传统文化"),
            new Enrichment(
                    "书法",
                    CourseCategory.TRADITIONAL_CULTURE,
                    ActivityKind.ARTS,
                    "书法教室",
                    VenueKind.SPECIAL_ROOM,
                    40,
                    "练习硬笔与毛笔书法，写规范字"),
            new Enrichment(
                    "趣味科学实验",
                    CourseCategory.SCIENCE_LITERACY,
                    ActivityKind.SCIENCE_POPULARISATION,
                    "科学实验室",
                    VenueKind.LAB,
                    45,
                    "动手做实验，学会观察与提问"),
            new Enrichment(
                    "航模兴趣小组",
                    CourseCategory.SCIENCE_LITERACY,
                    ActivityKind.INTEREST_GROUP,
                    "科技活动室",
                    VenueKind.LAB,
                    40,
                    "制作与放飞模型飞机"),
            new Enrichment(
                    "校园足球",
                    CourseCategory.SCHOOL_BASED,
                    ActivityKind.CULTURE_AND_SPORTS,
                    "田径场",
                    VenueKind.SPORTS_GROUND,
                    200,
                    "足球基本功与团队比赛"),
            new Enrichment(
                    "种植园劳动",
                    CourseCategory.SCHOOL_BASED,
                    ActivityKind.LABOUR,
                    "劳动实践园",
                    VenueKind.SPORTS_GROUND,
                    60,
                    "种植、养护与收获，体会劳动之美"),
            new Enrichment(
                    "合唱团",
                    CourseCategory.SCHOOL_BASED,
                    ActivityKind.ARTS,
                    "音乐教室",
                    VenueKind.SPECIAL_ROOM,
                    50,
                    "发声训练与合唱排练"),
            new Enrichment(
                    "数学思维游戏",
                    CourseCategory.SUBJECT_LITERACY,
                    ActivityKind.INTEREST_GROUP,
                    "体育馆",
                    VenueKind.GYM,
                    120,
                    "在游戏中发展数学思维，不讲新课"));

    private final CatalogManagement catalog;
    private final ServicePlanning services;
    private final OrganizationQueries organization;
    private final AccountManagement accounts;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate tx;

    DemoCatalog(
            CatalogManagement catalog,
            ServicePlanning services,
            OrganizationQueries organization,
            AccountManagement accounts,
            JdbcClient jdbc,
            Clock clock,
            TransactionTemplate tx) {
        this.catalog = catalog;
        this.services = services;
        this.organization = organization;
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.clock = clock;
        this.tx = tx;
    }

    @Override
    public void run(ApplicationArguments args) {
        long courses = jdbc.sql("select count(*) from catalog.course")
                .query(Long.class)
                .single();
        if (courses > 0) {
            return;
        }
        List<SchoolSummary> schools = organization.demoSchools();
        for (SchoolSummary school : schools) {
            tx.executeWithoutResult(status -> populate(school));
        }
        if (!schools.isEmpty()) {
            log.info("Demo catalog created for {} schools", schools.size());
        }
    }

    private void populate(SchoolSummary school) {
        UserScope admin = new UserScope(
                Ids.next(), "demo", EnumSet.of(Role.SCHOOL_ADMIN), school.countyId(), school.id(), null, null, null);
        LocalDate today = LocalDate.now(clock);
        List<Term> terms = organization.terms(admin, school.id());
        Term term = terms.stream()
                .filter(t -> !today.isBefore(t.startsOn()) && !today.isAfter(t.endsOn()))
                .findFirst()
                .orElseGet(() -> terms.stream()
                        .filter(t -> !t.endsOn().isBefore(today))
                        .min(java.util.Comparator.comparing(Term::startsOn))
                        .orElse(null));
        if (term == null) {
            return;
        }
        List<Integer> grades = school.stage().grades();
        Map<Integer, UUID> headTeachers = organization.classes(admin, school.id()).stream()
                .filter(c -> c.headTeacherId() != null)
                .collect(Collectors.toMap(
                        ClassSummary::gradeLevel, ClassSummary::headTeacherId, (first, second) -> first));
        List<UUID> teachers = organization.staff(admin, school.id()).stream()
                .filter(s -> s.position() == StaffPosition.TEACHER)
                .filter(s -> headTeachers.containsValue(s.id()))
                .sorted(java.util.Comparator.comparing(StaffRow::staffNo))
                .map(StaffRow::id)
                .toList();

        serviceTimes(admin, school, term, grades);
        planSlots(admin, school, term, grades);
        homeworkHelp(admin, school, term, grades, headTeachers);
        eveningSelfStudy(admin, school, term, grades, headTeachers);
        enrichment(admin, school, term, grades, teachers);
        if (school.code().equals(INSTITUTION_SCHOOL)) {
            institutionOffering(admin, school, term, grades);
        }
        saturdayOpening(admin, school, today, terms, teachers);
    }

    /**
     * The day's services (SCOPE-1, SCOPE-2, CONTENT-7): early arrival 07:20–07:50, the two slots 16:00–18:00,
     * extended care until 18:45, and evening self-study 19:00–20:30 where there are junior-middle grades.
     */
    private void serviceTimes(UserScope admin, SchoolSummary school, Term term, List<Integer> grades) {
        boolean junior = grades.stream().anyMatch(g -> g >= 7);
        List<Object[]> day = List.of(
                new Object[] {ServiceKind.EARLY_ARRIVAL, LocalTime.of(7, 20), LocalTime.of(7, 50), true},
                new Object[] {ServiceKind.SLOT_1, LocalTime.of(16, 0), LocalTime.of(17, 0), true},
                new Object[] {ServiceKind.SLOT_2, LocalTime.of(17, 0), LocalTime.of(18, 0), true},
                new Object[] {ServiceKind.EXTENDED_CARE, LocalTime.of(18, 0), LocalTime.of(18, 45), true},
                new Object[] {ServiceKind.EVENING, LocalTime.of(19, 0), LocalTime.of(20, 30), junior});
        for (Object[] service : day) {
            boolean offered = (Boolean) service[3];
            services.setServiceTime(
                    admin,
                    school.id(),
                    new ServicePlanning.NewServiceTime(
                            term.id(),
                            (ServiceKind) service[0],
                            offered,
                            offered ? (LocalTime) service[1] : null,
                            offered ? (LocalTime) service[2] : null,
                            null,
                            null));
        }
    }

    /** Mon–Fri plans: slot 1 from 16:00, slot 2 from 17:00, each with the city's 20 minutes of exercise or more. */
    private void planSlots(UserScope admin, SchoolSummary school, Term term, List<Integer> grades) {
        List<List<Integer>> bands = new ArrayList<>();
        List<Integer> primary = grades.stream().filter(g -> g <= 6).toList();
        List<Integer> junior = grades.stream().filter(g -> g >= 7).toList();
        if (!primary.isEmpty()) {
            bands.add(primary);
        }
        if (!junior.isEmpty()) {
            bands.add(junior);
        }
        for (DayOfWeek day : SCHOOL_DAYS) {
            for (List<Integer> band : bands) {
                List<SlotLine> lines = new ArrayList<>(List.of(
                        new SlotLine(
                                Slot.SLOT_1, LocalTime.of(16, 0), LocalTime.of(17, 0), "自主作业、作业面批答疑、眼保健操与课间活动", 20),
                        new SlotLine(Slot.SLOT_2, LocalTime.of(17, 0), LocalTime.of(18, 0), "素质拓展课程、大课间体育锻炼", 30)));
                boolean evening = band.getFirst() >= 7 && day != DayOfWeek.FRIDAY;
                if (evening) {
                    lines.add(
                            new SlotLine(Slot.EVENING, LocalTime.of(19, 0), LocalTime.of(20, 30), "晚自习：自主学习与个别辅导", 0));
                }
                UUID plan = catalog.draftSlotPlan(
                        admin, school.id(), new NewSlotPlan(term.id(), day, band.getFirst(), band.getLast(), lines));
                catalog.publishSlotPlan(admin, plan);
            }
        }
    }

    /** Slot 1 (CONTENT-4): each grade does its homework in its own classroom with its head teacher, every day. */
    private void homeworkHelp(
            UserScope admin, SchoolSummary school, Term term, List<Integer> grades, Map<Integer, UUID> heads) {
        UUID course = course(
                admin,
                school,
                "课后作业辅导",
                CourseCategory.SUBJECT_LITERACY,
                null,
                grades,
                "在校完成书面作业，教师面批答疑，不讲新课",
                ProviderKind.STAFF);
        for (int grade : grades) {
            UUID head = heads.get(grade);
            if (head == null) {
                continue;
            }
            UUID room = catalog.addVenue(admin, school.id(), new NewVenue(grade + "年级教室", VenueKind.CLASSROOM, 60));
            for (DayOfWeek day : SCHOOL_DAYS) {
                SlotOneContent content =
                        day.getValue() % 2 == 1 ? SlotOneContent.SELF_HOMEWORK : SlotOneContent.HOMEWORK_QA;
                offer(admin, school, course, term, day, Slot.SLOT_1, room, head, 60, List.of(grade), null, 20, content);
            }
        }
    }

    /** Evening self-study (CONTENT-7), Monday to Thursday, for junior-middle grades only. */
    private void eveningSelfStudy(
            UserScope admin, SchoolSummary school, Term term, List<Integer> grades, Map<Integer, UUID> heads) {
        List<Integer> junior = grades.stream().filter(g -> g >= 7).toList();
        if (junior.isEmpty()) {
            return;
        }
        UUID course = course(
                admin,
                school,
                "晚自习",
                CourseCategory.SUBJECT_LITERACY,
                null,
                junior,
                "自主学习，教师个别辅导答疑",
                ProviderKind.STAFF);
        Map<String, UUID> rooms = catalog.venues(admin, school.id()).stream()
                .collect(Collectors.toMap(CatalogManagement.VenueSummary::name, CatalogManagement.VenueSummary::id));
        for (int grade : junior) {
            UUID head = heads.get(grade);
            UUID room = rooms.get(grade + "年级教室");
            if (head == null || room == null) {
                continue;
            }
            for (DayOfWeek day : SCHOOL_DAYS.subList(0, 4)) {
                offer(admin, school, course, term, day, Slot.EVENING, room, head, 60, List.of(grade), null, 0, null);
            }
        }
    }

    /**
     * Slot 2 (CONTENT-6): the enrichment courses, each on one weekday in a venue of its own, open to all grades of the
     * school, taught by the head teachers in turn (never two at once).
     */
    private void enrichment(
            UserScope admin, SchoolSummary school, Term term, List<Integer> grades, List<UUID> teachers) {
        if (teachers.isEmpty()) {
            return;
        }
        for (int i = 0; i < ENRICHMENTS.size(); i++) {
            Enrichment e = ENRICHMENTS.get(i);
            UUID course =
                    course(admin, school, e.name(), e.category(), e.kind(), grades, e.goals(), ProviderKind.STAFF);
            UUID venue = catalog.addVenue(admin, school.id(), new NewVenue(e.venue(), e.venueKind(), e.capacity()));
            DayOfWeek day = SCHOOL_DAYS.get(i % SCHOOL_DAYS.size());
            UUID teacher = teachers.get(i % teachers.size());
            offer(
                    admin,
                    school,
                    course,
                    term,
                    day,
                    Slot.SLOT_2,
                    venue,
                    teacher,
                    Math.min(40, e.capacity()),
                    grades,
                    null,
                    30,
                    null);
        }
    }

    /**
     * A whitelisted institution's fee-bearing course (COURSE-2, ENROL-5): its fee notice has been public for
     * {@value #NOTICE_AGE_DAYS} days, so the offering may open for registration. Its instructor is the demo
     * instructor account until institutions keep their own instructors.
     */
    private void institutionOffering(UserScope admin, SchoolSummary school, Term term, List<Integer> grades) {
        List<Integer> upper = grades.stream().filter(g -> g >= 3).toList();
        UUID course = course(
                admin,
                school,
                "少儿编程（机构）",
                CourseCategory.SCIENCE_LITERACY,
                ActivityKind.INTEREST_GROUP,
                upper,
                "图形化编程入门，由入围培训机构提供",
                ProviderKind.INSTITUTION);
        UUID room = catalog.addVenue(admin, school.id(), new NewVenue("计算机教室", VenueKind.LAB, 45));
        UUID instructor = accounts.findForLogin("LY-INS-001")
                .map(AccountManagement.LoginAccount::id)
                .orElseGet(Ids::next);
        UUID offering = offer(
                admin,
                school,
                course,
                term,
                DayOfWeek.THURSDAY,
                Slot.SLOT_2,
                room,
                instructor,
                30,
                upper,
                new BigDecimal("300.00"),
                30,
                null);
        UUID notice = catalog.publishFeeNotice(
                admin,
                offering,
                new NewFeeNotice(
                        "少儿编程课程由洛阳启航培训学校（入围机构）提供，家长自愿选择，不报名不影响参加学校课后服务。",
                        "每学期300元（16课时）",
                        "授课、教具与耗材；不含其他任何费用",
                        "开课前全额退费；开课后按未上课时比例退费",
                        "洛阳启航培训学校"));
        // the demo notice went public ten days ago, so that its offering may open now
        jdbc.sql("update catalog.fee_notice set published_on = :day where id = :id")
                .param("day", LocalDate.now(clock).minusDays(NOTICE_AGE_DAYS))
                .param("id", notice)
                .update();
        catalog.publishOffering(admin, offering);
    }

    /** The grounds open on the next Saturday without school (SCOPE-3), supervised by two teachers. */
    private void saturdayOpening(
            UserScope admin, SchoolSummary school, LocalDate today, List<Term> terms, List<UUID> teachers) {
        if (teachers.size() < 2) {
            return;
        }
        LocalDate day = today.with(TemporalAdjusters.next(DayOfWeek.SATURDAY));
        while (isSchoolDay(terms, day)) {
            day = day.plusWeeks(1);
        }
        UUID ground = catalog.venues(admin, school.id()).stream()
                .filter(v -> v.kind() == VenueKind.SPORTS_GROUND)
                .max(java.util.Comparator.comparingInt(CatalogManagement.VenueSummary::capacity))
                .map(CatalogManagement.VenueSummary::id)
                .orElse(null);
        if (ground == null) {
            return;
        }
        UUID opening = catalog.planOpening(
                admin,
                school.id(),
                new NewOpening(
                        ground,
                        day,
                        LocalTime.of(9, 0),
                        LocalTime.of(11, 30),
                        100,
                        OpeningPurpose.CARE,
                        teachers.subList(0, 2)));
        catalog.publishOpening(admin, opening);
    }

    private static boolean isSchoolDay(List<Term> terms, LocalDate day) {
        return terms.stream().anyMatch(t -> t.isSchoolDay(day));
    }

    private UUID course(
            UserScope admin,
            SchoolSummary school,
            String name,
            CourseCategory category,
            @Nullable ActivityKind kind,
            List<Integer> grades,
            String goals,
            ProviderKind provider) {
        return catalog.defineCourse(
                admin,
                school.id(),
                new NewCourse(name, category, kind, grades, goals, null, provider, null, List.of()));
    }

    private UUID offer(
            UserScope admin,
            SchoolSummary school,
            UUID course,
            Term term,
            DayOfWeek day,
            Slot slot,
            UUID venue,
            UUID instructor,
            int capacity,
            List<Integer> grades,
            @Nullable BigDecimal fee,
            int exercise,
            @Nullable SlotOneContent content) {
        UUID offering = catalog.draftOffering(
                admin,
                school.id(),
                new NewOffering(
                        course,
                        term.id(),
                        day,
                        slot,
                        venue,
                        List.of(instructor),
                        capacity,
                        grades,
                        fee,
                        exercise,
                        content,
                        null,
                        null,
                        List.of()));
        if (fee == null) {
            catalog.publishOffering(admin, offering);
        }
        return offering;
    }

    private record Enrichment(
            String name,
            CourseCategory category,
            ActivityKind kind,
            String venue,
            VenueKind venueKind,
            int capacity,
            String goals) {}
}
