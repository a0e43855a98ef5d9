package org.kehou.platform;

/** Sex as recorded on a resident ID card (GB 11643: odd sequence digit male, even female). */
public enum Sex {
    MALE,
    FEMALE;

    public String messageKey() {
        return "sex." + name();
    }
}
