package org.kehou.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** ORG-3: mainland mobile numbers are validated; §4: they are masked where the role does not need them. */
class MobileNumberTests {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "13812345678",
                "14512345678",
                "15012345678",
                "16612345678",
                "17712345678",
                "18812345678",
                "19912345678"
            })
    void acceptsElevenDigitsStartingWith13To19(String raw) {
        assertThat(MobileNumber.of(raw).value()).isEqualTo(raw);
        assertThat(MobileNumber.isValid(raw)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"+8613812345678", "8613812345678", "+86 138 1234 5678", " +86-138-1234-5678 "})
    void dropsTheCountryPrefix(String raw) {
        assertThat(MobileNumber.of(raw).value()).isEqualTo("13812345678");
    }

    @ParameterizedTest
    @ValueSource(strings = {"138 1234 5678", "138-1234-5678", " 13812345678 ", "138 - 1234 - 5678"})
    void ignoresSpacesAndDashes(String raw) {
        assertThat(MobileNumber.of(raw).value()).isEqualTo("13812345678");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1381234567", "138123456789", "+861381234567", "86138123456789"})
    void rejectsWrongLength(String raw) {
        assertRefused(raw);
    }

    @ParameterizedTest
    @ValueSource(strings = {"03812345678", "23812345678", "10012345678", "11012345678", "12012345678"})
    void rejectsNumberNotStartingWith13To19(String raw) {
        assertRefused(raw);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1381234567a", "138.1234.5678", "(138)12345678", "１３８１２３４５６７８", "+87 13812345678"})
    void rejectsOtherCharacters(String raw) {
        assertRefused(raw);
    }

    @Test
    void constructorRefusesUnnormalisedValue() {
        assertThatExceptionOfType(InvalidValueException.class).isThrownBy(() -> new MobileNumber("+8613812345678"));
    }

    @Test
    void maskedShowsFirstThreeAndLastFour() {
        MobileNumber mobile = MobileNumber.of("13812345678");

        assertThat(mobile.masked()).isEqualTo("138****5678");
    }

    @Test
    void toStringNeverRevealsTheMiddle() {
        MobileNumber mobile = MobileNumber.of("13812345678");

        assertThat(mobile.toString()).isEqualTo("138****5678").doesNotContain("1234");
    }

    @Test
    void numbersTypedDifferentlyAreEqual() {
        assertThat(MobileNumber.of("+86 138-1234-5678")).isEqualTo(MobileNumber.of("13812345678"));
    }

    private static void assertRefused(String raw) {
        assertThatExceptionOfType(InvalidValueException.class)
                .isThrownBy(() -> MobileNumber.of(raw))
                .extracting(InvalidValueException::messageKey)
                .isEqualTo("validation.mobile.format");
        assertThat(MobileNumber.isValid(raw)).isFalse();
    }
}
