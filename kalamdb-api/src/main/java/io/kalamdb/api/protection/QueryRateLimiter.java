package io.kalamdb.api.protection;

import io.kalamdb.auth.AuthSession;
import io.kalamdb.auth.KeyedRateLimiter;
import io.kalamdb.commons.config.RateLimitSection;
import io.kalamdb.commons.enums.Role;
import io.kalamdb.commons.ids.UserId;
import java.time.Duration;

/**
 * The per-user query bucket {@code max_queries_per_sec} on {@code /v1/api/sql} (spec http-api.md §3.2). Only
 * callers of role {@code user} are limited; {@code service}, {@code dba} and {@code system} never are.
 */
public final class QueryRateLimiter {
    private final KeyedRateLimiter<UserId> buckets;

    public QueryRateLimiter(KeyedRateLimiter<UserId> buckets) {
        this.buckets = buckets;
    }

    /** A limiter of {@code max_queries_per_sec}, bounded by {@code cache_max_entries} and {@code cache_ttl_seconds}. */
    public static QueryRateLimiter create(RateLimitSection config) {
        return new QueryRateLimiter(new KeyedRateLimiter<>(config.maxQueriesPerSec(), config.cacheMaxEntries(),
                Duration.ofSeconds(config.cacheTtlSeconds())));
    }

    /** Takes a token for the authenticated caller; always true for roles other than {@code user}. */
    public boolean tryAcquire(AuthSession session) {
        return session.role() != Role.USER || buckets.tryAcquire(session.userId());
    }
}
