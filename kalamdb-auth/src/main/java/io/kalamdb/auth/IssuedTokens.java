package io.kalamdb.auth;

import java.time.Instant;

/** A freshly issued access/refresh token pair with their expiry instants (whole seconds). */
public record IssuedTokens(String accessToken, Instant accessExpiresAt, String refreshToken,
                           Instant refreshExpiresAt) {
}
