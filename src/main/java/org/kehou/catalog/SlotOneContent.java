package org.kehou.catalog;

/**
 * What a slot-1 offering declares it does (CONTENT-4). The last two are named so that a school declaring them is
 * refused with a clear message, not left to guess.
 */
public enum SlotOneContent {
    /** 自主阅读 */
    SELF_READING(true),
    /** 自主作业 */
    SELF_HOMEWORK(true),
    /** 整理笔记 */
    NOTE_TAKING(true),
    /** 预习 */
    PREVIEW(true),
    /** 复习 */
    REVIEW(true),
    /** 个别补习辅导 */
    INDIVIDUAL_TUTORING(true),
    /** 作业面批答疑 */
    HOMEWORK_QA(true),
    /** 讲授新课: refused */
    NEW_LESSON(false),
    /** 集体补课: refused */
    GROUP_REMEDIAL(false);

    private final boolean allowed;

    SlotOneContent(boolean allowed) {
        this.allowed = allowed;
    }

    /** Whether the city's guidance allows it in slot 1. */
    public boolean allowed() {
        return allowed;
    }

    public String messageKey() {
        return "slotOne.content." + name();
    }
}
