package io.kalamdb.store;

import io.kalamdb.commons.errors.KalamDbException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An {@link EntityStore} with secondary indexes. Each index lives in its own partition of
 * {@link ColumnFamily#SYSTEM_INDEX} named {@code <entity partition name>:<index name>}; an entry's key is
 * {@code str(indexKey) ‖ encoded primary key} and its value is empty. Every change writes the entity and its
 * index entries in one batch, so they never disagree. Writes through one store are serialized by a lock held
 * from reading the old entity until the batch is written (or, for the batch variants, staged).
 *
 * @param <K> key type
 * @param <V> value type
 */
public class IndexedEntityStore<K, V> extends EntityStore<K, V> {
    private static final byte[] EMPTY_VALUE = new byte[0];

    private final Map<String, BoundIndex<V>> indexes = new LinkedHashMap<>();
    private final ReentrantLock writeLock = new ReentrantLock();

    public IndexedEntityStore(StorageBackend backend, Partition partition, KeyEncoder<K> keys, ValueCodec<V> values,
                              List<SecondaryIndex<V>> indexes) {
        super(backend, partition, keys, values);
        for (SecondaryIndex<V> index : indexes) {
            Partition indexPartition = new Partition(ColumnFamily.SYSTEM_INDEX, partition.name() + ":" + index.name());
            if (this.indexes.put(index.name(), new BoundIndex<>(index, indexPartition)) != null) {
                throw KalamDbException.internal("duplicate index " + index.name() + " on " + partition, null);
            }
        }
    }

    /** Stores {@code value} and replaces its index entries, atomically. */
    @Override
    public void put(K key, V value) {
        writeLock.lock();
        try (WriteBatch batch = backend().newBatch()) {
            stagePut(batch, key, value);
            backend().write(batch);
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Stages the entity and its index changes into the caller's batch. The stale index entries are computed from
     * the stored entity, so the caller must not stage two changes of the same key in one batch and must write
     * the batch before another change of that key is staged.
     */
    @Override
    public void put(WriteBatch batch, K key, V value) {
        writeLock.lock();
        try {
            stagePut(batch, key, value);
        } finally {
            writeLock.unlock();
        }
    }

    /** Removes the entity and its index entries, atomically. */
    @Override
    public void delete(K key) {
        writeLock.lock();
        try (WriteBatch batch = backend().newBatch()) {
            stageDelete(batch, key);
            backend().write(batch);
        } finally {
            writeLock.unlock();
        }
    }

    /** Stages the removal of the entity and its index entries into the caller's batch (same rules as put). */
    @Override
    public void delete(WriteBatch batch, K key) {
        writeLock.lock();
        try {
            stageDelete(batch, key);
        } finally {
            writeLock.unlock();
        }
    }

    /** The entities with index key {@code indexKey} in index {@code indexName}, in primary key order. */
    public List<V> findByIndex(String indexName, String indexKey) {
        List<V> out = new ArrayList<>();
        for (byte[] pk : primaryKeys(indexName, indexKey)) {
            byte[] bytes = backend().get(partition(), pk);
            if (bytes != null) {
                out.add(valueCodec().decode(bytes));
            }
        }
        return out;
    }

    /** The primary keys with index key {@code indexKey} in index {@code indexName}, in primary key order. */
    public List<K> keysByIndex(String indexName, String indexKey) {
        List<byte[]> pks = primaryKeys(indexName, indexKey);
        List<K> out = new ArrayList<>(pks.size());
        for (byte[] pk : pks) {
            out.add(keyEncoder().decode(pk));
        }
        return out;
    }

    /** Drops and rewrites every index entry from the stored entities, e.g. after an index was added. */
    public void rebuildIndexes() {
        writeLock.lock();
        try (WriteBatch batch = backend().newBatch()) {
            for (BoundIndex<V> bound : indexes.values()) {
                batch.deletePrefix(bound.partition(), KeyCodec.empty());
            }
            try (CloseableIterator<KeyValue> it = backend().scanPrefix(partition(), KeyCodec.empty())) {
                while (it.hasNext()) {
                    KeyValue kv = it.next();
                    V value = valueCodec().decode(kv.value());
                    for (BoundIndex<V> bound : indexes.values()) {
                        for (String indexKey : indexKeys(bound, value)) {
                            batch.put(bound.partition(), entryKey(indexKey, kv.key()), EMPTY_VALUE);
                        }
                    }
                }
            }
            backend().write(batch);
        } finally {
            writeLock.unlock();
        }
    }

    /** The partition holding the entries of index {@code indexName}. */
    public Partition indexPartition(String indexName) {
        return bound(indexName).partition();
    }

    private void stagePut(WriteBatch batch, K key, V value) {
        byte[] pk = keyEncoder().encode(key);
        byte[] oldBytes = backend().get(partition(), pk);
        V old = oldBytes == null ? null : valueCodec().decode(oldBytes);
        for (BoundIndex<V> bound : indexes.values()) {
            Set<String> newKeys = indexKeys(bound, value);
            if (old != null) {
                for (String stale : indexKeys(bound, old)) {
                    if (!newKeys.contains(stale)) {
                        batch.delete(bound.partition(), entryKey(stale, pk));
                    }
                }
            }
            for (String indexKey : newKeys) {
                batch.put(bound.partition(), entryKey(indexKey, pk), EMPTY_VALUE);
            }
        }
        batch.put(partition(), pk, valueCodec().encode(value));
    }

    private void stageDelete(WriteBatch batch, K key) {
        byte[] pk = keyEncoder().encode(key);
        byte[] oldBytes = backend().get(partition(), pk);
        if (oldBytes == null) {
            return;
        }
        V old = valueCodec().decode(oldBytes);
        for (BoundIndex<V> bound : indexes.values()) {
            for (String stale : indexKeys(bound, old)) {
                batch.delete(bound.partition(), entryKey(stale, pk));
            }
        }
        batch.delete(partition(), pk);
    }

    private List<byte[]> primaryKeys(String indexName, String indexKey) {
        BoundIndex<V> bound = bound(indexName);
        byte[] prefix = KeyCodec.str(indexKey);
        List<byte[]> out = new ArrayList<>();
        try (CloseableIterator<KeyValue> it = backend().scanPrefix(bound.partition(), prefix)) {
            while (it.hasNext()) {
                byte[] entry = it.next().key();
                out.add(Arrays.copyOfRange(entry, prefix.length, entry.length));
            }
        }
        return out;
    }

    private BoundIndex<V> bound(String indexName) {
        BoundIndex<V> bound = indexes.get(indexName);
        if (bound == null) {
            throw KalamDbException.internal("no index " + indexName + " on " + partition(), null);
        }
        return bound;
    }

    private static <V> Set<String> indexKeys(BoundIndex<V> bound, V value) {
        Collection<String> keys = bound.index().keysOf().apply(value);
        if (keys == null || keys.isEmpty()) {
            return Set.of();
        }
        Set<String> out = new HashSet<>(keys);
        out.remove(null);
        return out;
    }

    private static byte[] entryKey(String indexKey, byte[] pk) {
        return KeyCodec.builder(indexKey.length() + pk.length + 2).str(indexKey).bytes(pk).build();
    }
}
