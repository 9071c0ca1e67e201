package io.kalamdb.api.protection;

import io.kalamdb.api.http.ClientAddress;
import io.kalamdb.auth.KeyedRateLimiter;
import io.kalamdb.commons.config.RateLimitSection;
import java.time.Duration;

/**
 * The per-IP auth bucket {@code max_auth_requests_per_ip_per_sec} (spec http-api.md §3.2) for login, refresh and
 * setup. Loopback clients (by resolved client IP) are exempt; account lockout still applies to them.
 */
public final class AuthRateLimiter {
    private final KeyedRateLimiter<String> buckets;

    /** Uses {@code buckets}, which may be shared with other users of the auth bucket. */
    public AuthRateLimiter(KeyedRateLimiter<String> buckets) {
        this.buckets = buckets;
    }

    /** A limiter of {@code max_auth_requests_per_ip_per_sec}, bounded like the other per-IP state. */
    public static AuthRateLimiter create(RateLimitSection config) {
        return new AuthRateLimiter(new KeyedRateLimiter<>(config.maxAuthRequestsPerIpPerSec(),
                config.cacheMaxEntries(), Duration.ofSeconds(config.cacheTtlSeconds())));
    }

    /** Takes a token for {@code client}; always true for a loopback client. */
    public boolean tryAcquire(ClientAddress client) {
        return client.loopback() || buckets.tryAcquire(client.ip());
    }
}
