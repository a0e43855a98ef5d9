package org.kehou.catalog;

/** The lifecycle of an offering: draft → published → closed, or cancelled from draft or published. */
public enum OfferingState {
    DRAFT,
    PUBLISHED,
    CLOSED,
    CANCELLED;

    public String messageKey() {
        return "offering.state." + name();
    }
}
