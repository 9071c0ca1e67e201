package io.kalamdb.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The auth endpoints (http-api.md §7.1–§7.4, auth.md §4, §6, §12.1): login, lockout, /me, refresh, logout, cookies. */
@Timeout(value = 5, unit = TimeUnit.SECONDS)
class LoginE2ETest {

    private static final String ROOT = "root";
    private static final String ROOT_PW = ServerProcess.ROOT_PASSWORD;
    private static final String USER = "ursula";
    private static final String USER_PW = "Urs-Pass-2024!";
    private static final String LOCKED = "lucy";
    private static final String LOCKED_PW = "Lucy-Pass-2024!";
    private static final long ACCESS_SECONDS = 24 * 3600;
    private static final long REFRESH_SECONDS = 7 * ACCESS_SECONDS;
    private static final String EPOCH_EXPIRES = "Thu, 01 Jan 1970 00:00:00 GMT";

    private static ServerProcess server;
    private static Http http;

    @BeforeAll
    @Timeout(value = 35, unit = TimeUnit.SECONDS)
    static void startServer() {
        server = ServerProcess.startDefault();
        http = new Http(server.baseUrl());
        String token = http.login(ROOT, ROOT_PW);
        Expect.message(http.sql(token, "CREATE USER " + USER + " WITH PASSWORD '" + USER_PW + "' ROLE user"),
                "User '" + USER + "' created", ROOT);
        Expect.message(http.sql(token, "CREATE USER " + LOCKED + " WITH PASSWORD '" + LOCKED_PW + "' ROLE user"),
                "User '" + LOCKED + "' created", ROOT);
    }

    @AfterAll
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void rootLoginReturnsTokensAndSetsCookies() {
        Response response = http.loginRaw(ROOT, ROOT_PW);
        Expect.status(response, 200);
        JsonNode body = response.json();
        assertLoginBody(body, ROOT, "system", "root@localhost");
        assertTokenCookies(response, body);
    }

    @Test
    void cookiesAreSecureBehindTrustedHttpsProxy() {
        Response response = http.postJson(Http.LOGIN, "{\"user\":\"root\",\"password\":\"" + ROOT_PW + "\"}",
                "X-Forwarded-Proto", "https");
        Expect.status(response, 200);
        for (String name : new String[] {"kalamdb_auth", "kalamdb_refresh"}) {
            SetCookie cookie = SetCookie.find(response, name);
            assertNotNull(cookie, () -> "no " + name + ": " + response);
            assertTrue(cookie.has("Secure"), () -> name + " must be Secure behind an HTTPS proxy: " + cookie);
            assertTrue(cookie.has("HttpOnly"), () -> name + ": " + cookie);
        }
    }

    @Test
    void usernameIsAnAliasOfUser() {
        Response response = http.postJson(Http.LOGIN, "{\"username\":\"root\",\"password\":\"" + ROOT_PW + "\"}");
        Expect.status(response, 200);
        assertLoginBody(response.json(), ROOT, "system", "root@localhost");
    }

    @Test
    void roleUserHasNoAdminUiAccess() {
        JsonNode body = http.loginBody(USER, USER_PW);
        assertLoginBody(body, USER, "user", null);
        assertFalse(body.get("admin_ui_access").asBoolean());
    }

    @Test
    void wrongPasswordIsInvalidCredentials() {
        Expect.authError(http.loginRaw(USER, "wrong-password"), 401, "unauthorized", "Invalid credentials");
    }

    @Test
    void unknownUserGetsTheSameAnswer() {
        Expect.authError(http.loginRaw("nobody_here", "whatever-pass"), 401, "unauthorized", "Invalid credentials");
    }

    @Test
    void emptyPasswordIsInvalidCredentials() {
        Expect.authError(http.loginRaw(USER, ""), 401, "unauthorized", "Invalid credentials");
    }

    @Test
    void unknownFieldIsBadRequest() {
        Response response = http.postJson(Http.LOGIN, "{\"user\":\"root\",\"password\":\"" + ROOT_PW + "\",\"x\":1}");
        Expect.authError(response, 400, "bad_request", "Invalid request body: unknown field 'x'");
    }

