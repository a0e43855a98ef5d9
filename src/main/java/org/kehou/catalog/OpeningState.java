package org.kehou.catalog;

/** Where a non-school-day opening stands (SCOPE-3): planned, published for booking, or cancelled. */
public enum OpeningState {
    DRAFT,
    PUBLISHED,
    CANCELLED;

    public String messageKey() {
        return "opening.state." + name();
    }
}
