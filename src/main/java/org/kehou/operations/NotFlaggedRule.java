package org.kehou.operations;

import java.util.Collection;
import java.util.Locale;

/**
 * OPS-2: a child is never handed to a person the school flagged as not to be given the child (a custody order, for
 * example), even a guardian or a person on the guardians' list. Names compare without spaces and case.
 */
final class NotFlaggedRule {

    private NotFlaggedRule() {}

    /** A flag in force: the name it is for and why. */
    record Flag(String name, String reason) {}

    static Verdict check(String personName, String childName, Collection<Flag> flags) {
        return flags.stream()
                .filter(f -> sameName(f.name(), personName))
                .findFirst()
                .map(f -> Verdict.refused("pickup.refused.flagged", personName, childName, f.reason()))
                .orElse(Verdict.allowed());
    }

    static boolean sameName(String a, String b) {
        return normalised(a).equals(normalised(b));
    }

    private static String normalised(String name) {
        return name.replaceAll("[\\s\\u3000·.]", "").toLowerCase(Locale.ROOT);
    }
}
