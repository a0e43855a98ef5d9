package org.kehou.operations;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.kehou.catalog.CatalogManagement;
import org.kehou.catalog.CatalogManagement.NewCourse;
import org.kehou.catalog.CatalogManagement.NewOffering;
import org.kehou.catalog.CatalogManagement.NewVenue;
import org.kehou.catalog.CourseCategory;
import org.kehou.catalog.ProviderKind;
import org.kehou.catalog.ServiceKind;
import org.kehou.catalog.ServicePlanning;
import org.kehou.catalog.ServicePlanning.NewServiceTime;
import org.kehou.catalog.Slot;
import org.kehou.catalog.VenueKind;
import org.kehou.enrollment.CareFixtures;
import org.kehou.enrollment.CareFixtures.Family;
import org.kehou.organization.OrganizationManagement;
import org.kehou.organization.OrganizationManagement.NewStaff;
import org.kehou.organization.OrganizationManagement.SchoolDetails;
import org.kehou.organization.OrganizationQueries;
import org.kehou.organization.StaffPosition;
import org.kehou.organization.Stage;
import org.kehou.organization.TermKind;
import org.kehou.platform.AccountManagement;
import org.kehou.platform.AccountManagement.NewAccount;
import org.kehou.platform.PhotosTests;
import org.kehou.platform.Role;
import org.kehou.platform.UserScope;

/**
 * Schools of their own for the operations tests, made through the façades under names no other test uses: a primary
 * school with an admin and a head teacher who can sign in, one class of grade 2, an autumn term two years back
 * (so that any of its days may be handed over whenever the tests run) with slot 1 ending at 17:00 and slot 2 at
 * 18:00, and families in the class whose guardians have accounts.
 */
public class OperationsFixtures {

    /** Shared by every test class of a run, since they share the database. */
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    public static final String PASSWORD = CareFixtures.PASSWORD;
    public static final LocalTime SLOT_2_ENDS = LocalTime.of(18, 0);

    private final OrganizationManagement organization;
    private final OrganizationQueries queries;
    private final AccountManagement accounts;
    private final ServicePlanning planning;
    private final CatalogManagement catalog;
    private final CareFixtures families;
    private final Clock clock;

    public OperationsFixtures(
            OrganizationManagement organization,
            OrganizationQueries queries,
            AccountManagement accounts,
            ServicePlanning planning,
            CatalogManagement catalog,
            Clock clock) {
        this.organization = organization;
        this.queries = queries;
        this.accounts = accounts;
        this.planning = planning;
        this.catalog = catalog;
        this.families = new CareFixtures(organization, queries, accounts, clock);
        this.clock = clock;
    }

