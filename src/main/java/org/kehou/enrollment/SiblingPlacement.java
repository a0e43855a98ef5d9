package org.kehou.enrollment;

/**
 * A lottery window's siblings option (ENROL-2): children applied for by the same guardian with the same choices are
 * placed together or not at all, or each on their own.
 */
public enum SiblingPlacement {
    TOGETHER,
    SEPARATELY;

    Lottery.Siblings forDraw() {
        return Lottery.Siblings.valueOf(name());
    }
}
