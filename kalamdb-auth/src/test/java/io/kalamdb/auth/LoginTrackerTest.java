package io.kalamdb.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kalamdb.commons.enums.Role;
import io.kalamdb.commons.models.User;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class LoginTrackerTest {
    static final Instant T0 = Instant.parse("2026-05-04T10:00:00.123456789Z");

    private final MutableClock clock = new MutableClock(T0);
    private final InMemoryUserDirectory dir = new InMemoryUserDirectory();
    private final LoginTracker tracker = new LoginTracker(dir, clock);

    @Test
    void timestampsAreMicroseconds() {
        assertEquals(1_777_888_800_123_456L, LoginTracker.toMicros(T0));
        assertEquals(LoginTracker.toMicros(T0), tracker.nowMicros());
    }

    @Test
    void failuresCountUpAndTheFifthLocks() {
        User carol = TestUsers.password("carol", "h", Role.USER);
        dir.put(carol);
        for (int i = 1; i <= 4; i++) {
            User after = tracker.recordFailure(carol);
            assertEquals(i, after.failedLoginAttempts());
            assertNull(after.lockedUntil());
        }
        User locked = tracker.recordFailure(carol);
        assertEquals(0, locked.failedLoginAttempts());
        long now = LoginTracker.toMicros(T0);
        assertEquals(now + 15 * 60 * 1_000_000L, locked.lockedUntil());
        assertTrue(locked.isLocked(now));
        assertEquals(locked, dir.get("carol"));
        assertEquals(5, dir.loginStateWrites.get());
    }

    @Test
    void lockedMinutesRoundUp() {
        long now = LoginTracker.toMicros(T0);
        User u = TestUsers.password("dan", "h", Role.USER);
        assertEquals(0, LoginTracker.lockedMinutes(u, now));
        assertEquals(15, LoginTracker.lockedMinutes(u.withLoginState(0, now + 15 * 60_000_000L, null, null), now));
        assertEquals(1, LoginTracker.lockedMinutes(u.withLoginState(0, now + 1, null, null), now));
        assertEquals(2, LoginTracker.lockedMinutes(u.withLoginState(0, now + 60_000_001L, null, null), now));
        assertEquals(0, LoginTracker.lockedMinutes(u.withLoginState(0, now, null, null), now), "expired at now");
    }

    @Test
    void successClearsTheStateAndStampsTheRightField() {
        User erin = TestUsers.password("erin", "h", Role.USER).withLoginState(3, LoginTracker.toMicros(T0) - 1,
                null, null);
        dir.put(erin);
        User afterLogin = tracker.recordSuccess(erin, true);
        assertEquals(0, afterLogin.failedLoginAttempts());
        assertNull(afterLogin.lockedUntil());
        assertEquals(LoginTracker.toMicros(T0), afterLogin.lastLoginAt());
        assertNull(afterLogin.lastSeen());

        clock.advance(Duration.ofSeconds(10));
        User afterBasic = tracker.recordSuccess(afterLogin, false);
        assertEquals(LoginTracker.toMicros(T0.plusSeconds(10)), afterBasic.lastSeen());
        assertEquals(LoginTracker.toMicros(T0), afterBasic.lastLoginAt());
        int writes = dir.loginStateWrites.get();
        clock.advance(Duration.ofSeconds(59));
        assertEquals(afterBasic, tracker.recordSuccess(afterBasic, false));
        assertEquals(writes, dir.loginStateWrites.get());
        clock.advance(Duration.ofSeconds(1));
        assertEquals(LoginTracker.toMicros(T0.plusSeconds(70)), tracker.recordSuccess(afterBasic, false).lastSeen());
    }

    @Test
    @Timeout(value = 500, unit = TimeUnit.MILLISECONDS)
    void concurrentFailuresAreAllCounted() throws Exception {
        User frank = TestUsers.password("frank", "h", Role.USER);
        dir.put(frank);
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Thread t = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                tracker.recordFailure(frank);
            });
            t.start();
            threads.add(t);
        }
        start.countDown();
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(4, dir.get("frank").failedLoginAttempts());
        assertFalse(dir.get("frank").isLocked(LoginTracker.toMicros(T0)));
        tracker.recordFailure(frank);
        assertTrue(dir.get("frank").isLocked(LoginTracker.toMicros(T0)));
    }
}
