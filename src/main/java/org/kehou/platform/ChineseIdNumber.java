package org.kehou.platform;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;

/**
 * A mainland resident ID number (居民身份证号码, GB 11643-1999): 6 digits of area, 8 of birth date, 3 of sequence
 * and an ISO 7064 MOD 11-2 check character. Validates itself on construction; never printed unmasked by
 * {@link #toString()}.
 */
public final class ChineseIdNumber {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    private final String value;

    private ChineseIdNumber(String value) {
        this.value = value;
    }

    /**
     * Parses and checks an ID number.
     *
     * @throws InvalidValueException with a message key naming what is wrong
     */
    public static ChineseIdNumber of(String raw) {
        String v = raw.strip().toUpperCase(Locale.ROOT);
        if (v.length() != 18) {
            throw new InvalidValueException("validation.idNumber.length");
        }
        for (int i = 0; i < 17; i++) {
            if (!Character.isDigit(v.charAt(i)) || v.charAt(i) > '9') {
                throw new InvalidValueException("validation.idNumber.format");
            }
        }
        char last = v.charAt(17);
        if (!(last >= '0' && last <= '9') && last != 'X') {
            throw new InvalidValueException("validation.idNumber.format");
        }
        try {
            LocalDate.of(
                    Integer.parseInt(v.substring(6, 10)),
                    Integer.parseInt(v.substring(10, 12)),
                    Integer.parseInt(v.substring(12, 14)));
        } catch (DateTimeException e) {
            throw new InvalidValueException("validation.idNumber.birthDate");
        }
        if (checkCharacter(v.substring(0, 17)) != last) {
            throw new InvalidValueException("validation.idNumber.checkDigit");
        }
        return new ChineseIdNumber(v);
    }

    /** Whether the text is a valid ID number. */
    public static boolean isValid(String raw) {
        try {
            of(raw);
            return true;
        } catch (InvalidValueException e) {
            return false;
        }
    }

    /** The check character for the first 17 digits. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    public LocalDate birthDate() {
        return LocalDate.of(
                Integer.parseInt(value.substring(6, 10)),
                Integer.parseInt(value.substring(10, 12)),
                Integer.parseInt(value.substring(12, 14)));
    }

    public Sex sex() {
        return (value.charAt(16) - '0') % 2 == 1 ? Sex.MALE : Sex.FEMALE;
    }

    public String areaCode() {
        return value.substring(0, 6);
    }

    /** The full number; callers that show it must record an unmasked read in the audit trail. */
    public String value() {
        return value;
    }

    /** First 3 and last 4 characters visible: {@code 410***********123X}. */
    public String masked() {
        return Masking.idNumber(value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChineseIdNumber other && other.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return masked();
    }
}
