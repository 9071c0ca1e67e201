package io.kalamdb.auth;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;

/** The JWT secret strength rule (spec auth.md §4). */
public final class JwtSecretPolicy {
    public static final int MIN_BYTES = 32;
    private static final Set<String> KNOWN_DEFAULTS = Set.of(
            "CHANGE_ME_IN_PRODUCTION", "kalamdb-dev-secret-key-change-in-production",
            "your-secret-key-at-least-32-chars-change-me-in-production", "test", "secret", "password");

    private JwtSecretPolicy() {
    }

    /** Unusable = unset or empty, shorter than 32 bytes of UTF-8, or a known default. */
    public static boolean isUsable(String secret) {
        return secret != null && !secret.isEmpty()
                && secret.getBytes(StandardCharsets.UTF_8).length >= MIN_BYTES
                && !KNOWN_DEFAULTS.contains(secret);
    }

    /** A random secret of 32 bytes (64 hex characters) for one process on a loopback host. */
    public static String randomSecret() {
        byte[] bytes = new byte[MIN_BYTES];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
