package org.kehou.platform;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

/** Time-ordered UUIDs (version 7, RFC 9562): unguessable, unique across instances, index-friendly. */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {}

    public static UUID next() {
        return next(Clock.systemUTC().millis());
    }

    static UUID next(long epochMillis) {
        // the 74 random bits from one draw of the generator, not two: a save of a roll call makes one id per child
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        long randA = ((random[0] & 0xFFL) << 4) | ((random[1] & 0xFFL) >>> 4);
        long msb = (epochMillis << 16) | (0x7L << 12) | randA;
        long randB = 0;
        for (int i = 2; i < random.length; i++) {
            randB = (randB << 8) | (random[i] & 0xFFL);
        }
        long lsb = (randB & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }
}
