package io.kalamdb.api.http;

import io.netty.handler.codec.http.HttpHeaders;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * The client IP of a request (spec http-api.md §3.1): the TCP peer, unless the peer is loopback or a trusted proxy,
 * in which case the first {@code X-Forwarded-For} entry, else {@code X-Real-IP}. A forwarded value that is itself
 * loopback is ignored, so a header can never make a remote client look local.
 */
public final class ClientIpResolver {
    private final List<CidrRange> trustedProxies;

    public ClientIpResolver(List<String> trustedProxyRanges) {
        List<CidrRange> ranges = new ArrayList<>();
        for (String r : trustedProxyRanges) {
            ranges.add(CidrRange.parse(r));
        }
        this.trustedProxies = List.copyOf(ranges);
    }

    /** The resolved client: its textual IP, whether it is local, and whether the peer is a trusted forwarder. */
    public ClientAddress resolve(InetSocketAddress peer, HttpHeaders headers) {
        InetAddress peerAddress = peer.getAddress();
        String peerIp = normalize(peerAddress.getHostAddress());
        boolean trusted = peerAddress.isLoopbackAddress() || isTrustedProxy(peerAddress);
        if (trusted) {
            String forwarded = firstForwarded(headers);
            if (forwarded != null && !isLoopbackText(forwarded)) {
                try {
                    String ip = normalize(InetAddress.getByAddress(CidrRange.literalAddress(forwarded)).getHostAddress());
                    return new ClientAddress(ip, isLocalIp(ip), true);
                } catch (IllegalArgumentException | UnknownHostException e) {
                    return new ClientAddress(peerIp, isLocalIp(peerIp), true);
                }
            }
        }
        return new ClientAddress(peerIp, isLocalIp(peerIp), trusted);
    }

    private boolean isTrustedProxy(InetAddress address) {
        for (CidrRange r : trustedProxies) {
            if (r.contains(address)) {
                return true;
            }
        }
        return false;
    }

    private static String firstForwarded(HttpHeaders headers) {
        String xff = headers.get("X-Forwarded-For");
        if (xff != null && !xff.isBlank()) {
            int comma = xff.indexOf(',');
            return (comma < 0 ? xff : xff.substring(0, comma)).trim();
        }
        String real = headers.get("X-Real-IP");
        return real == null || real.isBlank() ? null : real.trim();
    }

    private static boolean isLoopbackText(String value) {
        String v = value.toLowerCase();
        return v.startsWith("127.") || v.equals("::1") || v.equals("[::1]") || v.equals("localhost")
                || v.equals("0:0:0:0:0:0:0:1");
    }

    /** Localhost-only routes accept exactly 127.0.0.1 or ::1. */
    private static boolean isLocalIp(String ip) {
        return "127.0.0.1".equals(ip) || "::1".equals(ip);
    }

    private static String normalize(String ip) {
        if ("0:0:0:0:0:0:0:1".equals(ip)) {
            return "::1";
        }
        int zone = ip.indexOf('%');
        return zone < 0 ? ip : ip.substring(0, zone);
    }
}
