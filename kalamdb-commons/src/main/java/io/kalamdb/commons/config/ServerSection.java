package io.kalamdb.commons.config;

/** {@code [server]}. */
public record ServerSection(String host, int port, String publicOrigin, int workers) {
    public static ServerSection defaults() {
        return new ServerSection("127.0.0.1", 8080, null, 0);
    }

    /** True for the loopback bind addresses {@code 127.0.0.1}, {@code ::1} and {@code localhost}. */
    public boolean isLoopbackHost() {
        return "127.0.0.1".equals(host) || "::1".equals(host) || "localhost".equalsIgnoreCase(host);
    }
}
