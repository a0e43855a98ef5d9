package org.kehou;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kehou.catalog.CatalogManagement;
import org.kehou.catalog.CatalogManagement.NewCourse;
import org.kehou.catalog.CatalogManagement.NewOffering;
import org.kehou.catalog.CatalogManagement.NewSlotPlan;
import org.kehou.catalog.CatalogManagement.NewVenue;
import org.kehou.catalog.CatalogManagement.SlotLine;
import org.kehou.catalog.CourseCategory;
import org.kehou.catalog.OpeningPurpose;
import org.kehou.catalog.ProviderKind;
import org.kehou.catalog.Slot;
import org.kehou.catalog.VenueKind;
import org.kehou.enrollment.CareFixtures;
import org.kehou.enrollment.CareRequests;
import org.kehou.enrollment.CareRequests.NewCareGroup;
import org.kehou.enrollment.EnrollmentFixtures;
import org.kehou.enrollment.EnrollmentFixtures.Campus;
import org.kehou.enrollment.EnrollmentFixtures.Family;
import org.kehou.enrollment.EnrollmentManagement;
import org.kehou.operations.Patrols;
import org.kehou.operations.Patrols.NewPatrol;
import org.kehou.operations.PickupManagement;
import org.kehou.operations.PickupManagement.NewFlag;
import org.kehou.operations.PickupManagement.NewPickupPerson;
import org.kehou.operations.PickupRelation;
import org.kehou.organization.OrganizationManagement;
import org.kehou.organization.OrganizationQueries;
import org.kehou.organization.RosterFiles;
import org.kehou.organization.RosterImport;
import org.kehou.organization.TermKind;
import org.kehou.platform.AccountManagement;
import org.kehou.platform.MobileNumber;
import org.kehou.platform.Role;
import org.kehou.platform.UserScope;
import org.kehou.support.DemoFixtures;
import org.kehou.support.KehouTest;
import org.kehou.support.SignIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The authorisation matrix (REQUIREMENTS §2, ARCHITECTURE §4): every endpoint of the application, for every role
 * and every relation of the object addressed to the caller (own, same school, other school, other county) and for
 * anonymous callers, answers with the expected status; an id of another tenant gives 404 on reads and writes alike
 * and changes nothing. The endpoints are read from the application's request mappings: one without a row here fails
 * the build.
 */
@KehouTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTests {

    /** Who calls: anonymous, or a demo account of a role. */
    enum Caller {
        ANONYMOUS(null, null),
        CITY_ADMIN("LY-CITY-001", Role.CITY_ADMIN),
        INSPECTOR("LY-INSP-001", Role.INSPECTOR),
        COUNTY_ADMIN("LY-JX-ADMIN", Role.COUNTY_ADMIN),
        SCHOOL_ADMIN("JX-PS-ADMIN", Role.SCHOOL_ADMIN),
        TEACHER("JX-PS-T01", Role.TEACHER),
        GUARDIAN("19900000001", Role.GUARDIAN),
        INSTRUCTOR("LY-INS-001", Role.INSTRUCTOR),
        INSTITUTION_ADMIN("LY-ORG-001", Role.INSTITUTION_ADMIN);

        final String login;
        final Role role;

        Caller(String login, Role role) {
            this.login = login;
            this.role = role;
        }
    }

    /**
     * How the addressed object relates to the demo callers, all of whom belong to the primary school JX-PS in
     * Jianxi district: OWN is the guardian's child, the teacher's class, the school admin's school, the county
     * admin's county; SAME_SCHOOL another object of JX-PS; OTHER_SCHOOL one of JX-JM in the same county;
     * OTHER_COUNTY one of LL-PS in Luolong district. NONE: the endpoint addresses no object.
     */
    enum Relation {
        NONE,
        OWN,
        SAME_SCHOOL,
        OTHER_SCHOOL,
        OTHER_COUNTY
    }

    /** Which roles pass the path rules of the security configuration. */
    static final Map<String, Set<Role>> PATH_ROLES = Map.ofEntries(
            Map.entry("/city", EnumSet.of(Role.CITY_ADMIN, Role.INSPECTOR)),
            Map.entry("/county", EnumSet.of(Role.COUNTY_ADMIN, Role.INSPECTOR, Role.CITY_ADMIN)),
            Map.entry("/county/lotteries", EnumSet.of(Role.COUNTY_ADMIN)),
            Map.entry("/school", EnumSet.of(Role.SCHOOL_ADMIN)),
            Map.entry("/teacher", EnumSet.of(Role.TEACHER)),
            Map.entry("/guardian", EnumSet.of(Role.GUARDIAN)),
            Map.entry("/api/v1/enrollments", EnumSet.of(Role.GUARDIAN)),
            Map.entry("/api/v1/guardians", EnumSet.of(Role.GUARDIAN)),
            Map.entry("/api/v1/registration-windows", EnumSet.of(Role.SCHOOL_ADMIN, Role.COUNTY_ADMIN)),
            Map.entry("/api/v1/teacher", EnumSet.of(Role.TEACHER)),
            Map.entry("/api/v1/pickups", EnumSet.of(Role.TEACHER, Role.SCHOOL_ADMIN)),
            Map.entry("/api/v1/sessions", EnumSet.of(Role.TEACHER, Role.SCHOOL_ADMIN)));

    /**
     * School years of the windows the rows open, below those of the fixtures (which count up from 2100 through the
     * run and may pass the 2200 a window form accepts), so that a row never meets another window of its year.
     */
    static final AtomicInteger WINDOW_YEARS = new AtomicInteger(2040);

    record Row(
            String endpoint,
            Function<Relation, Map<String, Object>> variables,
            Set<Relation> relations,
            int success,
            Map<Role, Set<Relation>> visible,
            boolean anonymousAllowed,
            Function<Relation, AbstractMockHttpServletRequestBuilder<?>> body,
            boolean fragment) {}

    @Autowired
    MockMvc mvc;

    @Autowired
    DemoFixtures demo;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RosterImport roster;

    @Autowired
    CareRequests care;

    @Autowired
    OrganizationManagement organization;

    @Autowired
    EnrollmentManagement enrollment;

    @Autowired
    AccountManagement accounts;

    @Autowired
    Clock clock;

    @Autowired
    OrganizationQueries organizationQueries;

    @Autowired
    CatalogManagement catalog;

    @Autowired
    org.kehou.enrollment.Lotteries lotteries;

    final Map<Relation, UUID> openLotteries = new EnumMap<>(Relation.class);
    final Map<Relation, UUID> closedLotteries = new EnumMap<>(Relation.class);
    final Map<Relation, UUID> lotteryChildren = new EnumMap<>(Relation.class);
    final Map<Relation, UUID> openCountyLotteries = new EnumMap<>(Relation.class);
    final Map<Relation, UUID> closedCountyLotteries = new EnumMap<>(Relation.class);
    UUID lotteryOffering;

    final Map<Relation, UUID> registrations = new EnumMap<>(Relation.class);
    final Map<Relation, UUID> openOfferings = new EnumMap<>(Relation.class);

    @Autowired
    org.kehou.platform.Photos photoStore;

    @Autowired
    PickupManagement pickup;

    @Autowired
    Patrols patrols;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    final Map<String, Row> rows = new LinkedHashMap<>();
    final Map<Relation, UUID> students = new EnumMap<>(Relation.class);
    final Map<String, Map<Relation, UUID>> careRequests = new LinkedHashMap<>();
    final Map<String, UUID> careParts = new LinkedHashMap<>();
    final Map<String, LocalDate> careDays = new LinkedHashMap<>();
    final Map<Relation, UUID> classes = new EnumMap<>(Relation.class);
    final Map<Relation, UUID> schools = new EnumMap<>(Relation.class);
    final Map<Relation, UUID> counties = new EnumMap<>(Relation.class);
    final Map<Relation, UUID> terms = new EnumMap<>(Relation.class);
    final Map<Relation, UUID> jobs = new EnumMap<>(Relation.class);
    final Map<Relation, UUID> plans = new EnumMap<>(Relation.class);
    final Map<Relation, UUID> offerings = new EnumMap<>(Relation.class);
    final Map<Relation, UUID> notifications = new EnumMap<>(Relation.class);
    final Map<Relation, UUID> photos = new EnumMap<>(Relation.class);
    final Map<Relation, UUID> openingVenues = new EnumMap<>(Relation.class);
    final Map<Relation, UUID> openings = new EnumMap<>(Relation.class);
    final Map<String, UUID> offeringParts = new LinkedHashMap<>();
    final Map<Relation, UUID> published = new EnumMap<>(Relation.class);
    final Map<Relation, UUID> cancellable = new EnumMap<>(Relation.class);
    final Map<Relation, UUID> feeBearing = new EnumMap<>(Relation.class);
    final Map<Relation, UUID> revisable = new EnumMap<>(Relation.class);
    final Map<Relation, UUID> publishedPlans = new EnumMap<>(Relation.class);
    final AtomicInteger sequence = new AtomicInteger();
    final AtomicInteger termYears = new AtomicInteger(2040);
    final Map<String, Map<Relation, UUID>> pickupTargets = new LinkedHashMap<>();
    final Map<String, Map<Relation, UUID>> rosterTargets = new LinkedHashMap<>();

    @Autowired
    org.kehou.enrollment.OpeningBookings openingBookings;

    LocalDate pickupDay;
    String pickupService;

    @BeforeAll
    void targets() {
        UUID guardianId = demo.scope(Caller.GUARDIAN.login).guardianId();
        UUID child = jdbc.sql(
                        "select student_id from organization.student_guardian where guardian_id = :g order by student_id limit 1")
                .param("g", guardianId)
                .query(UUID.class)
                .single();
        students.put(Relation.OWN, child);
        students.put(Relation.SAME_SCHOOL, jdbc.sql("""
                        select st.id from organization.student st join organization.school_class c on c.id = st.class_id
                        join organization.school s on s.id = st.school_id where s.code = 'JX-PS' and c.grade_level = 2
                        order by st.id limit 1""").query(UUID.class).single());
        students.put(Relation.OTHER_SCHOOL, demo.anyStudentOf("JX-JM"));
        students.put(Relation.OTHER_COUNTY, demo.anyStudentOf("LL-PS"));
        UUID teacherStaff = demo.scope(Caller.TEACHER.login).staffId();
        classes.put(
                Relation.OWN,
                jdbc.sql("select id from organization.school_class where head_teacher_id = :t order by id limit 1")
                        .param("t", teacherStaff)
                        .query(UUID.class)
                        .single());
        classes.put(Relation.SAME_SCHOOL, jdbc.sql("""
                        select c.id from organization.school_class c join organization.school s on s.id = c.school_id
                        where s.code = 'JX-PS' and c.grade_level = 2 order by c.id limit 1""").query(UUID.class).single());
        classes.put(Relation.OTHER_SCHOOL, demo.anyClassOf("JX-JM"));
        classes.put(Relation.OTHER_COUNTY, demo.anyClassOf("LL-PS"));
        schools.put(Relation.OWN, demo.school("JX-PS"));
        schools.put(Relation.OTHER_SCHOOL, demo.school("JX-JM"));
        schools.put(Relation.OTHER_COUNTY, demo.school("LL-PS"));
        counties.put(Relation.OWN, demo.county("410305"));
        counties.put(Relation.OTHER_COUNTY, demo.county("410311"));
        for (Relation r : List.of(Relation.OWN, Relation.OTHER_SCHOOL, Relation.OTHER_COUNTY)) {
            terms.put(
                    r,
                    jdbc.sql(
                                    "select id from organization.term where school_id = :s and kind = 'AUTUMN' order by starts_on limit 1")
                            .param("s", schools.get(r))
                            .query(UUID.class)
                            .single());
        }
        jobs.put(
                Relation.OWN,
                roster.start(
                        demo.scope("JX-PS-ADMIN"),
                        "a.xlsx",
                        RosterFiles.roster()
                                .student(1, "1班", "矩阵甲", 90_001, "13500090001")
                                .bytes(),
                        Locale.SIMPLIFIED_CHINESE));
        jobs.put(
                Relation.OTHER_COUNTY,
                roster.start(
                        demo.scope("LL-PS-ADMIN"),
                        "b.xlsx",
                        RosterFiles.roster()
                                .student(1, "1班", "矩阵乙", 90_003, "13500090003")
                                .bytes(),
                        Locale.SIMPLIFIED_CHINESE));
        plans.put(
                Relation.OWN,
                catalog.draftSlotPlan(
                        demo.scope(Caller.SCHOOL_ADMIN.login),
                        schools.get(Relation.OWN),
                        new NewSlotPlan(
                                terms.get(Relation.OWN),
                                DayOfWeek.FRIDAY,
                                1,
                                2,
                                List.of(new SlotLine(
                                        Slot.SLOT_1, LocalTime.of(15, 30), LocalTime.of(16, 30), "矩阵时段", 30)))));
        for (Relation r : List.of(Relation.OTHER_SCHOOL, Relation.OTHER_COUNTY)) {
            UUID plan = UUID.randomUUID();
            jdbc.sql("""
                            insert into catalog.slot_plan (id, version, county_id, school_id, term_id, weekday,
                              first_grade, last_grade, state)
                            select :id, 0, s.county_id, s.id, :term, 'FRIDAY', 1, 2, 'DRAFT'
                            from organization.school s where s.id = :school""")
                    .param("id", plan)
                    .param("term", terms.get(r))
                    .param("school", schools.get(r))
                    .update();
            plans.put(r, plan);
        }
        UserScope admin = demo.scope(Caller.SCHOOL_ADMIN.login);
        UUID ownSchool = schools.get(Relation.OWN);
        offeringParts.put("course", course(admin, ownSchool, 3));
        offeringParts.put("draft", venue(admin, ownSchool, "draft"));
        offeringParts.put("staff", freeStaff(ownSchool).get(0));
        offerings.put(Relation.OWN, offering(admin, ownSchool, terms.get(Relation.OWN), 1));
        offerings.put(
                Relation.OTHER_SCHOOL,
                offering(
                        new UserScope(
                                UUID.randomUUID(),
                                "矩阵管理员",
                                Set.of(Role.SCHOOL_ADMIN),
                                counties.get(Relation.OWN),
                                schools.get(Relation.OTHER_SCHOOL),
                                null,
                                null,
                                null),
                        schools.get(Relation.OTHER_SCHOOL),
                        terms.get(Relation.OTHER_SCHOOL),
                        0));
        offerings.put(
                Relation.OTHER_COUNTY,
                offering(
                        demo.scope("LL-PS-ADMIN"),
                        schools.get(Relation.OTHER_COUNTY),
                        terms.get(Relation.OTHER_COUNTY),
                        0));
        for (Relation r : List.of(Relation.OWN, Relation.OTHER_SCHOOL, Relation.OTHER_COUNTY)) {
            photos.put(r, photo(schools.get(r)));
        }
        notifications.put(
                Relation.OWN, notification(demo.scope(Caller.GUARDIAN.login).accountId()));
        notifications.put(
                Relation.OTHER_COUNTY, notification(demo.scope("LL-PS-ADMIN").accountId()));
        Map<Relation, UserScope> schoolAdmins = Map.of(
                Relation.OWN,
                admin,
                Relation.OTHER_SCHOOL,
                new UserScope(
                        UUID.randomUUID(),
                        "矩阵管理员",
                        Set.of(Role.SCHOOL_ADMIN),
                        counties.get(Relation.OWN),
                        schools.get(Relation.OTHER_SCHOOL),
                        null,
                        null,
                        null),
                Relation.OTHER_COUNTY,
                demo.scope("LL-PS-ADMIN"));
        for (Relation r : List.of(Relation.OWN, Relation.OTHER_SCHOOL, Relation.OTHER_COUNTY)) {
            UUID school = schools.get(r);
            openingVenues.put(r, venue(schoolAdmins.get(r), school, "opening"));
            openings.put(
                    r,
                    catalog.planOpening(
                            schoolAdmins.get(r),
                            school,
                            new CatalogManagement.NewOpening(
                                    openingVenues.get(r),
                                    openingDay(),
                                    LocalTime.of(9, 0),
                                    LocalTime.of(11, 0),
                                    30,
                                    OpeningPurpose.CARE,
                                    List.of(anyStaff(school)))));
        }
        lifecycleTargets(admin, ownSchool);
        careRequests();
        operationsTargets();
        rollcallTargets();
        registrationTargets();
        lotteryTargets();
        registerTargets();
        invitationTargets();
        rostersTargets();
        checkinTargets();
        defineRows();
    }

    /**
     * A published offering of JX-PS for the demo guardian's child, with a window open now, and registrations to
     * withdraw: the demo guardian's own and one of a family at a school of another county.
     */
    private void registrationTargets() {
        EnrollmentFixtures fixtures = new EnrollmentFixtures(organization, catalog, enrollment, accounts, clock);
        UserScope admin = demo.scope(Caller.SCHOOL_ADMIN.login);
        UUID school = schools.get(Relation.OWN);
        int year = EnrollmentFixtures.year();
        UUID term = organization.planTerm(
                admin,
                school,
                year,
                org.kehou.organization.TermKind.AUTUMN,
                LocalDate.of(year, 9, 1),
                LocalDate.of(year + 1, 1, 15));
        Campus own = new Campus(counties.get(Relation.OWN), school, admin, term, year, Map.of());
        int grade = jdbc.sql("""
                        select c.grade_level from organization.student st
                        join organization.school_class c on c.id = st.class_id where st.id = :id""")
                .param("id", students.get(Relation.OWN))
                .query(Integer.class)
                .single();
        openOfferings.put(Relation.OWN, fixtures.offering(own, DayOfWeek.MONDAY, Slot.SLOT_2, 1000, grade));
        UUID tuesday = fixtures.offering(own, DayOfWeek.TUESDAY, Slot.SLOT_2, 1000, grade);
        fixtures.openWindowNow(own, 10);
        UserScope guardian = demo.scope(Caller.GUARDIAN.login);
        registrations.put(
                Relation.OWN,
                enrollment
                        .enroll(
                                guardian,
                                fixtures.consenting(students.get(Relation.OWN), tuesday),
                                EnrollmentFixtures.key())
                        .enrollmentId());
        Campus elsewhere = fixtures.campus(demo.scope("LY-LL-ADMIN"));
        UUID offering = fixtures.offering(elsewhere, DayOfWeek.MONDAY, Slot.SLOT_2, 30, 3);
        fixtures.openWindowNow(elsewhere, 10);
        Family family = fixtures.family(elsewhere, 3, 1);
        openOfferings.put(Relation.OTHER_COUNTY, offering);
        registrations.put(
                Relation.OTHER_COUNTY,
                enrollment
                        .enroll(
                                family.guardian(),
                                fixtures.consenting(family.child(), offering),
                                EnrollmentFixtures.key())
                        .enrollmentId());
    }

    @Autowired
    org.kehou.enrollment.RegistrationQueries registrationQueries;

    final Map<String, UUID> registerParts = new LinkedHashMap<>();
    final Map<Relation, UUID> registerHeld = new EnumMap<>(Relation.class);

    /**
     * For the registration pages: an offering of the term shown today that fits the guardian's own child, for the
     * consent page; and in a term of the child's school with an open window of its own, an offering to register for
     * and a registration to withdraw and read the history of (another county's registration for the rest).
     */
    private void registerTargets() {
        EnrollmentFixtures fixtures = new EnrollmentFixtures(organization, catalog, enrollment, accounts, clock);
        UserScope admin = demo.scope(Caller.SCHOOL_ADMIN.login);
        UserScope guardian = demo.scope(Caller.GUARDIAN.login);
        UUID child = students.get(Relation.OWN);
        registerParts.put(
                "shown",
                registrationQueries
                        .choices(guardian, child)
                        .offerings()
                        .getFirst()
                        .offeringId());
        int year = EnrollmentFixtures.year();
        UUID term = organization.planTerm(
                admin,
                schools.get(Relation.OWN),
                year,
                org.kehou.organization.TermKind.AUTUMN,
                LocalDate.of(year, 9, 1),
                LocalDate.of(year + 1, 1, 15));
        Campus own = new Campus(counties.get(Relation.OWN), schools.get(Relation.OWN), admin, term, year, Map.of());
        int grade = jdbc.sql("""
                        select c.grade_level from organization.student st
                        join organization.school_class c on c.id = st.class_id where st.id = :id""").param("id", child).query(Integer.class).single();
        registerParts.put("open", fixtures.offering(own, DayOfWeek.WEDNESDAY, Slot.SLOT_2, 1000, grade));
        UUID held = fixtures.offering(own, DayOfWeek.THURSDAY, Slot.SLOT_2, 1000, grade);
        fixtures.openWindowNow(own, 10);
        registerHeld.put(
                Relation.OWN,
                enrollment
                        .enroll(guardian, fixtures.consenting(child, held), EnrollmentFixtures.key())
                        .enrollmentId());
        registerHeld.put(Relation.OTHER_COUNTY, registrations.get(Relation.OTHER_COUNTY));
    }

    /**
     * The registration pages (ENROL-1..3): only a guardian registers, withdraws and reads their own child's
     * registrations; a school admin reads its school's registration history and opens its windows, never registers;
     * a county admin opens county-wide windows.
     */
    private void registerRows(Set<Relation> none, Set<Relation> student) {
        Map<Role, Set<Relation>> ownChild = Map.of(Role.GUARDIAN, EnumSet.of(Relation.OWN));
        Set<Relation> held = EnumSet.of(Relation.OWN, Relation.OTHER_COUNTY);
        row(
                "GET /guardian/registration",
                student,
                200,
                ownChild,
                false,
                r -> get("/guardian/registration")
                        .param("child", students.get(r).toString()),
                true);
        row(
                "GET /guardian/registration/enrol",
                student,
                200,
                ownChild,
                false,
                r -> get("/guardian/registration/enrol")
                        .param("child", students.get(r).toString())
                        .param("offering", registerParts.get("shown").toString()),
                true);
        row(
                "POST /guardian/registration/enrol",
                student,
                302,
                ownChild,
                false,
                r -> post("/guardian/registration/enrol")
                        .param("childId", students.get(r).toString())
                        .param("offeringId", registerParts.get("open").toString())
                        .param("idempotencyKey", EnrollmentFixtures.key())
                        .param("consentVersion", enrollment.consentVersion())
                        .param("consent", "true"),
                false);
        row(
                "GET /guardian/registrations",
                none,
                200,
                Map.of(Role.GUARDIAN, none),
                false,
                r -> get("/guardian/registrations"),
                true);
        row(
                "GET /guardian/registrations/{id}/withdraw",
                held,
                200,
                ownChild,
                false,
                r -> get("/guardian/registrations/{id}/withdraw", registerHeld.get(r)),
                true);
        row(
                "POST /guardian/registrations/{id}/withdraw",
                held,
                302,
                ownChild,
                false,
                r -> post("/guardian/registrations/{id}/withdraw", registerHeld.get(r)),
                false);
        // an offer is answered only by the child's own guardian; here the registration holds no offer, so the own
        // guardian is told so on the list and another family's registration is not found (ENROL-2)
        row(
                "POST /guardian/registrations/{id}/accept",
                held,
                302,
                ownChild,
                false,
                r -> post("/guardian/registrations/{id}/accept", registerHeld.get(r)),
                false);
        row(
                "POST /guardian/registrations/{id}/decline",
                held,
                302,
                ownChild,
                false,
                r -> post("/guardian/registrations/{id}/decline", registerHeld.get(r)),
                false);
        row(
                "GET /guardian/registrations/{id}/history",
                held,
                200,
                ownChild,
                false,
                r -> get("/guardian/registrations/{id}/history", registerHeld.get(r)),
                true);
        row(
                "GET /school/registration",
                none,
                200,
                Map.of(Role.SCHOOL_ADMIN, none),
                false,
                r -> get("/school/registration"),
                true);
        row(
                "POST /school/registration/windows",
                none,
                302,
                Map.of(Role.SCHOOL_ADMIN, none),
                false,
                r -> windowForm("/school/registration/windows"),
                false);
        row(
                "GET /school/registration/enrollments/{id}/history",
                held,
                200,
                Map.of(Role.SCHOOL_ADMIN, EnumSet.of(Relation.OWN)),
                false,
                r -> get("/school/registration/enrollments/{id}/history", registerHeld.get(r)),
                true);
        row(
                "GET /county/registration",
                none,
                200,
                Map.of(Role.COUNTY_ADMIN, none, Role.INSPECTOR, none, Role.CITY_ADMIN, none),
                false,
                r -> get("/county/registration"),
                true);
        row(
                "POST /county/registration/windows",
                none,
                302,
                Map.of(Role.COUNTY_ADMIN, none),
                false,
                r -> windowForm("/county/registration/windows"),
                false);
    }

    final Map<Relation, UUID> invitationWindows = new EnumMap<>(Relation.class);

    /** An upcoming registration window of JX-PS, JX-JM and LL-PS each, in a school year of its own, to invite to. */
    private void invitationTargets() {
        int year = WINDOW_YEARS.incrementAndGet();
        LocalDateTime now = LocalDateTime.now(clock).withSecond(0).withNano(0);
        Map<Relation, UserScope> admins = Map.of(
                Relation.OWN,
                demo.scope(Caller.SCHOOL_ADMIN.login),
                Relation.OTHER_SCHOOL,
                new UserScope(
                        UUID.randomUUID(),
                        "矩阵管理员",
                        Set.of(Role.SCHOOL_ADMIN),
                        counties.get(Relation.OWN),
                        schools.get(Relation.OTHER_SCHOOL),
                        null,
                        null,
                        null),
                Relation.OTHER_COUNTY,
                demo.scope("LL-PS-ADMIN"));
        for (Relation r : List.of(Relation.OWN, Relation.OTHER_SCHOOL, Relation.OTHER_COUNTY)) {
            invitationWindows.put(
                    r,
                    enrollment.openWindow(
                            admins.get(r),
                            new EnrollmentManagement.NewWindow(
                                    null,
                                    year,
                                    TermKind.SPRING,
                                    now.plusDays(1),
                                    now.plusDays(2),
                                    org.kehou.enrollment.Allocation.FIRST_COME,
                                    5)));
        }
        invitationWindows.put(Relation.SAME_SCHOOL, invitationWindows.get(Relation.OWN));
    }

    /**
     * Invitations to register (ENROL-1): only a school admin invites, and only the guardians of its own school's
     * classes to its own or its county's window; teachers, institutions and guardians cannot.
     */
    private void invitationRows(Set<Relation> none) {
        row(
                "GET /school/registration/invitations",
                none,
                200,
                Map.of(Role.SCHOOL_ADMIN, none),
                false,
                r -> get("/school/registration/invitations"),
                true);
        row(
                "POST /school/registration/invitations",
                EnumSet.of(Relation.OWN, Relation.SAME_SCHOOL, Relation.OTHER_SCHOOL, Relation.OTHER_COUNTY),
                302,
                Map.of(Role.SCHOOL_ADMIN, EnumSet.of(Relation.OWN, Relation.SAME_SCHOOL)),
                false,
                r -> post("/school/registration/invitations")
                        .param("windowId", invitationWindows.get(r).toString())
                        .param("classIds", classes.get(r).toString())
                        .param("message", "矩阵邀请")
                        .param("formKey", UUID.randomUUID().toString()),
                false);
    }

    private AbstractMockHttpServletRequestBuilder<?> windowForm(String path) {
        LocalDateTime now = LocalDateTime.now(clock).withSecond(0).withNano(0);
        return post(path)
                .param("schoolYear", String.valueOf(WINDOW_YEARS.incrementAndGet()))
                .param("termKind", "SPRING")
                .param("opensAt", now.plusDays(1).toString())
                .param("closesAt", now.plusDays(2).toString())
                .param("waitlistLimit", "5");
    }

    /**
     * Lottery windows (ENROL-2) of JX-PS, JX-JM and LL-PS: one open now in a school year of its own, which the demo
     * guardian's child has applied to at JX-PS, and one already closed and not drawn, in another year.
     */
    private void lotteryTargets() {
        EnrollmentFixtures fixtures = new EnrollmentFixtures(organization, catalog, enrollment, accounts, clock);
        UserScope admin = demo.scope(Caller.SCHOOL_ADMIN.login);
        Map<Relation, UserScope> admins = Map.of(
                Relation.OWN,
                admin,
                Relation.OTHER_SCHOOL,
                new UserScope(
                        UUID.randomUUID(),
                        "矩阵管理员",
                        Set.of(Role.SCHOOL_ADMIN),
                        counties.get(Relation.OWN),
                        schools.get(Relation.OTHER_SCHOOL),
                        null,
                        null,
                        null),
                Relation.OTHER_COUNTY,
                demo.scope("LL-PS-ADMIN"));
        int open = EnrollmentFixtures.year();
        int closed = EnrollmentFixtures.year();
        LocalDateTime now = LocalDateTime.now(clock).withNano(0);
        for (Relation r : List.of(Relation.OWN, Relation.OTHER_SCHOOL, Relation.OTHER_COUNTY)) {
            openLotteries.put(
                    r,
                    enrollment.openWindow(
                            admins.get(r),
                            new EnrollmentManagement.NewWindow(
                                    null,
                                    open,
                                    TermKind.AUTUMN,
                                    now.minusHours(1),
                                    now.plusDays(1),
                                    org.kehou.enrollment.Allocation.LOTTERY,
                                    5)));
            UUID window = enrollment.openWindow(
                    admins.get(r),
                    new EnrollmentManagement.NewWindow(
                            null,
                            closed,
                            TermKind.AUTUMN,
                            now.minusHours(2),
                            now.plusHours(1),
                            org.kehou.enrollment.Allocation.LOTTERY,
                            5));
            jdbc.sql("update enrollment.registration_window set closes_at = :t, version = version + 1 where id = :id")
                    .param("t", now.minusMinutes(1))
                    .param("id", window)
                    .update();
            closedLotteries.put(r, window);
        }
        UUID school = schools.get(Relation.OWN);
        UUID term = organization.planTerm(
                admin, school, open, TermKind.AUTUMN, LocalDate.of(open, 9, 1), LocalDate.of(open + 1, 1, 15));
        int grade = jdbc.sql("""
                        select c.grade_level from organization.student st
                        join organization.school_class c on c.id = st.class_id where st.id = :id""")
                .param("id", students.get(Relation.OWN))
                .query(Integer.class)
                .single();
        UUID offering = fixtures.offering(
                new Campus(counties.get(Relation.OWN), school, admin, term, open, Map.of()),
                DayOfWeek.WEDNESDAY,
                Slot.SLOT_2,
                30,
                grade);
        lotteryOffering = offering;
        lotteries.apply(
                demo.scope(Caller.GUARDIAN.login),
                new org.kehou.enrollment.Lotteries.Apply(
                        openLotteries.get(Relation.OWN),
                        students.get(Relation.OWN),
                        List.of(offering),
                        true,
                        enrollment.consentVersion()));
        lotteryChildren.put(Relation.OWN, students.get(Relation.OWN));
        lotteryChildren.put(Relation.OTHER_SCHOOL, students.get(Relation.OTHER_SCHOOL));
        lotteryChildren.put(Relation.OTHER_COUNTY, students.get(Relation.OTHER_COUNTY));
        countyLotteryTargets(fixtures, admin, grade);
    }

    /**
     * County-wide lottery windows (ENROL-2) of the demo county and of another: one open now in a school year of its
     * own, which the demo guardian's child has applied to (JX-PS has no window of its own that year), and one closed
     * and not drawn, in another year.
     */
    private void countyLotteryTargets(EnrollmentFixtures fixtures, UserScope schoolAdmin, int grade) {
        Map<Relation, UserScope> admins = Map.of(
                Relation.OWN, demo.scope(Caller.COUNTY_ADMIN.login), Relation.OTHER_COUNTY, demo.scope("LY-LL-ADMIN"));
        int open = EnrollmentFixtures.year();
        int closed = EnrollmentFixtures.year();
        LocalDateTime now = LocalDateTime.now(clock).withNano(0);
        for (Relation r : List.of(Relation.OWN, Relation.OTHER_COUNTY)) {
            openCountyLotteries.put(
                    r,
                    enrollment.openWindow(
                            admins.get(r),
                            new EnrollmentManagement.NewWindow(
                                    null,
                                    open,
                                    TermKind.AUTUMN,
                                    now.minusHours(1),
                                    now.plusDays(1),
                                    org.kehou.enrollment.Allocation.LOTTERY,
                                    5)));
            UUID window = enrollment.openWindow(
                    admins.get(r),
                    new EnrollmentManagement.NewWindow(
                            null,
                            closed,
                            TermKind.AUTUMN,
                            now.minusHours(2),
                            now.plusHours(1),
                            org.kehou.enrollment.Allocation.LOTTERY,
                            5));
            jdbc.sql("update enrollment.registration_window set closes_at = :t, version = version + 1 where id = :id")
                    .param("t", now.minusMinutes(1))
                    .param("id", window)
                    .update();
            closedCountyLotteries.put(r, window);
        }
        UUID school = schools.get(Relation.OWN);
        UUID term = organization.planTerm(
                schoolAdmin, school, open, TermKind.AUTUMN, LocalDate.of(open, 9, 1), LocalDate.of(open + 1, 1, 15));
        UUID offering = fixtures.offering(
                new Campus(counties.get(Relation.OWN), school, schoolAdmin, term, open, Map.of()),
                DayOfWeek.THURSDAY,
                Slot.SLOT_2,
                30,
                grade);
        lotteries.apply(
                demo.scope(Caller.GUARDIAN.login),
                new org.kehou.enrollment.Lotteries.Apply(
                        openCountyLotteries.get(Relation.OWN),
                        students.get(Relation.OWN),
                        List.of(offering),
                        true,
                        enrollment.consentVersion()));
    }

    /**
     * The lottery pages (ENROL-2): a school admin manages, draws and explains only their own school's lotteries
     * (another school's are not found); only a guardian applies, only for their own child; the commitment pages
     * are public.
     */
    private void lotteryRows(Set<Relation> none, Set<Relation> student) {
        Set<Relation> lotterySchools = EnumSet.of(Relation.OWN, Relation.OTHER_SCHOOL, Relation.OTHER_COUNTY);
        Map<Role, Set<Relation>> ownSchool = Map.of(Role.SCHOOL_ADMIN, EnumSet.of(Relation.OWN));
        row(
                "GET /school/lotteries",
                none,
                200,
                Map.of(Role.SCHOOL_ADMIN, none),
                false,
                r -> get("/school/lotteries"),
                true);
        row(
                "GET /school/lotteries/{windowId}",
                lotterySchools,
                200,
                ownSchool,
                false,
                r -> get("/school/lotteries/{w}", openLotteries.get(r)),
                true);
        row(
                "POST /school/lotteries/{windowId}/siblings",
                lotterySchools,
                302,
                ownSchool,
                false,
                r -> post("/school/lotteries/{w}/siblings", openLotteries.get(r))
                        .param("siblings", "TOGETHER"),
                false);
        row(
                "POST /school/lotteries/{windowId}/priorities",
                lotterySchools,
                302,
                ownSchool,
                false,
                r -> post("/school/lotteries/{w}/priorities", openLotteries.get(r))
                        .param("childId", lotteryChildren.get(r).toString())
                        .param("group", "1")
                        .param("reason", "矩阵优先"),
                false);
        row(
                "POST /school/lotteries/{windowId}/draw",
                lotterySchools,
                302,
                ownSchool,
                false,
                r -> post("/school/lotteries/{w}/draw", closedLotteries.get(r)),
                false);
        row(
                "POST /school/lotteries/{windowId}/verify",
                lotterySchools,
                200,
                ownSchool,
                false,
                r -> post("/school/lotteries/{w}/verify", closedLotteries.get(r)),
                false);
        row(
                "GET /school/lotteries/{windowId}/children/{childId}",
                lotterySchools,
                200,
                ownSchool,
                false,
                r -> get("/school/lotteries/{w}/children/{c}", openLotteries.get(r), lotteryChildren.get(r)),
                true);
        row(
                "GET /guardian/lotteries",
                none,
                200,
                Map.of(Role.GUARDIAN, none),
                false,
                r -> get("/guardian/lotteries"),
                true);
        Map<Role, Set<Relation>> ownChild = Map.of(Role.GUARDIAN, EnumSet.of(Relation.OWN));
        row(
                "GET /guardian/lotteries/{windowId}/children/{childId}",
                student,
                200,
                ownChild,
                false,
                r -> get("/guardian/lotteries/{w}/children/{c}", guardianLottery(r), students.get(r)),
                true);
        row(
                "POST /guardian/lotteries/{windowId}/children/{childId}",
                student,
                302,
                ownChild,
                false,
                r -> post("/guardian/lotteries/{w}/children/{c}", guardianLottery(r), students.get(r))
                        .param("choices", lotteryOffering.toString())
                        .param("consent", "true")
                        .param("consentVersion", enrollment.consentVersion()),
                false);
        Map<Role, Set<Relation>> anyone = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            anyone.put(role, lotterySchools);
        }
        row(
                "GET /public/lotteries/{windowId}",
                lotterySchools,
                200,
                anyone,
                true,
                r -> get("/public/lotteries/{w}", openLotteries.get(r)),
                false);
        row(
                "GET /public/schools/{schoolId}/lotteries",
                lotterySchools,
                200,
                anyone,
                true,
                r -> get("/public/schools/{s}/lotteries", schools.get(r)),
                false);
    }

    /**
     * The county's lottery pages (ENROL-2): only a county admin, and only for their own county's windows and the
     * children who applied to them; inspectors and the city are refused by the path rules, school admins too.
     */
    private void countyLotteryRows(Set<Relation> none) {
        Set<Relation> lotteryCounties = EnumSet.of(Relation.OWN, Relation.OTHER_COUNTY);
        Map<Role, Set<Relation>> ownCounty = Map.of(Role.COUNTY_ADMIN, EnumSet.of(Relation.OWN));
        row(
                "GET /county/lotteries",
                none,
                200,
                Map.of(Role.COUNTY_ADMIN, none),
                false,
                r -> get("/county/lotteries"),
                true);
        row(
                "GET /county/lotteries/{windowId}",
                lotteryCounties,
                200,
                ownCounty,
                false,
                r -> get("/county/lotteries/{w}", openCountyLotteries.get(r)),
                true);
        row(
                "POST /county/lotteries/{windowId}/siblings",
                lotteryCounties,
                302,
                ownCounty,
                false,
                r -> post("/county/lotteries/{w}/siblings", openCountyLotteries.get(r))
                        .param("siblings", "TOGETHER"),
                false);
        row(
                "POST /county/lotteries/{windowId}/priorities",
                lotteryCounties,
                302,
                ownCounty,
                false,
                r -> post("/county/lotteries/{w}/priorities", openCountyLotteries.get(r))
                        .param("childId", students.get(r).toString())
                        .param("group", "1")
                        .param("reason", "矩阵优先"),
                false);
        row(
                "POST /county/lotteries/{windowId}/draw",
                lotteryCounties,
                302,
                ownCounty,
                false,
                r -> post("/county/lotteries/{w}/draw", closedCountyLotteries.get(r)),
                false);
        row(
                "POST /county/lotteries/{windowId}/verify",
                lotteryCounties,
                200,
                ownCounty,
                false,
                r -> post("/county/lotteries/{w}/verify", closedCountyLotteries.get(r)),
                false);
        row(
                "GET /county/lotteries/{windowId}/children/{childId}",
                lotteryCounties,
                200,
                ownCounty,
                false,
                r -> get("/county/lotteries/{w}/children/{c}", openCountyLotteries.get(r), students.get(r)),
                true);
    }

    /** The open lottery governing the school of the relation's child. */
    private UUID guardianLottery(Relation r) {
        return openLotteries.get(r == Relation.SAME_SCHOOL ? Relation.OWN : r);
    }

    /**
     * Care requests to decide: for the admin's own school one per decision (the accepted ones for a change of staff
     * or group), and one of each kind in the other school and the other county; a care group and care staff of the
     * own school; school days for the guardian's own requests.
     */
    private void careRequests() {
        CareFixtures fixtures = new CareFixtures(organization, organizationQueries, accounts, clock);
        UserScope admin = demo.scope(Caller.SCHOOL_ADMIN.login);
        UUID staff = jdbc.sql("select id from organization.staff where school_id = :s order by id limit 1")
                .param("s", schools.get(Relation.OWN))
                .query(UUID.class)
                .single();
        careParts.put("staff", staff);
        careParts.put(
                "group",
                care.formCareGroup(admin, schools.get(Relation.OWN), new NewCareGroup("矩阵托管组", staff, "矩阵教室", null)));
        List<LocalDate> ownDays = fixtures.schoolDays(admin, 12);
        careDays.put("early", ownDays.get(10));
        careDays.put("extended", ownDays.get(11));
        UserScope sameSchoolGuardian = guardianOf(students.get(Relation.SAME_SCHOOL));
        UUID sameSchoolChild = students.get(Relation.SAME_SCHOOL);
        String[] early = {"earlyAccept", "earlyDecline", "earlyStaff"};
        String[] extended = {"extendedApprove", "extendedDecline", "extendedGroup"};
        for (int i = 0; i < 3; i++) {
            LocalDate day = ownDays.get(i);
            careRequests
                    .computeIfAbsent(early[i], k -> new EnumMap<>(Relation.class))
                    .put(
                            Relation.OWN,
                            care.requestEarlyArrival(
                                    sameSchoolGuardian, CareFixtures.earlyArrival(sameSchoolChild, day, false)));
            careRequests
                    .computeIfAbsent(extended[i], k -> new EnumMap<>(Relation.class))
                    .put(
                            Relation.OWN,
                            care.requestExtendedCare(
                                    sameSchoolGuardian, CareFixtures.extendedCare(sameSchoolChild, day)));
        }
        care.acceptEarlyArrival(admin, careRequests.get("earlyStaff").get(Relation.OWN), staff);
        care.approveExtendedCare(admin, careRequests.get("extendedGroup").get(Relation.OWN), careParts.get("group"));
        Map<Relation, UserScope> admins = Map.of(
                Relation.OTHER_SCHOOL,
                new UserScope(
                        UUID.randomUUID(),
                        "矩阵管理员",
                        Set.of(Role.SCHOOL_ADMIN),
                        counties.get(Relation.OWN),
                        schools.get(Relation.OTHER_SCHOOL),
                        null,
                        null,
                        null),
                Relation.OTHER_COUNTY,
                demo.scope("LL-PS-ADMIN"));
        for (Relation r : List.of(Relation.OTHER_SCHOOL, Relation.OTHER_COUNTY)) {
            LocalDate day = fixtures.schoolDays(admins.get(r), 1).getFirst();
            UUID child = students.get(r);
            UUID foreignEarly =
                    care.requestEarlyArrival(guardianOf(child), CareFixtures.earlyArrival(child, day, false));
            UUID foreignExtended = care.requestExtendedCare(guardianOf(child), CareFixtures.extendedCare(child, day));
            for (String key : early) {
                careRequests.get(key).put(r, foreignEarly);
            }
            for (String key : extended) {
                careRequests.get(key).put(r, foreignExtended);
            }
        }
    }

    /** A guardian of the student, as the care requests see them. */
    private UserScope guardianOf(UUID student) {
        UUID guardian = jdbc.sql(
                        "select guardian_id from organization.student_guardian where student_id = :s order by guardian_id limit 1")
                .param("s", student)
                .query(UUID.class)
                .single();
        return new UserScope(UUID.randomUUID(), "矩阵家长", Set.of(Role.GUARDIAN), null, null, null, guardian, null);
    }

    /** Offerings and plans of the own school in each state a lifecycle endpoint needs; other tenants' drafts. */
    private void lifecycleTargets(UserScope admin, UUID ownSchool) {
        UUID term = terms.get(Relation.OWN);
        UUID toPublish = offering(admin, ownSchool, term, 1);
        catalog.publishOffering(admin, toPublish);
        published.put(Relation.OWN, toPublish);
        cancellable.put(Relation.OWN, offering(admin, ownSchool, term, 1));
        feeBearing.put(Relation.OWN, feeOffering(admin, ownSchool, term));
        for (Relation r : List.of(Relation.OTHER_SCHOOL, Relation.OTHER_COUNTY)) {
            published.put(r, offerings.get(r));
            cancellable.put(r, offerings.get(r));
            feeBearing.put(r, offerings.get(r));
            revisable.put(r, plans.get(r));
            publishedPlans.put(r, plans.get(r));
        }
        revisable.put(Relation.OWN, catalog.draftSlotPlan(admin, ownSchool, fridayPlan(term)));
        UUID toWithdraw = catalog.draftSlotPlan(admin, ownSchool, fridayPlan(term));
        catalog.publishSlotPlan(admin, toWithdraw);
        publishedPlans.put(Relation.OWN, toWithdraw);
        offeringParts.put(
                "copyTarget",
                organization.planTerm(
                        admin, ownSchool, 2039, TermKind.AUTUMN, LocalDate.of(2039, 9, 1), LocalDate.of(2040, 1, 20)));
        offeringParts.put("apiVenue", venue(admin, ownSchool, "api"));
        offeringParts.put("apiStaff", freeStaff(ownSchool).get(1));
    }

    private static NewSlotPlan fridayPlan(UUID term) {
        return new NewSlotPlan(
                term,
                DayOfWeek.FRIDAY,
                1,
                2,
                List.of(new SlotLine(Slot.SLOT_1, LocalTime.of(15, 30), LocalTime.of(16, 30), "矩阵修改", 30)));
    }

    /** A school year whose autumn term the own school has not planned yet (other tests plan some, too). */
    private int freeAutumn() {
        int year = termYears.incrementAndGet();
        while (jdbc.sql("select count(*) from organization.term where school_id = :s and school_year = :y")
                        .param("s", schools.get(Relation.OWN))
                        .param("y", year)
                        .query(Long.class)
                        .single()
                > 0) {
            year = termYears.incrementAndGet();
        }
        return year;
    }

    /** A photo of a school, uploaded by someone else than the callers. */
    private UUID photo(UUID school) {
        UUID county = jdbc.sql("select county_id from organization.school where id = :s")
                .param("s", school)
                .query(UUID.class)
                .single();
        UserScope uploader =
                new UserScope(UUID.randomUUID(), "矩阵上传", Set.of(Role.SCHOOL_ADMIN), county, school, null, null, null);
        try {
            return photoStore.store(uploader, county, school, org.kehou.platform.PhotosTests.image("png"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A notification in an account's inbox. */
    private UUID notification(UUID account) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into platform.notification (id, recipient_id, topic, message_key, arguments, created_at,
                          state, channel, attempts, next_attempt_at)
                        values (:id, :to, 'matrix', 'inbox.title', '', current_timestamp, 'SENT', 'inbox', 1,
                          current_timestamp)""").param("id", id).param("to", account).update();
        return id;
    }

    private void defineRows() {
        Set<Relation> none = EnumSet.of(Relation.NONE);
        Set<Relation> student =
                EnumSet.of(Relation.OWN, Relation.SAME_SCHOOL, Relation.OTHER_SCHOOL, Relation.OTHER_COUNTY);
        Set<Relation> schoolWide = EnumSet.of(Relation.OWN, Relation.SAME_SCHOOL);
        operationsRows(none, student, schoolWide);
        lotteryRows(none, student);
        countyLotteryRows(none);
        registerRows(none, student);
        invitationRows(none);
        rostersRows(none, student);
        todayRows(none, student, schoolWide);
        dashboardRows(none);
        rollcallRows(student);
        checkinRows(none, student);
        Map<Role, Set<Relation>> anyRole = new EnumMap<>(Role.class);
        for (Role r : Role.values()) {
            anyRole.put(r, none);
        }
        public_("GET /login", 200);
        row("GET /", none, 302, anyRole, false, r -> get("/"), false);
        row("GET /home", none, 200, anyRole, false, r -> get("/home"), false);
        row(
                "GET /city",
                none,
                200,
                Map.of(Role.CITY_ADMIN, none, Role.INSPECTOR, none),
                false,
                r -> get("/city"),
                false);
        row(
                "GET /city/counties/{countyId}",
                EnumSet.of(Relation.OWN, Relation.OTHER_COUNTY),
                200,
                Map.of(
                        Role.CITY_ADMIN,
                        EnumSet.of(Relation.OWN, Relation.OTHER_COUNTY),
                        Role.INSPECTOR,
                        EnumSet.of(Relation.OWN, Relation.OTHER_COUNTY)),
                false,
                r -> get("/city/counties/{countyId}", counties.get(r)),
                true);
        row("GET /county", none, 200, Map.of(Role.COUNTY_ADMIN, none), false, r -> get("/county"), true);
        row(
                "GET /county/schools/new",
                none,
                200,
                Map.of(Role.COUNTY_ADMIN, none),
                false,
                r -> get("/county/schools/new"),
                false);
        row(
                "POST /county/schools",
                none,
                302,
                Map.of(Role.COUNTY_ADMIN, none),
                false,
                r -> post("/county/schools")
                        .param("code", "M-" + sequence.incrementAndGet())
                        .param("name", "矩阵学校")
                        .param("stage", "PRIMARY"),
                false);
        Set<Relation> schoolsOfCounty = EnumSet.of(Relation.OWN, Relation.OTHER_SCHOOL, Relation.OTHER_COUNTY);
        row(
                "GET /county/schools/{schoolId}/edit",
                schoolsOfCounty,
                200,
                Map.of(Role.COUNTY_ADMIN, EnumSet.of(Relation.OWN, Relation.OTHER_SCHOOL)),
                false,
                r -> get("/county/schools/{id}/edit", schools.get(r)),
                false);
        row(
                "POST /county/schools/{schoolId}",
                schoolsOfCounty,
                302,
                Map.of(Role.COUNTY_ADMIN, EnumSet.of(Relation.OWN, Relation.OTHER_SCHOOL)),
                false,
                r -> {
                    var s = jdbc.sql("select code, name, stage from organization.school where id = :id")
                            .param("id", schools.get(r))
                            .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                            .single();
                    return post("/county/schools/{id}", schools.get(r))
                            .param("code", s[0])
                            .param("name", s[1])
                            .param("stage", s[2]);
                },
                false);
        Map<Role, Set<Relation>> schoolAdmin = Map.of(Role.SCHOOL_ADMIN, none);
        row("GET /school", none, 200, schoolAdmin, false, r -> get("/school"), false);
        row("GET /school/classes", none, 200, schoolAdmin, false, r -> get("/school/classes"), false);
        row(
                "POST /school/classes",
                none,
                302,
                schoolAdmin,
                false,
                r -> post("/school/classes")
                        .param("gradeLevel", "3")
                        .param("name", "M" + sequence.incrementAndGet() + "班"),
                false);
        Set<Relation> classRelations =
                EnumSet.of(Relation.OWN, Relation.SAME_SCHOOL, Relation.OTHER_SCHOOL, Relation.OTHER_COUNTY);
        row(
                "GET /school/classes/{classId}",
                classRelations,
                200,
                Map.of(Role.SCHOOL_ADMIN, schoolWide),
                false,
                r -> get("/school/classes/{id}", classes.get(r)),
                true);
        row(
                "GET /school/classes/{classId}/roster.xlsx",
                classRelations,
                200,
                Map.of(Role.SCHOOL_ADMIN, schoolWide),
                false,
                r -> get("/school/classes/{id}/roster.xlsx", classes.get(r)),
                false);
        row("GET /school/roster.xlsx", none, 200, schoolAdmin, false, r -> get("/school/roster.xlsx"), false);
        row("GET /school/students", none, 200, schoolAdmin, false, r -> get("/school/students"), true);
        row("GET /school/students/new", none, 200, schoolAdmin, false, r -> get("/school/students/new"), false);
        row(
                "POST /school/students",
                none,
                302,
                schoolAdmin,
                false,
                r -> post("/school/students")
                        .param("name", "矩阵生")
                        .param("idNumber", RosterFiles.idNumber(80_000 + sequence.incrementAndGet()))
                        .param("classId", classes.get(Relation.OWN).toString()),
                false);
        row(
                "GET /school/students/{studentId}",
                student,
                200,
                Map.of(Role.SCHOOL_ADMIN, schoolWide),
                false,
                r -> get("/school/students/{id}", students.get(r)),
                false);
        row(
                "POST /school/students/{studentId}",
                student,
                302,
                Map.of(Role.SCHOOL_ADMIN, schoolWide),
                false,
                r -> {
                    var s = jdbc.sql("select name, class_id from organization.student where id = :id")
                            .param("id", students.get(r))
                            .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                            .single();
                    return post("/school/students/{id}", students.get(r))
                            .param("name", s[0])
                            .param("classId", s[1]);
                },
                false);
        row(
                "POST /school/students/{studentId}/guardians",
                student,
                302,
                Map.of(Role.SCHOOL_ADMIN, schoolWide),
                false,
                r -> post("/school/students/{id}/guardians", students.get(r))
                        .param("name", "矩阵家长")
                        .param("mobile", "1350%07d".formatted(sequence.incrementAndGet()))
                        .param("relation", "OTHER"),
                false);
        row(
                "POST /school/students/{studentId}/id-number",
                student,
                200,
                Map.of(Role.SCHOOL_ADMIN, schoolWide),
                false,
                r -> post("/school/students/{id}/id-number", students.get(r)),
                false);
        row("GET /school/guardians", none, 200, schoolAdmin, false, r -> get("/school/guardians"), true);
        row("GET /school/staff", none, 200, schoolAdmin, false, r -> get("/school/staff"), false);
        row(
                "POST /school/staff",
                none,
                302,
                schoolAdmin,
                false,
                r -> post("/school/staff")
                        .param("staffNo", "M-" + sequence.incrementAndGet())
                        .param("name", "矩阵老师")
                        .param("position", "TEACHER"),
                false);
        row("GET /school/calendar", none, 200, schoolAdmin, false, r -> get("/school/calendar"), false);
        row(
                "POST /school/calendar/terms",
                none,
                302,
                schoolAdmin,
                false,
                r -> {
                    int year = freeAutumn();
                    return post("/school/calendar/terms")
                            .param("schoolYear", String.valueOf(year))
                            .param("kind", "AUTUMN")
                            .param("startsOn", LocalDate.of(year, 9, 1).toString())
                            .param("endsOn", LocalDate.of(year + 1, 1, 20).toString());
                },
                false);
        Set<Relation> termRelations = EnumSet.of(Relation.OWN, Relation.OTHER_SCHOOL, Relation.OTHER_COUNTY);
        row(
                "POST /school/calendar/terms/{termId}/days",
                termRelations,
                302,
                Map.of(Role.SCHOOL_ADMIN, EnumSet.of(Relation.OWN)),
                false,
                r -> {
                    LocalDate start = jdbc.sql("select starts_on from organization.term where id = :id")
                            .param("id", terms.get(r))
                            .query(LocalDate.class)
                            .single();
                    LocalDate day = start.plusDays(14);
                    while (day.getDayOfWeek().getValue() > 5) {
                        day = day.plusDays(1);
                    }
                    return post("/school/calendar/terms/{id}/days", terms.get(r))
                            .param("day", day.toString())
                            .param("kind", "HOLIDAY");
                },
                false);
        row("GET /school/courses", none, 200, schoolAdmin, false, r -> get("/school/courses"), false);
        row(
                "POST /school/courses",
                none,
                302,
                schoolAdmin,
                false,
                r -> post("/school/courses")
                        .param("name", "矩阵课程" + sequence.incrementAndGet())
                        .param("category", "SCHOOL_BASED")
                        .param("grades", "3")
                        .param("providerKind", "STAFF"),
                false);
        Set<Relation> tenants = EnumSet.of(Relation.OWN, Relation.OTHER_SCHOOL, Relation.OTHER_COUNTY);
        Map<Role, Set<Relation>> ownSchool = Map.of(Role.SCHOOL_ADMIN, EnumSet.of(Relation.OWN));
        row("GET /school/slot-plans", none, 200, schoolAdmin, false, r -> get("/school/slot-plans"), false);
        row(
                "POST /school/slot-plans",
                tenants,
                302,
                ownSchool,
                false,
                r -> post("/school/slot-plans")
                        .param("termId", terms.get(r).toString())
                        .param("weekday", "THURSDAY")
                        .param("firstGrade", "1")
                        .param("lastGrade", "2")
                        .param("slot1Start", "15:30")
                        .param("slot1End", "16:30")
                        .param("slot1Activities", "矩阵作业")
                        .param("slot1Exercise", "20")
                        .param("slot2Start", "16:40")
                        .param("slot2End", "17:40")
                        .param("slot2Activities", "矩阵社团")
                        .param("slot2Exercise", "20"),
                false);
        row(
                "POST /school/slot-plans/{planId}/publish",
                tenants,
                302,
                ownSchool,
                false,
                r -> post("/school/slot-plans/{id}/publish", plans.get(r)),
                false);
        row(
                "GET /school/slot-plans/{planId}/edit",
                tenants,
                200,
                ownSchool,
                false,
                r -> get("/school/slot-plans/{id}/edit", revisable.get(r)),
                true);
        row(
                "POST /school/slot-plans/{planId}",
                tenants,
                302,
                ownSchool,
                false,
                r -> post("/school/slot-plans/{id}", revisable.get(r))
                        .param("slot1Start", "15:40")
                        .param("slot1End", "16:40")
                        .param("slot1Activities", "矩阵修改后")
                        .param("slot1Exercise", "25")
                        .param("slot2Start", "16:50")
                        .param("slot2End", "17:40")
                        .param("slot2Activities", "矩阵社团")
                        .param("slot2Exercise", "20"),
                false);
        row(
                "POST /school/slot-plans/{planId}/withdraw",
                tenants,
                302,
                ownSchool,
                false,
                r -> post("/school/slot-plans/{id}/withdraw", publishedPlans.get(r)),
                false);
        row(
                "POST /school/slot-plans/copy",
                tenants,
                302,
                ownSchool,
                false,
                r -> post("/school/slot-plans/copy")
                        .param("fromTermId", terms.get(r).toString())
                        .param("toTermId", offeringParts.get("copyTarget").toString()),
                false);
        row("GET /school/offerings", none, 200, schoolAdmin, false, r -> get("/school/offerings"), false);
        row(
                "POST /school/offerings",
                tenants,
                302,
                ownSchool,
                false,
                r -> post("/school/offerings")
                        .param("courseId", offeringParts.get("course").toString())
                        .param("termId", terms.get(r).toString())
                        .param("weekday", "TUESDAY")
                        .param("slot", "SLOT_1")
                        .param("slotOneContent", "HOMEWORK_QA")
                        .param("venueId", offeringParts.get("draft").toString())
                        .param("instructorId", offeringParts.get("staff").toString())
                        .param("capacity", "30")
                        .param("grades", "3")
                        .param("exerciseMinutes", "20"),
                false);
        row(
                "POST /school/offerings/{offeringId}/publish",
                tenants,
                302,
                ownSchool,
                false,
                r -> post("/school/offerings/{id}/publish", offerings.get(r)),
                false);
        row("GET /school/venues", none, 200, schoolAdmin, false, r -> get("/school/venues"), false);
        row(
                "POST /school/venues",
                none,
                302,
                schoolAdmin,
                false,
                r -> post("/school/venues")
                        .param("name", "矩阵新场地" + sequence.incrementAndGet())
                        .param("kind", "LAB")
                        .param("capacity", "40"),
                false);
        row(
                "GET /school/timetable",
                tenants,
                200,
                ownSchool,
                false,
                r -> get("/school/timetable")
                        .param("term", terms.get(r).toString())
                        .param("venue", venueOf(offerings.get(r)).toString())
                        .param("instructor", instructorOf(offerings.get(r)).toString())
                        .param("drafts", "true"),
                true);
        row(
                "GET /teacher/timetable",
                none,
                200,
                Map.of(Role.TEACHER, none),
                false,
                r -> get("/teacher/timetable"),
                true);
        row("GET /school/services", none, 200, schoolAdmin, false, r -> get("/school/services"), true);
        row(
                "POST /school/services",
                tenants,
                302,
                ownSchool,
                false,
                r -> post("/school/services")
                        .param("termId", terms.get(r).toString())
                        .param("kind", "SLOT_1")
                        .param("offered", "true")
                        .param("startsAt", "15:30")
                        .param("endsAt", "16:30"),
                false);
        Map<Role, Set<Relation>> schoolReaders = Map.of(
                Role.COUNTY_ADMIN,
                EnumSet.of(Relation.OWN, Relation.OTHER_SCHOOL),
                Role.CITY_ADMIN,
                schoolsOfCounty,
                Role.INSPECTOR,
                schoolsOfCounty);
        row(
                "GET /county/schools/{schoolId}/services",
                schoolsOfCounty,
                200,
                schoolReaders,
                false,
                r -> get("/county/schools/{id}/services", schools.get(r)),
                true);
        row("GET /school/openings", none, 200, schoolAdmin, false, r -> get("/school/openings"), true);
        row(
                "POST /school/openings",
                tenants,
                302,
                ownSchool,
                false,
                r -> post("/school/openings")
                        .param("venueId", openingVenues.get(r).toString())
                        .param("onDate", openingDay().toString())
                        .param("startsAt", "09:00")
                        .param("endsAt", "11:00")
                        .param("capacity", "30")
                        .param("purpose", "ENRICHMENT")
                        .param("supervisors", offeringParts.get("staff").toString()),
                false);
        row(
                "POST /school/openings/{openingId}/publish",
                tenants,
                302,
                ownSchool,
                false,
                r -> post("/school/openings/{id}/publish", openings.get(r)),
                false);
        Map<Role, Set<Relation>> countyReaders = schoolReaders;
        row(
                "GET /county/schools/{schoolId}/courses",
                schoolsOfCounty,
                200,
                countyReaders,
                false,
                r -> get("/county/schools/{id}/courses", schools.get(r)),
                false);
        row(
                "GET /county/schools/{schoolId}/timetable",
                schoolsOfCounty,
                200,
                countyReaders,
                false,
                r -> get("/county/schools/{id}/timetable", schools.get(r)),
                true);
        Map<Role, Set<Relation>> countyAdmin = Map.of(Role.COUNTY_ADMIN, none);
        row("GET /county/catalog", none, 200, countyAdmin, false, r -> get("/county/catalog"), false);
        row(
                "POST /county/catalog/exercise-minimum",
                none,
                302,
                countyAdmin,
                false,
                r -> post("/county/catalog/exercise-minimum")
                        .param("minutes", String.valueOf(catalog.exerciseMinimum(counties.get(Relation.OWN)))),
                false);
        row(
                "POST /county/catalog/notice-period",
                none,
                302,
                countyAdmin,
                false,
                r -> post("/county/catalog/notice-period")
                        .param("days", String.valueOf(catalog.noticeDays(counties.get(Relation.OWN)))),
                false);
        Map<Role, Set<Relation>> cityReaders = Map.of(Role.CITY_ADMIN, none, Role.INSPECTOR, none);
        row("GET /city/catalog", none, 200, cityReaders, false, r -> get("/city/catalog"), false);
        row(
                "POST /city/catalog/exercise-minimum",
                none,
                302,
                Map.of(Role.CITY_ADMIN, none),
                false,
                r -> post("/city/catalog/exercise-minimum").param("minutes", String.valueOf(cityMinimum())),
                false);
        Set<Relation> countyRelations = EnumSet.of(Relation.OWN, Relation.OTHER_COUNTY);
        row(
                "GET /city/counties/{countyId}/catalog",
                countyRelations,
                200,
                Map.of(Role.CITY_ADMIN, countyRelations, Role.INSPECTOR, countyRelations),
                false,
                r -> get("/city/counties/{id}/catalog", counties.get(r)),
                false);
        row(
                "POST /school/offerings/{offeringId}/close",
                tenants,
                302,
                ownSchool,
                false,
                r -> post("/school/offerings/{id}/close", published.get(r)),
                false);
        row(
                "POST /school/offerings/{offeringId}/cancel",
                tenants,
                302,
                ownSchool,
                false,
                r -> post("/school/offerings/{id}/cancel", cancellable.get(r)).param("reason", "矩阵取消"),
                false);
        row(
                "POST /school/offerings/copy",
                tenants,
                302,
                ownSchool,
                false,
                r -> post("/school/offerings/copy")
                        .param("fromTermId", terms.get(r).toString())
                        .param("toTermId", offeringParts.get("copyTarget").toString()),
                false);
        row(
                "GET /school/offerings/{offeringId}/notice",
                tenants,
                200,
                ownSchool,
                false,
                r -> get("/school/offerings/{id}/notice", feeBearing.get(r)),
                false);
        row(
                "POST /school/offerings/{offeringId}/notice",
                tenants,
                302,
                ownSchool,
                false,
                r -> post("/school/offerings/{id}/notice", feeBearing.get(r))
                        .param("content", "矩阵收费课程")
                        .param("feeStandard", "每学期 500 元")
                        .param("covers", "教材")
                        .param("refundRule", "开课前可全额退费")
                        .param("payee", "矩阵培训中心"),
                false);
        row("GET /school/care-requests", none, 200, schoolAdmin, false, r -> get("/school/care-requests"), true);
        row(
                "POST /school/care-groups",
                none,
                302,
                schoolAdmin,
                false,
                r -> post("/school/care-groups")
                        .param("name", "矩阵托管组" + sequence.incrementAndGet())
                        .param("supervisorId", careParts.get("staff").toString())
                        .param("room", "矩阵教室"),
                false);
        row(
                "GET /school/care-requests/early-arrivals/{requestId}",
                tenants,
                200,
                ownSchool,
                false,
                r -> get(
                        "/school/care-requests/early-arrivals/{id}",
                        careRequests.get("earlyStaff").get(r)),
                false);
        row(
                "POST /school/care-requests/early-arrivals/{requestId}/accept",
                tenants,
                302,
                ownSchool,
                false,
                r -> post(
                                "/school/care-requests/early-arrivals/{id}/accept",
                                careRequests.get("earlyAccept").get(r))
                        .param("careStaffId", careParts.get("staff").toString()),
                false);
        row(
                "POST /school/care-requests/early-arrivals/{requestId}/staff",
                tenants,
                302,
                ownSchool,
                false,
                r -> post(
                                "/school/care-requests/early-arrivals/{id}/staff",
                                careRequests.get("earlyStaff").get(r))
                        .param("careStaffId", careParts.get("staff").toString()),
                false);
        row(
                "POST /school/care-requests/early-arrivals/{requestId}/decline",
                tenants,
                302,
                ownSchool,
                false,
                r -> post(
                                "/school/care-requests/early-arrivals/{id}/decline",
                                careRequests.get("earlyDecline").get(r))
                        .param("reason", "矩阵原因"),
                false);
        row(
                "GET /school/care-requests/extended-care/{requestId}",
                tenants,
                200,
                ownSchool,
                false,
                r -> get(
                        "/school/care-requests/extended-care/{id}",
                        careRequests.get("extendedGroup").get(r)),
                false);
        row(
                "POST /school/care-requests/extended-care/{requestId}/approve",
                tenants,
                302,
                ownSchool,
                false,
                r -> post(
                                "/school/care-requests/extended-care/{id}/approve",
                                careRequests.get("extendedApprove").get(r))
                        .param("groupId", careParts.get("group").toString()),
                false);
        row(
                "POST /school/care-requests/extended-care/{requestId}/group",
                tenants,
                302,
                ownSchool,
                false,
                r -> post(
                                "/school/care-requests/extended-care/{id}/group",
                                careRequests.get("extendedGroup").get(r))
                        .param("groupId", careParts.get("group").toString()),
                false);
        row(
                "POST /school/care-requests/extended-care/{requestId}/decline",
                tenants,
                302,
                ownSchool,
                false,
                r -> post(
                                "/school/care-requests/extended-care/{id}/decline",
                                careRequests.get("extendedDecline").get(r))
                        .param("reason", "矩阵原因"),
                false);
        row("GET /school/early-arrivals", none, 200, schoolAdmin, false, r -> get("/school/early-arrivals"), true);
        row("GET /school/extended-care", none, 200, schoolAdmin, false, r -> get("/school/extended-care"), true);
        row("GET /school/import", none, 200, schoolAdmin, false, r -> get("/school/import"), false);
        row(
                "GET /school/import/template.xlsx",
                none,
                200,
                schoolAdmin,
                false,
                r -> get("/school/import/template.xlsx"),
                false);
        row(
                "POST /school/import",
                none,
                302,
                schoolAdmin,
                false,
                r -> multipart("/school/import")
                        .file(new MockMultipartFile(
                                "file",
                                "m.xlsx",
                                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                                RosterFiles.roster()
                                        .student(1, "1班", "矩阵导入", 90_002, "13500090002")
                                        .bytes())),
                false);
        row(
                "GET /school/import/{jobId}",
                EnumSet.of(Relation.OWN, Relation.OTHER_COUNTY),
                200,
                Map.of(Role.SCHOOL_ADMIN, EnumSet.of(Relation.OWN)),
                false,
                r -> get("/school/import/{id}", jobs.get(r)),
                true);
        Map<Role, Set<Relation>> anyoneAnySchool = new EnumMap<>(Role.class);
        for (Role r : Role.values()) {
            anyoneAnySchool.put(r, schoolsOfCounty);
        }
        row(
                "GET /api/v1/schools/{schoolId}/offerings",
                schoolsOfCounty,
                200,
                anyoneAnySchool,
                true,
                r -> get("/api/v1/schools/{id}/offerings", schools.get(r)),
                false);
        Map<Role, Set<Relation>> ownSchoolsAdmin = Map.of(Role.SCHOOL_ADMIN, EnumSet.of(Relation.OWN));
        row(
                "POST /api/v1/schools/{schoolId}/courses",
                schoolsOfCounty,
                201,
                ownSchoolsAdmin,
                false,
                r -> post("/api/v1/schools/{id}/courses", schools.get(r))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name": "矩阵接口课程%d", "category": "SCHOOL_BASED", "grades": [3],
                                 "providerKind": "STAFF"}""".formatted(sequence.incrementAndGet())),
                false);
        row(
                "POST /api/v1/schools/{schoolId}/offerings",
                schoolsOfCounty,
                201,
                ownSchoolsAdmin,
                false,
                r -> post("/api/v1/schools/{id}/offerings", schools.get(r))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"courseId": "%s", "termId": "%s", "weekday": "THURSDAY", "slot": "SLOT_2",
                                 "venueId": "%s", "instructors": ["%s"], "capacity": 30, "grades": [3],
                                 "exerciseMinutes": 20}""".formatted(
                                        offeringParts.get("course"),
                                        terms.get(Relation.OWN),
                                        offeringParts.get("apiVenue"),
                                        offeringParts.get("apiStaff"))),
                false);
        row(
                "GET /public/schools/{schoolId}/notices",
                schoolsOfCounty,
                200,
                anyoneAnySchool,
                true,
                r -> get("/public/schools/{id}/notices", schools.get(r)),
                true);
        row(
                "GET /public/schools/{schoolId}/openings",
                schoolsOfCounty,
                200,
                anyoneAnySchool,
                true,
                r -> get("/public/schools/{id}/openings", schools.get(r)),
                true);
        row("GET /teacher", none, 200, Map.of(Role.TEACHER, none), false, r -> get("/teacher"), false);
        row(
                "GET /teacher/classes/{classId}",
                classRelations,
                200,
                Map.of(Role.TEACHER, EnumSet.of(Relation.OWN)),
                false,
                r -> get("/teacher/classes/{id}", classes.get(r)),
                false);
        row("GET /guardian", none, 200, Map.of(Role.GUARDIAN, none), false, r -> get("/guardian"), false);
        Map<Role, Set<Relation>> ownChild = Map.of(Role.GUARDIAN, EnumSet.of(Relation.OWN));
        row(
                "GET /guardian/care",
                student,
                200,
                ownChild,
                false,
                r -> get("/guardian/care").param("child", students.get(r).toString()),
                false);
        row(
                "POST /guardian/care/early-arrivals",
                student,
                302,
                ownChild,
                false,
                r -> post("/guardian/care/early-arrivals")
                        .param("studentId", students.get(r).toString())
                        .param("firstDay", careDays.get("early").toString())
                        .param("lastDay", careDays.get("early").toString())
                        .param("arrivalTime", "07:10")
                        .param("reason", "矩阵早班")
                        .param("specialNeed", "true"),
                false);
        row(
                "POST /guardian/care/extended-care",
                student,
                302,
                ownChild,
                false,
                r -> post("/guardian/care/extended-care")
                        .param("studentId", students.get(r).toString())
                        .param("firstDay", careDays.get("extended").toString())
                        .param("lastDay", careDays.get("extended").toString())
                        .param(
                                "weekdays",
                                careDays.get("extended").getDayOfWeek().name())
                        .param("pickupBy", "18:30")
                        .param("reason", "矩阵晚班"),
                false);
        row(
                "GET /guardian/children/{studentId}",
                student,
                200,
                Map.of(Role.GUARDIAN, EnumSet.of(Relation.OWN)),
                false,
                r -> get("/guardian/children/{id}", students.get(r)),
                false);
        row("GET /inbox", none, 200, anyRole, false, r -> get("/inbox"), true);
        Set<Relation> photoSchools = EnumSet.of(Relation.OWN, Relation.OTHER_SCHOOL, Relation.OTHER_COUNTY);
        row(
                "GET /photos/{photoId}",
                photoSchools,
                200,
                Map.of(
                        Role.CITY_ADMIN,
                        photoSchools,
                        Role.INSPECTOR,
                        photoSchools,
                        Role.COUNTY_ADMIN,
                        EnumSet.of(Relation.OWN, Relation.OTHER_SCHOOL),
                        Role.SCHOOL_ADMIN,
                        EnumSet.of(Relation.OWN),
                        Role.TEACHER,
                        EnumSet.of(Relation.OWN)),
                false,
                r -> get("/photos/{id}", photos.get(r)),
                false);
        row("POST /inbox/read", none, 302, anyRole, false, r -> post("/inbox/read"), false);
        row(
                "POST /inbox/{notificationId}/read",
                EnumSet.of(Relation.OWN, Relation.OTHER_COUNTY),
                302,
                Map.of(Role.GUARDIAN, EnumSet.of(Relation.OWN)),
                false,
                r -> post("/inbox/{id}/read", notifications.get(r)),
                false);
        row(
                "POST /inbox/{notificationId}/open",
                EnumSet.of(Relation.OWN, Relation.OTHER_COUNTY),
                302,
                Map.of(Role.GUARDIAN, EnumSet.of(Relation.OWN)),
                false,
                r -> post("/inbox/{id}/open", notifications.get(r)),
                false);
        registrationRows(none, student);
    }

    private void registrationRows(Set<Relation> none, Set<Relation> student) {
        Map<Role, Set<Relation>> anyRole = new EnumMap<>(Role.class);
        for (Role r : Role.values()) {
            anyRole.put(r, none);
        }
        row(
                "POST /api/v1/tokens",
                none,
                201,
                anyRole,
                true,
                r -> post("/api/v1/tokens")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"login\": \"" + Caller.GUARDIAN.login + "\", \"password\": \""
                                + DemoFixtures.PASSWORD + "\"}"),
                false);
        row("DELETE /api/v1/tokens/current", none, 204, anyRole, false, r -> delete("/api/v1/tokens/current"), false);
        // only a guardian registers, and only their own child (ENROL-1); staff are refused by role
        row(
                "POST /api/v1/enrollments",
                student,
                201,
                Map.of(Role.GUARDIAN, EnumSet.of(Relation.OWN)),
                false,
                r -> post("/api/v1/enrollments")
                        .contentType(MediaType.APPLICATION_JSON)
                        .header("Idempotency-Key", EnrollmentFixtures.key())
                        .content("""
                                {"childId": "%s", "offeringId": "%s", "consent": true, "consentVersion": "%s"}""".formatted(
                                        students.get(r), openOfferings.get(Relation.OWN), enrollment.consentVersion())),
                false);
        row(
                "DELETE /api/v1/enrollments/{enrollmentId}",
                EnumSet.of(Relation.OWN, Relation.OTHER_COUNTY),
                204,
                Map.of(Role.GUARDIAN, EnumSet.of(Relation.OWN)),
                false,
                r -> delete("/api/v1/enrollments/{id}", registrations.get(r)),
                false);
        // no offer held by these registrations: the own guardian's answer is refused by the rule, others' not found
        row(
                "POST /api/v1/enrollments/{enrollmentId}/accept",
                EnumSet.of(Relation.OWN, Relation.OTHER_COUNTY),
                422,
                Map.of(Role.GUARDIAN, EnumSet.of(Relation.OWN)),
                false,
                r -> post("/api/v1/enrollments/{id}/accept", registrations.get(r)),
                false);
        row(
                "POST /api/v1/enrollments/{enrollmentId}/decline",
                EnumSet.of(Relation.OWN, Relation.OTHER_COUNTY),
                422,
                Map.of(Role.GUARDIAN, EnumSet.of(Relation.OWN)),
                false,
                r -> post("/api/v1/enrollments/{id}/decline", registrations.get(r)),
                false);
        row(
                "GET /api/v1/enrollments/consent",
                none,
                200,
                Map.of(Role.GUARDIAN, none),
                false,
                r -> get("/api/v1/enrollments/consent"),
                false);
        row(
                "GET /api/v1/guardians/me/enrollments",
                none,
                200,
                Map.of(Role.GUARDIAN, none),
                false,
                r -> get("/api/v1/guardians/me/enrollments"),
                false);
        Set<Relation> published = EnumSet.of(Relation.OWN, Relation.OTHER_COUNTY);
        Map<Role, Set<Relation>> anyonePublished = new EnumMap<>(Role.class);
        for (Role r : Role.values()) {
            anyonePublished.put(r, published);
        }
        row(
                "GET /api/v1/offerings/{offeringId}/seats",
                published,
                200,
                anyonePublished,
                true,
                r -> get("/api/v1/offerings/{id}/seats", openOfferings.get(r)),
                false);
        LocalDateTime now = LocalDateTime.now(clock).withNano(0);
        row(
                "POST /api/v1/registration-windows",
                EnumSet.of(Relation.OWN, Relation.OTHER_SCHOOL, Relation.OTHER_COUNTY),
                201,
                Map.of(
                        Role.SCHOOL_ADMIN,
                        EnumSet.of(Relation.OWN),
                        Role.COUNTY_ADMIN,
                        EnumSet.of(Relation.OWN, Relation.OTHER_SCHOOL)),
                false,
                r -> post("/api/v1/registration-windows")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"schoolId": "%s", "schoolYear": %d, "termKind": "SPRING", "opensAt": "%s",
                                 "closesAt": "%s", "waitlistLimit": 5}""".formatted(
                                schools.get(r), WINDOW_YEARS.incrementAndGet(), now.plusDays(1), now.plusDays(2))),
                false);
        row(
                "GET /api/v1/registration-windows",
                none,
                200,
                Map.of(Role.SCHOOL_ADMIN, none, Role.COUNTY_ADMIN, none),
                false,
                r -> get("/api/v1/registration-windows"),
                false);
    }

    /**
     * What the operations endpoints address (OPS-2..4): for the teacher's rows and the school admin's rows their own
     * children (the guardian's twins, both in the teacher's class) so that a hand-over or flag of one row never meets
     * another's; a person on each child's list and flags to lift; an open patrol of each school; and the day handed
     * over: the latest school day of the demo term up to today, the clock's school day.
     */
    private void operationsTargets() {
        UUID guardianId = demo.scope(Caller.GUARDIAN.login).guardianId();
        List<UUID> twins = jdbc.sql(
                        "select student_id from organization.student_guardian where guardian_id = :g order by student_id")
                .param("g", guardianId)
                .query(UUID.class)
                .list();
        for (String key : List.of("teacher", "school")) {
            Map<Relation, UUID> children = new EnumMap<>(Relation.class);
            children.put(Relation.OWN, key.equals("teacher") ? twins.get(0) : twins.get(1));
            children.put(Relation.SAME_SCHOOL, students.get(Relation.SAME_SCHOOL));
            children.put(Relation.OTHER_SCHOOL, students.get(Relation.OTHER_SCHOOL));
            children.put(Relation.OTHER_COUNTY, students.get(Relation.OTHER_COUNTY));
            pickupTargets.put(key, children);
        }
        LocalDate today = LocalDate.now(clock);
        var ownTerms = organizationQueries.terms(demo.scope(Caller.SCHOOL_ADMIN.login), schools.get(Relation.OWN));
        pickupDay = today.minusDays(120)
                .datesUntil(today.plusDays(1))
                .filter(d -> ownTerms.stream().anyMatch(t -> t.isSchoolDay(d)))
                .reduce((first, second) -> second)
                .orElseThrow(() -> new IllegalStateException("no school day of the demo term up to " + today));
        pickupService = "SLOT_2";
        Map<Relation, UserScope> admins = Map.of(
                Relation.OWN,
                demo.scope(Caller.SCHOOL_ADMIN.login),
                Relation.SAME_SCHOOL,
                demo.scope(Caller.SCHOOL_ADMIN.login),
                Relation.OTHER_SCHOOL,
                new UserScope(
                        UUID.randomUUID(),
                        "矩阵管理员",
                        Set.of(Role.SCHOOL_ADMIN),
                        counties.get(Relation.OWN),
                        schools.get(Relation.OTHER_SCHOOL),
                        null,
                        null,
                        null),
                Relation.OTHER_COUNTY,
                demo.scope("LL-PS-ADMIN"));
        Map<Relation, UUID> persons = new EnumMap<>(Relation.class);
        Map<Relation, UUID> teacherFlags = new EnumMap<>(Relation.class);
        Map<Relation, UUID> schoolFlags = new EnumMap<>(Relation.class);
        Map<Relation, UUID> openPatrols = new EnumMap<>(Relation.class);
        for (Relation r : List.of(Relation.OWN, Relation.SAME_SCHOOL, Relation.OTHER_SCHOOL, Relation.OTHER_COUNTY)) {
            UUID child = pickupTargets.get("school").get(r);
            persons.put(
                    r,
                    pickup.authorise(
                            r == Relation.OWN ? demo.scope(Caller.GUARDIAN.login) : guardianOf(child),
                            child,
                            new NewPickupPerson(
                                    "矩阵接送人" + sequence.incrementAndGet(),
                                    PickupRelation.RELATIVE,
                                    MobileNumber.of("1370%07d".formatted(sequence.get())),
                                    null)));
            schoolFlags.put(
                    r, pickup.flag(admins.get(r), child, new NewFlag("矩阵禁接" + sequence.incrementAndGet(), null, "矩阵")));
            UUID teacherChild = pickupTargets.get("teacher").get(r);
            teacherFlags.put(
                    r,
                    pickup.flag(
                            admins.get(r), teacherChild, new NewFlag("矩阵禁接" + sequence.incrementAndGet(), null, "矩阵")));
        }
        for (Relation r : List.of(Relation.OWN, Relation.OTHER_SCHOOL, Relation.OTHER_COUNTY)) {
            openPatrols.put(
                    r,
                    patrols.record(
                            admins.get(r),
                            schools.get(r),
                            new NewPatrol(
                                    java.time.LocalDateTime.now(clock).minusHours(1),
                                    null,
                                    null,
                                    "矩阵巡查点",
                                    "矩阵巡查",
                                    Set.of(org.kehou.operations.PatrolIssue.OTHER),
                                    "矩阵跟进",
                                    List.of())));
        }
        pickupTargets.put("persons", persons);
        pickupTargets.put("teacherFlags", teacherFlags);
        pickupTargets.put("schoolFlags", schoolFlags);
        pickupTargets.put("patrols", openPatrols);
    }

    private void dashboardRows(Set<Relation> none) {
        row("GET /school/today", none, 200, Map.of(Role.SCHOOL_ADMIN, none), false, r -> get("/school/today"), true);
        row("GET /county/today", none, 200, Map.of(Role.COUNTY_ADMIN, none), false, r -> get("/county/today"), true);
    }

    final Map<Relation, UUID> sessionOfferings = new EnumMap<>(Relation.class);
    final Map<Relation, LocalDate> sessionDays = new EnumMap<>(Relation.class);

    /**
     * Sessions for the roll-call rows (OPS-1, CONTENT-5): for each relation a published slot-1 offering of the
     * school on the weekday of its latest school day up to today, one child confirmed in it; the demo teacher
     * teaches the one of their own school (OWN), a colleague the other one of JX-PS (SAME_SCHOOL).
     */
    private void rollcallTargets() {
        LocalDate today = LocalDate.now(clock);
        UserScope ownAdmin = demo.scope(Caller.SCHOOL_ADMIN.login);
        Map<Relation, UserScope> admins = Map.of(
                Relation.OWN,
                ownAdmin,
                Relation.SAME_SCHOOL,
                ownAdmin,
                Relation.OTHER_SCHOOL,
                new UserScope(
                        UUID.randomUUID(),
                        "矩阵管理员",
                        Set.of(Role.SCHOOL_ADMIN),
                        counties.get(Relation.OWN),
                        schools.get(Relation.OTHER_SCHOOL),
                        null,
                        null,
                        null),
                Relation.OTHER_COUNTY,
                demo.scope("LL-PS-ADMIN"));
        for (Relation r : List.of(Relation.OWN, Relation.SAME_SCHOOL, Relation.OTHER_SCHOOL, Relation.OTHER_COUNTY)) {
            UserScope admin = admins.get(r);
            UUID school = admin.schoolId();
            var schoolTerms = organizationQueries.termsOfOwnSchool(admin);
            LocalDate day = today.minusDays(120)
                    .datesUntil(today.plusDays(1))
                    .filter(d -> schoolTerms.stream().anyMatch(t -> t.isSchoolDay(d)))
                    .reduce((first, second) -> second)
                    .orElseThrow();
            UUID term = schoolTerms.stream()
                    .filter(t -> t.isSchoolDay(day))
                    .findFirst()
                    .orElseThrow()
                    .id();
            int grade = jdbc.sql("select min(grade_level) from organization.school_class where school_id = :s")
                    .param("s", school)
                    .query(Integer.class)
                    .single();
            UUID offering = catalog.draftOffering(
                    admin,
                    school,
                    new NewOffering(
                            course(admin, school, grade),
                            term,
                            day.getDayOfWeek(),
                            Slot.SLOT_1,
                            venue(admin, school, "session"),
                            List.of(freeStaff(school).get(0)),
                            30,
                            List.of(grade),
                            null,
                            0,
                            org.kehou.catalog.SlotOneContent.SELF_HOMEWORK,
                            null,
                            null,
                            List.of()));
            catalog.publishOffering(admin, offering);
            if (r == Relation.OWN) {
                jdbc.sql("""
                                insert into catalog.offering_instructor (offering_id, county_id, school_id, instructor_id)
                                select id, county_id, school_id, :staff from catalog.offering where id = :id""")
                        .param("staff", demo.scope(Caller.TEACHER.login).staffId())
                        .param("id", offering)
                        .update();
            }
            jdbc.sql("""
                            insert into enrollment.enrollment (id, version, county_id, school_id, term_id, offering_id,
                              child_id, guardian_id, account_id, weekday, slot, status, active_offering_id, active_slot,
                              consent_version, consented_at, requested_at, confirmed_at)
                            select :id, 0, o.county_id, o.school_id, o.term_id, o.id, st.id, :guardian, :account,
                              o.weekday, o.slot, 'CONFIRMED', o.id, concat(o.weekday, '-', o.slot), 'matrix', :at, :at,
                              :at
                            from catalog.offering o, organization.student st
                            where o.id = :offering and st.id = (select min(s.id) from organization.student s
                              where s.school_id = o.school_id
                                and not exists (select 1 from enrollment.enrollment e where e.child_id = s.id))""")
                    .param("id", UUID.randomUUID())
                    .param("guardian", UUID.randomUUID())
                    .param("account", UUID.randomUUID())
                    .param("at", LocalDateTime.now(clock).minusDays(200))
                    .param("offering", offering)
                    .update();
            sessionOfferings.put(r, offering);
            sessionDays.put(r, day);
        }
    }

    /**
     * The roll-call, homework and leave endpoints (OPS-1, CONTENT-5): a teacher's session pages for the sessions
     * they serve only; a guardian's leave for their own child only; the school admin's leave, rates and record
     * check of their own school; the API for the teacher of the session and the admin of its school.
     */
    private void rollcallRows(Set<Relation> student) {
        Set<Relation> none = EnumSet.of(Relation.NONE);
        Map<Role, Set<Relation>> teachersSession = Map.of(Role.TEACHER, EnumSet.of(Relation.OWN));
        Map<Role, Set<Relation>> servedSession = Map.of(
                Role.TEACHER,
                EnumSet.of(Relation.OWN),
                Role.SCHOOL_ADMIN,
                EnumSet.of(Relation.OWN, Relation.SAME_SCHOOL));
        Map<Role, Set<Relation>> ownChild = Map.of(Role.GUARDIAN, EnumSet.of(Relation.OWN));
        Map<Role, Set<Relation>> schoolAdmin = Map.of(Role.SCHOOL_ADMIN, none);
        for (String page : List.of("roll-call", "homework")) {
            row(
                    "GET /teacher/sessions/{offeringId}/{date}/" + page,
                    student,
                    200,
                    teachersSession,
                    false,
                    r -> get("/teacher/sessions/{o}/{d}/" + page, sessionOfferings.get(r), sessionDays.get(r)),
                    true);
            row(
                    "POST /teacher/sessions/{offeringId}/{date}/" + page,
                    student,
                    302,
                    teachersSession,
                    false,
                    r -> post("/teacher/sessions/{o}/{d}/" + page, sessionOfferings.get(r), sessionDays.get(r))
                            .param("reason", "矩阵补录"),
                    false);
        }
        row(
                "GET /guardian/children/{studentId}/leave",
                student,
                200,
                ownChild,
                false,
                r -> get("/guardian/children/{id}/leave", students.get(r)),
                false);
        row(
                "POST /guardian/children/{studentId}/leave",
                student,
                302,
                ownChild,
                false,
                r -> post("/guardian/children/{id}/leave", students.get(r))
                        .param("day", LocalDate.now(clock).plusDays(1).toString())
                        .param("reason", "矩阵请假"),
                false);
        for (String page : List.of("/school/leave", "/school/homework-rates", "/school/session-records")) {
            row("GET " + page, none, 200, schoolAdmin, false, r -> get(page), true);
        }
        row(
                "GET /api/v1/sessions/{offeringId}/{date}/roll-call",
                student,
                200,
                servedSession,
                false,
                r -> get("/api/v1/sessions/{o}/{d}/roll-call", sessionOfferings.get(r), sessionDays.get(r)),
                false);
        row(
                "POST /api/v1/sessions/{offeringId}/{date}/roll-call",
                student,
                200,
                servedSession,
                false,
                r -> post("/api/v1/sessions/{o}/{d}/roll-call", sessionOfferings.get(r), sessionDays.get(r))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\": \"矩阵补录\", \"exceptions\": []}"),
                false);
    }

    private void operationsRows(Set<Relation> none, Set<Relation> student, Set<Relation> schoolWide) {
        Map<Role, Set<Relation>> ownChild = Map.of(Role.GUARDIAN, EnumSet.of(Relation.OWN));
        Map<Role, Set<Relation>> teachersChild = Map.of(Role.TEACHER, EnumSet.of(Relation.OWN));
        Map<Role, Set<Relation>> schoolsChild = Map.of(Role.SCHOOL_ADMIN, schoolWide);
        Map<Role, Set<Relation>> teacher = Map.of(Role.TEACHER, none);
        Map<Role, Set<Relation>> schoolAdmin = Map.of(Role.SCHOOL_ADMIN, none);
        Map<Relation, UUID> guardianChild = pickupTargets.get("school");
        row(
                "GET /guardian/children/{studentId}/pickup",
                student,
                200,
                ownChild,
                false,
                r -> get("/guardian/children/{id}/pickup", guardianChild.get(r)),
                false);
        row(
                "POST /guardian/children/{studentId}/pickup/persons",
                student,
                302,
                ownChild,
                false,
                r -> post("/guardian/children/{id}/pickup/persons", guardianChild.get(r))
                        .param("name", "矩阵新接送人" + sequence.incrementAndGet())
                        .param("relation", "NEIGHBOUR")
                        .param("mobile", "1371%07d".formatted(sequence.get())),
                false);
        row(
                "POST /guardian/children/{studentId}/pickup/persons/{personId}/remove",
                student,
                302,
                ownChild,
                false,
                r -> post(
                        "/guardian/children/{id}/pickup/persons/{p}/remove",
                        guardianChild.get(r),
                        pickupTargets.get("persons").get(r)),
                false);
        row(
                "POST /guardian/children/{studentId}/pickup/consent",
                student,
                302,
                ownChild,
                false,
                r -> post("/guardian/children/{id}/pickup/consent", guardianChild.get(r))
                        .param("alone", "false"),
                false);
        for (String base : List.of("teacher", "school")) {
            Map<Role, Set<Relation>> list = base.equals("teacher") ? teacher : schoolAdmin;
            Map<Role, Set<Relation>> child = base.equals("teacher") ? teachersChild : schoolsChild;
            Map<Relation, UUID> children = pickupTargets.get(base);
            Map<Relation, UUID> flags = pickupTargets.get(base + "Flags");
            row(
                    "GET /" + base + "/pickup",
                    none,
                    200,
                    list,
                    false,
                    r -> get("/" + base + "/pickup").param("date", pickupDay.toString()),
                    true);
            row(
                    "POST /" + base + "/pickup/children/{studentId}/release",
                    student,
                    302,
                    child,
                    false,
                    r -> post("/" + base + "/pickup/children/{id}/release", children.get(r))
                            .param("date", pickupDay.toString())
                            .param("service", pickupService)
                            .param("choice", "GUARDIAN:" + firstGuardianOf(children.get(r))),
                    false);
            row(
                    "GET /" + base + "/pickup/children/{studentId}",
                    student,
                    200,
                    child,
                    false,
                    r -> get("/" + base + "/pickup/children/{id}", children.get(r)),
                    false);
            row(
                    "POST /" + base + "/pickup/children/{studentId}/flags",
                    student,
                    302,
                    child,
                    false,
                    r -> post("/" + base + "/pickup/children/{id}/flags", children.get(r))
                            .param("name", "矩阵新禁接" + sequence.incrementAndGet())
                            .param("reason", "矩阵原因"),
                    false);
            row(
                    "POST /" + base + "/pickup/flags/{flagId}/lift",
                    student,
                    302,
                    child,
                    false,
                    r -> post("/" + base + "/pickup/flags/{id}/lift", flags.get(r))
                            .param("reason", "矩阵解除"),
                    false);
            row("GET /" + base + "/incidents", none, 200, list, false, r -> get("/" + base + "/incidents"), true);
            row(
                    "POST /" + base + "/incidents",
                    none,
                    302,
                    list,
                    false,
                    r -> post("/" + base + "/incidents")
                            .param("kind", "ILLNESS")
                            .param(
                                    "occurredAt",
                                    java.time.LocalDateTime.now(clock)
                                            .minusMinutes(30)
                                            .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm")))
                            .param("description", "矩阵事件")
                            .param("actions", "矩阵措施")
                            .param("children", children.get(Relation.OWN).toString()),
                    false);
        }
        row("GET /school/pickup/refusals", none, 200, schoolAdmin, false, r -> get("/school/pickup/refusals"), true);
        row("GET /school/patrols", none, 200, schoolAdmin, false, r -> get("/school/patrols"), true);
        row(
                "POST /school/patrols",
                none,
                302,
                schoolAdmin,
                false,
                r -> post("/school/patrols")
                        .param(
                                "patrolledAt",
                                java.time.LocalDateTime.now(clock)
                                        .minusMinutes(30)
                                        .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm")))
                        .param("place", "矩阵地点")
                        .param("observed", "矩阵所见"),
                false);
        row(
                "POST /school/patrols/{patrolId}/resolve",
                EnumSet.of(Relation.OWN, Relation.OTHER_SCHOOL, Relation.OTHER_COUNTY),
                302,
                Map.of(Role.SCHOOL_ADMIN, EnumSet.of(Relation.OWN)),
                false,
                r -> post(
                                "/school/patrols/{id}/resolve",
                                pickupTargets.get("patrols").get(r))
                        .param("resolution", "矩阵解决"),
                false);
    }

    /**
     * What the roster, move and booking endpoints address (ENROL-2, ENROL-3, SCOPE-3): offerings with a registration
     * at the own school (in a term of its own, with a window open), at another school of the county and in the other
     * county, and an offering of the own school to move to; published openings of the own school (one to book, one
     * with the guardian's booking to cancel), of another school and of the other county, the last with a booking.
     */
    private void rostersTargets() {
        EnrollmentFixtures fixtures = new EnrollmentFixtures(organization, catalog, enrollment, accounts, clock);
        UserScope admin = demo.scope(Caller.SCHOOL_ADMIN.login);
        UUID school = schools.get(Relation.OWN);
        int year = EnrollmentFixtures.year();
        UUID term = organization.planTerm(
                admin, school, year, TermKind.AUTUMN, LocalDate.of(year, 9, 1), LocalDate.of(year + 1, 1, 15));
        Campus own = new Campus(counties.get(Relation.OWN), school, admin, term, year, Map.of());
        Map<Relation, UUID> offeringsWithRegistration = new EnumMap<>(Relation.class);
        Map<Relation, UUID> registrationsToMove = new EnumMap<>(Relation.class);
        UUID source = fixtures.offering(own, DayOfWeek.WEDNESDAY, Slot.SLOT_2, 30, 2);
        UUID destination = fixtures.offering(own, DayOfWeek.THURSDAY, Slot.SLOT_2, 30, 2);
        fixtures.openWindowNow(own, 10);
        UUID sameSchoolChild = students.get(Relation.SAME_SCHOOL);
        offeringsWithRegistration.put(Relation.OWN, source);
        registrationsToMove.put(
                Relation.OWN,
                enrollment
                        .enroll(
                                guardianOf(sameSchoolChild),
                                fixtures.consenting(sameSchoolChild, source),
                                EnrollmentFixtures.key())
                        .enrollmentId());
        Campus elsewhere = fixtures.campus(demo.scope("LY-JX-ADMIN"));
        UUID other = fixtures.offering(elsewhere, DayOfWeek.MONDAY, Slot.SLOT_2, 30, 3);
        fixtures.openWindowNow(elsewhere, 10);
        Family family = fixtures.family(elsewhere, 3, 1);
        offeringsWithRegistration.put(Relation.OTHER_SCHOOL, other);
        registrationsToMove.put(
                Relation.OTHER_SCHOOL,
                enrollment
                        .enroll(family.guardian(), fixtures.consenting(family.child(), other), EnrollmentFixtures.key())
                        .enrollmentId());
        offeringsWithRegistration.put(Relation.OTHER_COUNTY, openOfferings.get(Relation.OTHER_COUNTY));
        registrationsToMove.put(Relation.OTHER_COUNTY, registrations.get(Relation.OTHER_COUNTY));
        rosterTargets.put("offerings", offeringsWithRegistration);
        rosterTargets.put("registrations", registrationsToMove);
        rosterTargets.put("destination", Map.of(Relation.OWN, destination));
        Map<Relation, UUID> bookable = new EnumMap<>(Relation.class);
        Map<Relation, UUID> bookingsToCancel = new EnumMap<>(Relation.class);
        bookable.put(Relation.OWN, publishedOpening(admin, school));
        UUID withBooking = publishedOpening(admin, school);
        bookingsToCancel.put(
                Relation.OWN,
                openingBookings.book(demo.scope(Caller.GUARDIAN.login), withBooking, students.get(Relation.OWN)));
        bookable.put(
                Relation.OTHER_SCHOOL,
                new org.kehou.enrollment.BookingFixtures(organization, catalog).opening(elsewhere, 5, 1));
        UserScope otherCounty = demo.scope("LL-PS-ADMIN");
        UUID foreign = publishedOpening(otherCounty, schools.get(Relation.OTHER_COUNTY));
        bookable.put(Relation.OTHER_COUNTY, foreign);
        UUID foreignChild = students.get(Relation.OTHER_COUNTY);
        bookingsToCancel.put(
                Relation.OTHER_COUNTY, openingBookings.book(guardianOf(foreignChild), foreign, foreignChild));
        rosterTargets.put("openings", bookable);
        rosterTargets.put("bookings", bookingsToCancel);
    }

    private UUID publishedOpening(UserScope admin, UUID school) {
        UUID opening = catalog.planOpening(
                admin,
                school,
                new CatalogManagement.NewOpening(
                        venue(admin, school, "booking"),
                        openingDay(),
                        LocalTime.of(9, 0),
                        LocalTime.of(11, 0),
                        30,
                        OpeningPurpose.ENRICHMENT,
                        List.of(anyStaff(school))));
        catalog.publishOpening(admin, opening);
        return opening;
    }

    private void rostersRows(Set<Relation> none, Set<Relation> student) {
        Set<Relation> tenants = EnumSet.of(Relation.OWN, Relation.OTHER_SCHOOL, Relation.OTHER_COUNTY);
        Map<Role, Set<Relation>> ownSchool = Map.of(Role.SCHOOL_ADMIN, EnumSet.of(Relation.OWN));
        Map<Role, Set<Relation>> schoolAdmin = Map.of(Role.SCHOOL_ADMIN, none);
        Map<Relation, UUID> offeringsWithRegistration = rosterTargets.get("offerings");
        Map<Relation, UUID> registrationsToMove = rosterTargets.get("registrations");
        Map<Relation, UUID> bookable = rosterTargets.get("openings");
        row(
                "GET /school/offerings/{offeringId}/roster",
                tenants,
                200,
                ownSchool,
                false,
                r -> get("/school/offerings/{id}/roster", offeringsWithRegistration.get(r)),
                true);
        row(
                "GET /school/offerings/{offeringId}/roster.xlsx",
                tenants,
                200,
                ownSchool,
                false,
                r -> get("/school/offerings/{id}/roster.xlsx", offeringsWithRegistration.get(r)),
                false);
        row(
                "GET /school/registrations/{enrollmentId}/move",
                tenants,
                200,
                ownSchool,
                false,
                r -> get("/school/registrations/{id}/move", registrationsToMove.get(r)),
                false);
        row(
                "POST /school/registrations/{enrollmentId}/move",
                tenants,
                302,
                ownSchool,
                false,
                r -> post("/school/registrations/{id}/move", registrationsToMove.get(r))
                        .param(
                                "destinationId",
                                rosterTargets
                                        .get("destination")
                                        .get(Relation.OWN)
                                        .toString())
                        .param("reason", "矩阵调课"),
                false);
        row(
                "GET /school/registration-counts",
                none,
                200,
                schoolAdmin,
                false,
                r -> get("/school/registration-counts"),
                true);
        row(
                "GET /county/registration-counts",
                none,
                200,
                Map.of(Role.COUNTY_ADMIN, none),
                false,
                r -> get("/county/registration-counts"),
                true);
        row(
                "GET /guardian/openings",
                none,
                200,
                Map.of(Role.GUARDIAN, none),
                false,
                r -> get("/guardian/openings"),
                true);
        // a guardian books only their own child (SCOPE-3); another family's child is not found
        row(
                "POST /guardian/openings/{openingId}/bookings",
                student,
                302,
                Map.of(Role.GUARDIAN, EnumSet.of(Relation.OWN)),
                false,
                r -> post("/guardian/openings/{id}/bookings", bookable.get(Relation.OWN))
                        .param("childId", students.get(r).toString()),
                false);
        row(
                "POST /guardian/bookings/{bookingId}/cancel",
                EnumSet.of(Relation.OWN, Relation.OTHER_COUNTY),
                302,
                Map.of(Role.GUARDIAN, EnumSet.of(Relation.OWN)),
                false,
                r -> post(
                        "/guardian/bookings/{id}/cancel",
                        rosterTargets.get("bookings").get(r)),
                false);
        row("GET /school/bookings", none, 200, schoolAdmin, false, r -> get("/school/bookings"), true);
        row(
                "GET /school/bookings/{openingId}",
                tenants,
                200,
                ownSchool,
                false,
                r -> get("/school/bookings/{id}", bookable.get(r)),
                true);
    }

    /** The teacher's day: only a teacher, only their own sessions (the list has no ids of others to ask for). */
    private void todayRows(Set<Relation> none, Set<Relation> student, Set<Relation> schoolWide) {
        Map<Role, Set<Relation>> teacher = Map.of(Role.TEACHER, none);
        // someone else is always refused (422) and recorded, for the child of a class the teacher heads or of the
        // admin's school; any other child is not found and nothing is recorded
        Map<Role, Set<Relation>> handsOver =
                Map.of(Role.TEACHER, EnumSet.of(Relation.OWN), Role.SCHOOL_ADMIN, schoolWide);
        row(
                "POST /api/v1/pickups",
                student,
                422,
                handsOver,
                false,
                r -> post("/api/v1/pickups")
                        .header("Idempotency-Key", "matrix-" + sequence.incrementAndGet())
                        .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                        .content(
                                "{\"studentId\":\"%s\",\"date\":\"%s\",\"service\":\"%s\",\"to\":\"OTHER\",\"otherName\":\"矩阵陌生人\"}"
                                        .formatted(
                                                r == Relation.OWN
                                                        ? pickupTargets
                                                                .get("teacher")
                                                                .get(Relation.OWN)
                                                        : pickupTargets
                                                                .get("school")
                                                                .get(r),
                                                pickupDay,
                                                pickupService)),
                false);
        row(
                "GET /teacher/today",
                none,
                200,
                teacher,
                false,
                r -> get("/teacher/today").param("date", pickupDay.toString()),
                true);
        row(
                "GET /api/v1/teacher/today",
                none,
                200,
                teacher,
                false,
                r -> get("/api/v1/teacher/today").param("date", pickupDay.toString()),
                false);
    }

    final Map<Relation, UUID> checkinChildren = new EnumMap<>(Relation.class);
    final Map<Relation, UUID> checkoutChildren = new EnumMap<>(Relation.class);
    final Map<Relation, UUID> adminCheckinChildren = new EnumMap<>(Relation.class);

    /**
     * Children for the check-in and check-out rows (SCOPE-1, SCOPE-2): today's demo early arrival and extended-care
     * child in the care of the demo teacher (OWN), a child of the same school not in that care (SAME_SCHOOL), and
     * children of another school and county. Today is the clock's school day, on which the demo has both.
     */
    private void checkinTargets() {
        LocalDate today = LocalDate.now(clock);
        UserScope teacher = demo.scope(Caller.TEACHER.login);
        UUID school = schools.get(Relation.OWN);
        checkinChildren.put(
                Relation.OWN,
                care.expectedArrivals(demo.scope(Caller.SCHOOL_ADMIN.login), school, today).children().stream()
                        .filter(c -> teacher.staffId().equals(c.careStaffId()))
                        .findFirst()
                        .orElseThrow(() -> new IllegalStateException(
                                "no demo early arrival in the demo teacher's care on " + today))
                        .studentId());
        checkoutChildren.put(
                Relation.OWN,
                care.extendedCareRoster(demo.scope(Caller.SCHOOL_ADMIN.login), school, today).groups().stream()
                        .filter(g -> g.group().supervisorId().equals(teacher.staffId()))
                        .flatMap(g -> g.children().stream())
                        .findFirst()
                        .orElseThrow(() -> new IllegalStateException(
                                "no demo extended-care child in the demo teacher's group on " + today))
                        .studentId());
        for (Map<Relation, UUID> children : List.of(checkinChildren, checkoutChildren)) {
            children.put(Relation.SAME_SCHOOL, students.get(Relation.SAME_SCHOOL));
            children.put(Relation.OTHER_SCHOOL, students.get(Relation.OTHER_SCHOOL));
            children.put(Relation.OTHER_COUNTY, students.get(Relation.OTHER_COUNTY));
        }
        // the school admin's check-in takes in children of its own, so that neither row finds them in already:
        // another of today's early arrivals (OWN) and a child of the school on nobody's list (SAME_SCHOOL)
        List<UUID> taken = new ArrayList<>(students.values());
        taken.addAll(checkinChildren.values());
        taken.addAll(checkoutChildren.values());
        List<UUID> expected =
                care.expectedArrivals(demo.scope(Caller.SCHOOL_ADMIN.login), school, today).children().stream()
                        .map(c -> c.studentId())
                        .toList();
        adminCheckinChildren.put(
                Relation.OWN,
                expected.stream()
                        .filter(id -> !taken.contains(id))
                        .findFirst()
                        .orElseThrow(() -> new IllegalStateException("no second demo early arrival on " + today)));
        List<UUID> others = jdbc
                .sql("select id from organization.student where school_id = :s order by id")
                .param("s", school)
                .query(UUID.class)
                .list()
                .stream()
                .filter(id -> !taken.contains(id) && !expected.contains(id))
                .limit(1)
                .toList();
        adminCheckinChildren.put(Relation.SAME_SCHOOL, others.getFirst());
        adminCheckinChildren.put(Relation.OTHER_SCHOOL, students.get(Relation.OTHER_SCHOOL));
        adminCheckinChildren.put(Relation.OTHER_COUNTY, students.get(Relation.OTHER_COUNTY));
    }

    /**
     * The early-arrival check-in and the extended-care check-out (SCOPE-1, SCOPE-2): the lists for any teacher; the
     * check-in for the care staff of the day, of a child on their list (OWN) or, with a reason, any child of their
     * school (SAME_SCHOOL); the school admin's page and check-in of any child of the school (OWN: one of the day's early
     * arrivals, SAME_SCHOOL: a child on nobody's list, with a reason); the check-out release only for the supervisor of
     * the child's care group (OWN).
     */
    private void checkinRows(Set<Relation> none, Set<Relation> student) {
        Map<Role, Set<Relation>> teacher = Map.of(Role.TEACHER, none);
        String today = LocalDate.now(clock).toString();
        row(
                "GET /teacher/early-arrivals",
                none,
                200,
                teacher,
                false,
                r -> get("/teacher/early-arrivals").param("date", today),
                true);
        row(
                "POST /teacher/early-arrivals/check-in",
                student,
                302,
                Map.of(Role.TEACHER, EnumSet.of(Relation.OWN, Relation.SAME_SCHOOL)),
                false,
                r -> post("/teacher/early-arrivals/check-in")
                        .param("studentId", checkinChildren.get(r).toString())
                        .param("date", today)
                        .param("reason", "矩阵签到"),
                false);
        row(
                "GET /school/arrivals",
                none,
                200,
                Map.of(Role.SCHOOL_ADMIN, none),
                false,
                r -> get("/school/arrivals").param("date", today),
                true);
        row(
                "POST /school/arrivals/check-in",
                student,
                302,
                Map.of(Role.SCHOOL_ADMIN, EnumSet.of(Relation.OWN, Relation.SAME_SCHOOL)),
                false,
                r -> post("/school/arrivals/check-in")
                        .param("studentId", adminCheckinChildren.get(r).toString())
                        .param("date", today)
                        .param("reason", "矩阵签到"),
                false);
        row(
                "GET /teacher/extended-care",
                none,
                200,
                teacher,
                false,
                r -> get("/teacher/extended-care").param("date", today),
                true);
        row(
                "POST /teacher/extended-care/children/{studentId}/release",
                student,
                302,
                Map.of(Role.TEACHER, EnumSet.of(Relation.OWN)),
                false,
                r -> post("/teacher/extended-care/children/{id}/release", checkoutChildren.get(r))
                        .param("date", today)
                        .param("service", "EXTENDED_CARE")
                        .param("choice", "GUARDIAN:" + firstGuardianOf(checkoutChildren.get(r))),
                false);
    }

    private UUID firstGuardianOf(UUID student) {
        return jdbc.sql(
                        "select guardian_id from organization.student_guardian where student_id = :s order by primary_contact desc, guardian_id limit 1")
                .param("s", student)
                .query(UUID.class)
                .single();
    }

    private void public_(String endpoint, int status) {
        Map<Role, Set<Relation>> all = new EnumMap<>(Role.class);
        for (Role r : Role.values()) {
            all.put(r, EnumSet.of(Relation.NONE));
        }
        String path = endpoint.substring(endpoint.indexOf(' ') + 1);
        row(endpoint, EnumSet.of(Relation.NONE), status, all, true, r -> get(path), false);
    }

    private UUID course(UserScope admin, UUID school, int grade) {
        return catalog.defineCourse(
                admin,
                school,
                new NewCourse(
                        "矩阵开课课程" + sequence.incrementAndGet(),
                        CourseCategory.SCHOOL_BASED,
                        null,
                        List.of(grade),
                        null,
                        null,
                        ProviderKind.STAFF,
                        null,
                        List.of()));
    }

    /** A Saturday of its own for each opening, weeks ahead: never a school day, never a venue taken twice. */
    private LocalDate openingDay() {
        return LocalDate.now(clock)
                .with(java.time.temporal.TemporalAdjusters.next(DayOfWeek.SATURDAY))
                .plusWeeks(sequence.incrementAndGet());
    }

    private UUID anyStaff(UUID school) {
        return jdbc.sql("select id from organization.staff where school_id = :s order by id limit 1")
                .param("s", school)
                .query(UUID.class)
                .single();
    }

    private UUID venue(UserScope admin, UUID school, String name) {
        return catalog.addVenue(
                admin, school, new NewVenue("矩阵场地" + name + sequence.incrementAndGet(), VenueKind.CLASSROOM, 40));
    }

    private List<UUID> freeStaff(UUID school) {
        return List.of(demo.newTeacher(school), demo.newTeacher(school));
    }

    /** A draft slot-2 offering on Wednesdays in a venue of its own, taught by a member of staff not yet teaching. */
    private UUID offering(UserScope admin, UUID school, UUID term, int staff) {
        int grade = jdbc.sql("select min(grade_level) from organization.school_class where school_id = :s")
                .param("s", school)
                .query(Integer.class)
                .single();
        return catalog.draftOffering(
                admin,
                school,
                new NewOffering(
                        course(admin, school, grade),
                        term,
                        DayOfWeek.WEDNESDAY,
                        Slot.SLOT_2,
                        venue(admin, school, "publish"),
                        List.of(freeStaff(school).get(staff)),
                        30,
                        List.of(grade),
                        null,
                        20,
                        null,
                        null,
                        null,
                        List.of()));
    }

    private UUID venueOf(UUID offering) {
        return jdbc.sql("select venue_id from catalog.offering where id = :id")
                .param("id", offering)
                .query(UUID.class)
                .single();
    }

    private UUID instructorOf(UUID offering) {
        return jdbc.sql(
                        "select instructor_id from catalog.offering_instructor where offering_id = :id order by instructor_id limit 1")
                .param("id", offering)
                .query(UUID.class)
                .single();
    }

    private int cityMinimum() {
        return jdbc.sql("select coalesce(max(minutes), 20) from catalog.exercise_minimum where county_id is null")
                .query(Integer.class)
                .single();
    }

    /** A draft fee-bearing slot-2 offering of an institution course on Fridays, in a venue of its own. */
    private UUID feeOffering(UserScope admin, UUID school, UUID term) {
        UUID course = catalog.defineCourse(
                admin,
                school,
                new NewCourse(
                        "矩阵收费课程" + sequence.incrementAndGet(),
                        CourseCategory.SCIENCE_LITERACY,
                        null,
                        List.of(1),
                        null,
                        null,
                        ProviderKind.INSTITUTION,
                        null,
                        List.of()));
        return catalog.draftOffering(
                admin,
                school,
                new NewOffering(
                        course,
                        term,
                        DayOfWeek.FRIDAY,
                        Slot.SLOT_2,
                        venue(admin, school, "fee"),
                        List.of(UUID.randomUUID()),
                        30,
                        List.of(1),
                        new java.math.BigDecimal("500"),
                        20,
                        null,
                        null,
                        null,
                        List.of()));
    }

    private void row(
            String endpoint,
            Set<Relation> relations,
            int success,
            Map<Role, Set<Relation>> visible,
            boolean anonymousAllowed,
            Function<Relation, AbstractMockHttpServletRequestBuilder<?>> body,
            boolean fragment) {
        rows.put(
                endpoint,
                new Row(endpoint, r -> Map.of(), relations, success, visible, anonymousAllowed, body, fragment));
    }

    @Test
    void everyEndpointHasARow() {
        Set<String> endpoints = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) {
                if (pattern.startsWith("/api/v1/openapi") || pattern.equals("/error")) {
                    continue;
                }
                var methods = info.getMethodsCondition().getMethods();
                assertThat(methods).as("%s declares its HTTP method", pattern).isNotEmpty();
                methods.forEach(m -> endpoints.add(m.name() + " " + pattern));
            }
        }
        assertThat(rows.keySet()).containsExactlyInAnyOrderElementsOf(endpoints);
    }

    @Test
    void everyCallerGetsTheExpectedStatusAndOutOfScopeWritesChangeNothing() throws Exception {
        List<String> failures = new ArrayList<>();
        for (Row row : rows.values()) {
            for (Caller caller : Caller.values()) {
                for (Relation relation : row.relations()) {
                    int expected = expected(row, caller, relation);
                    long before = fingerprint();
                    AbstractMockHttpServletRequestBuilder<?> request =
                            row.body().apply(relation).with(csrf());
                    if (caller != Caller.ANONYMOUS) {
                        request.with(SignIn.as(demo.scope(caller.login)));
                    }
                    var response = mvc.perform(request).andReturn().getResponse();
                    int actual = response.getStatus();
                    String label = row.endpoint() + " as " + caller + " on " + relation;
                    if (actual != expected) {
                        String body = response.getContentAsString();
                        int error = body.indexOf("invalid-feedback");
                        failures.add(label + ": expected " + expected + " but was " + actual
                                + (error < 0 ? "" : " " + body.substring(error, Math.min(body.length(), error + 160))));
                    }
                    if (row.endpoint().equals("POST /school/import") && actual == 302) {
                        await().atMost(Duration.ofSeconds(60))
                                .until(() -> jdbc.sql(
                                                        "select count(*) from organization.import_job where status in ('READING', 'IMPORTING')")
                                                .query(Long.class)
                                                .single()
                                        == 0);
                    }
                    if (expected >= 400
                            && (row.endpoint().startsWith("POST")
                                    || row.endpoint().startsWith("DELETE"))
                            && fingerprint() != before) {
                        failures.add(label + ": refused but changed data");
                    }
                    if (actual == 200
                            && response.getContentType() != null
                            && response.getContentType().startsWith("text/html")) {
                        assertThat(response.getContentAsString())
                                .as(label)
                                .doesNotContain("Exception")
                                .doesNotContain("at org.");
                    }
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void pagesAnswerHtmxRequestsWithTheirFragment() throws Exception {
        for (Row row : rows.values()) {
            if (!row.endpoint().startsWith("GET")) {
                continue;
            }
            Caller caller = callerFor(row);
            if (caller == null || row.success() != 200) {
                continue;
            }
            Relation relation = row.visible().get(caller.role).iterator().next();
            var full = mvc.perform(row.body().apply(relation).with(SignIn.as(demo.scope(caller.login))))
                    .andReturn()
                    .getResponse();
            var partial = mvc.perform(row.body()
                            .apply(relation)
                            .header("HX-Request", "true")
                            .with(SignIn.as(demo.scope(caller.login))))
                    .andReturn()
                    .getResponse();
            assertThat(full.getStatus()).as(row.endpoint()).isEqualTo(200);
            assertThat(partial.getStatus())
                    .as(row.endpoint() + " with HX-Request")
                    .isEqualTo(200);
            if (row.fragment()) {
                assertThat(full.getContentAsString()).as(row.endpoint()).contains("<html");
                assertThat(partial.getContentAsString())
                        .as(row.endpoint() + " fragment")
                        .doesNotContain("<html")
                        .contains("id=\"");
            }
        }
    }

    private static Caller callerFor(Row row) {
        for (Caller c : Caller.values()) {
            if (c.role != null && row.visible().containsKey(c.role)) {
                return c;
            }
        }
        return null;
    }

    private static int expected(Row row, Caller caller, Relation relation) {
        if (caller == Caller.ANONYMOUS) {
            return row.anonymousAllowed() ? row.success() : row.endpoint().contains(" /api/") ? 401 : 302;
        }
        String path = row.endpoint().substring(row.endpoint().indexOf(' ') + 1);
        for (var rule : PATH_ROLES.entrySet()) {
            if ((path.equals(rule.getKey()) || path.startsWith(rule.getKey() + "/"))
                    && !rule.getValue().contains(caller.role)) {
                return 403;
            }
        }
        Set<Relation> visible = row.visible().get(caller.role);
        return visible != null && visible.contains(relation) ? row.success() : 404;
    }

    /** Changes to tenant data show in these counts and in the audit trail. */
    private long fingerprint() {
        return jdbc.sql("""
                        select (select count(*) from platform.audit_event) * 1000003
                          + (select count(*) from organization.school) * 7919 + (select count(*) from organization.school_class) * 104729
                          + (select count(*) from organization.student) * 31 + (select count(*) from organization.guardian) * 131
                          + (select count(*) from organization.staff) * 17 + (select count(*) from organization.term) * 13
                          + (select count(*) from organization.calendar_day) * 3
                          + (select count(*) from catalog.course) * 19
                          + (select count(*) from catalog.slot_plan) * 23
                          + (select count(*) from catalog.offering) * 37
                          + (select count(*) from catalog.fee_notice) * 43
                          + (select count(*) from platform.notification where read_at is not null) * 43
                          + (select coalesce(sum(version), 0) from catalog.offering) * 41
                          + (select coalesce(sum(version), 0) from catalog.slot_plan) * 29
                          + (select count(*) from catalog.service_time) * 43
                          + (select coalesce(sum(version), 0) from catalog.service_time) * 47
                          + (select count(*) from catalog.opening) * 53
                          + (select coalesce(sum(version), 0) from catalog.opening) * 59
                          + (select coalesce(sum(version), 0) from organization.school) * 5
                          + (select coalesce(sum(version), 0) from organization.student) * 11
                          + (select count(*) from catalog.venue) * 43
                          + (select count(*) + coalesce(sum(version), 0) from catalog.exercise_minimum) * 47
                          + (select count(*) + coalesce(sum(version), 0) from catalog.notice_period) * 53
                          + (select count(*) from enrollment.early_arrival_request) * 47
                          + (select count(*) from enrollment.extended_care_request) * 53
                          + (select count(*) from enrollment.care_group) * 59
                          + (select count(*) from enrollment.care_request_history) * 61
                          + (select coalesce(sum(version), 0) from enrollment.early_arrival_request) * 67
                          + (select coalesce(sum(version), 0) from enrollment.extended_care_request) * 71
                          + (select count(*) from enrollment.enrollment) * 73
                          + (select coalesce(sum(version), 0) from enrollment.enrollment) * 79
                          + (select count(*) from enrollment.enrollment_event) * 83
                          + (select count(*) from enrollment.idempotency_key) * 89
                          + (select count(*) from enrollment.registration_window) * 97
                          + (select coalesce(sum(taken + waiting), 0) from enrollment.seat) * 101
                          + (select count(*) + coalesce(sum(version), 0) from operations.pickup_arrangement) * 103
                          + (select count(*) from operations.pickup_person) * 107
                          + (select count(*) + coalesce(sum(version), 0) from operations.pickup_flag) * 109
                          + (select count(*) from operations.pickup_release) * 113
                          + (select count(*) from operations.pickup_refusal) * 127
                          + (select count(*) + coalesce(sum(version), 0) from operations.patrol) * 131
                          + (select count(*) from operations.incident) * 137
                          + (select count(*) from enrollment.lottery_application_event) * 139
                          + (select count(*) from enrollment.lottery_priority) * 149
                          + (select count(*) from enrollment.lottery_draw) * 151
                          + (select coalesce(sum(version), 0) from enrollment.lottery) * 157
                          + (select count(*) + coalesce(sum(version), 0) from enrollment.opening_booking) * 163
                          + (select coalesce(sum(taken), 0) from enrollment.opening_seat) * 167
                          + (select count(*) from enrollment.opening_booking_event) * 173
                          + (select count(*) from enrollment.invitation) * 179""").query(Long.class).single();
    }
}
