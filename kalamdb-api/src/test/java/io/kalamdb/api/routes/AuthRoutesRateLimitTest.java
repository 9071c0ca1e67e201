package io.kalamdb.api.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kalamdb.api.ApiServices;
import io.kalamdb.api.http.ApiResponse;
import io.kalamdb.api.http.ClientAddress;
import io.kalamdb.api.http.RequestContext;
import io.kalamdb.api.protection.AuthRateLimiter;
import io.kalamdb.auth.KeyedRateLimiter;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The auth bucket is the first check of login, refresh and setup (spec http-api.md §7.1, §7.2, §7.6): an empty
 * bucket answers 429 before the body, the credentials or the localhost rule are looked at. The routes get no
 * services here, so any check after the bucket would fail the test.
 */
class AuthRoutesRateLimitTest {
    private static final ClientAddress REMOTE = new ClientAddress("203.0.113.9", false, true);

    private final KeyedRateLimiter<String> buckets =
            new KeyedRateLimiter<>(1, 100, Duration.ofMinutes(10), () -> 0L);
    private final AuthRoutes routes =
            new AuthRoutes(new ApiServices(null, null, null, "0.1.0", "2026-01-01T00:00:00Z"),
                    new AuthRateLimiter(buckets));

    private static RequestContext request(String path, String body) {
        return new RequestContext(HttpMethod.POST, path, new DefaultHttpHeaders(),
                body.getBytes(StandardCharsets.UTF_8), REMOTE, "req-1", System.nanoTime(), false);
    }

    private ApiResponse afterEmptyBucket(Function<RequestContext, ApiResponse> route, RequestContext request) {
        buckets.tryAcquire(REMOTE.ip());
        return route.apply(request);
    }

    @Test
    void loginIsRateLimitedFirst() {
        ApiResponse response = afterEmptyBucket(routes::login,
                request("/v1/api/auth/login", "{\"user\":\"alice\",\"password\":\"x\"}"));
        assertEquals(429, response.status().code());
        assertEquals("{\"error\":\"rate_limited\",\"message\":\"Too many authentication attempts. Please retry "
                + "shortly.\"}", new String(response.body(), StandardCharsets.UTF_8));
    }

    @Test
    void refreshIsRateLimitedFirst() {
        ApiResponse response = afterEmptyBucket(routes::refresh, request("/v1/api/auth/refresh", ""));
        assertEquals(429, response.status().code());
        assertEquals("{\"error\":\"rate_limited\",\"message\":\"Too many authentication attempts. Please retry "
                + "shortly.\"}", new String(response.body(), StandardCharsets.UTF_8));
    }

    @Test
    void setupIsRateLimitedBeforeTheLocalhostRule() {
        ApiResponse response = afterEmptyBucket(routes::setup, request("/v1/api/auth/setup", "{}"));
        assertEquals(429, response.status().code());
        assertEquals("{\"error\":\"rate_limited\",\"message\":\"Too many setup attempts. Please retry shortly.\"}",
                new String(response.body(), StandardCharsets.UTF_8));
    }
}
