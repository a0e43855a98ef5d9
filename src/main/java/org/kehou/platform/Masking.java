package org.kehou.platform;

/** Masks personal data for roles that do not need it in full (REQUIREMENTS §4). */
public final class Masking {

    private Masking() {}

    /** Keeps the first 3 and last 4 characters of an ID number. */
    public static String idNumber(String value) {
        if (value.length() < 8) {
            return "*".repeat(value.length());
        }
        return value.substring(0, 3) + "*".repeat(value.length() - 7) + value.substring(value.length() - 4);
    }

    /** Keeps the first 3 and last 4 digits of a mobile number. */
    public static String mobile(String value) {
        if (value.length() < 8) {
            return "*".repeat(value.length());
        }
        return value.substring(0, 3) + "****" + value.substring(value.length() - 4);
    }

    /** Keeps the family name (first character) of a Chinese name: 张**. */
    public static String name(String value) {
        if (value.codePointCount(0, value.length()) <= 1) {
            return value;
        }
        // a rare character (生僻字) outside the basic plane takes two chars; keep it whole
        int end = value.offsetByCodePoints(0, 1);
        return value.substring(0, end) + "*".repeat(value.codePointCount(end, value.length()));
    }
}
