package org.kehou.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Identifiers are RFC 9562 version 7 UUIDs: random enough to be unguessable, ordered by time for indexes. */
class IdsTests {

    private static final long MILLIS = Instant.parse("2025-09-01T00:30:00Z").toEpochMilli();

    @Test
    void isVersionSeven() {
        assertThat(Ids.next().version()).isEqualTo(7);
        assertThat(Ids.next(MILLIS).version()).isEqualTo(7);
    }

    @Test
    void hasTheRfcVariant() {
        assertThat(Ids.next().variant()).isEqualTo(2);
        assertThat(Ids.next(MILLIS).getLeastSignificantBits() >>> 62).isEqualTo(0b10);
    }

    @Test
    void carriesTheTimestampInItsFirst48Bits() {
        assertThat(Ids.next(MILLIS).getMostSignificantBits() >>> 16).isEqualTo(MILLIS);
    }

    @Test
    void carriesTheCurrentTime() {
        long before = System.currentTimeMillis();
        UUID id = Ids.next();
        long after = System.currentTimeMillis();

        assertThat(id.getMostSignificantBits() >>> 16).isBetween(before, after);
    }

    @Test
    void laterMillisecondSortsAfter() {
        for (int i = 0; i < 1_000; i++) {
            UUID earlier = Ids.next(MILLIS + i);
            UUID later = Ids.next(MILLIS + i + 1);

            assertThat(later).isGreaterThan(earlier);
            assertThat(later.toString()).isGreaterThan(earlier.toString());
        }
    }

    @Test
    void idsMadeAcrossMillisecondsSortInTheOrderTheyWereMade() {
        List<UUID> made = new ArrayList<>();
        for (long t = MILLIS; t < MILLIS + 500; t++) {
            made.add(Ids.next(t));
        }

        assertThat(made).isSorted();
    }

    @Test
    void isUniqueOverManyInTheSameMillisecond() {
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            seen.add(Ids.next(MILLIS));
        }

        assertThat(seen).hasSize(100_000);
    }

    @Test
    void isUniqueOverManyMadeNow() {
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            seen.add(Ids.next());
        }

        assertThat(seen).hasSize(100_000);
    }

    @Test
    void manyAtOnceAreDistinctVersionSevenIdsOfTheCurrentTime() {
        long before = System.currentTimeMillis();
        List<UUID> ids = Ids.next(500);
        long after = System.currentTimeMillis();

        assertThat(ids).hasSize(500).doesNotHaveDuplicates();
        assertThat(ids).allSatisfy(id -> {
            assertThat(id.version()).isEqualTo(7);
            assertThat(id.variant()).isEqualTo(2);
            assertThat(id.getMostSignificantBits() >>> 16).isBetween(before, after);
        });
        // each id its own random bits: no two share their last 62 bits
        assertThat(ids.stream()
                        .map(id -> id.getLeastSignificantBits() & 0x3FFFFFFFFFFFFFFFL)
                        .distinct())
                .hasSize(500);
    }
}
