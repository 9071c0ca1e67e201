package io.kalamdb.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketTest {
    private final AtomicLong nanos = new AtomicLong(1_000);

    @Test
    void startsFullWithCapacityEqualToTheRate() {
        TokenBucket bucket = new TokenBucket(20, nanos::get);
        assertEquals(20d, bucket.capacity());
        for (int i = 0; i < 20; i++) {
            assertTrue(bucket.tryAcquire(), "token " + i);
        }
        assertFalse(bucket.tryAcquire());
    }

    @Test
    void refillsAtTheRateAndNeverAboveCapacity() {
        TokenBucket bucket = new TokenBucket(10, nanos::get);
        for (int i = 0; i < 10; i++) {
            bucket.tryAcquire();
        }
        assertFalse(bucket.tryAcquire());
        nanos.addAndGet(99_000_000L);
        assertFalse(bucket.tryAcquire(), "99 ms at 10/s is less than one token");
        nanos.addAndGet(1_000_000L);
        assertTrue(bucket.tryAcquire());
        assertFalse(bucket.tryAcquire());
        nanos.addAndGet(60_000_000_000L);
        assertEquals(10d, bucket.available(), 1e-9);
    }

    @Test
    void slowRatesStillHoldOneToken() {
        TokenBucket bucket = new TokenBucket(0.5, nanos::get);
        assertTrue(bucket.tryAcquire());
        assertFalse(bucket.tryAcquire());
        nanos.addAndGet(2_000_000_000L);
        assertTrue(bucket.tryAcquire());
    }

    @Test
    void invalidRatesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new TokenBucket(0));
        assertThrows(IllegalArgumentException.class, () -> new TokenBucket(-1));
        assertThrows(IllegalArgumentException.class, () -> new TokenBucket(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new TokenBucket(Double.POSITIVE_INFINITY));
    }
}
