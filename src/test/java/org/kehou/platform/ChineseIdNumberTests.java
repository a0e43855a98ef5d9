package org.kehou.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** ORG-3: resident ID numbers are checked against GB 11643-1999; §4: they are never shown unmasked by default. */
class ChineseIdNumberTests {

    /** Beijing Xicheng, born 1949-12-31, sequence 002 (female); its check character is X. */
    private static final String WITH_X = "11010519491231002";

    @ParameterizedTest
    @ValueSource(strings = {"41030220100315123", "41032920150901004", "11010519800101001", "65010120121231999"})
    void acceptsNumberWhoseCheckCharacterFollowsTheStandard(String first17) {
        String number = first17 + expectedCheck(first17);

        assertThat(ChineseIdNumber.of(number).value()).isEqualTo(number);
        assertThat(ChineseIdNumber.isValid(number)).isTrue();
    }

    @Test
    void acceptsCheckCharacterX() {
        assertThat(expectedCheck(WITH_X)).isEqualTo('X');

        assertThat(ChineseIdNumber.of(WITH_X + "X").value()).isEqualTo(WITH_X + "X");
    }

    @Test
    void acceptsLowerCaseXAndStoresItUpperCase() {
        assertThat(ChineseIdNumber.of(WITH_X + "x").value()).isEqualTo(WITH_X + "X");
    }

    @Test
    void ignoresSurroundingWhitespace() {
        assertThat(ChineseIdNumber.of("  " + WITH_X + "X\t").value()).isEqualTo(WITH_X + "X");
    }

