package io.kalamdb.api.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kalamdb.commons.config.CorsSection;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CorsPolicyTest {
    private static final String APP = "https://app.example.com";
    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS");
    private static final List<String> HEADERS =
            List.of("Authorization", "Content-Type", "Accept", "Origin", "X-Requested-With");

    private static CorsPolicy policy(List<String> origins, List<String> headers, List<String> expose,
                                     boolean credentials) {
        return new CorsPolicy(new CorsSection(origins, METHODS, headers, expose, 3600, credentials));
    }

    private static Map<String, String> actual(CorsPolicy policy, String origin) {
        Map<String, String> headers = new LinkedHashMap<>();
        policy.addResponseHeaders(origin, headers::put);
        return headers;
    }

    private static HttpHeaders preflightRequest(String origin) {
        HttpHeaders headers = new DefaultHttpHeaders().set("Access-Control-Request-Method", "POST");
        if (origin != null) {
            headers.set("Origin", origin);
        }
        return headers;
    }

    @Test
    void emptyListReflectsAnyOrigin() {
        CorsPolicy policy = new CorsPolicy(CorsSection.defaults());
        assertEquals(Map.of("Vary", "Origin", "Access-Control-Allow-Origin", "https://x.example"),
                actual(policy, "https://x.example"));
    }

    @Test
    void starReflectsAnyOrigin() {
        CorsPolicy policy = policy(List.of("*"), HEADERS, List.of(), false);
        assertEquals(Map.of("Vary", "Origin", "Access-Control-Allow-Origin", "http://localhost:5173"),
                actual(policy, "http://localhost:5173"));
    }

    @Test
    void listedOriginMustMatchExactly() {
        CorsPolicy policy = policy(List.of(APP), HEADERS, List.of(), false);
        assertEquals(Map.of("Vary", "Origin", "Access-Control-Allow-Origin", APP), actual(policy, APP));
        assertEquals(Map.of("Vary", "Origin"), actual(policy, "https://evil.example"));
        assertEquals(Map.of("Vary", "Origin"), actual(policy, APP + "/"));
        assertEquals(Map.of("Vary", "Origin"), actual(policy, "HTTPS://APP.EXAMPLE.COM"));
        assertEquals(Map.of("Vary", "Origin"), actual(policy, "http://app.example.com"));
    }

    @Test
    void noOriginGetsOnlyVary() {
        assertEquals(Map.of("Vary", "Origin"), actual(new CorsPolicy(CorsSection.defaults()), null));
    }

    @Test
    void credentialsAndExposeHeadersOnlyWhenConfigured() {
        CorsPolicy policy = policy(List.of(APP), HEADERS, List.of("X-Request-ID", "X-Total"), true);
        assertEquals(Map.of("Vary", "Origin", "Access-Control-Allow-Origin", APP,
                "Access-Control-Allow-Credentials", "true", "Access-Control-Expose-Headers", "X-Request-ID, X-Total"),
                actual(policy, APP));
        assertEquals(Map.of("Vary", "Origin"), actual(policy, "https://evil.example"));
    }

    @Test
    void preflightOfAnAllowedOrigin() {
        ApiResponse response = policy(List.of(APP), HEADERS, List.of("X-Request-ID"), false)
                .preflight(preflightRequest(APP));
        assertEquals(204, response.status().code());
        assertEquals(0, response.body().length);
        assertEquals(Map.of("Vary", "Origin", "Access-Control-Allow-Origin", APP,
                "Access-Control-Allow-Methods", "GET, POST, PUT, DELETE, PATCH, OPTIONS",
                "Access-Control-Allow-Headers", "Authorization, Content-Type, Accept, Origin, X-Requested-With",
                "Access-Control-Max-Age", "3600"), response.headers());
    }

    @Test
    void preflightWithCredentials() {
        ApiResponse response = policy(List.of(), HEADERS, List.of(), true).preflight(preflightRequest(APP));
        assertEquals("true", response.headers().get("Access-Control-Allow-Credentials"));
        assertEquals(APP, response.headers().get("Access-Control-Allow-Origin"));
    }

    @Test
    void preflightOfANonMatchingOriginHasNoCorsHeaders() {
        ApiResponse response = policy(List.of(APP), HEADERS, List.of(), true)
                .preflight(preflightRequest("https://evil.example"));
        assertEquals(204, response.status().code());
        assertEquals(Map.of("Vary", "Origin"), response.headers());
    }

    @Test
    void preflightWithoutOriginHasNoAllowOrigin() {
        ApiResponse response = policy(List.of(APP), HEADERS, List.of(), false).preflight(preflightRequest(null));
        assertEquals(Map.of("Vary", "Origin", "Access-Control-Allow-Methods", "GET, POST, PUT, DELETE, PATCH, OPTIONS",
                "Access-Control-Allow-Headers", "Authorization, Content-Type, Accept, Origin, X-Requested-With",
                "Access-Control-Max-Age", "3600"), response.headers());
    }

    @Test
    void anyHeaderReflectsTheRequestedHeaders() {
        CorsPolicy policy = policy(List.of(APP), List.of("*"), List.of(), false);
        HttpHeaders request = preflightRequest(APP).set("Access-Control-Request-Headers", "x-custom, content-type");
        assertEquals("x-custom, content-type", policy.preflight(request).headers().get("Access-Control-Allow-Headers"));
        assertEquals("*", policy.preflight(preflightRequest(APP)).headers().get("Access-Control-Allow-Headers"));
    }
}
