package org.kehou.platform;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Time-ordered UUIDs (version 7, RFC 9562): unguessable, unique across instances, index-friendly. */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {}

    public static UUID next() {
        return next(Clock.systemUTC().millis());
    }

    /**
     * As many ids as asked for, their random bits drawn from the generator at once rather than once per id: a save of
     * a roll call makes one id per child (OPS-1).
     */
    public static List<UUID> next(int count) {
        long now = Clock.systemUTC().millis();
        byte[] random = new byte[RANDOM_BYTES * count];
        RANDOM.nextBytes(random);
        List<UUID> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ids.add(of(now, random, i * RANDOM_BYTES));
        }
        return ids;
    }

    static UUID next(long epochMillis) {
        byte[] random = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(random);
        return of(epochMillis, random, 0);
    }

    /** The 74 random bits of an id: 10 bytes, of which 6 bits are dropped for the version and the variant. */
    private static final int RANDOM_BYTES = 10;

    private static UUID of(long epochMillis, byte[] random, int from) {
        long randA = ((random[from] & 0xFFL) << 4) | ((random[from + 1] & 0xFFL) >>> 4);
        long msb = (epochMillis << 16) | (0x7L << 12) | randA;
        long randB = 0;
        for (int i = from + 2; i < from + RANDOM_BYTES; i++) {
            randB = (randB << 8) | (random[i] & 0xFFL);
        }
        long lsb = (randB & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }
}
