package org.kehou.enrollment;

/** The two kinds of care a guardian may request around the school day (SCOPE-1, SCOPE-2). */
public enum CareKind {
    /** Supervised arrival before the school's morning start (提前到校看护). */
    EARLY_ARRIVAL,
    /** Grouped supervision after the after-school service ends (延时托管). */
    EXTENDED_CARE;

    public String messageKey() {
        return "care.kind." + name();
    }
}
