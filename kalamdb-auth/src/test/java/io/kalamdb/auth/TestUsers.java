package io.kalamdb.auth;

import io.kalamdb.commons.enums.AuthType;
import io.kalamdb.commons.enums.Role;
import io.kalamdb.commons.ids.UserId;
import io.kalamdb.commons.models.User;

/** Builds {@link User} rows for tests. */
final class TestUsers {
    static final long CREATED = 1_700_000_000_000_000L;

    private TestUsers() {
    }

    static User user(String id, String hash, Role role, AuthType type, String email) {
        return new User(new UserId(id), hash, role, email, type, null, "table", "local", 0, null, null,
                CREATED, CREATED, null, null);
    }

    static User password(String id, String hash, Role role) {
        return user(id, hash, role, AuthType.PASSWORD, id + "@example.com");
    }
}
