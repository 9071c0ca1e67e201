package io.kalamdb.auth;

import io.kalamdb.commons.enums.Role;
import io.kalamdb.commons.ids.UserId;
import java.time.Instant;

/** A cached successful Basic verification: the user, its role at verification time, and when it happened. */
public record BasicAuthEntry(UserId userId, Role role, Instant verifiedAt) {
}
