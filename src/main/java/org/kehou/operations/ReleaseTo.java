package org.kehou.operations;

/**
 * Whom a child is handed to (OPS-2): one of their guardians, a person their guardians authorised, nobody (the child
 * goes home alone, only with a guardian's standing consent), or someone else, which is always refused.
 */
public enum ReleaseTo {
    GUARDIAN,
    PERSON,
    ALONE,
    OTHER;

    public String messageKey() {
        return "pickup.to." + name();
    }
}