    @Test
    void computesTheStandardCheckCharacter() {
        for (String first17 : new String[] {WITH_X, "41030220100315123", "00000000000000000", "99999999999999999"}) {
            assertThat(ChineseIdNumber.checkCharacter(first17)).as(first17).isEqualTo(expectedCheck(first17));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "11010519491231002", "11010519491231002X1", "110105194912310"})
    void rejectsWrongLength(String raw) {
        assertRefused(raw, "validation.idNumber.length");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "1101051949123100AX", // letter among the first 17
                "X10105194912310021", // X anywhere but last
                "110105-94912310021", // punctuation
                "11010519491231002Y", // last character neither digit nor X
                "11010519491231００2X", // full-width digits
                "11010519491231٠٠2X" // Arabic-Indic digits, which Character.isDigit accepts
            })
    void rejectsNonDigits(String raw) {
        assertRefused(raw, "validation.idNumber.format");
    }

    @ParameterizedTest
    @ValueSource(strings = {"20100230", "20100132", "20101301", "20100001", "20100100", "20110229"})
    void rejectsBirthDateThatDoesNotExist(String yyyymmdd) {
        String first17 = "410302" + yyyymmdd + "123";

        assertRefused(first17 + expectedCheck(first17), "validation.idNumber.birthDate");
    }

    @Test
    void acceptsTheLeapDayOfALeapYear() {
        String first17 = "410302" + "20120229" + "123";

        assertThat(ChineseIdNumber.of(first17 + expectedCheck(first17)).birthDate())
                .isEqualTo(LocalDate.of(2012, 2, 29));
    }

    @Test
    void rejectsWrongCheckDigit() {
        String first17 = "41030220100315123";
        char right = expectedCheck(first17);
        for (char wrong : "0123456789X".toCharArray()) {
            if (wrong != right) {
                assertRefused(first17 + wrong, "validation.idNumber.checkDigit");
            }
        }
    }

    @Test
    void rejectsTwoDigitsSwapped() {
        String first17 = "41030220100315123";
        String swapped = "41030220100315213";

        assertRefused(swapped + expectedCheck(first17), "validation.idNumber.checkDigit");
    }

    @Test
    void readsBirthDateAndAreaCode() {
        ChineseIdNumber id = ChineseIdNumber.of(WITH_X + "X");

        assertThat(id.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
        assertThat(id.areaCode()).isEqualTo("110105");
    }

    @ParameterizedTest
    @ValueSource(chars = {'1', '3', '5', '7', '9'})
    void oddSeventeenthDigitIsMale(char digit) {
        assertThat(idWithSequence("12" + digit).sex()).isEqualTo(Sex.MALE);
    }

    @ParameterizedTest
    @ValueSource(chars = {'0', '2', '4', '6', '8'})
    void evenSeventeenthDigitIsFemale(char digit) {
        assertThat(idWithSequence("12" + digit).sex()).isEqualTo(Sex.FEMALE);
    }

    @Test
    void sexIsReadFromTheSeventeenthDigitOnly() {
        assertThat(idWithSequence("901").sex()).isEqualTo(Sex.MALE);
        assertThat(idWithSequence("910").sex()).isEqualTo(Sex.FEMALE);
    }

    @Test
    void maskedShowsOnlyFirstThreeAndLastFour() {
        ChineseIdNumber id = ChineseIdNumber.of(WITH_X + "X");

        assertThat(id.masked()).isEqualTo("110***********002X").hasSize(18);
    }

    @Test
    void toStringNeverRevealsTheMiddle() {
        ChineseIdNumber id = ChineseIdNumber.of(WITH_X + "X");

        assertThat(id.toString())
                .isEqualTo(id.masked())
                .doesNotContain("19491231")
                .doesNotContain("0105")
                .doesNotContain(id.value());
        assertThat("student " + id).doesNotContain("1949");
    }

    @Test
    void equalNumbersAreEqualHoweverTheyWereTyped() {
        ChineseIdNumber upper = ChineseIdNumber.of(WITH_X + "X");
        ChineseIdNumber lower = ChineseIdNumber.of(" " + WITH_X + "x ");

        assertThat(lower).isEqualTo(upper).hasSameHashCodeAs(upper);
    }

    @Test
    void differentNumbersAreNotEqual() {
        String other17 = "41030220100315123";
        ChineseIdNumber one = ChineseIdNumber.of(WITH_X + "X");
        ChineseIdNumber other = ChineseIdNumber.of(other17 + expectedCheck(other17));

        assertThat(one).isNotEqualTo(other).isNotEqualTo(WITH_X + "X");
    }

    @Property
    void appendingTheCheckCharacterGivesAValidNumber(@ForAll("first17") String first17) {
        String number = first17 + ChineseIdNumber.checkCharacter(first17);

        assertThat(ChineseIdNumber.isValid(number)).isTrue();
        assertThat(ChineseIdNumber.checkCharacter(first17)).isEqualTo(expectedCheck(first17));
    }

    @Property
    void changingAnyOneOfTheFirst17DigitsMakesItInvalid(
            @ForAll("first17") String first17,
            @ForAll @IntRange(min = 0, max = 16) int position,
            @ForAll @IntRange(min = 1, max = 9) int shift) {
        char[] number = (first17 + ChineseIdNumber.checkCharacter(first17)).toCharArray();
        number[position] = (char) ('0' + (number[position] - '0' + shift) % 10);

        assertThat(ChineseIdNumber.isValid(new String(number))).isFalse();
    }

    @Property
    void changingTheCheckCharacterMakesItInvalid(
            @ForAll("first17") String first17, @ForAll @IntRange(min = 1, max = 10) int shift) {
        String alphabet = "0123456789X";
        char right = ChineseIdNumber.checkCharacter(first17);
        char wrong = alphabet.charAt((alphabet.indexOf(right) + shift) % alphabet.length());

        assertThat(ChineseIdNumber.isValid(first17 + wrong)).isFalse();
    }

    @Provide
    Arbitrary<String> first17() {
        Arbitrary<String> area = Arbitraries.strings().numeric().ofLength(6);
        Arbitrary<String> birth = Arbitraries.longs()
                .between(
                        LocalDate.of(1900, 1, 1).toEpochDay(),
                        LocalDate.of(2099, 12, 31).toEpochDay())
                .map(day -> LocalDate.ofEpochDay(day).format(DateTimeFormatter.BASIC_ISO_DATE));
        Arbitrary<String> sequence = Arbitraries.strings().numeric().ofLength(3);
        return Combinators.combine(area, birth, sequence).as((a, b, s) -> a + b + s);
    }

    /**
     * GB 11643-1999 / ISO 7064 MOD 11-2, written from the standard rather than from the class: the digit at
     * position i (counted from the right, the check character being position 1) has weight 2^(i-1) mod 11, and
     * the check character makes the weighted sum of all 18 congruent to 1 mod 11; a value of 10 is written X.
     */
    private static char expectedCheck(String first17) {
        int sum = 0;
        for (int k = 0; k < 17; k++) {
            int positionFromRight = 18 - k;
            int weight = java.math.BigInteger.TWO
                    .modPow(java.math.BigInteger.valueOf(positionFromRight - 1), java.math.BigInteger.valueOf(11))
                    .intValue();
            sum += (first17.charAt(k) - '0') * weight;
        }
        int check = Math.floorMod(1 - sum, 11);
        return check == 10 ? 'X' : (char) ('0' + check);
    }

    private static ChineseIdNumber idWithSequence(String sequence) {
        String first17 = "41030220100315" + sequence;
        return ChineseIdNumber.of(first17 + expectedCheck(first17));
    }

    private static void assertRefused(String raw, String messageKey) {
        assertThatExceptionOfType(InvalidValueException.class)
                .isThrownBy(() -> ChineseIdNumber.of(raw))
                .extracting(InvalidValueException::messageKey)
                .isEqualTo(messageKey);
        assertThat(ChineseIdNumber.isValid(raw)).isFalse();
    }
}
