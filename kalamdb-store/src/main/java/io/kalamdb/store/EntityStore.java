package io.kalamdb.store;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A typed table of entities in one {@link Partition}: keys through a {@link KeyEncoder}, values through a
 * {@link ValueCodec}. Scans return entities in key order. Thread-safe as the backend is.
 *
 * @param <K> key type
 * @param <V> value type
 */
public class EntityStore<K, V> {
    private final StorageBackend backend;
    private final Partition partition;
    private final KeyEncoder<K> keys;
    private final ValueCodec<V> values;

    public EntityStore(StorageBackend backend, Partition partition, KeyEncoder<K> keys, ValueCodec<V> values) {
        this.backend = backend;
        this.partition = partition;
        this.keys = keys;
        this.values = values;
    }

    /** The entity stored under {@code key}. */
    public Optional<V> get(K key) {
        byte[] bytes = backend.get(partition, keys.encode(key));
        return bytes == null ? Optional.empty() : Optional.of(values.decode(bytes));
    }

    /** Stores {@code value} under {@code key}, replacing any previous entity. */
    public void put(K key, V value) {
        backend.put(partition, keys.encode(key), values.encode(value));
    }

    /** Removes the entity under {@code key}, if any. */
    public void delete(K key) {
        backend.delete(partition, keys.encode(key));
    }

    /** Stages a put into the caller's {@code batch}. */
    public void put(WriteBatch batch, K key, V value) {
        batch.put(partition, keys.encode(key), values.encode(value));
    }

    /** Stages a delete into the caller's {@code batch}. */
    public void delete(WriteBatch batch, K key) {
        batch.delete(partition, keys.encode(key));
    }

    /** Every entity, in key order. */
    public List<V> scanAll() {
        return scanPrefix(KeyCodec.empty());
    }

    /** Every entity with its key, in key order. */
    public List<Map.Entry<K, V>> scanAllEntries() {
        List<Map.Entry<K, V>> out = new ArrayList<>();
        try (CloseableIterator<KeyValue> it = backend.scanPrefix(partition, KeyCodec.empty())) {
            while (it.hasNext()) {
                KeyValue kv = it.next();
                out.add(new AbstractMap.SimpleImmutableEntry<>(keys.decode(kv.key()), values.decode(kv.value())));
            }
        }
        return out;
    }

    /** The entities whose encoded key starts with {@code encodedKeyPrefix}, in key order. */
    public List<V> scanPrefix(byte[] encodedKeyPrefix) {
        List<V> out = new ArrayList<>();
        try (CloseableIterator<KeyValue> it = backend.scanPrefix(partition, encodedKeyPrefix)) {
            while (it.hasNext()) {
                out.add(values.decode(it.next().value()));
            }
        }
        return out;
    }

    /** The number of entities. */
    public long count() {
        long n = 0;
        try (CloseableIterator<KeyValue> it = backend.scanPrefix(partition, KeyCodec.empty())) {
            while (it.hasNext()) {
                it.next();
                n++;
            }
        }
        return n;
    }

    /** The backend holding the entities. */
    public StorageBackend backend() {
        return backend;
    }

    /** The partition holding the entities. */
    public Partition partition() {
        return partition;
    }

    /** The key encoder. */
    public KeyEncoder<K> keyEncoder() {
        return keys;
    }

    /** The value codec. */
    public ValueCodec<V> valueCodec() {
        return values;
    }
}
