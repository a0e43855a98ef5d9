package org.kehou.catalog;

import java.util.Collection;
import org.kehou.organization.Stage;

/** CONTENT-7: evening self-study (晚自习) is for junior-middle grades (7–9) only. */
final class EveningSelfStudyRule {

    private EveningSelfStudyRule() {}

    static Verdict check(Slot slot, Collection<Integer> grades) {
        if (slot != Slot.EVENING) {
            return Verdict.allowed();
        }
        return grades.stream()
                .filter(g -> !Stage.isJuniorMiddleGrade(g))
                .sorted()
                .findFirst()
                .map(g -> Verdict.refused("evening.juniorMiddleOnly", g))
                .orElse(Verdict.allowed());
    }
}
