package org.kehou.operations;

import java.util.Collection;
import java.util.UUID;

/**
 * OPS-4: an incident names at least one child, and only children the reporter serves: any of the school's for its
 * admin, those of their own classes for a teacher.
 */
final class IncidentChildrenRule {

    private IncidentChildrenRule() {}

    static Verdict check(Collection<UUID> named, Collection<UUID> served) {
        if (named.isEmpty()) {
            return Verdict.refused("incident.children.required");
        }
        return served.containsAll(named) ? Verdict.allowed() : Verdict.refused("incident.children.unknown");
    }
}
