package org.kehou.enrollment;

import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.kehou.catalog.OfferingState;
import org.kehou.platform.RuleViolation;

/**
 * A child is registered only for a published offering of their own school that is open to their grade (COURSE-2,
 * ENROL-2). Registration for any offering stands on its own: no offering requires another (CONTENT-1), and slot 1
 * and slot 2 are separate choices (CONTENT-2).
 */
final class OfferingFitRule {

    private OfferingFitRule() {}

    static void check(OfferingState state, UUID offeringSchool, Set<Integer> grades, UUID childSchool, int grade) {
        if (state != OfferingState.PUBLISHED) {
            throw new RuleViolation("enrollment.offeringNotOpen");
        }
        if (!offeringSchool.equals(childSchool)) {
            throw new RuleViolation("enrollment.otherSchool");
        }
        if (!grades.contains(grade)) {
            throw new RuleViolation(
                    "enrollment.gradeNotOffered",
                    grade,
                    grades.stream().sorted().map(String::valueOf).collect(Collectors.joining(", ")));
        }
    }
}
