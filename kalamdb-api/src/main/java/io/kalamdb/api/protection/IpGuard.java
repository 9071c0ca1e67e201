package io.kalamdb.api.protection;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Policy;
import io.kalamdb.auth.TokenBucket;
import io.kalamdb.commons.config.RateLimitSection;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Per-IP request bucket and bans (spec http-api.md §3.2): each IP has a token bucket of
 * {@code max_requests_per_ip_per_sec} (capacity = rate); every 10 violations (requests refused for an empty
 * bucket) ban the IP for {@code ban_duration_seconds × min(violations / 10, 6)}. The state lives in a Caffeine
 * cache bounded by {@code cache_max_entries} and dropped after {@code cache_ttl_seconds} idle (never before its
 * ban ends). Cheap and non-blocking, so it may run on the event loop.
 */
public final class IpGuard {
    static final int VIOLATIONS_PER_BAN = 10;
    static final int MAX_BAN_MULTIPLIER = 6;

    private static final Logger log = LoggerFactory.getLogger(IpGuard.class);

    private final double ratePerSecond;
    private final long banNanos;
    private final LongSupplier nanoClock;
    private final IpStateExpiry expiry;
    private final Cache<String, IpState> states;
    private final Policy.VarExpiration<String, IpState> expiration;

    public IpGuard(RateLimitSection config) {
        this(config, System::nanoTime);
    }

    /** A guard whose buckets, bans and idle expiry read monotonic nanoseconds from {@code nanoClock}. */
    public IpGuard(RateLimitSection config, LongSupplier nanoClock) {
        this.ratePerSecond = config.maxRequestsPerIpPerSec();
        this.banNanos = TimeUnit.SECONDS.toNanos(config.banDurationSeconds());
        this.nanoClock = nanoClock;
        this.expiry = new IpStateExpiry(TimeUnit.SECONDS.toNanos(config.cacheTtlSeconds()));
        this.states = Caffeine.newBuilder()
                .maximumSize(config.cacheMaxEntries())
                .expireAfter(expiry)
                .ticker(nanoClock::getAsLong)
                .build();
        this.expiration = states.policy().expireVariably().orElseThrow();
    }

    /** Admits one request of {@code ip} (the resolved client IP; the caller exempts loopback clients). */
    public IpVerdict admit(String ip) {
        long now = nanoClock.getAsLong();
        IpState state = states.get(ip, k -> new IpState(new TokenBucket(ratePerSecond, nanoClock), now));
        IpVerdict verdict = state.admit(now, banNanos, VIOLATIONS_PER_BAN, MAX_BAN_MULTIPLIER);
        if (verdict.outcome() == IpVerdict.Outcome.RATE_LIMITED) {
            long ban = state.banRemainingNanos(now);
            if (ban > 0) {
                expiration.setExpiresAfter(ip, expiry.lifetime(state, now), TimeUnit.NANOSECONDS);
                log.warn("Client IP {} banned for {} s after {} rate-limit violations", ip,
                        IpState.ceilSeconds(ban), state.violations());
            }
        }
        return verdict;
    }

    /** The number of tracked IPs, after pending expirations and evictions have run. */
    public long trackedIps() {
        states.cleanUp();
        return states.estimatedSize();
    }
}
