package org.kehou.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kehou.catalog.VerdictAssertions.assertAllowed;
import static org.kehou.catalog.VerdictAssertions.assertRefused;

import java.util.List;
import org.junit.jupiter.api.Test;

/** CONTENT-7: evening self-study for junior-middle grades only. */
class EveningSelfStudyRuleTests {

    @Test
    void allowsEveningSelfStudyForJuniorMiddleGrades() {
        assertAllowed(EveningSelfStudyRule.check(Slot.EVENING, List.of(7, 8, 9)));
    }

    @Test
    void refusesEveningSelfStudyForAPrimaryGrade() {
        Verdict verdict =
                assertRefused(EveningSelfStudyRule.check(Slot.EVENING, List.of(7, 6)), "evening.juniorMiddleOnly");

        assertThat(verdict.arguments()).containsExactly(6);
    }

    @Test
    void leavesTheAfternoonSlotsToPrimaryGrades() {
        assertAllowed(EveningSelfStudyRule.check(Slot.SLOT_2, List.of(1, 2)));
    }
}
