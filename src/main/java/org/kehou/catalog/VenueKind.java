package org.kehou.catalog;

/** What a venue of a school is (CONTENT-6: library, labs, special rooms and grounds). */
public enum VenueKind {
    CLASSROOM,
    LIBRARY,
    LAB,
    SPECIAL_ROOM,
    SPORTS_GROUND,
    GYM;

    public String messageKey() {
        return "venue.kind." + name();
    }
}
