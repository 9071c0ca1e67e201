package io.kalamdb.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** General HTTP rules (http-api.md §1, §3.1): 404/405 bodies, the Allow header, X-Request-ID, CORS preflight. */
@Timeout(value = 5, unit = TimeUnit.SECONDS)
class RoutingE2ETest {

    private static final Pattern REQUEST_ID = Pattern.compile("[0-9a-fA-F]{32}");

    private static ServerProcess server;
    private static Http http;

    @BeforeAll
    @Timeout(value = 35, unit = TimeUnit.SECONDS)
    static void startServer() {
        server = ServerProcess.startDefault();
        http = new Http(server.baseUrl());
    }

    @AfterAll
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void unknownRouteIs404() {
        Response response = http.get("/v1/nope");
        Expect.json(response, 404, "{\"error\":\"not_found\",\"message\":\"No route for GET /v1/nope\"}");
        Expect.keys(response.json(), "error", "message");
    }

    @Test
    void unknownRouteNamesTheMethod() {
        Expect.json(http.post("/v1/nope", "{}"), 404, "{\"error\":\"not_found\",\"message\":\"No route for POST /v1/nope\"}");
    }

    @Test
    void adminUiIsNotServed() {
        Expect.json(http.get("/ui"), 404, "{\"error\":\"not_found\",\"message\":\"No route for GET /ui\"}");
    }

    @Test
    void wrongMethodOnSqlIs405WithAllowHeader() {
        Response response = http.send("DELETE", Http.SQL, null);
        Expect.json(response, 405,
                "{\"error\":\"method_not_allowed\",\"message\":\"Method DELETE is not allowed on /v1/api/sql\"}");
        assertAllowContains(response, "POST");
    }

    @Test
    void getOnSqlIs405() {
        Response response = http.get(Http.SQL);
        Expect.json(response, 405,
                "{\"error\":\"method_not_allowed\",\"message\":\"Method GET is not allowed on /v1/api/sql\"}");
        assertAllowContains(response, "POST");
    }

    @Test
    void postOnHealthIs405() {
        Response response = http.post("/health", "");
        Expect.json(response, 405,
                "{\"error\":\"method_not_allowed\",\"message\":\"Method POST is not allowed on /health\"}");
        assertAllowContains(response, "GET");
    }

    @Test
    void getOnLoginIs405() {
        Response response = http.get(Http.LOGIN);
        Expect.json(response, 405,
                "{\"error\":\"method_not_allowed\",\"message\":\"Method GET is not allowed on /v1/api/auth/login\"}");
        assertAllowContains(response, "POST");
    }

    @Test
    void requestIdIsEchoed() {
        assertEquals("e2e-request-42", http.get("/health", "X-Request-ID", "e2e-request-42").header("X-Request-ID"));
        assertEquals("e2e-request-43", http.get("/v1/nope", "X-Request-ID", "e2e-request-43").header("X-Request-ID"));
        Response sql = http.sqlWith(null, Json.sqlBody("SHOW NAMESPACES"), "X-Request-ID", "e2e-request-44");
        Expect.status(sql, 401);
        assertEquals("e2e-request-44", sql.header("X-Request-ID"));
    }

    @Test
    void requestIdIsGeneratedWhenAbsent() {
        String first = http.get("/health").header("X-Request-ID");
        String second = http.get("/v1/nope").header("X-Request-ID");
        assertNotNull(first, "no X-Request-ID on /health");
        assertNotNull(second, "no X-Request-ID on a 404");
        assertTrue(REQUEST_ID.matcher(first).matches(), "not 32 hex characters: " + first);
        assertTrue(REQUEST_ID.matcher(second).matches(), "not 32 hex characters: " + second);
        assertNotEquals(first, second);
    }

    @Test
    void corsPreflightReflectsAnyOriginByDefault() {
        Response response = http.send("OPTIONS", Http.SQL, null,
                "Origin", "https://app.example.com",
                "Access-Control-Request-Method", "POST",
                "Access-Control-Request-Headers", "Authorization, Content-Type");
        assertTrue(response.status() == 200 || response.status() == 204, response::toString);
        assertEquals("https://app.example.com", response.header("Access-Control-Allow-Origin"));
        assertTrue(tokens(response.header("Access-Control-Allow-Methods")).contains("POST"), response::toString);
        assertEquals("3600", response.header("Access-Control-Max-Age"));
        assertNull(response.header("Access-Control-Allow-Credentials"), "credentials are off by default");
    }

    @Test
    void corsSimpleRequestReflectsAnyOriginByDefault() {
        Response response = http.get("/health", "Origin", "https://any.example");
        Expect.status(response, 200);
        assertEquals("https://any.example", response.header("Access-Control-Allow-Origin"));
    }

    @Test
    void laterPhaseRoutesAuthenticateFirst() {
        Expect.unauthorized(http.postJson("/v1/api/topics/consume", "{}"), "MISSING_AUTHORIZATION", "Authentication required");
        Expect.unauthorized(http.get("/v1/files/app/items/f0001/a.txt"), "MISSING_AUTHORIZATION", "Authentication required");
        Expect.unauthorized(http.get("/v1/exports/root/e1"), "MISSING_AUTHORIZATION", "Authentication required");
        Expect.invalidCredentials(http.get("/v1/exports/root/e1", "Authorization", "Bearer garbage"));
    }

    @Test
    void laterPhaseRoutesAnswer501AfterAuthentication() {
        String basic = Http.basic("root", ServerProcess.ROOT_PASSWORD);
        assertNotImplemented(http.postJson("/v1/api/topics/consume", "{}", "Authorization", basic));
        assertNotImplemented(http.postJson("/v1/api/topics/ack", "{}", "Authorization", basic));
        assertNotImplemented(http.get("/v1/files/app/items/f0001/a.txt", "Authorization", basic));
        assertNotImplemented(http.get("/v1/exports/root/e1", "Authorization", basic));
    }

    @Test
    void loopbackPeerIsATrustedProxyWithoutConfiguration() {
        Expect.json(http.get("/health", "X-Forwarded-For", "203.0.113.9"), 403,
                "{\"error\":\"Access denied. Health endpoint is localhost-only.\"}");
    }

    private static void assertNotImplemented(Response response) {
        Expect.status(response, 501);
        Expect.keys(response.json(), "error", "message");
        assertEquals("not_implemented", response.json().get("error").asText(), response::toString);
        assertTrue(response.json().get("message").asText().endsWith(" is not available in this version"), response::toString);
    }

    private static void assertAllowContains(Response response, String method) {
        String allow = response.header("Allow");
        assertNotNull(allow, () -> "no Allow header: " + response);
        assertTrue(tokens(allow).contains(method), () -> "Allow header lacks " + method + ": " + allow);
    }

    private static List<String> tokens(String header) {
        if (header == null) {
            return List.of();
        }
        return Arrays.stream(header.split(",")).map(s -> s.strip().toUpperCase(Locale.ROOT)).toList();
    }
}
