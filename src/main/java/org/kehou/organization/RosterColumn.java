package org.kehou.organization;

/** The columns of the roster template (ORG-3), in their order; each has a header in both languages. */
public enum RosterColumn {
    GRADE,
    CLASS,
    STUDENT_NAME,
    ID_NUMBER,
    GUARDIAN_NAME,
    RELATION,
    GUARDIAN_MOBILE;

    public String messageKey() {
        return "import.column." + name();
    }

    /** The column letter in the sheet: A, B, … */
    public String letter() {
        return String.valueOf((char) ('A' + ordinal()));
    }
}
