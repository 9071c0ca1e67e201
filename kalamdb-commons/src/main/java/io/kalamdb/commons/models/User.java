package io.kalamdb.commons.models;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.kalamdb.commons.enums.AuthType;
import io.kalamdb.commons.enums.Role;
import io.kalamdb.commons.ids.UserId;

/**
 * A row of {@code system.users} (spec storage.md §13.2). Timestamps are microseconds since the epoch;
 * nullable ones are {@code null} when unset. {@code passwordHash} is {@code ""} for a passwordless root.
 */
public record User(
        UserId userId,
        String passwordHash,
        Role role,
        String email,
        AuthType authType,
        String authData,
        String storageMode,
        String storageId,
        int failedLoginAttempts,
        Long lockedUntil,
        Long lastLoginAt,
        long createdAt,
        long updatedAt,
        Long lastSeen,
        Long deletedAt) {

    /** A new {@code auth_type password} user (or {@code oauth} with {@code authData}), storage {@code local}. */
    public static User create(UserId id, String passwordHash, Role role, String email, AuthType authType,
                              String authData, long nowMicros) {
        return new User(id, passwordHash, role, email, authType, authData, "table", "local", 0, null, null,
                nowMicros, nowMicros, null, null);
    }

    @JsonIgnore
    public boolean isDeleted() {
        return deletedAt != null;
    }

    public boolean hasPassword() {
        return passwordHash != null && !passwordHash.isEmpty();
    }

    public boolean isLocked(long nowMicros) {
        return lockedUntil != null && lockedUntil > nowMicros;
    }

    public User withPasswordHash(String hash, long now) {
        return new User(userId, hash, role, email, authType, authData, storageMode, storageId, failedLoginAttempts,
                lockedUntil, lastLoginAt, createdAt, now, lastSeen, deletedAt);
    }

    public User withRole(Role newRole, long now) {
        return new User(userId, passwordHash, newRole, email, authType, authData, storageMode, storageId,
                failedLoginAttempts, lockedUntil, lastLoginAt, createdAt, now, lastSeen, deletedAt);
    }

    public User withEmail(String newEmail, long now) {
        return new User(userId, passwordHash, role, newEmail, authType, authData, storageMode, storageId,
                failedLoginAttempts, lockedUntil, lastLoginAt, createdAt, now, lastSeen, deletedAt);
    }

    public User withDeletedAt(Long when, long now) {
        return new User(userId, passwordHash, role, email, authType, authData, storageMode, storageId,
                failedLoginAttempts, lockedUntil, lastLoginAt, createdAt, now, lastSeen, when);
    }

    /** The lockout state after a login attempt: counters, lock and last login/seen times. */
    public User withLoginState(int failures, Long newLockedUntil, Long newLastLoginAt, Long newLastSeen) {
        return new User(userId, passwordHash, role, email, authType, authData, storageMode, storageId, failures,
                newLockedUntil, newLastLoginAt, createdAt, updatedAt, newLastSeen, deletedAt);
    }
}
