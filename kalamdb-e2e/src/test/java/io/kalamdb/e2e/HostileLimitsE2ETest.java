package io.kalamdb.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Brute force, flooding and oversized input (auth.md §12, §14; http-api.md §3.2, §5.2, §5.8). The server trusts the
 * loopback peer as a proxy ({@code security.trusted_proxy_ranges}), so {@code X-Forwarded-For: 203.0.113.n} makes a
 * request come from a remote client; each test uses its own client IP. Loopback clients are exempt from the per-IP
 * buckets. After every refusal the server keeps serving, and nothing was written.
 */
@Timeout(value = 3, unit = TimeUnit.SECONDS)
class HostileLimitsE2ETest {

    private static final String ROOT = "root";
    private static final int AUTH_PER_SEC = 2;
    private static final int QUERIES_PER_SEC = 3;
    private static final int REQUESTS_PER_SEC = 5;
    private static final int BAN_SECONDS = 3;
    private static final int MAX_SQL_BYTES = 1_048_576;
    private static final int MAX_PARAM_BYTES = 524_288;
    private static final int MAX_BODY_BYTES = 10_485_760;
    private static final String XFF = "X-Forwarded-For";
    private static final String AUTH_LIMITED = "Too many authentication attempts. Please retry shortly.";

    private static ServerProcess server;
    private static Http http;
    private static String rootToken;

    @BeforeAll
    @Timeout(value = 35, unit = TimeUnit.SECONDS)
    static void startServer() {
        server = ServerProcess.builder()
                .toml("security", "trusted_proxy_ranges", TomlConfig.stringArray("127.0.0.1"))
                .toml("rate_limit", "max_auth_requests_per_ip_per_sec", String.valueOf(AUTH_PER_SEC))
                .toml("rate_limit", "max_queries_per_sec", String.valueOf(QUERIES_PER_SEC))
                .toml("rate_limit", "max_requests_per_ip_per_sec", String.valueOf(REQUESTS_PER_SEC))
                .toml("rate_limit", "ban_duration_seconds", String.valueOf(BAN_SECONDS))
                .start();
        http = new Http(server.baseUrl());
        rootToken = http.login(ROOT, ServerProcess.ROOT_PASSWORD);
        for (String user : List.of("lola", "quin", "ursa")) {
            createUser(user, "user");
        }
        createUser("sara", "service");
        Expect.sqlOk(root("CREATE NAMESPACE lim"));
        Expect.sqlOk(root("CREATE USER TABLE lim.notes (id BIGINT PRIMARY KEY, body TEXT)"));
    }

    @AfterAll
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    // ---- lockout ----------------------------------------------------------------------------------------------

    @Test
    void sixWrongLoginsLockTheAccountEvenForTheRightPassword() {
        for (int i = 1; i <= 5; i++) {
            Expect.authError(http.loginRaw("lola", "wrong-password-" + i), 401, "unauthorized", "Invalid credentials");
        }
        Expect.authError(http.loginRaw("lola", "wrong-password-6"), 401, "account_locked",
                "Account locked. Try again in 15 minute(s)");
        Response right = http.loginRaw("lola", password("lola"));
        Expect.authError(right, 401, "account_locked", "Account locked. Try again in 15 minute(s)");
        assertTrue(right.headers("Set-Cookie").isEmpty(), () -> "no cookies for a locked account: " + right);
        Expect.unauthorized(http.sqlBasic("lola", password("lola"), "INSERT INTO lim.notes (id, body) VALUES (1, 'x')"),
                "ACCOUNT_LOCKED", "Account locked");

        JsonNode row = rootRows("SELECT failed_login_attempts, locked_until FROM system.users WHERE user_id = 'lola'").get(0);
        assertEquals(0, row.get(0).asInt(), () -> "the counter resets when the lock is set: " + row);
        long lockedUntilMicros = row.get(1).asLong();
        long expectedMicros = Instant.now().plusSeconds(15 * 60).toEpochMilli() * 1000;
        assertTrue(Math.abs(lockedUntilMicros - expectedMicros) < 60_000_000L,
                () -> "locked_until should be about now + 15 min: " + row);
        assertEquals(0, rootRows("EXECUTE AS USER lola (SELECT id FROM lim.notes)").size(), "nothing was written");
    }

    @Test
    void unknownUserNeverLooksLocked() {
        for (int i = 1; i <= 7; i++) {
            Expect.authError(http.loginRaw("no_such_user_here", "wrong-password-" + i), 401, "unauthorized",
                    "Invalid credentials");
        }
        assertEquals(0, rootRows("SELECT user_id FROM system.users WHERE user_id = 'no_such_user_here'").size());
    }

