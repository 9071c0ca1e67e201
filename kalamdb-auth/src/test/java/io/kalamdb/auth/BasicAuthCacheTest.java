package io.kalamdb.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kalamdb.commons.enums.Role;
import io.kalamdb.commons.ids.UserId;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class BasicAuthCacheTest {
    static final Instant T0 = Instant.parse("2026-05-04T10:00:00Z");
    static final UserId ALICE = new UserId("alice");
    static final UserId BOB = new UserId("bob");

    private final AtomicLong nanos = new AtomicLong();
    private final BasicAuthCache cache = new BasicAuthCache(60, 100, nanos::get);

    @Test
    void keyIsHexSha256OfUserNulPassword() {
        // sha256(b"alice\x00s3cret-pass"), computed independently
        assertEquals("d844aa7f925a4a09d6239d1bd3e901b261bb2a5c5c3b2151398630fa468c7629",
                BasicAuthCache.cacheKey("alice", "s3cret-pass"));
        assertNotEquals(BasicAuthCache.cacheKey("alice", "bs3cret-pass"),
                BasicAuthCache.cacheKey("aliceb", "s3cret-pass"), "the NUL separator keeps user and password apart");
    }

    @Test
    void storesAndFindsExactCredentials() {
        cache.put(ALICE, "pw-one-1", Role.DBA, T0);
        assertEquals(Optional.of(new BasicAuthEntry(ALICE, Role.DBA, T0)), cache.lookup("alice", "pw-one-1"));
        assertEquals(Optional.empty(), cache.lookup("alice", "pw-one-2"));
        assertEquals(Optional.empty(), cache.lookup("Alice", "pw-one-1"), "user ids are case-sensitive");
    }

    @Test
    void entriesExpireAfterTheTtl() {
        cache.put(ALICE, "pw-one-1", Role.USER, T0);
        nanos.addAndGet(TimeUnit.SECONDS.toNanos(59));
        assertTrue(cache.lookup("alice", "pw-one-1").isPresent());
        nanos.addAndGet(TimeUnit.SECONDS.toNanos(2));
        assertEquals(Optional.empty(), cache.lookup("alice", "pw-one-1"));
    }

    @Test
    void invalidateUserDropsEveryEntryOfThatUserOnly() {
        cache.put(ALICE, "pw-one-1", Role.USER, T0);
        cache.put(ALICE, "pw-two-2", Role.USER, T0);
        cache.put(BOB, "pw-one-1", Role.USER, T0);
        assertEquals(3, cache.size());
        cache.invalidateUser(ALICE);
        assertEquals(1, cache.size());
        assertTrue(cache.lookup("bob", "pw-one-1").isPresent());
        cache.invalidate("bob", "pw-one-1");
        assertEquals(0, cache.size());
    }

    @Test
    void sizeIsBounded() {
        BasicAuthCache small = new BasicAuthCache(60, 3, nanos::get);
        for (int i = 0; i < 10; i++) {
            small.put(new UserId("u" + i), "pw-" + i, Role.USER, T0);
        }
        assertTrue(small.size() <= 3, "size " + small.size());
    }

    @Test
    void zeroTtlCachesNothing() {
        BasicAuthCache off = new BasicAuthCache(0, 100, nanos::get);
        off.put(ALICE, "pw-one-1", Role.USER, T0);
        assertEquals(Optional.empty(), off.lookup("alice", "pw-one-1"));
    }
}
