package io.kalamdb.api.protection;

import com.github.benmanes.caffeine.cache.Expiry;

/**
 * Idle expiry of per-IP state: {@code idleNanos} after the last request, but never before a running ban ends,
 * so a banned client cannot lift its ban by going quiet.
 */
final class IpStateExpiry implements Expiry<String, IpState> {
    private final long idleNanos;

    IpStateExpiry(long idleNanos) {
        this.idleNanos = idleNanos;
    }

    @Override
    public long expireAfterCreate(String ip, IpState state, long currentTime) {
        return idleNanos;
    }

    @Override
    public long expireAfterUpdate(String ip, IpState state, long currentTime, long currentDuration) {
        return lifetime(state, currentTime);
    }

    @Override
    public long expireAfterRead(String ip, IpState state, long currentTime, long currentDuration) {
        return lifetime(state, currentTime);
    }

    long lifetime(IpState state, long currentTime) {
        return Math.max(idleNanos, state.banRemainingNanos(currentTime));
    }
}
