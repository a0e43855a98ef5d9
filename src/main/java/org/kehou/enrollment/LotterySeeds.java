package org.kehou.enrollment;

import java.security.SecureRandom;
import java.time.LocalDateTime;
import java.util.HexFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Fixes the seed of a lottery window when the window opens (ENROL-2, ADR 0011): 32 random bytes, of which only the
 * SHA-256 is public until the draw. As nobody, the school included, sees the seed before the draw, nobody can work
 * out the order while applications and priority groups may still change; as the commitment is public from the
 * opening, the draw cannot use another seed unnoticed.
 */
@Component
class LotterySeeds {

    private final JdbcClient jdbc;
    private final SecureRandom random = new SecureRandom();

    LotterySeeds(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a new seed and its commitment for a lottery window just planned, with the siblings option off. */
    void commit(RegistrationWindow window, LocalDateTime now) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String seed = HexFormat.of().formatHex(bytes);
        jdbc.sql("""
                        insert into enrollment.lottery (window_id, version, county_id, school_id, seed, seed_hash,
                          siblings, committed_at)
                        values (:window, 0, :county, :school, :seed, :hash, :siblings, :now)""")
                .param("window", window.id())
                .param("county", window.countyId())
                .param("school", window.schoolId())
                .param("seed", seed)
                .param("hash", LotterySeedRule.commitment(seed))
                .param("siblings", SiblingPlacement.SEPARATELY.name())
                .param("now", now)
                .update();
    }
}
