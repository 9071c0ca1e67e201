package io.kalamdb.commons.config;

/** {@code [auth]} (alias {@code [authentication]}). {@code rootPassword} and {@code jwtSecret} may be null. */
public record AuthSection(String rootPassword, String jwtSecret, long jwtExpiryHours, boolean cookieSecure,
                          int bcryptCost, boolean enforcePasswordComplexity, boolean allowRemoteSetup,
                          long basicAuthCacheTtlSeconds, long basicAuthCacheMaxEntries, String jwtTrustedIssuers) {
    public static AuthSection defaults() {
        return new AuthSection(null, null, 24, true, 12, false, false, 60, 10_000, "");
    }

    /** The same section with another JWT secret (the per-process random one on loopback hosts). */
    public AuthSection withJwtSecret(String secret) {
        return new AuthSection(rootPassword, secret, jwtExpiryHours, cookieSecure, bcryptCost,
                enforcePasswordComplexity, allowRemoteSetup, basicAuthCacheTtlSeconds, basicAuthCacheMaxEntries,
                jwtTrustedIssuers);
    }
}
