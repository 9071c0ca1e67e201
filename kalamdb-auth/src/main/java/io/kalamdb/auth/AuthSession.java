package io.kalamdb.auth;

import io.kalamdb.commons.enums.Role;
import io.kalamdb.commons.ids.UserId;

/**
 * An authenticated caller: the verified user id and its <b>stored</b> role, how it authenticated, and the
 * client IP the request came from (after the trusted-proxy rules).
 */
public record AuthSession(UserId userId, Role role, AuthMethod method, String clientIp) {
    public enum AuthMethod { BEARER, BASIC, INTERNAL }

    public boolean isAdmin() {
        return role.isAdmin();
    }
}
