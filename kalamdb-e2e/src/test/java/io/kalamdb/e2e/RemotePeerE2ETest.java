package io.kalamdb.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A real non-loopback peer: the server binds 0.0.0.0 (with a strong JWT secret and a CORS allow-list, as a
 * non-loopback host requires) and the tests connect through this machine's own non-loopback IPv4 address. That peer
 * is neither loopback nor a trusted proxy, so forwarded headers are ignored and a claimed
 * {@code X-Forwarded-For: 127.0.0.1} cannot make it local (auth.md §14, localhost-only endpoints). Skipped when the
 * machine has no non-loopback IPv4 address.
 */
@Timeout(value = 5, unit = TimeUnit.SECONDS)
class RemotePeerE2ETest {

    private static final String HEALTH_DENIED = "{\"error\":\"Access denied. Health endpoint is localhost-only.\"}";

    private static ServerProcess server;
    private static Http remote;
    private static Http local;

    @BeforeAll
    @Timeout(value = 35, unit = TimeUnit.SECONDS)
    static void startServer() throws SocketException {
        String address = nonLoopbackIpv4();
        assumeTrue(address != null, "no non-loopback IPv4 address on this machine");
        server = ServerProcess.builder()
                .tomlString("server", "host", "0.0.0.0")
                .tomlString("auth", "jwt_secret", "e2e-remote-peer-secret-0123456789abcdef")
                .toml("security.cors", "allowed_origins", TomlConfig.stringArray("https://app.example.com"))
                .start();
        remote = new Http("http://" + address + ":" + server.port());
        local = new Http(server.baseUrl());
    }

    @AfterAll
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void healthIsDeniedToRemotePeer() {
        Expect.json(remote.get("/health"), 403, HEALTH_DENIED);
        Expect.json(remote.get("/v1/api/healthcheck"), 403, HEALTH_DENIED);
    }

    @Test
    void forwardedLoopbackFromUntrustedPeerDoesNotMakeItLocal() {
        Expect.json(remote.get("/health", "X-Forwarded-For", "127.0.0.1"), 403, HEALTH_DENIED);
        Expect.json(remote.get("/health", "X-Real-IP", "127.0.0.1"), 403, HEALTH_DENIED);
        Expect.authError(remote.get(Http.STATUS, "X-Forwarded-For", "127.0.0.1"), 403, "forbidden",
                "Setup status can only be checked from localhost");
    }

    @Test
    void setupRoutesAreDeniedToRemotePeer() {
        Expect.authError(remote.get(Http.STATUS), 403, "forbidden", "Setup status can only be checked from localhost");
        Expect.authError(remote.postJson(Http.SETUP,
                        "{\"user\":\"admin\",\"password\":\"Adm1nPassword!\",\"root_password\":\"R00tPassword!\"}"),
                403, "forbidden", "Server setup can only be performed from localhost");
    }

    @Test
    void loopbackClientOfTheSameServerIsLocal() {
        Response response = local.get("/health");
        Expect.status(response, 200);
        assertEquals("healthy", response.json().get("status").asText());
    }

    @Test
    void remotePeerCanLogInAndRunSql() {
        String token = remote.login("root", ServerProcess.ROOT_PASSWORD);
        Expect.sqlOk(remote.sql(token, "SHOW NAMESPACES"), 1);
    }

    @Test
    void corsAllowListIsExact() {
        Response allowed = local.get("/health", "Origin", "https://app.example.com");
        assertEquals("https://app.example.com", allowed.header("Access-Control-Allow-Origin"), allowed::toString);
        Response evil = local.get("/health", "Origin", "https://evil.example");
        assertNull(evil.header("Access-Control-Allow-Origin"), evil::toString);
        Response preflight = local.send("OPTIONS", Http.SQL, null, "Origin", "https://evil.example",
                "Access-Control-Request-Method", "POST");
        assertNull(preflight.header("Access-Control-Allow-Origin"), preflight::toString);
    }

    @Test
    void forwardedProtoFromUntrustedPeerDoesNotMakeCookiesSecure() {
        Response response = remote.postJson(Http.LOGIN,
                "{\"user\":\"root\",\"password\":\"" + ServerProcess.ROOT_PASSWORD + "\"}", "X-Forwarded-Proto", "https");
        Expect.status(response, 200);
        SetCookie cookie = SetCookie.find(response, "kalamdb_auth");
        assertFalse(cookie.has("Secure"), () -> "an untrusted peer's X-Forwarded-Proto must be ignored: " + cookie);
    }

    private static String nonLoopbackIpv4() throws SocketException {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!nic.isUp() || nic.isLoopback()) {
                continue;
            }
            for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                if (address instanceof Inet4Address && !address.isLoopbackAddress() && !address.isLinkLocalAddress()) {
                    return address.getHostAddress();
                }
            }
        }
        return null;
    }
}
