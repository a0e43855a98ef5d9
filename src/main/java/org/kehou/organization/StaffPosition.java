package org.kehou.organization;

/** The position of a staff member at a school. */
public enum StaffPosition {
    TEACHER,
    ADMINISTRATOR,
    CARE;

    public String messageKey() {
        return "position." + name();
    }
}