    @Test
    void malformedBodyIsBadRequest() {
        Response response = http.postJson(Http.LOGIN, "{\"user\":");
        Expect.status(response, 400);
        Expect.keys(response.json(), "error", "message");
        assertEquals("bad_request", response.json().get("error").asText());
    }

    @Test
    void overlongUserOrPasswordIsBadRequest() {
        Response longUser = http.loginRaw("u".repeat(129), ROOT_PW);
        Expect.status(longUser, 400);
        assertEquals("bad_request", longUser.json().get("error").asText());
        Response longPassword = http.loginRaw(ROOT, "p".repeat(257));
        Expect.status(longPassword, 400);
        assertEquals("bad_request", longPassword.json().get("error").asText());
    }

    @Test
    void fiveFailuresLockTheAccountEvenForTheRightPassword() {
        for (int i = 1; i <= 5; i++) {
            Expect.authError(http.loginRaw(LOCKED, "wrong-password-" + i), 401, "unauthorized", "Invalid credentials");
        }
        Expect.authError(http.loginRaw(LOCKED, LOCKED_PW), 401, "account_locked",
                "Account locked. Try again in 15 minute(s)");
        Expect.unauthorized(http.sqlBasic(LOCKED, LOCKED_PW, "SHOW NAMESPACES"), "ACCOUNT_LOCKED", "Account locked");
        http.loginBody(USER, USER_PW);
    }

    @Test
    void meWithBearerToken() {
        String token = http.login(ROOT, ROOT_PW);
        Response response = http.get(Http.ME, "Authorization", Http.bearer(token));
        Expect.status(response, 200);
        JsonNode body = response.json();
        Expect.keys(body, "user", "admin_ui_access");
        assertUserInfo(body.get("user"), ROOT, "system", "root@localhost");
        assertTrue(body.get("admin_ui_access").asBoolean());
    }

    @Test
    void meWithAuthCookie() {
        String token = http.login(USER, USER_PW);
        Response response = http.get(Http.ME, "Cookie", "kalamdb_auth=" + token);
        Expect.status(response, 200);
        assertUserInfo(response.json().get("user"), USER, "user", null);
        assertFalse(response.json().get("admin_ui_access").asBoolean());
    }

    @Test
    void meRefusesBasic() {
        Response response = http.get(Http.ME, "Authorization", Http.basic(ROOT, ROOT_PW));
        Expect.status(response, 401);
        assertEquals("unauthorized", response.json().get("error").asText());
    }

    @Test
    void meWithBasicHeaderIgnoresTheCookie() {
        String token = http.login(ROOT, ROOT_PW);
        Response response = http.get(Http.ME, "Authorization", Http.basic(ROOT, ROOT_PW), "Cookie", "kalamdb_auth=" + token);
        Expect.status(response, 401);
        assertEquals("unauthorized", response.json().get("error").asText());
    }

    @Test
    void meWithoutTokenIs401() {
        Expect.authError(http.get(Http.ME), 401, "unauthorized", "No auth token found");
    }

    @Test
    void meRefusesRefreshAndGarbageTokens() {
        String refresh = http.loginBody(ROOT, ROOT_PW).get("refresh_token").asText();
        Expect.authError(http.get(Http.ME, "Authorization", Http.bearer(refresh)), 401, "unauthorized", "Invalid credentials");
        Expect.authError(http.get(Http.ME, "Authorization", "Bearer not.a.jwt"), 401, "unauthorized", "Invalid credentials");
        Expect.authError(http.get(Http.ME, "Cookie", "kalamdb_auth=garbage"), 401, "unauthorized", "Invalid credentials");
    }

    @Test
    void refreshWithCookieIssuesNewPairAndResetsCookies() {
        JsonNode login = http.loginBody(USER, USER_PW);
        Response response = http.post(Http.REFRESH, "", "Cookie", "kalamdb_refresh=" + login.get("refresh_token").asText());
        Expect.status(response, 200);
        JsonNode body = response.json();
        assertLoginBody(body, USER, "user", null);
        assertTokenCookies(response, body);
        Expect.status(http.get(Http.ME, "Authorization", Http.bearer(body.get("access_token").asText())), 200);
        Expect.status(http.get(Http.ME, "Authorization", Http.bearer(login.get("access_token").asText())), 200);
    }

