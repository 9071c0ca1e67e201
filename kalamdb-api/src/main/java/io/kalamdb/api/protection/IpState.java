package io.kalamdb.api.protection;

import io.kalamdb.auth.TokenBucket;

/**
 * The connection-protection state of one client IP: its request bucket, its rate-limit violations so far and
 * the end of its current ban. Synchronised on the state only, so IPs never contend with each other.
 */
final class IpState {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final TokenBucket bucket;
    private long violations;
    /** Monotonic nanos; the IP is banned while {@code bannedUntil - now > 0}. */
    private long bannedUntil;

    IpState(TokenBucket bucket, long nowNanos) {
        this.bucket = bucket;
        this.bannedUntil = nowNanos;
    }

    /**
     * Admits one request at {@code nowNanos}: refused while banned; otherwise takes a token, and an empty bucket
     * is a violation. Every {@code violationsPerBan}-th violation starts a ban of
     * {@code banNanos × min(violations / violationsPerBan, maxMultiplier)}.
     */
    synchronized IpVerdict admit(long nowNanos, long banNanos, int violationsPerBan, int maxMultiplier) {
        long remaining = bannedUntil - nowNanos;
        if (remaining > 0) {
            return IpVerdict.banned(ceilSeconds(remaining));
        }
        if (bucket.tryAcquire()) {
            return IpVerdict.allowed();
        }
        violations++;
        if (violations % violationsPerBan == 0) {
            long multiplier = Math.min(violations / violationsPerBan, maxMultiplier);
            bannedUntil = nowNanos + banNanos * multiplier;
        }
        return IpVerdict.rateLimited();
    }

    /** Nanoseconds left of the current ban at {@code nowNanos}, 0 when not banned. */
    synchronized long banRemainingNanos(long nowNanos) {
        return Math.max(0L, bannedUntil - nowNanos);
    }

    synchronized long violations() {
        return violations;
    }

    /** Whole seconds, rounded up, at least 1. */
    static long ceilSeconds(long nanos) {
        return Math.max(1L, (nanos + NANOS_PER_SECOND - 1) / NANOS_PER_SECOND);
    }
}
