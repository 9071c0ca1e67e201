package io.kalamdb.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * One {@link TokenBucket} per key (client IP, user id, connection), kept in a Caffeine cache bounded by
 * {@code maxEntries} and dropped after {@code idleExpiry} without use. A dropped key starts again with a full
 * bucket.
 *
 * @param <K> the key type
 */
public final class KeyedRateLimiter<K> {
    private final double ratePerSecond;
    private final LongSupplier nanoClock;
    private final Cache<K, TokenBucket> buckets;

    public KeyedRateLimiter(double ratePerSecond, long maxEntries, Duration idleExpiry) {
        this(ratePerSecond, maxEntries, idleExpiry, System::nanoTime);
    }

    /** A limiter whose buckets and idle expiry read monotonic nanoseconds from {@code nanoClock}. */
    public KeyedRateLimiter(double ratePerSecond, long maxEntries, Duration idleExpiry, LongSupplier nanoClock) {
        if (!(ratePerSecond > 0) || Double.isInfinite(ratePerSecond)) {
            throw new IllegalArgumentException("rate must be a positive number, got " + ratePerSecond);
        }
        if (maxEntries <= 0) {
            throw new IllegalArgumentException("maxEntries must be positive, got " + maxEntries);
        }
        this.ratePerSecond = ratePerSecond;
        this.nanoClock = nanoClock;
        this.buckets = Caffeine.newBuilder()
                .maximumSize(maxEntries)
                .expireAfterAccess(idleExpiry)
                .ticker(nanoClock::getAsLong)
                .build();
    }

    public double ratePerSecond() {
        return ratePerSecond;
    }

    /** Takes one token from the bucket of {@code key}, creating a full bucket for a new key. */
    public boolean tryAcquire(K key) {
        return buckets.get(key, k -> new TokenBucket(ratePerSecond, nanoClock)).tryAcquire();
    }

    /** Forgets {@code key}: its next request starts with a full bucket. */
    public void reset(K key) {
        buckets.invalidate(key);
    }

    /** The number of tracked keys, after pending expirations and evictions have run. */
    public long trackedKeys() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }
}
