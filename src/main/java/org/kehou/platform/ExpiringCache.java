package org.kehou.platform;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * A small in-memory map whose entries live for a fixed time, for look-ups on hot paths (a token's account, a
 * guardian's children, an offering's facts) that may be stale for at most that long. A loader that finds nothing
 * returns null, which is not kept. Bounded: past its size it drops the expired entries, and everything if that is
 * not enough.
 */
public final class ExpiringCache<K, V> {

    private record Entry<V>(V value, long expiresAt) {}

    private final ConcurrentHashMap<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final long lifetimeNanos;
    private final int maxSize;
    private final LongSupplier ticker;

    public ExpiringCache(Duration lifetime, int maxSize) {
        this(lifetime, maxSize, System::nanoTime);
    }

    ExpiringCache(Duration lifetime, int maxSize, LongSupplier ticker) {
        if (lifetime.isNegative() || lifetime.isZero() || maxSize < 1) {
            throw new IllegalArgumentException("lifetime and size must be positive");
        }
        this.lifetimeNanos = lifetime.toNanos();
        this.maxSize = maxSize;
        this.ticker = ticker;
    }

    /** The live entry for the key, or what the loader finds (kept unless null). */
    public @Nullable V get(K key, Function<? super K, ? extends @Nullable V> loader) {
        long now = ticker.getAsLong();
        Entry<V> entry = entries.get(key);
        if (entry != null && now - entry.expiresAt() < 0) {
            return entry.value();
        }
        V value = loader.apply(key);
        if (value != null) {
            put(key, value, now);
        } else if (entry != null) {
            entries.remove(key, entry);
        }
        return value;
    }

    public void put(K key, V value) {
        put(key, value, ticker.getAsLong());
    }

    private void put(K key, V value, long now) {
        if (entries.size() >= maxSize) {
            entries.values().removeIf(e -> now - e.expiresAt() >= 0);
            if (entries.size() >= maxSize) {
                entries.clear();
            }
        }
        entries.put(key, new Entry<>(value, now + lifetimeNanos));
    }

    public void invalidate(K key) {
        entries.remove(key);
    }

    public void clear() {
        entries.clear();
    }

    int size() {
        return entries.size();
    }
}
