package org.kehou.enrollment;

import static org.kehou.enrollment.CareVerdictAssertions.assertAllowed;
import static org.kehou.enrollment.CareVerdictAssertions.assertRefused;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** SCOPE-1, SCOPE-2: only the school's own staff look after its children. */
class OwnStaffRuleTests {

    static final UUID OWN = UUID.randomUUID();

    @Test
    void allowsTheSchoolsOwnStaff() {
        assertAllowed(OwnStaffRule.check(OWN, List.of(UUID.randomUUID(), OWN)));
    }

    @Test
    void refusesSomeoneOfAnotherSchool() {
        assertRefused(OwnStaffRule.check(UUID.randomUUID(), List.of(OWN)), "care.staff.notOfSchool");
    }
}
