package io.kalamdb.auth;

import io.kalamdb.commons.ids.UserId;
import io.kalamdb.commons.models.User;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/** A map-backed {@link UserDirectory} for unit tests; it counts login-state writes. */
final class InMemoryUserDirectory implements UserDirectory {
    private final ConcurrentMap<UserId, User> users = new ConcurrentHashMap<>();
    final AtomicInteger loginStateWrites = new AtomicInteger();

    void put(User user) {
        users.put(user.userId(), user);
    }

    User get(String id) {
        return users.get(new UserId(id));
    }

    @Override
    public Optional<User> findUser(UserId id) {
        return Optional.ofNullable(users.get(id));
    }

    @Override
    public void saveLoginState(User updated) {
        loginStateWrites.incrementAndGet();
        users.computeIfPresent(updated.userId(), (id, stored) -> stored.withLoginState(updated.failedLoginAttempts(),
                updated.lockedUntil(), updated.lastLoginAt(), updated.lastSeen()));
    }
}
