package io.kalamdb.api.http;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** An IP address or CIDR block (IPv4 or IPv6) for the trusted-proxy list. */
public final class CidrRange {
    private final byte[] network;
    private final int prefixBits;

    private CidrRange(byte[] network, int prefixBits) {
        this.network = network;
        this.prefixBits = prefixBits;
    }

    /** Parses {@code 10.0.0.0/8}, {@code ::1} or {@code 192.168.1.7}; throws IllegalArgumentException when invalid. */
    public static CidrRange parse(String text) {
        String s = text.trim();
        int slash = s.indexOf('/');
        String address = slash < 0 ? s : s.substring(0, slash);
        byte[] bytes = literalAddress(address);
        int bits = bytes.length * 8;
        if (slash >= 0) {
            try {
                bits = Integer.parseInt(s.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Invalid CIDR '" + text + "'");
            }
            if (bits < 0 || bits > bytes.length * 8) {
                throw new IllegalArgumentException("Invalid CIDR '" + text + "'");
            }
        }
        return new CidrRange(bytes, bits);
    }

    /** Parses an IP literal without any DNS lookup. */
    static byte[] literalAddress(String address) {
        boolean literal = !address.isEmpty()
                && (address.indexOf(':') >= 0 || address.chars().allMatch(c -> c == '.' || Character.isDigit(c)));
        if (!literal) {
            throw new IllegalArgumentException("Invalid IP address '" + address + "'");
        }
        try {
            return InetAddress.getByName(address).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("Invalid IP address '" + address + "'");
        }
    }

    public boolean contains(InetAddress address) {
        byte[] candidate = address.getAddress();
        if (candidate.length != network.length) {
            return false;
        }
        int fullBytes = prefixBits / 8;
        for (int i = 0; i < fullBytes; i++) {
            if (candidate[i] != network[i]) {
                return false;
            }
        }
        int rest = prefixBits % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xFF << (8 - rest)) & 0xFF;
        return (candidate[fullBytes] & mask) == (network[fullBytes] & mask);
    }
}
