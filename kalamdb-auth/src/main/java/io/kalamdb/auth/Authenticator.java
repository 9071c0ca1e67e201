package io.kalamdb.auth;

import io.kalamdb.auth.AuthException.Reason;
import io.kalamdb.commons.enums.AuthType;
import io.kalamdb.commons.enums.Role;
import io.kalamdb.commons.ids.UserId;
import io.kalamdb.commons.models.User;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns credentials into an {@link AuthSession} or a verified {@link User}: Bearer access tokens, HTTP Basic
 * (with the verification cache), login passwords, refresh tokens and {@code /auth/me} tokens (spec auth.md
 * §4, §5, §12.1). Authorization always uses the <b>stored</b> role.
 */
public final class Authenticator {
    private static final Logger log = LoggerFactory.getLogger(Authenticator.class);

    private static final String BEARER = "Bearer ";
    private static final String BASIC = "Basic ";

    private final UserDirectory directory;
    private final PasswordHasher hasher;
    private final JwtService jwt;
    private final BasicAuthCache cache;
    private final LoginTracker tracker;
    private final Clock clock;
    private final KeyedRateLimiter<String> basicMissLimiter;

    public Authenticator(UserDirectory directory, PasswordHasher hasher, JwtService jwt, BasicAuthCache cache,
                         LoginTracker tracker, Clock clock) {
        this(directory, hasher, jwt, cache, tracker, clock, null);
    }

    /**
     * @param basicMissLimiter the per-IP auth bucket; a Basic verification that misses the cache takes a token
     *                         from it unless the client is local, else fails with {@code RATE_LIMITED}. May be
     *                         {@code null} for no limit.
     */
    public Authenticator(UserDirectory directory, PasswordHasher hasher, JwtService jwt, BasicAuthCache cache,
                         LoginTracker tracker, Clock clock, KeyedRateLimiter<String> basicMissLimiter) {
        this.directory = directory;
        this.hasher = hasher;
        this.jwt = jwt;
        this.cache = cache;
        this.tracker = tracker;
        this.clock = clock;
        this.basicMissLimiter = basicMissLimiter;
    }

    /**
     * Authenticates the {@code Authorization} header of a protected route ({@code /v1/api/sql}, files, topics,
     * exports): {@code Bearer <access JWT>} or {@code Basic <base64(user:password)>}.
     *
     * @throws AuthException {@code MISSING_AUTHORIZATION} without a header; otherwise per auth.md §4, §5, §12.1
     */
    public AuthSession authenticateHeader(String authorizationHeader, String clientIp, boolean clientIsLocal) {
        if (authorizationHeader == null || authorizationHeader.isBlank()) {
            throw AuthException.of(Reason.MISSING_AUTHORIZATION);
        }
        String header = authorizationHeader.strip();
        if (hasScheme(header, BEARER)) {
            User user = authenticateAccessToken(header.substring(BEARER.length()).strip());
            return new AuthSession(user.userId(), user.role(), AuthSession.AuthMethod.BEARER, clientIp);
        }
        if (hasScheme(header, BASIC)) {
            BasicCredentials credentials = BasicCredentials.decode(header.substring(BASIC.length()).strip())
                    .orElseThrow(AuthException::invalidCredentials);
            User user = authenticateBasic(credentials, clientIp, clientIsLocal);
            return new AuthSession(user.userId(), user.role(), AuthSession.AuthMethod.BASIC, clientIp);
        }
        log.debug("Unsupported authorization scheme from client_ip={}", clientIp);
        throw AuthException.invalidCredentials();
    }

    /**
     * Verifies an access token and its user (steps 1–8 of auth.md §4), for {@code /auth/me}, the WebSocket and
     * Bearer requests. Returns the stored user.
     */
    public User authenticateAccessToken(String token) {
        return loadTokenUser(jwt.verify(token, TokenType.ACCESS));
    }

    /**
     * Verifies a refresh token for {@code /auth/refresh}: reason {@code WRONG_TOKEN_TYPE} for an access token,
     * {@code USER_NO_LONGER_VALID} for a missing or deleted user, {@code ROLE_MISMATCH} when the role changed.
     * Returns the stored user, for whom the caller issues a new pair.
     */
    public User authenticateRefresh(String refreshToken) {
        return loadTokenUser(jwt.verify(refreshToken, TokenType.REFRESH));
    }