    /** A new school of the county with its admin, a head teacher, one class and last-but-one year's autumn term. */
    public TestSchool school(UUID countyId) {
        int n = SEQUENCE.incrementAndGet();
        String code = "T-OPS-" + n + "-" + UUID.randomUUID().toString().substring(0, 6);
        UserScope countyAdmin = new UserScope(
                UUID.randomUUID(), "县区管理员", EnumSet.of(Role.COUNTY_ADMIN), countyId, null, null, null, null);
        UUID school = organization.openSchool(
                countyAdmin, countyId, new SchoolDetails(code, "运行测试学校" + n, Stage.PRIMARY, null));
        UserScope setup = new UserScope(
                UUID.randomUUID(), "建校", EnumSet.of(Role.SCHOOL_ADMIN), countyId, school, null, null, null);
        UUID adminStaff = organization.addStaff(
                setup, school, new NewStaff(code + "-A", "运行管理员" + n, null, StaffPosition.ADMINISTRATOR, null));
        UUID teacherStaff = organization.addStaff(
                setup, school, new NewStaff(code + "-T", "运行班主任" + n, null, StaffPosition.TEACHER, "语文"));
        UUID otherTeacherStaff = organization.addStaff(
                setup, school, new NewStaff(code + "-U", "运行科任" + n, null, StaffPosition.TEACHER, "数学"));
        UserScope admin = account(code + "-A", "运行管理员" + n, Role.SCHOOL_ADMIN, countyId, school, adminStaff);
        UserScope teacher = account(code + "-T", "运行班主任" + n, Role.TEACHER, countyId, school, teacherStaff);
        UserScope otherTeacher = account(code + "-U", "运行科任" + n, Role.TEACHER, countyId, school, otherTeacherStaff);
        UUID schoolClass = organization.openClass(admin, school, 2, "1班", teacherStaff);
        UUID otherClass = organization.openClass(admin, school, 2, "2班", otherTeacherStaff);
        int year = LocalDate.now(clock).getYear() - 2;
        UUID term = organization.planTerm(
                admin, school, year, TermKind.AUTUMN, LocalDate.of(year, 9, 1), LocalDate.of(year + 1, 1, 20));
        planning.setServiceTime(
                admin,
                school,
                new NewServiceTime(
                        term, ServiceKind.SLOT_1, true, LocalTime.of(16, 0), LocalTime.of(17, 0), null, null));
        planning.setServiceTime(
                admin,
                school,
                new NewServiceTime(term, ServiceKind.SLOT_2, true, LocalTime.of(17, 0), SLOT_2_ENDS, null, null));
        LocalDate wednesday =
                LocalDate.of(year, 10, 1).with(java.time.temporal.TemporalAdjusters.next(DayOfWeek.WEDNESDAY));
        return new TestSchool(
                school,
                countyId,
                admin,
                teacher,
                otherTeacher,
                schoolClass,
                otherClass,
                term,
                teacherStaff,
                wednesday,
                families);
    }

    /** A published slot-2 offering of the school on the weekday, in a venue of its own, taught by the teacher. */
    public UUID offering(TestSchool school, DayOfWeek weekday, boolean publish) {
        int n = SEQUENCE.incrementAndGet();
        UUID venue = catalog.addVenue(school.admin(), school.id(), new NewVenue("运行场地" + n, VenueKind.CLASSROOM, 40));
        UUID course = catalog.defineCourse(
                school.admin(),
                school.id(),
                new NewCourse(
                        "运行课程" + n,
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
                        weekday,
                        Slot.SLOT_2,
                        venue,
                        List.of(organization.addStaff(
                                school.admin(),
                                school.id(),
                                new NewStaff("OPS-I-" + n, "运行老师" + n, null, StaffPosition.TEACHER, null))),
                        30,
                        List.of(2),
                        null,
                        30,
                        null,
                        null,
                        null,
                        List.of()));
        if (publish) {
            catalog.publishOffering(school.admin(), offering);
        }
        return offering;
    }

    private UserScope account(String staffNo, String name, Role role, UUID county, UUID school, UUID staff) {
        UUID id = accounts.openAccount(
                new NewAccount(name, null, staffNo, PASSWORD, Set.of(role), county, school, staff, null, null, false));
        return accounts.scopeOf(id).orElseThrow();
    }

    /** A small PNG image, as a phone would upload it. */
    public static byte[] photo() {
        try {
            return PhotosTests.image("png");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A school of the operations tests.
     *
     * @param teacher the head teacher of {@code schoolClass}
     * @param otherTeacher the head teacher of {@code otherClass}, of the same school
     * @param day a Wednesday of the term, a school day
     */
    public record TestSchool(
            UUID id,
            UUID countyId,
            UserScope admin,
            UserScope teacher,
            UserScope otherTeacher,
            UUID schoolClass,
            UUID otherClass,
            UUID term,
            UUID teacherStaff,
            LocalDate day,
            CareFixtures families) {

        /** A new child of the head teacher's class with a guardian who can sign in. */
        public Family family(String childName) {
            return families.family(admin, schoolClass, childName);
        }

        /** A new child of the other class. */
        public Family otherFamily(String childName) {
            return families.family(admin, otherClass, childName);
        }
    }
}
