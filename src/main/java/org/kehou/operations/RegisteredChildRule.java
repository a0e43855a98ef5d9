package org.kehou.operations;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;

/** OPS-1, CONTENT-5: only the children registered for the offering are recorded in its sessions. */
final class RegisteredChildRule {

    private RegisteredChildRule() {}

    static Verdict check(Collection<UUID> named, Set<UUID> registered) {
        return named.stream()
                .filter(id -> !registered.contains(id))
                .findFirst()
                .map(id -> Verdict.refused("session.child.notRegistered", id.toString()))
                .orElse(Verdict.allowed());
    }
}
