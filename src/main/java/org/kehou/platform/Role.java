package org.kehou.platform;

/** The roles of REQUIREMENTS §2; a user may hold several. */
public enum Role {
    CITY_ADMIN,
    INSPECTOR,
    COUNTY_ADMIN,
    SCHOOL_ADMIN,
    TEACHER,
    INSTRUCTOR,
    INSTITUTION_ADMIN,
    GUARDIAN;

    public String authority() {
        return "ROLE_" + name();
    }

    /** Message key of the role's display name. */
    public String messageKey() {
        return "role." + name();
    }
}
