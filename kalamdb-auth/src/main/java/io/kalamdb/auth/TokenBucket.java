package io.kalamdb.auth;

import java.util.function.LongSupplier;

/**
 * A token bucket refilled continuously at {@code ratePerSecond}, holding at most {@code capacity = rate} tokens
 * (at least one). It starts full. {@link #tryAcquire()} is synchronised on the bucket only, so buckets of
 * different keys never contend.
 */
public final class TokenBucket {
    private static final double NANOS_PER_SECOND = 1_000_000_000d;

    private final double ratePerNano;
    private final double capacity;
    private final LongSupplier nanoClock;
    private double tokens;
    private long lastRefill;

    public TokenBucket(double ratePerSecond) {
        this(ratePerSecond, System::nanoTime);
    }

    /** A bucket reading monotonic nanoseconds from {@code nanoClock}. */
    public TokenBucket(double ratePerSecond, LongSupplier nanoClock) {
        if (!(ratePerSecond > 0) || Double.isInfinite(ratePerSecond)) {
            throw new IllegalArgumentException("rate must be a positive number, got " + ratePerSecond);
        }
        this.ratePerNano = ratePerSecond / NANOS_PER_SECOND;
        this.capacity = Math.max(1d, ratePerSecond);
        this.nanoClock = nanoClock;
        this.tokens = capacity;
        this.lastRefill = nanoClock.getAsLong();
    }

    public double capacity() {
        return capacity;
    }

    /** Takes one token if one is available. */
    public synchronized boolean tryAcquire() {
        refill();
        if (tokens >= 1d) {
            tokens -= 1d;
            return true;
        }
        return false;
    }

    /** The tokens available now (fractional while refilling). */
    public synchronized double available() {
        refill();
        return tokens;
    }

    private void refill() {
        long now = nanoClock.getAsLong();
        long elapsed = now - lastRefill;
        if (elapsed > 0) {
            tokens = Math.min(capacity, tokens + elapsed * ratePerNano);
            lastRefill = now;
        }
    }
}
