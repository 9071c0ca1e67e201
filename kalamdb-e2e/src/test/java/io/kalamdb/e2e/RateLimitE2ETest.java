package io.kalamdb.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Connection protection and rate limits (http-api.md §3.2, auth.md §12.2) with lowered limits. Remote clients are
 * simulated through the loopback peer, which is a trusted proxy, with {@code X-Forwarded-For}; each test uses its own
 * client IP so that the per-IP buckets do not interfere.
 */
@Timeout(value = 5, unit = TimeUnit.SECONDS)
class RateLimitE2ETest {

    private static final int REQUESTS_PER_SEC = 20;
    private static final int AUTH_PER_SEC = 3;
    private static final int QUERIES_PER_SEC = 3;
    private static final int BAN_SECONDS = 2;

    private static ServerProcess server;
    private static Http http;

    @BeforeAll
    @Timeout(value = 35, unit = TimeUnit.SECONDS)
    static void startServer() {
        server = ServerProcess.builder()
                .toml("rate_limit", "max_requests_per_ip_per_sec", String.valueOf(REQUESTS_PER_SEC))
                .toml("rate_limit", "max_auth_requests_per_ip_per_sec", String.valueOf(AUTH_PER_SEC))
                .toml("rate_limit", "max_queries_per_sec", String.valueOf(QUERIES_PER_SEC))
                .toml("rate_limit", "ban_duration_seconds", String.valueOf(BAN_SECONDS))
                .start();
        http = new Http(server.baseUrl());
        String root = http.login("root", ServerProcess.ROOT_PASSWORD);
        Expect.message(http.sql(root, "CREATE USER quinn WITH PASSWORD 'Quinn-Pass-2024!' ROLE user"),
                "User 'quinn' created", "root");
    }

    @AfterAll
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void authBucketLimitsRemoteLogins() {
        List<Response> responses = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            responses.add(http.postJson(Http.LOGIN, "{\"user\":\"nobody\",\"password\":\"whatever-pass\"}",
                    "X-Forwarded-For", "198.51.100.1"));
        }
        for (int i = 0; i < AUTH_PER_SEC; i++) {
            Expect.authError(responses.get(i), 401, "unauthorized", "Invalid credentials");
        }
        Response limited = responses.stream().filter(r -> r.status() == 429).findFirst()
                .orElseThrow(() -> new AssertionError("no 429 among " + responses));
        Expect.authError(limited, 429, "rate_limited", "Too many authentication attempts. Please retry shortly.");
    }

    @Test
    void basicCacheMissesFromRemoteClientsUseTheAuthBucket() {
        List<Response> responses = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            responses.add(http.sqlWith(Http.basic("nobody", "whatever-pass-" + i), Json.sqlBody("SHOW NAMESPACES"),
                    "X-Forwarded-For", "198.51.100.4"));
        }
        for (int i = 0; i < AUTH_PER_SEC; i++) {
            Expect.invalidCredentials(responses.get(i));
        }
        Response limited = responses.stream().filter(r -> r.status() == 429).findFirst()
                .orElseThrow(() -> new AssertionError("no 429 among " + statuses(responses)));
        Expect.sqlError(limited, 429, "RATE_LIMIT_EXCEEDED", "Too many authentication attempts. Please retry shortly.");
    }

    @Test
    void loopbackClientsAreExemptFromTheAuthBucket() {
        for (int i = 0; i < 12; i++) {
            Expect.authError(http.loginRaw("nobody", "whatever-pass"), 401, "unauthorized", "Invalid credentials");
        }
    }

    @Test
    @Timeout(value = 8, unit = TimeUnit.SECONDS)
    void requestBucketThenBan() throws InterruptedException {
        String ip = "198.51.100.2";
        List<Response> responses = new ArrayList<>();
        for (int i = 0; i < 3 * REQUESTS_PER_SEC; i++) {
            responses.add(http.get("/health", "X-Forwarded-For", ip));
        }
        int firstLimited = indexOf(responses, "RATE_LIMIT_EXCEEDED");
        int firstBanned = indexOf(responses, "IP_BANNED");
        assertTrue(firstLimited >= REQUESTS_PER_SEC && firstBanned > firstLimited,
                () -> "expected 403s, then RATE_LIMIT_EXCEEDED, then IP_BANNED: " + statuses(responses));
        for (int i = 0; i < firstLimited; i++) {
            Expect.status(responses.get(i), 403);
        }
        Response limited = responses.get(firstLimited);
        JsonNode limitedBody = Expect.json(limited, 429, "{\"error\":\"RATE_LIMIT_EXCEEDED\","
                + "\"message\":\"Too many requests from your IP address\",\"retry_after_seconds\":1}");
        Expect.keys(limitedBody, "error", "message", "retry_after_seconds");
        assertEquals("1", limited.header("Retry-After"));
        assertEquals(10, responses.subList(firstLimited, firstBanned).stream().filter(r -> r.status() == 429).count(),
                () -> "the 10th violation bans the IP: " + statuses(responses));

        Response banned = responses.get(firstBanned);
        Expect.status(banned, 429);
        JsonNode bannedBody = banned.json();
        Expect.keys(bannedBody, "error", "message", "retry_after_seconds");
        assertEquals("Your IP has been temporarily banned due to excessive requests", bannedBody.get("message").asText());
        int retryAfter = bannedBody.get("retry_after_seconds").asInt();
        assertTrue(retryAfter >= 1 && retryAfter <= BAN_SECONDS, () -> "remaining ban time: " + bannedBody);
        assertEquals(String.valueOf(retryAfter), banned.header("Retry-After"));
        for (Response r : responses.subList(firstBanned, responses.size())) {
            assertEquals("IP_BANNED", r.json().get("error").asText(), () -> "still banned: " + statuses(responses));
        }

        Expect.status(http.get("/health", "X-Forwarded-For", "198.51.100.3"), 403);
        Expect.status(http.get("/health"), 200);

        Thread.sleep(retryAfter * 1000L + 500);
        Expect.status(http.get("/health", "X-Forwarded-For", ip), 403);
    }

    @Test
    void queryBucketLimitsRoleUserOnly() {
        String quinn = http.login("quinn", "Quinn-Pass-2024!");
        List<Response> responses = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            responses.add(http.sql(quinn, "SHOW NAMESPACES"));
        }
        for (int i = 0; i < QUERIES_PER_SEC; i++) {
            Expect.sqlOk(responses.get(i), 1);
        }
        Response limited = responses.stream().filter(r -> r.status() == 429).findFirst()
                .orElseThrow(() -> new AssertionError("no 429 among " + statuses(responses)));
        Expect.sqlErrorNoDetails(limited, 429, "RATE_LIMIT_EXCEEDED", "Too many queries per second. Please slow down.");

        String root = http.login("root", ServerProcess.ROOT_PASSWORD);
        for (int i = 0; i < 12; i++) {
            Expect.sqlOk(http.sql(root, "SHOW NAMESPACES"), 1);
        }
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
        return responses.stream().map(r -> r.status() + (r.status() == 429 ? ":" + r.json().path("error").asText() : ""))
                .toList();
    }
}
