package org.kehou.enrollment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.kehou.enrollment.EnrollmentFixtures.Campus;
import org.kehou.enrollment.EnrollmentFixtures.Family;
import org.kehou.enrollment.Invitations.Invite;
import org.kehou.organization.OrganizationManagement;
import org.kehou.organization.OrganizationManagement.NewGuardian;
import org.kehou.organization.OrganizationManagement.NewStudent;
import org.kehou.organization.Relation;
import org.kehou.platform.ChineseIdNumber;
import org.kehou.platform.MobileNumber;

/** Invitations and the families they reach, on the schools of {@link EnrollmentFixtures}. */
public final class InvitationFixtures {

    private final OrganizationManagement organization;

    public InvitationFixtures(OrganizationManagement organization) {
        this.organization = organization;
    }

    /** The same campus with a second class of each of its grades, as the classes families are placed in. */
    public Campus secondClasses(Campus campus) {
        Map<Integer, UUID> classes = new LinkedHashMap<>();
        for (int grade : campus.classes().keySet()) {
            classes.put(grade, organization.openClass(campus.admin(), campus.schoolId(), grade, "2班", null));
        }
        return new Campus(
                campus.countyId(), campus.schoolId(), campus.admin(), campus.termId(), campus.schoolYear(), classes);
    }

    /** A further child of the family's guardian in that class of the campus; returns the child. */
    public UUID sibling(Campus campus, Family family, UUID classId) {
        int n = EnrollmentFixtures.next();
        UUID child = organization
                .registerStudent(
                        campus.admin(),
                        campus.schoolId(),
                        new NewStudent("邀请测试生" + n, ChineseIdNumber.of(EnrollmentFixtures.idNumber(n)), classId))
                .id();
        organization.linkGuardian(
                campus.admin(),
                child,
                new NewGuardian("邀请测试家长" + n, MobileNumber.of(family.mobile()), Relation.FATHER));
        return child;
    }

    public static Invite grades(UUID window, Integer... grades) {
        return new Invite(window, List.of(), List.of(grades), null);
    }

    public static Invite classes(UUID window, UUID... classes) {
        return new Invite(window, List.of(classes), List.of(), null);
    }

    public static String key() {
        return UUID.randomUUID().toString();
    }
}