    @Test
    void refreshWithBearerRefreshToken() {
        JsonNode login = http.loginBody(ROOT, ROOT_PW);
        Response response = http.post(Http.REFRESH, "", "Authorization", Http.bearer(login.get("refresh_token").asText()));
        Expect.status(response, 200);
        assertLoginBody(response.json(), ROOT, "system", "root@localhost");
    }

    @Test
    void refreshCookieWinsOverAuthorizationHeader() {
        JsonNode login = http.loginBody(ROOT, ROOT_PW);
        Response response = http.post(Http.REFRESH, "",
                "Cookie", "kalamdb_refresh=" + login.get("refresh_token").asText(),
                "Authorization", Http.bearer(login.get("access_token").asText()));
        Expect.status(response, 200);
    }

    @Test
    void accessTokenOnRefreshIs401() {
        String access = http.login(ROOT, ROOT_PW);
        Expect.authError(http.post(Http.REFRESH, "", "Authorization", Http.bearer(access)), 401, "unauthorized",
                "Refresh endpoint requires a refresh token");
        Expect.authError(http.post(Http.REFRESH, "", "Cookie", "kalamdb_refresh=" + access), 401, "unauthorized",
                "Refresh endpoint requires a refresh token");
    }

    @Test
    void refreshRefusesBasicAndGarbage() {
        Expect.authError(http.post(Http.REFRESH, "", "Authorization", Http.basic(ROOT, ROOT_PW)), 401, "unauthorized",
                "Invalid credentials");
        Expect.authError(http.post(Http.REFRESH, "", "Authorization", "Bearer garbage"), 401, "unauthorized",
                "Invalid credentials");
    }

    @Test
    void refreshWithoutTokenIs401() {
        Expect.authError(http.post(Http.REFRESH, ""), 401, "unauthorized", "No refresh token found");
    }

    @Test
    void logoutClearsBothCookiesButDoesNotRevokeTokens() {
        String token = http.login(ROOT, ROOT_PW);
        Response response = http.post(Http.LOGOUT, "", "Cookie", "kalamdb_auth=" + token);
        JsonNode body = Expect.json(response, 200, "{\"message\":\"Logged out successfully\"}");
        Expect.keys(body, "message");
        for (String name : new String[] {"kalamdb_auth", "kalamdb_refresh"}) {
            SetCookie cookie = SetCookie.find(response, name);
            assertNotNull(cookie, () -> "logout does not clear " + name + ": " + response);
            assertEquals("", cookie.value(), () -> name + " must be emptied: " + response);
            assertEquals(EPOCH_EXPIRES, cookie.attribute("Expires"), () -> name + ": " + response);
            assertEquals("/", cookie.attribute("Path"), () -> name + ": " + response);
        }
        Expect.status(http.get(Http.ME, "Authorization", Http.bearer(token)), 200);
    }

    @Test
    void cookiesAreNotCredentialsForSql() {
        String token = http.login(ROOT, ROOT_PW);
        Response response = http.sqlWith(null, Json.sqlBody("SHOW NAMESPACES"), "Cookie", "kalamdb_auth=" + token);
        Expect.unauthorized(response, "MISSING_AUTHORIZATION", "Authentication required");
    }

