package io.kalamdb.auth;

import io.kalamdb.commons.ids.UserId;
import io.kalamdb.commons.models.User;
import java.util.Optional;

/**
 * The narrow view of {@code system.users} that authentication needs. kalamdb-core implements it over its
 * storage; authentication never sees how users are stored.
 */
public interface UserDirectory {

    /** The stored user, soft-deleted ones included; empty when no row exists. */
    Optional<User> findUser(UserId id);

    /**
     * Persists only the login state of {@code updated}: {@code failed_login_attempts}, {@code locked_until},
     * {@code last_login_at} and {@code last_seen}. Every other column keeps its stored value.
     */
    void saveLoginState(User updated);
}
