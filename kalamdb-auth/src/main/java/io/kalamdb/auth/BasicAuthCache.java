package io.kalamdb.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.kalamdb.commons.enums.Role;
import io.kalamdb.commons.ids.UserId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Cache of successful HTTP Basic verifications (spec auth.md §5), so that a bcrypt check runs only on a miss.
 * The key is the hex SHA-256 of {@code user_id ‖ 0x00 ‖ password}: the plaintext password is never stored.
 * Entries expire {@code ttlSeconds} after they were written and the cache holds at most {@code maxEntries}.
 */
public final class BasicAuthCache {
    private static final HexFormat HEX = HexFormat.of();

    private final Cache<String, BasicAuthEntry> cache;

    public BasicAuthCache(long ttlSeconds, long maxEntries) {
        this(ttlSeconds, maxEntries, Ticker.systemTicker());
    }

    /** A cache reading time from {@code ticker} (tests move time forward with their own ticker). */
    public BasicAuthCache(long ttlSeconds, long maxEntries, Ticker ticker) {
        if (ttlSeconds < 0 || maxEntries < 0) {
            throw new IllegalArgumentException("Basic auth cache TTL and size must not be negative");
        }
        this.cache = Caffeine.newBuilder()
                .expireAfterWrite(Duration.ofSeconds(ttlSeconds))
                .maximumSize(maxEntries)
                .ticker(ticker)
                .build();
    }

    /** The hex SHA-256 of {@code userId ‖ 0x00 ‖ password} (UTF-8). */
    public static String cacheKey(String userId, String password) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
        digest.update(userId.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        digest.update(password.getBytes(StandardCharsets.UTF_8));
        return HEX.formatHex(digest.digest());
    }

    /** The cached verification of exactly these credentials, if any. */
    public Optional<BasicAuthEntry> lookup(String userId, String password) {
        return Optional.ofNullable(cache.getIfPresent(cacheKey(userId, password)));
    }

    /** Remembers a successful verification of these credentials for {@code userId} with {@code role}. */
    public void put(UserId userId, String password, Role role, Instant verifiedAt) {
        cache.put(cacheKey(userId.value(), password), new BasicAuthEntry(userId, role, verifiedAt));
    }

    /** Drops the entry of exactly these credentials. */
    public void invalidate(String userId, String password) {
        cache.invalidate(cacheKey(userId, password));
    }

    /** Drops every entry of {@code userId} (password or role change, DROP USER, lock). */
    public void invalidateUser(UserId userId) {
        cache.asMap().values().removeIf(entry -> entry.userId().equals(userId));
    }

    /** Drops every entry. */
    public void clear() {
        cache.invalidateAll();
    }

    /** The number of live entries, after pending expirations and evictions have run. */
    public long size() {
        cache.cleanUp();
        return cache.estimatedSize();
    }
}
