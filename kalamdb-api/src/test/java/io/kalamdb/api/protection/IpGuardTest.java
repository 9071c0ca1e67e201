package io.kalamdb.api.protection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kalamdb.api.protection.IpVerdict.Outcome;
import io.kalamdb.commons.config.RateLimitSection;
import org.junit.jupiter.api.Test;

class IpGuardTest {
    private static final String IP = "203.0.113.9";

    private final FakeClock clock = new FakeClock();

    private static RateLimitSection limits(int requestsPerSec, long banSeconds, long maxEntries, long ttlSeconds) {
        return new RateLimitSection(100, 50, 10, 20, requestsPerSec, 10L * 1024 * 1024, banSeconds, true,
                maxEntries, ttlSeconds);
    }

    private IpGuard guard(int requestsPerSec, long banSeconds) {
        return new IpGuard(limits(requestsPerSec, banSeconds, 1000, 600), clock);
    }

    /** Empties the bucket of {@code rate} tokens, then causes {@code violations} refusals. */
    private static void exhaustAndViolate(IpGuard guard, int rate, int violations) {
        for (int i = 0; i < rate; i++) {
            assertEquals(Outcome.ALLOWED, guard.admit(IP).outcome(), "request " + (i + 1));
        }
        for (int i = 0; i < violations; i++) {
            assertEquals(IpVerdict.rateLimited(), guard.admit(IP), "violation " + (i + 1));
        }
    }

    @Test
    void bucketCapacityEqualsRateAndRefillsOverTime() {
        IpGuard guard = guard(5, 300);
        exhaustAndViolate(guard, 5, 1);
        clock.advanceMillis(199);
        assertEquals(Outcome.RATE_LIMITED, guard.admit(IP).outcome());
        clock.advanceMillis(1);
        assertEquals(Outcome.ALLOWED, guard.admit(IP).outcome());
        assertEquals(Outcome.RATE_LIMITED, guard.admit(IP).outcome());
    }

    @Test
    void rateLimitedVerdictAsksForOneSecond() {
        IpGuard guard = guard(1, 300);
        guard.admit(IP);
        IpVerdict verdict = guard.admit(IP);
        assertEquals(Outcome.RATE_LIMITED, verdict.outcome());
        assertEquals(1, verdict.retryAfterSeconds());
    }

    @Test
    void tenthViolationBansAndRetryAfterIsTheRealRemainingTime() {
        IpGuard guard = guard(5, 300);
        exhaustAndViolate(guard, 5, 9);
        assertEquals(Outcome.RATE_LIMITED, guard.admit(IP).outcome(), "the 10th violation itself");
        assertEquals(IpVerdict.banned(300), guard.admit(IP));
        clock.advanceMillis(100_500);
        assertEquals(IpVerdict.banned(200), guard.admit(IP), "199.5 s left rounds up to 200");
        clock.advanceMillis(199_000);
        assertEquals(IpVerdict.banned(1), guard.admit(IP), "0.5 s left rounds up to 1");
        clock.advanceMillis(499);
        assertEquals(IpVerdict.banned(1), guard.admit(IP), "1 ms left");
        clock.advanceMillis(1);
        assertEquals(Outcome.ALLOWED, guard.admit(IP).outcome(), "the ban has ended and the bucket refilled");
    }

    @Test
    void requestsDuringABanAreNotViolations() {
        IpGuard guard = guard(5, 10);
        exhaustAndViolate(guard, 5, 10);
        for (int i = 0; i < 50; i++) {
            assertEquals(Outcome.BANNED, guard.admit(IP).outcome());
        }
        clock.advanceSeconds(10);
        exhaustAndViolate(guard, 5, 9);
        assertEquals(Outcome.RATE_LIMITED, guard.admit(IP).outcome(), "20th violation");
        assertEquals(IpVerdict.banned(20), guard.admit(IP), "second ban: 2 x base");
    }

    @Test
    void banLengthEscalatesWithEveryTenViolationsUpToSixTimesTheBase() {
        IpGuard guard = guard(5, 10);
        long[] expected = {10, 20, 30, 40, 50, 60, 60, 60};
        for (int round = 0; round < expected.length; round++) {
            exhaustAndViolate(guard, 5, 10);
            IpVerdict verdict = guard.admit(IP);
            assertEquals(IpVerdict.banned(expected[round]), verdict, "ban " + (round + 1));
            clock.advanceSeconds(expected[round]);
        }
    }

    @Test
    void banOutlivesTheIdleExpiry() {
        IpGuard guard = new IpGuard(limits(5, 1000, 1000, 600), clock);
        exhaustAndViolate(guard, 5, 10);
        clock.advanceSeconds(700);
        assertEquals(IpVerdict.banned(300), guard.admit(IP), "idle 700 s > ttl 600 s, but the ban still runs");
        clock.advanceSeconds(300);
        assertEquals(Outcome.ALLOWED, guard.admit(IP).outcome());
    }

    @Test
    void banOutlivesTheIdleExpiryWithoutAnyRequestDuringIt() {
        IpGuard guard = new IpGuard(limits(5, 1000, 1000, 600), clock);
        exhaustAndViolate(guard, 5, 10);
        clock.advanceSeconds(999);
        assertEquals(IpVerdict.banned(1), guard.admit(IP));
    }

    @Test
    void violationsAreKeptWhileTheIpStaysActive() {
        IpGuard guard = guard(5, 300);
        exhaustAndViolate(guard, 5, 9);
        clock.advanceSeconds(599);
        exhaustAndViolate(guard, 5, 1);
        assertEquals(Outcome.BANNED, guard.admit(IP).outcome(), "the 10th violation counted the 9 before");
    }

    @Test
    void idleStateExpiresAndForgetsViolations() {
        IpGuard guard = guard(5, 300);
        exhaustAndViolate(guard, 5, 9);
        assertEquals(1, guard.trackedIps());
        clock.advanceSeconds(600);
        assertEquals(0, guard.trackedIps(), "600 s idle drops the state");
        exhaustAndViolate(guard, 5, 1);
        assertEquals(Outcome.RATE_LIMITED, guard.admit(IP).outcome(), "a fresh count: 2 violations, no ban");
    }

    @Test
    void ipsAreIndependent() {
        IpGuard guard = guard(2, 300);
        exhaustAndViolate(guard, 2, 10);
        assertEquals(Outcome.BANNED, guard.admit(IP).outcome());
        assertEquals(Outcome.ALLOWED, guard.admit("198.51.100.7").outcome());
        assertEquals(Outcome.ALLOWED, guard.admit("2001:db8::1").outcome());
    }

    @Test
    void zeroBanDurationNeverBans() {
        IpGuard guard = guard(2, 0);
        exhaustAndViolate(guard, 2, 30);
        assertEquals(Outcome.RATE_LIMITED, guard.admit(IP).outcome());
    }

    @Test
    void stateIsBoundedByCacheMaxEntries() {
        IpGuard guard = new IpGuard(limits(5, 300, 3, 600), clock);
        for (int i = 1; i <= 50; i++) {
            assertEquals(Outcome.ALLOWED, guard.admit("198.51.100." + i).outcome());
        }
        assertTrue(guard.trackedIps() <= 3, "tracked " + guard.trackedIps());
    }
}
