package org.kehou.operations;

import java.util.Collection;
import java.util.UUID;
import org.kehou.platform.Role;
import org.kehou.platform.UserScope;

/**
 * OPS-1, SCOPE: a session is recorded by whoever serves it, an instructor of the offering, or by the admin of the
 * offering's school; to anyone else it does not exist (404).
 */
final class SessionStaffRule {

    private SessionStaffRule() {}

    static boolean serves(UserScope scope, UUID schoolId, Collection<UUID> instructorIds) {
        if (scope.canManageSchool(schoolId)) {
            return true;
        }
        return scope.has(Role.TEACHER)
                && scope.staffId() != null
                && schoolId.equals(scope.schoolId())
                && instructorIds.contains(scope.staffId());
    }
}
