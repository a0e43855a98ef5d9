package org.kehou.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Entries live for the cache's lifetime and no longer; nothing found is not kept; the size stays bounded. */
class ExpiringCacheTests {

    final AtomicLong nanos = new AtomicLong();
    final AtomicInteger loads = new AtomicInteger();

    @Test
    void keepsAnEntryForItsLifetimeOnly() {
        var cache = new ExpiringCache<String, String>(Duration.ofSeconds(10), 10, nanos::get);
        assertThat(cache.get("a", this::load)).isEqualTo("A1");
        nanos.addAndGet(Duration.ofSeconds(9).toNanos());
        assertThat(cache.get("a", this::load)).isEqualTo("A1");
        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(cache.get("a", this::load)).isEqualTo("A2");
    }

    @Test
    void keepsNothingForAMissAndForgetsWhatIsInvalidated() {
        var cache = new ExpiringCache<String, String>(Duration.ofSeconds(10), 10, nanos::get);
        assertThat(cache.get("a", k -> null)).isNull();
        assertThat(cache.get("a", this::load)).isEqualTo("A1");
        cache.invalidate("a");
        assertThat(cache.get("a", this::load)).isEqualTo("A2");
    }

    @Test
    void staysWithinItsSize() {
        var cache = new ExpiringCache<Integer, String>(Duration.ofSeconds(10), 3, nanos::get);
        for (int i = 0; i < 10; i++) {
            cache.put(i, "v" + i);
            assertThat(cache.size()).isLessThanOrEqualTo(3);
        }
    }

    private String load(String key) {
        return key.toUpperCase() + loads.incrementAndGet();
    }
}
