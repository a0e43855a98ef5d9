package org.kehou.organization;

/** How a guardian is related to a student. */
public enum Relation {
    FATHER,
    MOTHER,
    GRANDFATHER,
    GRANDMOTHER,
    OTHER;

    public String messageKey() {
        return "relation." + name();
    }
}