    // ---- auth bucket ------------------------------------------------------------------------------------------

    @Test
    void remoteLoginBurstIsRateLimited() {
        String ip = "203.0.113.10";
        List<Response> responses = new ArrayList<>();
        responses.add(http.postJson(Http.LOGIN, loginBody("nobody_remote", "wrong-password"), XFF, ip));
        responses.add(http.postJson(Http.LOGIN, loginBody("nobody_remote", "wrong-password"), XFF, ip));
        responses.add(http.postJson(Http.LOGIN, loginBody(ROOT, ServerProcess.ROOT_PASSWORD), XFF, ip));
        responses.add(http.postJson(Http.LOGIN, loginBody(ROOT, ServerProcess.ROOT_PASSWORD), XFF, ip));
        Expect.authError(responses.get(0), 401, "unauthorized", "Invalid credentials");
        Expect.authError(responses.get(1), 401, "unauthorized", "Invalid credentials");
        for (Response limited : responses.subList(2, 4)) {
            Expect.authError(limited, 429, "rate_limited", AUTH_LIMITED);
            assertTrue(limited.headers("Set-Cookie").isEmpty(), () -> "no tokens when rate limited: " + limited);
        }
        Expect.status(http.postJson(Http.LOGIN, loginBody(ROOT, ServerProcess.ROOT_PASSWORD), XFF, "203.0.113.11"), 200);
        Expect.status(http.loginRaw(ROOT, ServerProcess.ROOT_PASSWORD), 200);
    }

    @Test
    void loopbackLoginsAreNotRateLimited() {
        for (int i = 0; i < 4 * AUTH_PER_SEC; i++) {
            Expect.authError(http.loginRaw("nobody_local", "wrong-password"), 401, "unauthorized", "Invalid credentials");
        }
    }

    // ---- query bucket -----------------------------------------------------------------------------------------

