package org.kehou.enrollment;

/**
 * How a registration window gives its seats (ENROL-2): to the first who ask, in the order the database takes
 * their claims, or by a reproducible lottery among all who applied while it was open.
 */
public enum Allocation {
    FIRST_COME,
    LOTTERY;

    public String messageKey() {
        return "enrollment.allocation." + name();
    }
}
