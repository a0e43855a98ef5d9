package org.kehou.enrollment;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.kehou.catalog.CatalogManagement;
import org.kehou.catalog.CatalogManagement.NewCourse;
import org.kehou.catalog.CatalogManagement.NewOffering;
import org.kehou.catalog.CatalogManagement.NewVenue;
import org.kehou.catalog.CourseCategory;
import org.kehou.catalog.ProviderKind;
import org.kehou.catalog.Slot;
import org.kehou.catalog.SlotOneContent;
import org.kehou.catalog.VenueKind;
import org.kehou.enrollment.EnrollmentManagement.NewWindow;
import org.kehou.organization.OrganizationManagement;
import org.kehou.organization.OrganizationManagement.NewGuardian;
import org.kehou.organization.OrganizationManagement.NewStaff;
import org.kehou.organization.OrganizationManagement.NewStudent;
import org.kehou.organization.OrganizationManagement.SchoolDetails;
import org.kehou.organization.Relation;
import org.kehou.organization.StaffPosition;
import org.kehou.organization.Stage;
import org.kehou.organization.TermKind;
import org.kehou.platform.AccountManagement;
import org.kehou.platform.AccountManagement.NewAccount;
import org.kehou.platform.ChineseIdNumber;
import org.kehou.platform.MobileNumber;
import org.kehou.platform.Role;
import org.kehou.platform.UserScope;

/**
 * Schools of their own, with a term, published offerings, families and an open window, built through the modules'
 * façades under names no other test uses, so that registration tests never meet the demo city's catalog or each
 * other's data.
 */
public final class EnrollmentFixtures {

    public static final String PASSWORD = "Kehou@2026";

    /** Shared by every test class of a run, so that ID numbers, mobiles and names never repeat. */
    private static final AtomicInteger SEQUENCE =
            new AtomicInteger(ThreadLocalRandom.current().nextInt(100_000));

    /** School years no other test plans terms or windows in, one per campus. */
    private static final AtomicInteger YEARS = new AtomicInteger(2100);

    private final OrganizationManagement organization;
    private final CatalogManagement catalog;
    private final EnrollmentManagement enrollment;
    private final AccountManagement accounts;
    private final Clock clock;

    public EnrollmentFixtures(
            OrganizationManagement organization,
            CatalogManagement catalog,
            EnrollmentManagement enrollment,
            AccountManagement accounts,
            Clock clock) {
        this.organization = organization;
        this.catalog = catalog;
        this.enrollment = enrollment;
        this.accounts = accounts;
        this.clock = clock;
    }

    public static int next() {
        return SEQUENCE.incrementAndGet();
    }

    /** A school year of its own. */
    public static int year() {
        return YEARS.incrementAndGet();
    }

    /**
     * A new primary school of the county with classes of grades 3 and 4 and the autumn term of a school year of its
     * own.
     */
    public Campus campus(UserScope countyAdmin) {
        return campus(countyAdmin, year());
    }

    /** A new primary school of the county with classes of grades 3 and 4 and the autumn term of the school year. */
    public Campus campus(UserScope countyAdmin, int schoolYear) {
        int n = next();
        UUID county = countyAdmin.countyId();
        UUID school = organization.openSchool(
                countyAdmin, county, new SchoolDetails("ENR-" + n, "报名测试小学" + n, Stage.PRIMARY, null));
        UserScope admin = new UserScope(
                UUID.randomUUID(), "报名测试管理员", EnumSet.of(Role.SCHOOL_ADMIN), county, school, null, null, null);
        Map<Integer, UUID> classes = new LinkedHashMap<>();
        for (int grade : List.of(3, 4)) {
            classes.put(grade, organization.openClass(admin, school, grade, "1班", null));
        }
        UUID term = organization.planTerm(
                admin,
                school,
                schoolYear,
                TermKind.AUTUMN,
                LocalDate.of(schoolYear, 9, 1),
                LocalDate.of(schoolYear + 1, 1, 15));
        return new Campus(county, school, admin, term, schoolYear, classes);
    }

    /** A published offering of the campus's term, in a venue and with a teacher of its own. */
    public UUID offering(Campus campus, DayOfWeek weekday, Slot slot, int capacity, Integer... grades) {
        int n = next();
        UUID venue = catalog.addVenue(
                campus.admin(),
                campus.schoolId(),
                new NewVenue("报名测试室" + n, VenueKind.SPECIAL_ROOM, Math.max(capacity, 1000)));
        UUID course = catalog.defineCourse(
                campus.admin(),
                campus.schoolId(),
                new NewCourse(
                        "报名测试课程" + n,
                        CourseCategory.SCHOOL_BASED,
                        null,
                        List.of(grades),
                        null,
                        null,
                        ProviderKind.STAFF,
                        null,
                        List.of()));
        UUID teacher = organization.addStaff(
                campus.admin(),
                campus.schoolId(),
                new NewStaff("ENR-T" + n, "报名测试老师", null, StaffPosition.TEACHER, null));
        UUID offering = catalog.draftOffering(
                campus.admin(),
                campus.schoolId(),
                new NewOffering(
                        course,
                        campus.termId(),
                        weekday,
                        slot,
                        venue,
                        List.of(teacher),
                        capacity,
                        List.of(grades),
                        null,
                        20,
                        slot == Slot.SLOT_1 ? SlotOneContent.SELF_HOMEWORK : null,
                        null,
                        null,
                        List.of()));
        catalog.publishOffering(campus.admin(), offering);
        return offering;
    }

