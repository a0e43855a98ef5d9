package org.kehou.operations;

import org.kehou.catalog.Slot;

/** CONTENT-5: homework completion is recorded in slot-1 sessions, the homework help; other slots have none. */
final class HomeworkSlotRule {

    private HomeworkSlotRule() {}

    static Verdict check(Slot slot) {
        return slot == Slot.SLOT_1 ? Verdict.allowed() : Verdict.refused("homework.slot.notSlotOne");
    }
}
