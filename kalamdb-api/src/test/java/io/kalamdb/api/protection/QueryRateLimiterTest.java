package io.kalamdb.api.protection;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kalamdb.auth.AuthSession;
import io.kalamdb.auth.AuthSession.AuthMethod;
import io.kalamdb.auth.KeyedRateLimiter;
import io.kalamdb.commons.enums.Role;
import io.kalamdb.commons.ids.UserId;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class QueryRateLimiterTest {
    private final FakeClock clock = new FakeClock();
    private final QueryRateLimiter limiter =
            new QueryRateLimiter(new KeyedRateLimiter<>(2, 100, Duration.ofMinutes(10), clock));

    private static AuthSession session(String user, Role role) {
        return new AuthSession(new UserId(user), role, AuthMethod.BEARER, "203.0.113.9");
    }

    @Test
    void roleUserIsLimitedPerUser() {
        AuthSession alice = session("alice", Role.USER);
        assertTrue(limiter.tryAcquire(alice));
        assertTrue(limiter.tryAcquire(alice));
        assertFalse(limiter.tryAcquire(alice));
        assertTrue(limiter.tryAcquire(session("bob", Role.USER)), "bob has his own bucket");
        clock.advanceMillis(500);
        assertTrue(limiter.tryAcquire(alice));
        assertFalse(limiter.tryAcquire(alice));
    }

    @Test
    void otherRolesAreNeverLimited() {
        for (Role role : new Role[] {Role.SERVICE, Role.DBA, Role.SYSTEM}) {
            AuthSession caller = session("op-" + role.wireName(), role);
            for (int i = 0; i < 100; i++) {
                assertTrue(limiter.tryAcquire(caller), role.wireName());
            }
        }
    }
}
