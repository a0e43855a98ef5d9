package org.kehou.catalog;

import static org.kehou.catalog.VerdictAssertions.assertAllowed;
import static org.kehou.catalog.VerdictAssertions.assertRefused;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** CONTENT-4: slot 1 is homework help and self-study; new lessons and group remedial classes are refused. */
class SlotOneContentRuleTests {

    @ParameterizedTest
    @EnumSource(
            value = SlotOneContent.class,
            names = {"NEW_LESSON", "GROUP_REMEDIAL"},
            mode = EnumSource.Mode.EXCLUDE)
    void allowsHomeworkHelpInSlotOne(SlotOneContent content) {
        assertAllowed(SlotOneContentRule.check(Slot.SLOT_1, content));
    }

    @Test
    void rejectsNewLessonInSlotOne() {
        assertRefused(SlotOneContentRule.check(Slot.SLOT_1, SlotOneContent.NEW_LESSON), "slotOne.newLessonRefused");
    }

    @Test
    void rejectsGroupRemedialClassInSlotOne() {
        assertRefused(
                SlotOneContentRule.check(Slot.SLOT_1, SlotOneContent.GROUP_REMEDIAL), "slotOne.groupRemedialRefused");
    }

    @Test
    void requiresSlotOneToDeclareItsContent() {
        assertRefused(SlotOneContentRule.check(Slot.SLOT_1, null), "slotOne.contentRequired");
    }

    @Test
    void allowsSlotTwoWithoutHomeworkContent() {
        assertAllowed(SlotOneContentRule.check(Slot.SLOT_2, null));
    }

    @Test
    void refusesHomeworkContentOutsideSlotOne() {
        assertRefused(
                SlotOneContentRule.check(Slot.SLOT_2, SlotOneContent.NEW_LESSON), "slotOne.contentOutsideSlotOne");
    }
}
