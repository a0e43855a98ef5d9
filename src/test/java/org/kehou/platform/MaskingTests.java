package org.kehou.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** §4: ID numbers, mobile numbers and names are masked for roles that do not need them in full. */
class MaskingTests {

    @Test
    void idNumberKeepsFirstThreeAndLastFour() {
        assertThat(Masking.idNumber("41030220100315123X")).isEqualTo("410***********123X");
    }

    @Test
    void idNumberHidesTheBirthDate() {
        assertThat(Masking.idNumber("410302201003151234"))
                .doesNotContain("20100315")
                .doesNotContain("0302");
    }

    @Test
    void idNumberKeepsItsLength() {
        assertThat(Masking.idNumber("410302201003151234")).hasSize(18);
    }

    @Test
    void shortIdNumberIsMaskedWhole() {
        assertThat(Masking.idNumber("1234567")).isEqualTo("*******");
        assertThat(Masking.idNumber("")).isEmpty();
    }

    @Test
    void mobileKeepsFirstThreeAndLastFour() {
        assertThat(Masking.mobile("13812345678")).isEqualTo("138****5678");
    }

    @Test
    void shortMobileIsMaskedWhole() {
        assertThat(Masking.mobile("1234567")).isEqualTo("*******");
        assertThat(Masking.mobile("")).isEmpty();
    }

    @Test
    void nameKeepsOnlyTheFamilyName() {
        assertThat(Masking.name("张三")).isEqualTo("张*");
        assertThat(Masking.name("欧阳娜娜")).isEqualTo("欧***");
    }

    @Test
    void oneCharacterNameIsLeftAsItIs() {
        assertThat(Masking.name("张")).isEqualTo("张");
        assertThat(Masking.name("")).isEmpty();
    }

    @Test
    void nameWithARareCharacterKeepsTheWholeFamilyName() {
        String rare = new String(Character.toChars(0x2A6A5)); // CJK Extension B, outside the basic plane

        assertThat(Masking.name(rare + "明")).isEqualTo(rare + "*");
        assertThat(Masking.name("王" + rare)).isEqualTo("王*");
    }
}
