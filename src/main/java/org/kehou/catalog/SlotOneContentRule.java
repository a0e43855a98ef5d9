package org.kehou.catalog;

import org.jspecify.annotations.Nullable;

/**
 * CONTENT-4: slot 1 is homework help and self-study only (自主阅读, 自主作业, 整理笔记, 预习, 复习, 个别补习辅导,
 * 作业面批答疑). A slot-1 offering declares which; new lessons (讲授新课) and group remedial classes (集体补课) are
 * refused, and an offering of another slot declares none.
 */
final class SlotOneContentRule {

    private SlotOneContentRule() {}

    static Verdict check(Slot slot, @Nullable SlotOneContent content) {
        if (slot != Slot.SLOT_1) {
            return content == null ? Verdict.allowed() : Verdict.refused("slotOne.contentOutsideSlotOne");
        }
        if (content == null) {
            return Verdict.refused("slotOne.contentRequired");
        }
        return switch (content) {
            case NEW_LESSON -> Verdict.refused("slotOne.newLessonRefused");
            case GROUP_REMEDIAL -> Verdict.refused("slotOne.groupRemedialRefused");
            default -> content.allowed() ? Verdict.allowed() : Verdict.refused("slotOne.contentRequired");
        };
    }
}
