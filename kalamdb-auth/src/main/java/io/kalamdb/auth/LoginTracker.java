package io.kalamdb.auth;

import io.kalamdb.commons.ids.UserId;
import io.kalamdb.commons.models.User;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lockout bookkeeping of spec auth.md §12.1 step 8. A failure increments {@code failed_login_attempts}; the
 * {@value #MAX_FAILED_ATTEMPTS}th locks the account for 15 minutes and resets the counter. A success resets the
 * counter, clears the lock and stamps {@code last_login_at} (login) or {@code last_seen} (Basic, at most once
 * a minute). Updates of one user are serialised through a striped lock and re-read the stored row, so
 * concurrent failures are all counted.
 */
public final class LoginTracker {
    private static final Logger log = LoggerFactory.getLogger(LoginTracker.class);

    public static final int MAX_FAILED_ATTEMPTS = 5;
    public static final Duration LOCK_DURATION = Duration.ofMinutes(15);
    /** Basic authentication refreshes {@code last_seen} at most this often. */
    public static final Duration LAST_SEEN_INTERVAL = Duration.ofMinutes(1);

    private static final long LOCK_MICROS = LOCK_DURATION.toNanos() / 1_000;
    private static final long LAST_SEEN_MICROS = LAST_SEEN_INTERVAL.toNanos() / 1_000;
    private static final long MINUTE_MICROS = 60_000_000L;
    private static final int STRIPES = 64;

    private final UserDirectory directory;
    private final Clock clock;
    private final Object[] stripes = new Object[STRIPES];

    public LoginTracker(UserDirectory directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new Object();
        }
    }

    /** Microseconds since the epoch of {@code instant}, the unit of every timestamp in {@link User}. */
    public static long toMicros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }

    /** The current time in microseconds since the epoch. */
    public long nowMicros() {
        return toMicros(clock.instant());
    }

    /** Remaining lock of {@code user} in whole minutes, rounded up; 0 when not locked. */
    public static long lockedMinutes(User user, long nowMicros) {
        if (!user.isLocked(nowMicros)) {
            return 0;
        }
        long remaining = user.lockedUntil() - nowMicros;
        return (remaining + MINUTE_MICROS - 1) / MINUTE_MICROS;
    }

    /**
     * Records a failed password verification and returns the stored state after it. When the returned user is
     * locked ({@code isLocked(now)}), this failure locked the account.
     */
    public User recordFailure(User user) {
        synchronized (stripe(user.userId())) {
            User current = directory.findUser(user.userId()).orElse(user);
            long now = nowMicros();
            int failures = current.failedLoginAttempts() + 1;
            User updated;
            if (failures >= MAX_FAILED_ATTEMPTS) {
                updated = current.withLoginState(0, now + LOCK_MICROS, current.lastLoginAt(), current.lastSeen());
                log.warn("Account locked after {} failed attempts: user_id={}", failures, user.userId());
            } else {
                updated = current.withLoginState(failures, current.lockedUntil(), current.lastLoginAt(),
                        current.lastSeen());
            }
            directory.saveLoginState(updated);
            return updated;
        }
    }

    /**
     * Records a successful verification: counter 0, no lock, and {@code last_login_at} (login) or
     * {@code last_seen} (Basic, when older than a minute). Writes only when something changed.
     */
    public User recordSuccess(User user, boolean isLogin) {
        synchronized (stripe(user.userId())) {
            User current = directory.findUser(user.userId()).orElse(user);
            long now = nowMicros();
            boolean stampLogin = isLogin;
            boolean stampSeen = !isLogin && isLastSeenStale(current, now);
            if (current.failedLoginAttempts() == 0 && current.lockedUntil() == null && !stampLogin && !stampSeen) {
                return current;
            }
            Long lastLogin = stampLogin ? Long.valueOf(now) : current.lastLoginAt();
            Long lastSeen = stampSeen ? Long.valueOf(now) : current.lastSeen();
            User updated = current.withLoginState(0, null, lastLogin, lastSeen);
            directory.saveLoginState(updated);
            return updated;
        }
    }

    /** True when Basic authentication of {@code user} should refresh {@code last_seen} at {@code nowMicros}. */
    public static boolean isLastSeenStale(User user, long nowMicros) {
        return user.lastSeen() == null || nowMicros - user.lastSeen() >= LAST_SEEN_MICROS;
    }

    private Object stripe(UserId id) {
        return stripes[Math.floorMod(id.hashCode(), STRIPES)];
    }
}
