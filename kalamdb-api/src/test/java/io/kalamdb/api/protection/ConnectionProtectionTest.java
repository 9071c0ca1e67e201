package io.kalamdb.api.protection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kalamdb.api.http.ApiResponse;
import io.kalamdb.api.http.ClientAddress;
import io.kalamdb.api.http.ClientIpResolver;
import io.kalamdb.commons.config.RateLimitSection;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConnectionProtectionTest {
    private static final ClientAddress REMOTE = new ClientAddress("203.0.113.9", false, false);

    private final FakeClock clock = new FakeClock();

    private static RateLimitSection limits(int requestsPerSec, boolean enabled) {
        return new RateLimitSection(100, 50, 10, 20, requestsPerSec, 10L * 1024 * 1024, 300, enabled, 1000, 600);
    }

    private static String body(ApiResponse response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    @Test
    void emptyBucketAnswers429RateLimitExceeded() {
        ConnectionProtection protection = new ConnectionProtection(limits(2, true), clock);
        assertTrue(protection.check(REMOTE).isEmpty());
        assertTrue(protection.check(REMOTE).isEmpty());
        ApiResponse refused = protection.check(REMOTE).orElseThrow();
        assertEquals(429, refused.status().code());
        assertEquals("1", refused.headers().get("Retry-After"));
        assertEquals("{\"error\":\"RATE_LIMIT_EXCEEDED\",\"message\":\"Too many requests from your IP address\","
                + "\"retry_after_seconds\":1}", body(refused));
    }

    @Test
    void bannedIpAnswers429IpBannedWithTheRemainingTime() {
        ConnectionProtection protection = new ConnectionProtection(limits(1, true), clock);
        protection.check(REMOTE);
        for (int i = 0; i < 10; i++) {
            assertEquals("RATE_LIMIT_EXCEEDED", errorOf(protection.check(REMOTE)));
        }
        clock.advanceSeconds(42);
        ApiResponse banned = protection.check(REMOTE).orElseThrow();
        assertEquals(429, banned.status().code());
        assertEquals("258", banned.headers().get("Retry-After"));
        assertEquals("{\"error\":\"IP_BANNED\",\"message\":\"Your IP has been temporarily banned due to excessive "
                + "requests\",\"retry_after_seconds\":258}", body(banned));
    }

    @Test
    void loopbackClientsSkipTheChecks() {
        ConnectionProtection protection = new ConnectionProtection(limits(1, true), clock);
        List<ClientAddress> loopback = List.of(new ClientAddress("127.0.0.1", true, false),
                new ClientAddress("::1", true, false), new ClientAddress("127.0.0.9", false, false));
        for (ClientAddress client : loopback) {
            for (int i = 0; i < 100; i++) {
                assertTrue(protection.check(client).isEmpty(), client.ip());
            }
        }
    }

    @Test
    void disabledProtectionNeverRefuses() {
        ConnectionProtection protection = new ConnectionProtection(limits(1, false), clock);
        for (int i = 0; i < 100; i++) {
            assertTrue(protection.check(REMOTE).isEmpty());
        }
    }

    @Test
    void clientForwardedByATrustedProxyIsRemoteAndLimited() {
        ClientIpResolver resolver = new ClientIpResolver(List.of("127.0.0.1"));
        HttpHeaders headers = new DefaultHttpHeaders().set("X-Forwarded-For", "203.0.113.9, 10.0.0.1");
        ClientAddress client = resolver.resolve(new InetSocketAddress("127.0.0.1", 50_000), headers);
        assertEquals("203.0.113.9", client.ip());
        assertFalse(client.loopback());
        assertFalse(client.local());

        ConnectionProtection protection = new ConnectionProtection(limits(1, true), clock);
        assertTrue(protection.check(client).isEmpty());
        assertEquals("RATE_LIMIT_EXCEEDED", errorOf(protection.check(client)));
    }

    @Test
    void forwardedLoopbackFromARemotePeerCannotEscapeTheLimit() {
        ClientIpResolver resolver = new ClientIpResolver(List.of("198.51.100.0/24"));
        HttpHeaders headers = new DefaultHttpHeaders().set("X-Forwarded-For", "127.0.0.1");
        ClientAddress client = resolver.resolve(new InetSocketAddress("198.51.100.7", 50_000), headers);
        assertEquals("198.51.100.7", client.ip());
        assertFalse(client.loopback());

        ConnectionProtection protection = new ConnectionProtection(limits(1, true), clock);
        assertTrue(protection.check(client).isEmpty());
        assertEquals("RATE_LIMIT_EXCEEDED", errorOf(protection.check(client)));
    }

    @Test
    void untrustedPeerForwardedHeaderIsIgnored() {
        ClientIpResolver resolver = new ClientIpResolver(List.of());
        HttpHeaders headers = new DefaultHttpHeaders().set("X-Forwarded-For", "192.0.2.1");
        ClientAddress client = resolver.resolve(new InetSocketAddress("198.51.100.7", 50_000), headers);
        assertEquals("198.51.100.7", client.ip());
    }

    private static String errorOf(Optional<ApiResponse> response) {
        String text = body(response.orElseThrow());
        int start = text.indexOf("\"error\":\"") + 9;
        return text.substring(start, text.indexOf('"', start));
    }
}
