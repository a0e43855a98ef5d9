package org.kehou.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** §4: ID numbers are stored encrypted and found by a keyed hash. */
class PersonalDataProtectorTests {

    private static final String ID_NUMBER = "11010519491231002X";

    private final PersonalDataProtector protector =
            new PersonalDataProtector(key("encryption-key-one"), key("hash-key-one"));

    @Test
    void decryptsWhatItEncrypted() {
        assertThat(protector.decrypt(protector.encrypt(ID_NUMBER))).isEqualTo(ID_NUMBER);
        assertThat(protector.decrypt(protector.encrypt("王小明 +86"))).isEqualTo("王小明 +86");
        assertThat(protector.decrypt(protector.encrypt(""))).isEmpty();
    }

    @Test
    void ciphertextDoesNotContainThePlainValue() {
        String sealed = protector.encrypt(ID_NUMBER);

        assertThat(sealed).doesNotContain(ID_NUMBER);
        assertThat(new String(Base64.getDecoder().decode(sealed), StandardCharsets.ISO_8859_1))
                .doesNotContain("19491231");
    }

    @Test
    void twoEncryptionsOfTheSameValueDiffer() {
        assertThat(protector.encrypt(ID_NUMBER)).isNotEqualTo(protector.encrypt(ID_NUMBER));
    }

    @Test
    void anotherEncryptionKeyCannotDecrypt() {
        PersonalDataProtector other = new PersonalDataProtector(key("encryption-key-two"), key("hash-key-one"));

        assertThatIllegalStateException().isThrownBy(() -> other.decrypt(protector.encrypt(ID_NUMBER)));
    }

    @Test
    void refusesTamperedCiphertext() {
        byte[] sealed = Base64.getDecoder().decode(protector.encrypt(ID_NUMBER));
        for (int i = 0; i < sealed.length; i++) {
            byte[] tampered = sealed.clone();
            tampered[i] ^= 0x01;
            String stored = Base64.getEncoder().encodeToString(tampered);

            assertThatIllegalStateException().as("byte %d flipped", i).isThrownBy(() -> protector.decrypt(stored));
        }
    }

    @Test
    void refusesTruncatedCiphertext() {
        byte[] sealed = Base64.getDecoder().decode(protector.encrypt(ID_NUMBER));
        byte[] truncated = java.util.Arrays.copyOf(sealed, sealed.length - 1);

        assertThatThrownBy(() -> protector.decrypt(Base64.getEncoder().encodeToString(truncated)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void hashIsStable() {
        PersonalDataProtector sameKeys = new PersonalDataProtector(key("encryption-key-two"), key("hash-key-one"));

        assertThat(protector.hash(ID_NUMBER))
                .isEqualTo(protector.hash(ID_NUMBER))
                .isEqualTo(sameKeys.hash(ID_NUMBER))
                .hasSize(64)
                .matches("[0-9a-f]{64}");
    }

    @Test
    void hashTellsValuesApart() {
        assertThat(protector.hash(ID_NUMBER)).isNotEqualTo(protector.hash("110105194912310021"));
    }

    @Test
    void hashDependsOnTheKey() {
        PersonalDataProtector otherHashKey = new PersonalDataProtector(key("encryption-key-one"), key("hash-key-two"));

        assertThat(otherHashKey.hash(ID_NUMBER)).isNotEqualTo(protector.hash(ID_NUMBER));
    }

    @Test
    void hashIsNotAPlainDigest() throws Exception {
        String plain = java.util.HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                        .digest(ID_NUMBER.getBytes(StandardCharsets.UTF_8)));

        assertThat(protector.hash(ID_NUMBER)).isNotEqualTo(plain);
    }

    /** A 256-bit key, Base64-encoded as configuration holds it. */
    private static String key(String seed) {
        byte[] bytes = java.util.Arrays.copyOf(seed.getBytes(StandardCharsets.US_ASCII), 32);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
