package io.kalamdb.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kalamdb.auth.AuthException.Reason;
import io.kalamdb.auth.AuthSession.AuthMethod;
import io.kalamdb.commons.enums.AuthType;
import io.kalamdb.commons.enums.Role;
import io.kalamdb.commons.errors.ErrorCode;
import io.kalamdb.commons.ids.UserId;
import io.kalamdb.commons.models.User;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class AuthenticatorTest {
    static final Instant T0 = Instant.parse("2026-05-04T10:00:00Z");
    static final String PASSWORD = "alice-pass-1";
    static final String IP = "203.0.113.7";

    private MutableClock clock;
    private InMemoryUserDirectory dir;
    private CountingPasswordHasher hasher;
    private JwtService jwt;
    private BasicAuthCache cache;
    private Authenticator auth;

    @BeforeEach
    void setUp() {
        clock = new MutableClock(T0);
        dir = new InMemoryUserDirectory();
        hasher = new CountingPasswordHasher(4);
        jwt = new JwtService(JwtServiceTest.SECRET, 24, clock);
        cache = new BasicAuthCache(60, 1000);
        auth = new Authenticator(dir, hasher, jwt, cache, new LoginTracker(dir, clock), clock);
        dir.put(TestUsers.password("alice", hasher.hash(PASSWORD), Role.USER));
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static AuthException fails(Reason reason, Executable call) {
        AuthException e = assertThrows(AuthException.class, call);
        assertEquals(reason, e.reason());
        assertEquals(reason.code(), e.code());
        return e;
    }

    private void setUser(User user) {
        dir.put(user);
    }

    private static long micros(Instant instant) {
        return LoginTracker.toMicros(instant);
    }

    // ---- header parsing

    @Test
    void missingHeaderIsMissingAuthorization() {
        for (String header : new String[]{null, "", "   "}) {
            AuthException e = fails(Reason.MISSING_AUTHORIZATION, () -> auth.authenticateHeader(header, IP, false));
            assertEquals(ErrorCode.MISSING_AUTHORIZATION, e.code());
            assertEquals("Authentication required", e.getMessage());
        }
    }

    @Test
    void unknownSchemesAndMalformedBasicAreInvalidCredentials() {
        String token = jwt.issue(dir.get("alice")).accessToken();
        for (String header : new String[]{"Token " + token, "Digest abc", "Bearer", "Bearer ", "Basic",
                "Basic !!!not-base64", "Basic " + Base64.getEncoder().encodeToString("no-colon".getBytes()),
                "Basic " + Base64.getEncoder().encodeToString(new byte[]{(byte) 0xC3, 0x28, ':', 'x'}),
                "BearerX " + token}) {
            AuthException e = fails(Reason.INVALID_CREDENTIALS, () -> auth.authenticateHeader(header, IP, false));
            assertEquals("Invalid credentials", e.getMessage());
        }
    }

    // ---- Bearer

    @Test
    void bearerAccessTokenGivesASessionWithTheStoredRole() {
        String token = jwt.issue(dir.get("alice")).accessToken();
        assertEquals(new AuthSession(new UserId("alice"), Role.USER, AuthMethod.BEARER, IP),
                auth.authenticateHeader("Bearer " + token, IP, false));
        assertEquals(new AuthSession(new UserId("alice"), Role.USER, AuthMethod.BEARER, IP),
                auth.authenticateHeader("bearer  " + token + " ", IP, false), "the scheme is case-insensitive");
        assertEquals(0, hasher.verifies.get());
    }

    @Test
    void refreshTokenAsBearerIsRejected() {
        String refresh = jwt.issue(dir.get("alice")).refreshToken();
        AuthException e = fails(Reason.WRONG_TOKEN_TYPE,
                () -> auth.authenticateHeader("Bearer " + refresh, IP, false));
        assertEquals(ErrorCode.INVALID_CREDENTIALS, e.code());
        fails(Reason.WRONG_TOKEN_TYPE, () -> auth.authenticateAccessToken(refresh));
    }

    @Test
    void expiredBearerIsTokenExpired() {
        String token = jwt.issue(dir.get("alice")).accessToken();
        clock.advance(Duration.ofHours(24).plusSeconds(61));
        AuthException e = fails(Reason.TOKEN_EXPIRED, () -> auth.authenticateHeader("Bearer " + token, IP, false));
        assertEquals(ErrorCode.TOKEN_EXPIRED, e.code());
    }

    @Test
    void deletedUserIsRejectedForBearerBasicRefreshAndMe() {
        User alice = dir.get("alice");
        IssuedTokens tokens = jwt.issue(alice);
        auth.authenticateHeader(basic("alice", PASSWORD), IP, false);
        setUser(alice.withDeletedAt(micros(T0), micros(T0)));

        AuthException bearer = fails(Reason.USER_NO_LONGER_VALID,
                () -> auth.authenticateHeader("Bearer " + tokens.accessToken(), IP, false));
        assertEquals("Invalid credentials", bearer.getMessage());
        fails(Reason.USER_NO_LONGER_VALID, () -> auth.authenticateAccessToken(tokens.accessToken()));
        AuthException refresh = fails(Reason.USER_NO_LONGER_VALID,
                () -> auth.authenticateRefresh(tokens.refreshToken()));
        assertEquals("User no longer valid", refresh.detailMessage());
        AuthException basicErr = fails(Reason.INVALID_CREDENTIALS,
                () -> auth.authenticateHeader(basic("alice", PASSWORD), IP, false));
        assertEquals("Invalid credentials", basicErr.getMessage());
        fails(Reason.INVALID_CREDENTIALS, () -> auth.verifyPassword("alice", PASSWORD, IP, false, true));
    }

    @Test
    void roleClaimMustEqualTheStoredRole() {
        User alice = dir.get("alice");
        IssuedTokens tokens = jwt.issue(alice);
        setUser(alice.withRole(Role.DBA, micros(T0)));
        fails(Reason.ROLE_MISMATCH, () -> auth.authenticateHeader("Bearer " + tokens.accessToken(), IP, false));
        AuthException e = fails(Reason.ROLE_MISMATCH, () -> auth.authenticateRefresh(tokens.refreshToken()));
        assertEquals("Token role does not match user role", e.detailMessage());
        assertEquals(ErrorCode.INVALID_CREDENTIALS, e.code());

        IssuedTokens fresh = jwt.issue(dir.get("alice"));
        assertEquals(Role.DBA, auth.authenticateHeader("Bearer " + fresh.accessToken(), IP, false).role());
    }

    @Test
    void forgedSystemTokenIsRejected() {
        long iat = T0.getEpochSecond();
        String forged = TestTokens.b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + TestTokens.b64(
                "{\"sub\":\"alice\",\"iss\":\"kalamdb\",\"iat\":" + iat + ",\"exp\":" + (iat + 60)
                        + ",\"role\":\"system\",\"token_type\":\"access\"}") + ".";
        fails(Reason.INVALID_CREDENTIALS, () -> auth.authenticateHeader("Bearer " + forged, IP, false));
    }

    // ---- refresh and me

    @Test
    void refreshNeedsARefreshTokenOfAValidUser() {
        IssuedTokens tokens = jwt.issue(dir.get("alice"));
        assertEquals(dir.get("alice"), auth.authenticateRefresh(tokens.refreshToken()));
        AuthException e = fails(Reason.WRONG_TOKEN_TYPE, () -> auth.authenticateRefresh(tokens.accessToken()));
        assertEquals("Refresh endpoint requires a refresh token", e.detailMessage());
        assertEquals(dir.get("alice"), auth.authenticateAccessToken(tokens.accessToken()));
        fails(Reason.USER_NO_LONGER_VALID,
                () -> auth.authenticateRefresh(jwt.issue(TestUsers.password("ghost", "", Role.USER)).refreshToken()));
    }

    // ---- Basic and its cache

    @Test
    void basicSucceedsAndTheCacheAvoidsBcrypt() {
        AuthSession first = auth.authenticateHeader(basic("alice", PASSWORD), IP, false);
        assertEquals(new AuthSession(new UserId("alice"), Role.USER, AuthMethod.BASIC, IP), first);
        assertEquals(1, hasher.verifies.get());
        assertEquals(1, cache.size());

        for (int i = 0; i < 5; i++) {
            assertEquals(first, auth.authenticateHeader(basic("alice", PASSWORD), IP, false));
        }
        assertEquals(1, hasher.verifies.get(), "cache hits never run bcrypt");
    }

    @Test
    void wrongBasicPasswordIsNotCachedAndCounts() {
        fails(Reason.INVALID_CREDENTIALS, () -> auth.authenticateHeader(basic("alice", "wrong-pass"), IP, false));
        assertEquals(0, cache.size());
        assertEquals(1, dir.get("alice").failedLoginAttempts());
        fails(Reason.INVALID_CREDENTIALS, () -> auth.authenticateHeader(basic("alice", "wrong-pass"), IP, false));
        assertEquals(2, hasher.verifies.get());
        assertEquals(2, dir.get("alice").failedLoginAttempts());
    }

    @Test
    void basicSplitsAtTheFirstColon() {
        dir.put(TestUsers.password("bob", hasher.hash("pa:ss:word"), Role.SERVICE));
        assertEquals(Role.SERVICE, auth.authenticateHeader(basic("bob", "pa:ss:word"), IP, false).role());
    }

    @Test
    void invalidateUserForcesANewBcryptCheck() {
        auth.authenticateHeader(basic("alice", PASSWORD), IP, false);
        auth.invalidateUser(new UserId("alice"));
        assertEquals(0, cache.size());
        auth.authenticateHeader(basic("alice", PASSWORD), IP, false);
        assertEquals(2, hasher.verifies.get());
    }

    @Test
    void passwordChangeWithInvalidationRejectsTheOldPassword() {
        auth.authenticateHeader(basic("alice", PASSWORD), IP, false);
        setUser(dir.get("alice").withPasswordHash(hasher.hash("new-pass-22"), micros(T0)));
        auth.invalidateUser(new UserId("alice"));
        fails(Reason.INVALID_CREDENTIALS, () -> auth.authenticateHeader(basic("alice", PASSWORD), IP, false));
        assertEquals(Role.USER, auth.authenticateHeader(basic("alice", "new-pass-22"), IP, false).role());
    }

    @Test
    void aHitOlderThanTheUsersLastUpdateIsReverified() {
        auth.authenticateHeader(basic("alice", PASSWORD), IP, false);
        clock.advance(Duration.ofSeconds(1));
        setUser(dir.get("alice").withPasswordHash(hasher.hash("new-pass-22"), micros(T0.plusSeconds(1))));
        fails(Reason.INVALID_CREDENTIALS, () -> auth.authenticateHeader(basic("alice", PASSWORD), IP, false));
        assertEquals(2, hasher.verifies.get(), "the stale hit was not trusted");
    }

    @Test
    void roleChangeInvalidatesTheCachedHit() {
        auth.authenticateHeader(basic("alice", PASSWORD), IP, false);
        setUser(dir.get("alice").withRole(Role.SERVICE, micros(T0)));
        AuthSession session = auth.authenticateHeader(basic("alice", PASSWORD), IP, false);
        assertEquals(Role.SERVICE, session.role(), "the stored role, never the cached one");
        assertEquals(2, hasher.verifies.get(), "a hit with another role is re-verified");
        auth.authenticateHeader(basic("alice", PASSWORD), IP, false);
        assertEquals(2, hasher.verifies.get(), "the new role is cached");
    }

    @Test
    void basicUpdatesLastSeenAtMostOncePerMinute() {
        auth.authenticateHeader(basic("alice", PASSWORD), IP, false);
        assertEquals(micros(T0), dir.get("alice").lastSeen());
        assertNull(dir.get("alice").lastLoginAt(), "Basic never stamps last_login_at");
        int writes = dir.loginStateWrites.get();

        auth.invalidateUser(new UserId("alice"));
        clock.advance(Duration.ofSeconds(30));
        auth.authenticateHeader(basic("alice", PASSWORD), IP, false);
        assertEquals(micros(T0), dir.get("alice").lastSeen());
        assertEquals(writes, dir.loginStateWrites.get(), "nothing changed, nothing written");

        auth.invalidateUser(new UserId("alice"));
        clock.advance(Duration.ofSeconds(30));
        auth.authenticateHeader(basic("alice", PASSWORD), IP, false);
        assertEquals(micros(T0.plusSeconds(60)), dir.get("alice").lastSeen());
    }

    @Test
    void cacheHitsAlsoRefreshAStaleLastSeen() {
        auth.authenticateHeader(basic("alice", PASSWORD), IP, false);
        int writes = dir.loginStateWrites.get();
        clock.advance(Duration.ofSeconds(59));
        auth.authenticateHeader(basic("alice", PASSWORD), IP, false);
        assertEquals(writes, dir.loginStateWrites.get());
        clock.advance(Duration.ofSeconds(1));
        auth.authenticateHeader(basic("alice", PASSWORD), IP, false);
        assertEquals(micros(T0.plusSeconds(60)), dir.get("alice").lastSeen());
        assertEquals(1, hasher.verifies.get(), "all but the first were cache hits");
    }

    @Test
    void basicCacheMissesFromRemoteClientsAreRateLimited() {
        AtomicLong nanos = new AtomicLong();
        KeyedRateLimiter<String> bucket = new KeyedRateLimiter<>(1, 100, Duration.ofMinutes(10), nanos::get);
        Authenticator limited = new Authenticator(dir, hasher, jwt, cache, new LoginTracker(dir, clock), clock,
                bucket);
        limited.authenticateHeader(basic("alice", PASSWORD), IP, false);
        limited.authenticateHeader(basic("alice", PASSWORD), IP, false);
        AuthException e = fails(Reason.RATE_LIMITED,
                () -> limited.authenticateHeader(basic("alice", "another-pass"), IP, false));
        assertEquals(ErrorCode.RATE_LIMIT_EXCEEDED, e.code());
        assertEquals(1, hasher.verifies.get(), "a limited miss runs no bcrypt");
        assertEquals(0, dir.get("alice").failedLoginAttempts());
        fails(Reason.INVALID_CREDENTIALS,
                () -> limited.authenticateHeader(basic("alice", "another-pass"), "127.0.0.1", true));
        nanos.addAndGet(1_000_000_000L);
        fails(Reason.INVALID_CREDENTIALS,
                () -> limited.authenticateHeader(basic("alice", "another-pass"), IP, false));
    }

    // ---- password verification rules (§12.1)

    @Test
    void loginStampsLastLoginAndResetsTheCounter() {
        fails(Reason.INVALID_CREDENTIALS, () -> auth.verifyPassword("alice", "wrong-pass", IP, false, true));
        assertEquals(1, dir.get("alice").failedLoginAttempts());
        clock.advance(Duration.ofSeconds(5));
        User updated = auth.verifyPassword("alice", PASSWORD, IP, false, true);
        assertEquals(0, updated.failedLoginAttempts());
        assertEquals(micros(T0.plusSeconds(5)), updated.lastLoginAt());
        assertEquals(updated, dir.get("alice"));
        assertNull(updated.lastSeen());
    }

    @Test
    void fiveFailuresLockTheAccountEvenForTheRightPassword() {
        for (int i = 1; i <= 5; i++) {
            AuthException e = fails(Reason.INVALID_CREDENTIALS,
                    () -> auth.verifyPassword("alice", "wrong-pass", IP, false, true));
            assertEquals("Invalid credentials", e.getMessage());
        }
        User locked = dir.get("alice");
        assertEquals(0, locked.failedLoginAttempts(), "the counter resets when the lock is set");
        assertEquals(micros(T0.plus(Duration.ofMinutes(15))), locked.lockedUntil());

        int verifies = hasher.verifies.get();
        AuthException e = fails(Reason.ACCOUNT_LOCKED, () -> auth.verifyPassword("alice", PASSWORD, IP, false, true));
        assertEquals(ErrorCode.ACCOUNT_LOCKED, e.code());
        assertEquals("Account locked", e.getMessage());
        assertEquals(15, e.lockedMinutes());
        assertEquals("Account locked. Try again in 15 minute(s)", e.detailMessage());
        assertEquals(verifies, hasher.verifies.get(), "the lock is checked before the password");
        fails(Reason.ACCOUNT_LOCKED, () -> auth.authenticateHeader(basic("alice", PASSWORD), IP, true));
    }

    @Test
    void theLockExpiresAfterFifteenMinutes() {
        for (int i = 0; i < 5; i++) {
            fails(Reason.INVALID_CREDENTIALS, () -> auth.verifyPassword("alice", "wrong-pass", IP, false, true));
        }
        clock.advance(Duration.ofMinutes(14).plusSeconds(1));
        AuthException e = fails(Reason.ACCOUNT_LOCKED, () -> auth.verifyPassword("alice", PASSWORD, IP, false, true));
        assertEquals(1, e.lockedMinutes(), "59 seconds left round up to one minute");
        clock.advance(Duration.ofSeconds(59));
        User user = auth.verifyPassword("alice", PASSWORD, IP, false, true);
        assertNull(user.lockedUntil());
        assertEquals(0, user.failedLoginAttempts());
        assertEquals(micros(T0.plus(Duration.ofMinutes(15))), user.lastLoginAt());
    }

    @Test
    void aLockDropsTheCachedBasicEntriesOfTheUser() {
        dir.put(TestUsers.password("bob", hasher.hash("bob-pass-123"), Role.USER));
        auth.authenticateHeader(basic("alice", PASSWORD), IP, false);
        auth.authenticateHeader(basic("bob", "bob-pass-123"), IP, false);
        assertEquals(2, cache.size());
        for (int i = 0; i < 5; i++) {
            fails(Reason.INVALID_CREDENTIALS,
                    () -> auth.authenticateHeader(basic("alice", "wrong-pass"), IP, false));
        }
        assertEquals(1, cache.size(), "only bob's entry is left");
        AuthException e = fails(Reason.ACCOUNT_LOCKED,
                () -> auth.authenticateHeader(basic("alice", PASSWORD), IP, false));
        assertEquals(15, e.lockedMinutes());
    }

    @Test
    void unknownAndDeletedUsersRunTheDummyCheckAndAnswerTheSame() {
        AuthException unknown = fails(Reason.INVALID_CREDENTIALS,
                () -> auth.verifyPassword("nobody", PASSWORD, IP, false, true));
        assertEquals(1, hasher.dummies.get());
        AuthException wrong = fails(Reason.INVALID_CREDENTIALS,
                () -> auth.verifyPassword("alice", "wrong-pass", IP, false, true));
        assertEquals(unknown.getMessage(), wrong.getMessage());
        assertEquals(unknown.code(), wrong.code());
        assertEquals(unknown.detailMessage(), wrong.detailMessage());

        setUser(dir.get("alice").withDeletedAt(micros(T0), micros(T0)));
        fails(Reason.INVALID_CREDENTIALS, () -> auth.verifyPassword("alice", PASSWORD, IP, false, true));
        assertEquals(2, hasher.dummies.get());
    }

    @Test
    void invalidUserIdsAreRejectedFirst() {
        for (String id : new String[]{"", "../etc", "a/b", "bad name", "x".repeat(129), null}) {
            fails(Reason.INVALID_CREDENTIALS, () -> auth.verifyPassword(id, PASSWORD, IP, false, true));
        }
        assertEquals(0, hasher.verifies.get() + hasher.dummies.get());
    }

    @Test
    void oauthUsersCannotUseAPassword() {
        dir.put(TestUsers.user("goog", hasher.hash(PASSWORD), Role.USER, AuthType.OAUTH, null));
        fails(Reason.INVALID_CREDENTIALS, () -> auth.verifyPassword("goog", PASSWORD, IP, false, true));
        fails(Reason.INVALID_CREDENTIALS, () -> auth.authenticateHeader(basic("goog", PASSWORD), IP, false));
        assertEquals(0, hasher.verifies.get());
    }

    @Test
    void rootWithoutPasswordRequiresSetup() {
        dir.put(TestUsers.user("root", "", Role.SYSTEM, AuthType.INTERNAL, "root@localhost"));
        AuthException login = fails(Reason.SETUP_REQUIRED,
                () -> auth.verifyPassword("root", "", "127.0.0.1", true, true));
        assertEquals(ErrorCode.SETUP_REQUIRED, login.code());
        assertEquals("Server requires initial setup", login.getMessage());
        assertEquals("Server requires initial setup. Root password is not configured.", login.detailMessage());
        fails(Reason.SETUP_REQUIRED, () -> auth.authenticateHeader(basic("root", "kalamdb123"), IP, false));
    }

    @Test
    void passwordlessSystemUsersAreRefusedRemotelyAndLocally() {
        dir.put(TestUsers.user("ops", "", Role.SYSTEM, AuthType.PASSWORD, null));
        AuthException remote = fails(Reason.REMOTE_ACCESS_DENIED,
                () -> auth.verifyPassword("ops", "", IP, false, true));
        assertEquals(ErrorCode.REMOTE_ACCESS_DENIED, remote.code());
        assertEquals(403, remote.code().httpStatus());
        assertEquals("Access denied", remote.getMessage());
        assertEquals("System users with empty passwords cannot authenticate remotely", remote.detailMessage());
        fails(Reason.INVALID_CREDENTIALS, () -> auth.verifyPassword("ops", "", "127.0.0.1", true, true));
    }

    @Test
    void emptyPasswordOfANormalUserIsAFailedAttempt() {
        fails(Reason.INVALID_CREDENTIALS, () -> auth.verifyPassword("alice", "", IP, false, true));
        fails(Reason.INVALID_CREDENTIALS, () -> auth.verifyPassword("alice", null, IP, false, true));
        fails(Reason.INVALID_CREDENTIALS, () -> auth.authenticateHeader(basic("alice", ""), IP, false));
        assertEquals(0, hasher.verifies.get());
        assertEquals(3, dir.get("alice").failedLoginAttempts());
    }

    @Test
    void lockedRootIsLockedBeforeSetupIsReported() {
        User root = TestUsers.user("root", "", Role.SYSTEM, AuthType.INTERNAL, "root@localhost");
        dir.put(root.withLoginState(0, micros(T0.plusSeconds(90)), null, null));
        AuthException e = fails(Reason.ACCOUNT_LOCKED, () -> auth.verifyPassword("root", "x", IP, false, true));
        assertEquals(2, e.lockedMinutes());
        assertTrue(e.detailMessage().endsWith("2 minute(s)"));
    }
}
