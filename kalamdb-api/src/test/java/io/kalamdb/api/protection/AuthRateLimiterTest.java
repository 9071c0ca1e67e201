package io.kalamdb.api.protection;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kalamdb.api.http.ClientAddress;
import io.kalamdb.auth.KeyedRateLimiter;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AuthRateLimiterTest {
    private final FakeClock clock = new FakeClock();
    private final AuthRateLimiter limiter =
            new AuthRateLimiter(new KeyedRateLimiter<>(2, 100, Duration.ofMinutes(10), clock));

    @Test
    void remoteClientGetsRateTokensPerSecond() {
        ClientAddress remote = new ClientAddress("203.0.113.9", false, true);
        assertTrue(limiter.tryAcquire(remote));
        assertTrue(limiter.tryAcquire(remote));
        assertFalse(limiter.tryAcquire(remote));
        clock.advanceMillis(500);
        assertTrue(limiter.tryAcquire(remote));
        assertFalse(limiter.tryAcquire(remote));
        assertTrue(limiter.tryAcquire(new ClientAddress("203.0.113.10", false, false)), "another IP");
    }

    @Test
    void loopbackClientsAreExempt() {
        for (String ip : new String[] {"127.0.0.1", "::1", "127.1.2.3"}) {
            ClientAddress client = new ClientAddress(ip, !ip.equals("127.1.2.3"), false);
            for (int i = 0; i < 100; i++) {
                assertTrue(limiter.tryAcquire(client), ip);
            }
        }
    }
}
