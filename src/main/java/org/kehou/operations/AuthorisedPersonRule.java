package org.kehou.operations;

import java.util.Collection;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * OPS-2: a child leaves with one of their guardians or a person on the list their guardians keep, and with nobody
 * else; someone not on the list is refused by name, and a person taken off the list meanwhile is no longer on it.
 */
final class AuthorisedPersonRule {

    private AuthorisedPersonRule() {}

    static Verdict check(
            ReleaseTo to,
            @Nullable UUID personId,
            String name,
            String childName,
            Collection<UUID> guardians,
            Collection<UUID> authorised) {
        return switch (to) {
            case ALONE -> Verdict.allowed();
            case OTHER -> Verdict.refused("pickup.refused.notAuthorised", name, childName);
            case GUARDIAN ->
                personId != null && guardians.contains(personId)
                        ? Verdict.allowed()
                        : Verdict.refused("pickup.refused.notOnList", childName);
            case PERSON ->
                personId != null && authorised.contains(personId)
                        ? Verdict.allowed()
                        : Verdict.refused("pickup.refused.notOnList", childName);
        };
    }
}
