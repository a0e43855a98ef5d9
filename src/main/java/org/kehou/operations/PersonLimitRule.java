package org.kehou.operations;

import java.util.Collection;

/**
 * OPS-2: a child's list of authorised people stays short enough for staff to check at the gate, and names each
 * person once.
 */
final class PersonLimitRule {

    static final int MAX = 10;

    private PersonLimitRule() {}

    static Verdict check(Collection<String> names, String newName) {
        if (names.size() >= MAX) {
            return Verdict.refused("pickup.persons.tooMany", MAX);
        }
        return names.stream().anyMatch(n -> NotFlaggedRule.sameName(n, newName))
                ? Verdict.refused("pickup.persons.duplicate", newName)
                : Verdict.allowed();
    }
}
