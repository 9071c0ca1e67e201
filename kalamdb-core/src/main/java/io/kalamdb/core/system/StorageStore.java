package io.kalamdb.core.system;

import io.kalamdb.commons.ids.StorageId;
import io.kalamdb.commons.models.Storage;
import io.kalamdb.store.EntityStore;
import io.kalamdb.store.JsonValueCodec;
import io.kalamdb.store.KeyEncoder;
import io.kalamdb.store.StorageBackend;
import java.util.List;
import java.util.Optional;

/** {@code system.storages}, persisted in RocksDB. */
public final class StorageStore {
    private final EntityStore<StorageId, Storage> store;

    public StorageStore(StorageBackend backend) {
        KeyEncoder<String> strings = KeyEncoder.string();
        KeyEncoder<StorageId> keys = new KeyEncoder<>() {
            @Override
            public byte[] encode(StorageId key) {
                return strings.encode(key.value());
            }

            @Override
            public StorageId decode(byte[] bytes) {
                return new StorageId(strings.decode(bytes));
            }
        };
        this.store = new EntityStore<>(backend, SystemPartitions.STORAGES, keys, JsonValueCodec.of(Storage.class));
    }

    public Optional<Storage> get(StorageId id) {
        return store.get(id);
    }

    public List<Storage> all() {
        return store.scanAll();
    }

    public void put(Storage storage) {
        store.put(storage.storageId(), storage);
    }

    public long count() {
        return store.count();
    }
}
