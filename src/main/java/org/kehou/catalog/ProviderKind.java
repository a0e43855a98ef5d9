package org.kehou.catalog;

/**
 * Who provides a course: the school's own staff, a member of the county talent pool, or a whitelisted training
 * institution. Only an institution may charge a fee (COURSE-2).
 */
public enum ProviderKind {
    STAFF,
    TALENT,
    INSTITUTION;

    public String messageKey() {
        return "course.provider." + name();
    }
}
