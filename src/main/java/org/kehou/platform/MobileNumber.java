package org.kehou.platform;

import java.util.regex.Pattern;

/** A mainland China mobile number: 11 digits starting 13–19; an optional +86 or 86 prefix is dropped. */
public record MobileNumber(String value) {

    private static final Pattern FORMAT = Pattern.compile("1[3-9]\\d{9}");

    public MobileNumber {
        if (!FORMAT.matcher(value).matches()) {
            throw new InvalidValueException("validation.mobile.format");
        }
    }

    public static MobileNumber of(String raw) {
        String v = raw.strip().replace(" ", "").replace("-", "");
        if (v.startsWith("+86")) {
            v = v.substring(3);
        } else if (v.startsWith("86") && v.length() == 13) {
            v = v.substring(2);
        }
        return new MobileNumber(v);
    }

    public static boolean isValid(String raw) {
        try {
            of(raw);
            return true;
        } catch (InvalidValueException e) {
            return false;
        }
    }

    /** {@code 138****5678}. */
    public String masked() {
        return Masking.mobile(value);
    }

    @Override
    public String toString() {
        return masked();
    }
}
