package io.kalamdb.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class KeyedRateLimiterTest {
    private final AtomicLong nanos = new AtomicLong();

    @Test
    void eachKeyHasItsOwnBucket() {
        KeyedRateLimiter<String> limiter = new KeyedRateLimiter<>(2, 100, Duration.ofMinutes(10), nanos::get);
        assertTrue(limiter.tryAcquire("10.0.0.1"));
        assertTrue(limiter.tryAcquire("10.0.0.1"));
        assertFalse(limiter.tryAcquire("10.0.0.1"));
        assertTrue(limiter.tryAcquire("10.0.0.2"));
        nanos.addAndGet(500_000_000L);
        assertTrue(limiter.tryAcquire("10.0.0.1"));
        assertFalse(limiter.tryAcquire("10.0.0.1"));
        assertEquals(2, limiter.trackedKeys());
    }

    @Test
    void idleKeysExpireAndStartFull() {
        KeyedRateLimiter<String> limiter = new KeyedRateLimiter<>(1, 100, Duration.ofSeconds(30), nanos::get);
        assertTrue(limiter.tryAcquire("a"));
        assertFalse(limiter.tryAcquire("a"));
        nanos.addAndGet(Duration.ofSeconds(31).toNanos());
        assertEquals(0, limiter.trackedKeys());
        assertTrue(limiter.tryAcquire("a"));
    }

    @Test
    void resetForgetsAKey() {
        KeyedRateLimiter<String> limiter = new KeyedRateLimiter<>(1, 100, Duration.ofMinutes(1), nanos::get);
        assertTrue(limiter.tryAcquire("a"));
        assertFalse(limiter.tryAcquire("a"));
        limiter.reset("a");
        assertTrue(limiter.tryAcquire("a"));
    }

    @Test
    void theNumberOfKeysIsBounded() {
        KeyedRateLimiter<Integer> limiter = new KeyedRateLimiter<>(5, 10, Duration.ofMinutes(1), nanos::get);
        for (int i = 0; i < 100; i++) {
            limiter.tryAcquire(i);
        }
        assertTrue(limiter.trackedKeys() <= 10, "tracked " + limiter.trackedKeys());
    }

    @Test
    void invalidSettingsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new KeyedRateLimiter<String>(0, 10, Duration.ofMinutes(1)));
        assertThrows(IllegalArgumentException.class, () -> new KeyedRateLimiter<String>(1, 0, Duration.ofMinutes(1)));
    }
}