    @Test
    void roleUserQueryBurstIsLimitedAndTheLimitedQueriesWriteNothing() {
        String quin = http.login("quin", password("quin"));
        List<Response> responses = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            responses.add(http.sql(quin, "INSERT INTO lim.notes (id, body) VALUES (" + i + ", 'burst')"));
        }
        for (int i = 0; i < QUERIES_PER_SEC; i++) {
            Expect.messageResult(Expect.sqlOk(responses.get(i), 1).get(0), "Inserted 1 row(s)", "quin", 1);
        }
        List<Response> limited = responses.stream().filter(r -> r.status() == 429).toList();
        assertFalse(limited.isEmpty(), () -> "no 429 among " + statuses(responses));
        for (Response r : limited) {
            Expect.sqlErrorNoDetails(r, 429, "RATE_LIMIT_EXCEEDED", "Too many queries per second. Please slow down.");
        }
        long accepted = responses.stream().filter(r -> r.status() == 200).count();
        assertEquals(accepted + limited.size(), responses.size(), () -> "only 200 and 429: " + statuses(responses));
        assertEquals(accepted, rootRows("EXECUTE AS USER quin (SELECT id FROM lim.notes)").size(),
                "a rate-limited INSERT must not write");
    }

    @Test
    void adminsAndServicesAreNotQueryLimited() {
        String sara = http.login("sara", password("sara"));
        for (int i = 0; i < 4 * QUERIES_PER_SEC; i++) {
            Expect.sqlOk(root("SELECT 1 AS n"), 1);
            Expect.sqlOk(http.sql(sara, "SELECT 1 AS n"), 1);
        }
    }

    // ---- request bucket and ban -------------------------------------------------------------------------------

    @Test
    @Timeout(value = 7, unit = TimeUnit.SECONDS)
    void requestBurstIsLimitedThenTheIpIsBannedWithAnHonestRetryAfter() throws InterruptedException {
        String ip = "203.0.113.20";
        String sara = http.login("sara", password("sara"));
        List<Response> responses = new ArrayList<>();
        for (int i = 1; i <= REQUESTS_PER_SEC + 14; i++) {
            responses.add(http.sqlWith(Http.bearer(sara),
                    Json.sqlBody("INSERT INTO lim.notes (id, body) VALUES (" + i + ", 'flood')"), XFF, ip));
        }
        int firstLimited = indexOf(responses, "RATE_LIMIT_EXCEEDED");
        int firstBanned = indexOf(responses, "IP_BANNED");
        assertTrue(firstLimited >= REQUESTS_PER_SEC && firstBanned > firstLimited,
                () -> "expected successes, then RATE_LIMIT_EXCEEDED, then IP_BANNED: " + statuses(responses));
        Response limited = responses.get(firstLimited);
        JsonNode limitedBody = Expect.json(limited, 429, "{\"error\":\"RATE_LIMIT_EXCEEDED\","
                + "\"message\":\"Too many requests from your IP address\",\"retry_after_seconds\":1}");
        Expect.keys(limitedBody, "error", "message", "retry_after_seconds");
        assertEquals("1", limited.header("Retry-After"));
        assertEquals(10, responses.subList(firstLimited, firstBanned).stream().filter(r -> r.status() == 429).count(),
                () -> "the 10th violation bans the IP: " + statuses(responses));
        for (Response r : responses.subList(firstBanned, responses.size())) {
            assertBanned(r);
        }

        int firstRetry = assertBanned(responses.get(firstBanned));
        assertTrue(firstRetry >= BAN_SECONDS - 1 && firstRetry <= BAN_SECONDS, () -> "remaining ban: " + firstRetry);
        long accepted = responses.stream().filter(r -> r.status() == 200).count();
        assertEquals(accepted, rootRows("EXECUTE AS USER sara (SELECT id FROM lim.notes)").size(),
                "a refused request must not write");

        Expect.status(http.get("/health"), 200);
        Expect.sqlOk(http.sqlWith(Http.bearer(sara), Json.sqlBody("SELECT 1 AS n"), XFF, "203.0.113.21"), 1);

        Thread.sleep(1_500);
        int laterRetry = assertBanned(http.sqlWith(Http.bearer(sara), Json.sqlBody("SELECT 1 AS n"), XFF, ip));
        assertTrue(laterRetry >= 1 && laterRetry <= firstRetry - 1,
                () -> "Retry-After must count down: first " + firstRetry + ", 1.5 s later " + laterRetry);

        Thread.sleep(laterRetry * 1000L + 500);
        Expect.sqlOk(http.sqlWith(Http.bearer(sara), Json.sqlBody("SELECT 1 AS n"), XFF, ip), 1);
    }

    @Test
    void loopbackIsNeverRequestLimited() {
        for (int i = 0; i < 4 * REQUESTS_PER_SEC; i++) {
            Expect.status(http.get("/health"), 200);
        }
    }

    // ---- oversized input --------------------------------------------------------------------------------------

    @Test
    void sqlOverOneMebibyteIsRefusedAndWritesNothing() {
        String prefix = "INSERT INTO lim.notes (id, body) VALUES (500, '";
        String sql = prefix + "é".repeat((MAX_SQL_BYTES - prefix.length()) / 2 + 1) + "')";
        int bytes = sql.getBytes(StandardCharsets.UTF_8).length;
        assertTrue(bytes > MAX_SQL_BYTES && sql.length() <= MAX_SQL_BYTES, "bytes, not characters, decide");
        String message = "SQL query too long: " + bytes + " bytes (maximum 1048576 bytes)";
        Expect.sqlErrorNoDetails(http.sqlBasic("ursa", password("ursa"), sql), 400, "INVALID_SQL", message);
        Expect.sqlErrorNoDetails(root(sql), 400, "INVALID_SQL", message);
        assertEquals(0, rootRows("EXECUTE AS USER ursa (SELECT id FROM lim.notes)").size());
        assertEquals(0, rootRows("SELECT id FROM lim.notes WHERE id = 500").size());
        Expect.sqlOk(root("SELECT 1 AS n"), 1);
    }

    @Test
    void sqlOfExactlyOneMebibyteIsAccepted() {
        String head = "SELECT 1 AS n -- ";
        String sql = head + "a".repeat(MAX_SQL_BYTES - head.length());
        assertEquals(MAX_SQL_BYTES, sql.getBytes(StandardCharsets.UTF_8).length);
        Expect.sqlOk(root(sql), 1);
    }

    @Test
    void fiftyOneParametersAreRefused() {
        ArrayNode params = Json.array();
        for (int i = 0; i < 51; i++) {
            params.add("p" + i);
        }
        ObjectNode body = Json.sqlBody("INSERT INTO lim.notes (id, body) VALUES (600, $1)");
        body.set("params", params);
        Expect.sqlErrorNoDetails(http.sqlWith(Http.basic("ursa", password("ursa")), body), 400, "SQL_EXECUTION_ERROR",
                "Parameter count exceeded: 51 parameters (maximum 50)");
        Expect.sqlErrorNoDetails(http.sqlWith(Http.bearer(rootToken), body), 400, "SQL_EXECUTION_ERROR",
                "Parameter count exceeded: 51 parameters (maximum 50)");
        assertEquals(0, rootRows("SELECT id FROM lim.notes WHERE id = 600").size());
        params.remove(50);
        Expect.messageResult(Expect.sqlOk(http.sqlWith(Http.bearer(rootToken), body), 1).get(0), "Inserted 1 row(s)",
                ROOT, 1);
    }

    @Test
    void parameterOverHalfAMebibyteIsRefused() {
        ObjectNode body = Json.sqlBody("INSERT INTO lim.notes (id, body) VALUES ($1, $2)");
        ArrayNode params = Json.array().add(700).add("a".repeat(600_000));
        body.set("params", params);
        Expect.sqlErrorNoDetails(http.sqlWith(Http.bearer(rootToken), body), 400, "SQL_EXECUTION_ERROR",
                "Parameter size exceeded: $2 is 600002 bytes (maximum 524288 bytes, 512 KiB)");
        Expect.sqlErrorNoDetails(http.sqlWith(Http.basic("ursa", password("ursa")), body), 400, "SQL_EXECUTION_ERROR",
                "Parameter size exceeded: $2 is 600002 bytes (maximum 524288 bytes, 512 KiB)");
        assertEquals(0, rootRows("SELECT id FROM lim.notes WHERE id = 700").size());
        params.set(1, Json.MAPPER.getNodeFactory().textNode("b".repeat(MAX_PARAM_BYTES - 2)));
        Expect.messageResult(Expect.sqlOk(http.sqlWith(Http.bearer(rootToken), body), 1).get(0), "Inserted 1 row(s)",
                ROOT, 1);
    }

    @Test
    void bodyOverTenMebibytesIs413AndTheServerKeepsServing() throws IOException {
        Response declared = RawHttp.postWithLength("127.0.0.1", server.port(), Http.SQL, MAX_BODY_BYTES + 1L);
        JsonNode body = Expect.json(declared, 413, "{\"error\":\"BODY_TOO_LARGE\",\"message\":\"Request body exceeds "
                + "maximum allowed size\",\"size_bytes\":10485761,\"max_bytes\":10485760}");
        Expect.keys(body, "error", "message", "size_bytes", "max_bytes");
        Response chunked = RawHttp.postChunked("127.0.0.1", server.port(), Http.LOGIN, MAX_BODY_BYTES + 65_536L);
        Expect.json(chunked, 413, "{\"error\":\"BODY_TOO_LARGE\",\"message\":\"Request body exceeds "
                + "maximum allowed size\",\"max_bytes\":10485760}");
        Expect.sqlOk(root("SELECT 1 AS n"), 1);
        Expect.status(http.loginRaw(ROOT, ServerProcess.ROOT_PASSWORD), 200);
        Expect.status(http.get("/health"), 200);
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private static String password(String user) {
        return Character.toUpperCase(user.charAt(0)) + user.substring(1) + "-Pass-2024!";
    }

    private static void createUser(String user, String role) {
        Expect.message(root("CREATE USER " + user + " WITH PASSWORD '" + password(user) + "' ROLE " + role),
                "User '" + user + "' created", ROOT);
    }

    private static ObjectNode loginBody(String user, String password) {
        return Json.object().put("user", user).put("password", password);
    }

    private static Response root(String sql) {
        return http.sql(rootToken, sql);
    }

    private static JsonNode rootRows(String sql) {
        return Expect.sqlOk(root(sql), 1).get(0).get("rows");
    }

    /** Asserts an IP_BANNED answer whose header and body report the same remaining time; returns it. */
    private static int assertBanned(Response response) {
        Expect.status(response, 429);
        JsonNode body = response.json();
        Expect.keys(body, "error", "message", "retry_after_seconds");
        assertEquals("IP_BANNED", body.get("error").asText(), () -> "body: " + body);
        assertEquals("Your IP has been temporarily banned due to excessive requests", body.get("message").asText());
        int retryAfter = body.get("retry_after_seconds").asInt();
        assertEquals(String.valueOf(retryAfter), response.header("Retry-After"), () -> "header and body: " + response);
        return retryAfter;
    }

    private static int indexOf(List<Response> responses, String error) {
        for (int i = 0; i < responses.size(); i++) {
            Response r = responses.get(i);
            if (r.status() == 429 && error.equals(r.json().path("error").asText())) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> statuses(List<Response> responses) {
        return responses.stream()
                .map(r -> r.status() + (r.status() == 429 ? ":" + r.json().path("error").asText() : ""))
                .toList();
    }
}
