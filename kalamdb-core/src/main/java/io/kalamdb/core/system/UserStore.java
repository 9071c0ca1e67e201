package io.kalamdb.core.system;

import io.kalamdb.auth.UserDirectory;
import io.kalamdb.commons.ids.UserId;
import io.kalamdb.commons.models.User;
import io.kalamdb.store.IndexedEntityStore;
import io.kalamdb.store.JsonValueCodec;
import io.kalamdb.store.KeyEncoder;
import io.kalamdb.store.SecondaryIndex;
import io.kalamdb.store.StorageBackend;
import io.kalamdb.store.WriteBatch;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@code system.users}, persisted in RocksDB with a users-by-role index. */
public final class UserStore implements UserDirectory {
    private final IndexedEntityStore<UserId, User> store;
    private final Object writeLock = new Object();
    /** Every user read so far; all writes go through this store, so it never goes stale. */
    private final Map<UserId, User> cache = new ConcurrentHashMap<>();

    public UserStore(StorageBackend backend) {
        KeyEncoder<String> strings = KeyEncoder.string();
        KeyEncoder<UserId> keys = new KeyEncoder<>() {
            @Override
            public byte[] encode(UserId key) {
                return strings.encode(key.value());
            }

            @Override
            public UserId decode(byte[] bytes) {
                return new UserId(strings.decode(bytes));
            }
        };
        this.store = new IndexedEntityStore<>(backend, SystemPartitions.USERS, keys, JsonValueCodec.of(User.class),
                List.of(new SecondaryIndex<User>("role", u -> List.of(u.role().wireName()))));
    }

    @Override
    public Optional<User> findUser(UserId id) {
        User cached = cache.get(id);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<User> loaded = store.get(id);
        loaded.ifPresent(u -> cache.putIfAbsent(id, u));
        return loaded;
    }

    public List<User> all() {
        return store.scanAll();
    }

    public void put(User user) {
        synchronized (writeLock) {
            store.put(user.userId(), user);
            cache.put(user.userId(), user);
        }
    }

    /**
     * Adds the write of {@code user} to a caller's batch; the caller writes the batch, then calls
     * {@link #forget(UserId)} so the next read sees the new row.
     */
    public void put(WriteBatch batch, User user) {
        store.put(batch, user.userId(), user);
        cache.remove(user.userId());
    }

    /** Drops a user from the read cache (after a batch write). */
    public void forget(UserId id) {
        cache.remove(id);
    }

    public long count() {
        return store.count();
    }

    /** Persists only the login bookkeeping of {@code updated} onto the stored user (never its role or password). */
    @Override
    public void saveLoginState(User updated) {
        synchronized (writeLock) {
            store.get(updated.userId()).ifPresent(current -> {
                User next = current.withLoginState(updated.failedLoginAttempts(), updated.lockedUntil(),
                        updated.lastLoginAt(), updated.lastSeen());
                store.put(current.userId(), next);
                cache.put(current.userId(), next);
            });
        }
    }

    /** Serialises read-modify-write updates of users (ALTER USER, setup) with login bookkeeping. */
    public Object writeLock() {
        return writeLock;
    }
}