    static void assertLoginBody(JsonNode body, String id, String role, String email) {
        Expect.keys(body, "user", "admin_ui_access", "expires_at", "access_token", "refresh_token", "refresh_expires_at");
        assertUserInfo(body.get("user"), id, role, email);
        assertEquals(role.equals("dba") || role.equals("system"), body.get("admin_ui_access").asBoolean(), body::toString);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        OffsetDateTime expires = rfc3339(body, "expires_at");
        OffsetDateTime refreshExpires = rfc3339(body, "refresh_expires_at");
        assertAbout(now.plusSeconds(ACCESS_SECONDS), expires, "expires_at");
        assertAbout(now.plusSeconds(REFRESH_SECONDS), refreshExpires, "refresh_expires_at");

        String access = body.get("access_token").asText();
        String refresh = body.get("refresh_token").asText();
        assertEquals(Json.parse("{\"alg\":\"HS256\",\"typ\":\"JWT\"}"), Jwt.header(access));
        assertClaims(Jwt.claims(access), id, role, email, "access", ACCESS_SECONDS);
        assertClaims(Jwt.claims(refresh), id, role, email, "refresh", REFRESH_SECONDS);
        assertTrue(Math.abs(Jwt.claims(access).get("exp").asLong() - expires.toEpochSecond()) <= 1,
                () -> "expires_at does not match the access token exp: " + body);
        assertTrue(Math.abs(Jwt.claims(refresh).get("exp").asLong() - refreshExpires.toEpochSecond()) <= 1,
                () -> "refresh_expires_at does not match the refresh token exp: " + body);
    }

    static void assertUserInfo(JsonNode user, String id, String role, String email) {
        Expect.keys(user, "id", "role", "email", "created_at", "updated_at");
        assertEquals(id, user.get("id").asText());
        assertEquals(role, user.get("role").asText());
        if (email == null) {
            assertTrue(user.get("email").isNull(), () -> "email must be null: " + user);
        } else {
            assertEquals(email, user.get("email").asText());
        }
        rfc3339(user, "created_at");
        rfc3339(user, "updated_at");
    }

    private static void assertClaims(JsonNode claims, String id, String role, String email, String type, long lifetime) {
        assertEquals(id, claims.path("sub").asText(), claims::toString);
        assertEquals("kalamdb", claims.path("iss").asText(), claims::toString);
        assertEquals(role, claims.path("role").asText(), claims::toString);
        assertEquals(type, claims.path("token_type").asText(), claims::toString);
        assertEquals(lifetime, claims.path("exp").asLong() - claims.path("iat").asLong(), claims::toString);
        if (email == null) {
            assertTrue(claims.path("email").isNull() || claims.path("email").isMissingNode(), claims::toString);
        } else {
            assertEquals(email, claims.path("email").asText(), claims::toString);
        }
    }

    private static void assertTokenCookies(Response response, JsonNode body) {
        assertCookie(response, "kalamdb_auth", body.get("access_token").asText());
        assertCookie(response, "kalamdb_refresh", body.get("refresh_token").asText());
    }

    private static void assertCookie(Response response, String name, String value) {
        SetCookie cookie = SetCookie.find(response, name);
        assertNotNull(cookie, () -> "no Set-Cookie for " + name + ": " + response.headers("Set-Cookie"));
        assertEquals(value, cookie.value(), () -> name + " does not carry the token");
        assertEquals("/", cookie.attribute("Path"), () -> name + ": " + cookie);
        assertTrue(cookie.has("HttpOnly"), () -> name + " must be HttpOnly: " + cookie);
        assertEquals("strict", String.valueOf(cookie.attribute("SameSite")).toLowerCase(Locale.ROOT), () -> name + ": " + cookie);
        assertTrue(cookie.has("Expires"), () -> name + " must carry Expires: " + cookie);
        assertFalse(cookie.has("Secure"), () -> name + " must not be Secure over plain HTTP: " + cookie);
        assertFalse(cookie.has("Domain"), () -> name + " must not carry Domain: " + cookie);
    }

    private static OffsetDateTime rfc3339(JsonNode node, String field) {
        String text = node.path(field).asText();
        OffsetDateTime time = OffsetDateTime.parse(text);
        assertEquals(ZoneOffset.UTC, time.getOffset(), () -> field + " must be UTC: " + text);
        return time;
    }

    private static void assertAbout(OffsetDateTime expected, OffsetDateTime actual, String field) {
        Duration skew = Duration.between(expected, actual).abs();
        assertTrue(skew.compareTo(Duration.ofMinutes(5)) < 0, () -> field + " is " + actual + ", expected about " + expected);
    }
}
