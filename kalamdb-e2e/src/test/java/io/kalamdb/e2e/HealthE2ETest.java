package io.kalamdb.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Health endpoints and the localhost-only rule (http-api.md §3.1, §6, §7.5, §7.6). The server trusts 127.0.0.1 as a
 * proxy ({@code [security] trusted_proxy_ranges = ["127.0.0.1"]}), so a request carrying
 * {@code X-Forwarded-For: 203.0.113.7} is seen as coming from the remote client 203.0.113.7. A forwarded value that is
 * itself loopback is ignored and the peer (127.0.0.1) is used: such a request is local, and these tests assert 200
 * for it. The remote-peer case (a real non-loopback peer claiming 127.0.0.1) is in {@link RemotePeerE2ETest}.
 */
@Timeout(value = 5, unit = TimeUnit.SECONDS)
class HealthE2ETest {

    private static final String REMOTE = "203.0.113.7";
    private static final String HEALTH_DENIED = "{\"error\":\"Access denied. Health endpoint is localhost-only.\"}";

    private static ServerProcess server;
    private static Http http;

    @BeforeAll
    @Timeout(value = 35, unit = TimeUnit.SECONDS)
    static void startServer() {
        server = ServerProcess.builder()
                .toml("security", "trusted_proxy_ranges", TomlConfig.stringArray("127.0.0.1"))
                .start();
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
    void healthFromLocalhostReportsHealthy() {
        Response response = http.get("/health");
        Expect.status(response, 200);
        assertTrue(response.header("Content-Type").startsWith("application/json"), response::toString);
        JsonNode body = response.json();
        Expect.keys(body, "status", "version", "api_version", "build_date");
        assertEquals("healthy", body.get("status").asText());
        assertEquals("v1", body.get("api_version").asText());
        assertTrue(body.get("version").isTextual() && !body.get("version").asText().isBlank(), body::toString);
        assertTrue(body.get("build_date").isTextual() && !body.get("build_date").asText().isBlank(), body::toString);
    }

    @Test
    void healthcheckAliasAnswersLikeHealth() {
        Response health = http.get("/health");
        Response alias = http.get("/v1/api/healthcheck");
        Expect.status(alias, 200);
        assertEquals(health.json(), alias.json());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/health", "/v1/api/healthcheck"})
    void healthFromRemoteClientBehindTrustedProxyIsDenied(String path) {
        Expect.json(http.get(path, "X-Forwarded-For", REMOTE), 403, HEALTH_DENIED);
    }

    @Test
    void firstForwardedForEntryIsTheClient() {
        Expect.json(http.get("/health", "X-Forwarded-For", REMOTE + ", 127.0.0.1"), 403, HEALTH_DENIED);
    }

    @Test
    void realIpHeaderIsUsedWithoutForwardedFor() {
        Expect.json(http.get("/health", "X-Real-IP", REMOTE), 403, HEALTH_DENIED);
    }

    /** A forwarded loopback value is ignored; the peer address 127.0.0.1 is then the client, which is local. */
    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "::1", "localhost", "127.0.0.2"})
    void forwardedLoopbackValueIsIgnoredAndPeerIsUsed(String forwarded) {
        Response response = http.get("/health", "X-Forwarded-For", forwarded);
        Expect.status(response, 200);
        assertEquals("healthy", response.json().get("status").asText());
    }

    @Test
    void setupStatusFromLocalhostSaysConfigured() {
        Response response = http.get(Http.STATUS);
        JsonNode body = Expect.json(response, 200,
                "{\"needs_setup\":false,\"message\":\"Server is configured and ready.\"}");
        Expect.keys(body, "needs_setup", "message");
    }

    @Test
    void setupStatusFromRemoteClientIsForbidden() {
        Expect.authError(http.get(Http.STATUS, "X-Forwarded-For", REMOTE), 403, "forbidden",
                "Setup status can only be checked from localhost");
    }

    @Test
    void setupFromRemoteClientIsForbiddenBeforeTheConfiguredCheck() {
        Response response = http.postJson(Http.SETUP,
                "{\"user\":\"admin\",\"password\":\"Adm1nPassword!\",\"root_password\":\"R00tPassword!\"}",
                "X-Forwarded-For", REMOTE);
        Expect.authError(response, 403, "forbidden", "Server setup can only be performed from localhost");
    }

    @Test
    void remoteClientCanStillUseAuthenticatedRoutes() {
        Response response = http.sqlWith(Http.basic("root", ServerProcess.ROOT_PASSWORD),
                Json.sqlBody("SHOW NAMESPACES"), "X-Forwarded-For", REMOTE);
        assertFalse(Expect.sqlOk(response, 1).get(0).get("rows").isEmpty(), response::toString);
    }
}
