package io.kalamdb.commons.config;

/** {@code [rate_limit]}. */
public record RateLimitSection(int maxQueriesPerSec, int maxMessagesPerSec, int maxSubscriptionsPerUser,
                               int maxAuthRequestsPerIpPerSec, int maxRequestsPerIpPerSec,
                               long requestBodyLimitBytes, long banDurationSeconds,
                               boolean enableConnectionProtection, long cacheMaxEntries, long cacheTtlSeconds) {
    public static RateLimitSection defaults() {
        return new RateLimitSection(100, 50, 10, 20, 200, 10L * 1024 * 1024, 300, true, 1000, 600);
    }
}
