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
import java.util.Optional;

/** {@code system.users}, persisted in RocksDB with a users-by-role index. */
public final class UserStore implements UserDirectory {
    private final IndexedEntityStore<UserId, User> store;
    private final Object writeLock = new Object();

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
        return store.get(id);
    }

    public List<User> all() {
        return store.scanAll();
    }

    public void put(User user) {
        synchronized (writeLock) {
            store.put(user.userId(), user);
        }
    }

    /** Adds the write of {@code user} to a caller's batch (the caller writes the batch). */
    public void put(WriteBatch batch, User user) {
        store.put(batch, user.userId(), user);
    }

    public long count() {
        return store.count();
    }

    /** Persists only the login bookkeeping of {@code updated} onto the stored user (never its role or password). */
    @Override
    public void saveLoginState(User updated) {
        synchronized (writeLock) {
            store.get(updated.userId()).ifPresent(current -> store.put(current.userId(),
                    current.withLoginState(updated.failedLoginAttempts(), updated.lockedUntil(),
                            updated.lastLoginAt(), updated.lastSeen())));
        }
    }

    /** Serialises read-modify-write updates of users (ALTER USER, setup) with login bookkeeping. */
    public Object writeLock() {
        return writeLock;
    }
}
