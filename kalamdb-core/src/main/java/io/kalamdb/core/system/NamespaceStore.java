package io.kalamdb.core.system;

import io.kalamdb.commons.ids.NamespaceId;
import io.kalamdb.commons.models.Namespace;
import io.kalamdb.store.EntityStore;
import io.kalamdb.store.JsonValueCodec;
import io.kalamdb.store.KeyEncoder;
import io.kalamdb.store.StorageBackend;
import java.util.List;
import java.util.Optional;

/** {@code system.namespaces}, persisted in RocksDB; listed in namespace-id order (the key order). */
public final class NamespaceStore {
    private final EntityStore<NamespaceId, Namespace> store;

    public NamespaceStore(StorageBackend backend) {
        KeyEncoder<String> strings = KeyEncoder.string();
        KeyEncoder<NamespaceId> keys = new KeyEncoder<>() {
            @Override
            public byte[] encode(NamespaceId key) {
                return strings.encode(key.value());
            }

            @Override
            public NamespaceId decode(byte[] bytes) {
                return new NamespaceId(strings.decode(bytes));
            }
        };
        this.store = new EntityStore<>(backend, SystemPartitions.NAMESPACES, keys, JsonValueCodec.of(Namespace.class));
    }

    public Optional<Namespace> get(NamespaceId id) {
        return store.get(id);
    }

    public boolean exists(NamespaceId id) {
        return store.get(id).isPresent();
    }

    public List<Namespace> all() {
        return store.scanAll();
    }

    public void put(Namespace namespace) {
        store.put(namespace.namespaceId(), namespace);
    }

    public void delete(NamespaceId id) {
        store.delete(id);
    }

    public long count() {
        return store.count();
    }
}
