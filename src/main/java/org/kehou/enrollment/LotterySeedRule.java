package org.kehou.enrollment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.kehou.platform.RuleViolation;

/**
 * ENROL-2, ADR 0011: the draw uses the seed whose SHA-256 was published when the window opened, and no other; anyone
 * can check the revealed seed against the commitment.
 */
final class LotterySeedRule {

    private LotterySeedRule() {}

    static void check(String seed, String publishedHash) {
        if (!commitment(seed).equals(publishedHash)) {
            throw new RuleViolation("lottery.seedMismatch");
        }
    }

    /** The published commitment to a seed: SHA-256 of its UTF-8 bytes, in lower-case hex. */
    static String commitment(String seed) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
