package io.kalamdb.api.http;

/**
 * A request's client IP after the trusted-proxy rules; {@code local} is true for exactly {@code 127.0.0.1} or
 * {@code ::1} (localhost-only routes), {@code viaTrustedPeer} is true when forwarded headers were trusted.
 */
public record ClientAddress(String ip, boolean local, boolean viaTrustedPeer) {

    /**
     * True when the resolved client IP is a loopback address ({@code 127.0.0.0/8} or {@code ::1}). The rate limits
     * exempt these clients (spec http-api.md §3.2). Because a forwarded loopback value is never trusted
     * ({@link ClientIpResolver}), a proxy header cannot make a remote client loopback.
     */
    public boolean loopback() {
        return ip.startsWith("127.") || "::1".equals(ip);
    }
}