    /** A guardian with children in the campus's class of that grade; the scope has no sign-in account. */
    public Family family(Campus campus, int grade, int children) {
        UUID guardian = null;
        List<UUID> kids = new ArrayList<>();
        String mobile = mobile();
        for (int i = 0; i < children; i++) {
            int n = next();
            UUID child = organization
                    .registerStudent(
                            campus.admin(),
                            campus.schoolId(),
                            new NewStudent(
                                    "报名测试生" + n,
                                    ChineseIdNumber.of(idNumber(n)),
                                    campus.classes().get(grade)))
                    .id();
            guardian = organization
                    .linkGuardian(
                            campus.admin(),
                            child,
                            new NewGuardian("报名测试家长" + n, MobileNumber.of(mobile), Relation.MOTHER))
                    .id();
            kids.add(child);
        }
        UserScope scope =
                new UserScope(UUID.randomUUID(), "报名测试家长", EnumSet.of(Role.GUARDIAN), null, null, null, guardian, null);
        return new Family(scope, mobile, List.copyOf(kids));
    }

    /** Opens a sign-in account for the family's guardian; returns the scope it signs in with. */
    public UserScope account(Family family) {
        UUID id = accounts.openAccount(new NewAccount(
                "报名测试家长",
                family.mobile(),
                null,
                PASSWORD,
                Set.of(Role.GUARDIAN),
                null,
                null,
                null,
                family.guardian().guardianId(),
                null,
                false));
        return accounts.scopeOf(id).orElseThrow();
    }

    /** Opens a sign-in account for an admin of the campus; returns the scope it signs in with. */
    public UserScope adminAccount(Campus campus) {
        UUID id = accounts.openAccount(new NewAccount(
                "报名测试管理员",
                null,
                "ENR-A" + next(),
                PASSWORD,
                Set.of(Role.SCHOOL_ADMIN),
                campus.countyId(),
                campus.schoolId(),
                null,
                null,
                null,
                false));
        return accounts.scopeOf(id).orElseThrow();
    }

    /** Opens a window for the campus from an hour ago to two hours from now. */
    public UUID openWindowNow(Campus campus, int waitlistLimit) {
        LocalDateTime now = LocalDateTime.now(clock);
        return openWindow(campus, now.minusHours(1), now.plusHours(2), waitlistLimit);
    }

    public UUID openWindow(Campus campus, LocalDateTime opensAt, LocalDateTime closesAt, int waitlistLimit) {
        return enrollment.openWindow(
                campus.admin(),
                new NewWindow(
                        null,
                        campus.schoolYear(),
                        TermKind.AUTUMN,
                        opensAt,
                        closesAt,
                        Allocation.FIRST_COME,
                        waitlistLimit));
    }

    /** Opens a window for the campus from an hour ago to two hours from now whose freed seats are offered for hours. */
    public UUID openOfferWindowNow(Campus campus, int waitlistLimit, int offerHours) {
        LocalDateTime now = LocalDateTime.now(clock);
        return enrollment.openWindow(
                campus.admin(),
                new NewWindow(
                        null,
                        campus.schoolYear(),
                        TermKind.AUTUMN,
                        now.minusHours(1),
                        now.plusHours(2),
                        Allocation.FIRST_COME,
                        waitlistLimit,
                        Promotion.OFFER,
                        offerHours));
    }

    /** A registration request with consent to the current text. */
    public EnrollmentManagement.EnrollChild consenting(UUID child, UUID offering) {
        return new EnrollmentManagement.EnrollChild(child, offering, true, enrollment.consentVersion());
    }

    public static String key() {
        return UUID.randomUUID().toString();
    }

    /** A valid ID number of 新安县, which the demo city does not populate, unique per sequence. */
    static String idNumber(int sequence) {
        LocalDate birth = LocalDate.of(2016, 1, 1).plusDays(sequence / 1000 % 700);
        String first17 = "410323" + birth.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE)
                + String.format("%03d", sequence % 1000);
        return first17 + ChineseIdNumber.checkCharacter(first17);
    }

    static String mobile() {
        return "177" + String.format("%08d", next() % 100_000_000);
    }

    /** A school of its own with its admin, the autumn term of a school year and its classes by grade. */
    public record Campus(
            UUID countyId, UUID schoolId, UserScope admin, UUID termId, int schoolYear, Map<Integer, UUID> classes) {}

    /** A guardian (as a scope without account) and their children. */
    public record Family(UserScope guardian, String mobile, List<UUID> children) {

        public UUID child() {
            return children.get(0);
        }

        public @Nullable UUID guardianId() {
            return guardian.guardianId();
        }
    }
}
