package org.kehou.catalog;

/**
 * The parts of a school day's after-school service: slot 1 homework help (CONTENT-4), slot 2 enrichment
 * (CONTENT-6) and evening self-study, for junior-middle grades only (CONTENT-7).
 */
public enum Slot {
    SLOT_1,
    SLOT_2,
    EVENING;

    public String messageKey() {
        return "slot." + name();
    }
}
