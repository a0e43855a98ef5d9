package org.kehou.enrollment;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.kehou.enrollment.CareRequests.NewEarlyArrival;
import org.kehou.enrollment.CareRequests.NewExtendedCare;
import org.kehou.organization.OrganizationManagement;
import org.kehou.organization.OrganizationManagement.NewGuardian;
import org.kehou.organization.OrganizationManagement.NewStaff;
import org.kehou.organization.OrganizationManagement.NewStudent;
import org.kehou.organization.OrganizationQueries;
import org.kehou.organization.Relation;
import org.kehou.organization.StaffPosition;
import org.kehou.organization.Term;
import org.kehou.organization.TermKind;
import org.kehou.platform.AccountManagement;
import org.kehou.platform.AccountManagement.NewAccount;
import org.kehou.platform.ChineseIdNumber;
import org.kehou.platform.MobileNumber;
import org.kehou.platform.Role;
import org.kehou.platform.UserScope;

/**
 * Families, staff and school days for care tests, made through the organization's façade under names of their own:
 * each family is a new child in a class of the school with a guardian who has an account, so that its requests
 * meet no other test's.
 */
public class CareFixtures {

    /** Shared by every test class of a run, since they share the database. */
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    public static final String PASSWORD = "Kehou@2026";

    private final OrganizationManagement organization;
    private final OrganizationQueries queries;
    private final AccountManagement accounts;
    private final Clock clock;

    public CareFixtures(
            OrganizationManagement organization, OrganizationQueries queries, AccountManagement accounts, Clock clock) {
        this.organization = organization;
        this.queries = queries;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** A child of the class with a guardian (mother) who can sign in with her mobile number. */
    public Family family(UserScope schoolAdmin, UUID classId, String childName) {
        int n = SEQUENCE.incrementAndGet();
        UUID school = schoolAdmin.schoolId();
        UUID student = organization
                .registerStudent(schoolAdmin, school, new NewStudent(childName, idNumber(n), classId))
                .id();
        String mobile = "1366%07d".formatted(n);
        UUID guardian = organization
                .linkGuardian(
                        schoolAdmin,
                        student,
                        new NewGuardian(childName + "妈妈", MobileNumber.of(mobile), Relation.MOTHER))
                .id();
        UUID account = accounts.openAccount(new NewAccount(
                childName + "妈妈",
                mobile,
                null,
                PASSWORD,
                Set.of(Role.GUARDIAN),
                null,
                null,
                null,
                guardian,
                null,
                false));
        UserScope scope = accounts.scopeOf(account).orElseThrow();
        return new Family(student, guardian, account, mobile, scope);
    }

    /** A new member of the school's staff who serves in care. */
    public UUID careStaff(UserScope schoolAdmin, String name) {
        int n = SEQUENCE.incrementAndGet();
        return organization.addStaff(
                schoolAdmin, schoolAdmin.schoolId(), new NewStaff("CARE-" + n, name, null, StaffPosition.CARE, null));
    }

    /**
     * The school days of the school from today on, as many as asked for; when its terms have fewer left (in the
     * summer vacation), an autumn term far ahead is planned for them.
     */
    public List<LocalDate> schoolDays(UserScope schoolAdmin, int count) {
        UUID school = schoolAdmin.schoolId();
        List<LocalDate> days = futureSchoolDays(queries.terms(schoolAdmin, school), count);
        if (days.size() < count) {
            int year = 2060;
            if (queries.terms(schoolAdmin, school).stream().noneMatch(t -> t.schoolYear() == year)) {
                organization.planTerm(
                        schoolAdmin,
                        school,
                        year,
                        TermKind.AUTUMN,
                        LocalDate.of(year, 9, 1),
                        LocalDate.of(year + 1, 1, 20));
            }
            days = futureSchoolDays(queries.terms(schoolAdmin, school), count);
        }
        return days;
    }

    /** The first school day from today on that falls on the weekday. */
    public LocalDate next(UserScope schoolAdmin, DayOfWeek weekday) {
        return schoolDays(schoolAdmin, 60).stream()
                .filter(d -> d.getDayOfWeek() == weekday)
                .findFirst()
                .orElseThrow();
    }

    private List<LocalDate> futureSchoolDays(List<Term> terms, int count) {
        LocalDate today = LocalDate.now(clock);
        List<LocalDate> days = new ArrayList<>();
        terms.stream()
                .sorted(java.util.Comparator.comparing(Term::startsOn))
                .filter(t -> !t.endsOn().isBefore(today))
                .forEach(t -> (t.startsOn().isAfter(today) ? t.startsOn() : today)
                        .datesUntil(t.endsOn().plusDays(1))
                        .filter(d -> t.isSchoolDay(d) && d.getDayOfWeek().getValue() <= 5)
                        .forEach(days::add));
        return days.stream().limit(count).toList();
    }

    /** An early arrival on one day at 07:10. */
    public static NewEarlyArrival earlyArrival(UUID student, LocalDate day, boolean specialNeed) {
        return new NewEarlyArrival(student, day, day, LocalTime.of(7, 10), "上班早", specialNeed);
    }

    /** Extended care on one day, picked up by 18:30. */
    public static NewExtendedCare extendedCare(UUID student, LocalDate day) {
        return new NewExtendedCare(student, day, day, EnumSet.of(day.getDayOfWeek()), LocalTime.of(18, 30), "下班晚");
    }

    static ChineseIdNumber idNumber(int sequence) {
        String first17 = "419977" + "2016" + String.format("%02d", 1 + sequence / 28 % 12)
                + String.format("%02d", 1 + sequence % 28) + String.format("%03d", sequence / 336 % 1000);
        return ChineseIdNumber.of(first17 + ChineseIdNumber.checkCharacter(first17));
    }

    /** A child, their guardian and the guardian's account. */
    public record Family(UUID student, UUID guardian, UUID account, String mobile, UserScope scope) {}
}
