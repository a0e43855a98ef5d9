package org.kehou.enrollment;

import java.util.Collection;
import java.util.UUID;

/** SCOPE-1, SCOPE-2: children are looked after by the school's own staff; nobody of another school is assigned. */
final class OwnStaffRule {

    private OwnStaffRule() {}

    static CareVerdict check(UUID staffId, Collection<UUID> schoolStaff) {
        return schoolStaff.contains(staffId) ? CareVerdict.allowed() : CareVerdict.refused("care.staff.notOfSchool");
    }
}