    /**
     * Verifies a user name and password for login ({@code isLogin}) or Basic, following auth.md §12.1 steps
     * 1–8 in order, and returns the user with its updated login state.
     */
    public User verifyPassword(String user, String password, String clientIp, boolean clientIsLocal,
                               boolean isLogin) {
        if (!UserId.isValid(user)) {
            throw AuthException.invalidCredentials();
        }
        UserId id = new UserId(user);
        Optional<User> found = directory.findUser(id);
        if (found.isEmpty() || found.get().isDeleted()) {
            hasher.dummyVerify(password);
            log.debug("Password rejected: unknown or deleted user_id={} client_ip={}", id, clientIp);
            throw AuthException.invalidCredentials();
        }
        User stored = found.get();
        long now = tracker.nowMicros();
        if (stored.isLocked(now)) {
            log.debug("Password rejected: locked user_id={} client_ip={}", id, clientIp);
            throw AuthException.locked(LoginTracker.lockedMinutes(stored, now));
        }
        if (stored.authType() == AuthType.OAUTH) {
            hasher.dummyVerify(password);
            throw AuthException.invalidCredentials();
        }
        if (!stored.hasPassword()) {
            if (id.isRoot()) {
                throw AuthException.of(Reason.SETUP_REQUIRED);
            }
            if (stored.role() == Role.SYSTEM && !clientIsLocal) {
                log.warn("Remote authentication refused for passwordless system user_id={} client_ip={}",
                        id, clientIp);
                throw AuthException.of(Reason.REMOTE_ACCESS_DENIED);
            }
            throw AuthException.invalidCredentials();
        }
        boolean empty = password == null || password.isEmpty();
        if (empty) {
            hasher.dummyVerify("");
        }
        if (empty || !hasher.verify(password, stored.passwordHash())) {
            User after = tracker.recordFailure(stored);
            if (after.isLocked(tracker.nowMicros())) {
                cache.invalidateUser(id);
            }
            log.debug("Password rejected: wrong password for user_id={} client_ip={}", id, clientIp);
            throw AuthException.invalidCredentials();
        }
        return tracker.recordSuccess(stored, isLogin);
    }

    /** Drops the cached Basic verifications of {@code userId}: ALTER USER SET PASSWORD / SET ROLE, DROP USER. */
    public void invalidateUser(UserId userId) {
        cache.invalidateUser(userId);
    }

    private User authenticateBasic(BasicCredentials credentials, String clientIp, boolean clientIsLocal) {
        Optional<BasicAuthEntry> hit = cache.lookup(credentials.user(), credentials.password());
        if (hit.isPresent()) {
            BasicAuthEntry entry = hit.get();
            Optional<User> current = directory.findUser(entry.userId());
            long now = tracker.nowMicros();
            if (current.isPresent() && isValidHit(current.get(), entry, now)) {
                User user = current.get();
                return LoginTracker.isLastSeenStale(user, now) ? tracker.recordSuccess(user, false) : user;
            }
            cache.invalidate(credentials.user(), credentials.password());
        }
        if (basicMissLimiter != null && !clientIsLocal && !basicMissLimiter.tryAcquire(clientIp)) {
            log.debug("Basic verification rate limited for client_ip={}", clientIp);
            throw AuthException.of(Reason.RATE_LIMITED);
        }
        Instant started = clock.instant();
        User user = verifyPassword(credentials.user(), credentials.password(), clientIp, clientIsLocal, false);
        cache.put(user.userId(), credentials.password(), user.role(), started);
        return user;
    }

    /**
     * A hit counts only for a user that still exists, is not deleted or locked, has the cached role, and was not
     * updated (password, role, email) after the verification started. The last rule closes the window between
     * a verification and a concurrent ALTER USER that invalidated the cache before the entry was written.
     */
    private static boolean isValidHit(User user, BasicAuthEntry entry, long nowMicros) {
        return !user.isDeleted() && !user.isLocked(nowMicros) && user.role() == entry.role()
                && user.updatedAt() <= LoginTracker.toMicros(entry.verifiedAt());
    }

    private User loadTokenUser(TokenClaims claims) {
        Optional<User> found = directory.findUser(claims.userId());
        if (found.isEmpty() || found.get().isDeleted()) {
            throw AuthException.of(Reason.USER_NO_LONGER_VALID);
        }
        User user = found.get();
        if (user.role() != claims.role()) {
            throw AuthException.of(Reason.ROLE_MISMATCH);
        }
        return user;
    }

    private static boolean hasScheme(String header, String scheme) {
        return header.regionMatches(true, 0, scheme, 0, scheme.length());
    }
}
