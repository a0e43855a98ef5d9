package org.kehou.organization;

import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Ids shaped like those of {@link org.kehou.platform.Ids} (UUID version 7: time first, then random bits), but
 * drawn from a seed, one millisecond apart from a fixed start, so that a generated dataset is the same on every
 * run and its ids are in insertion order like real ones.
 */
final class SeededIds {

    private final SplittableRandom random;
    private long millis;

    SeededIds(long seed, long startEpochMillis) {
        this.random = new SplittableRandom(seed);
        this.millis = startEpochMillis;
    }

    UUID next() {
        long msb = (millis++ << 16) | (0x7L << 12) | random.nextInt(1 << 12);
        long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }
}
