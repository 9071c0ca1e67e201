package io.kalamdb.auth;

import io.kalamdb.commons.enums.Role;
import io.kalamdb.commons.ids.UserId;
import java.time.Instant;

/**
 * The verified claims of an internal JWT: subject, role claim (to be compared with the stored role), token type
 * and expiry.
 */
public record TokenClaims(UserId userId, Role role, TokenType type, Instant expiresAt) {
}
