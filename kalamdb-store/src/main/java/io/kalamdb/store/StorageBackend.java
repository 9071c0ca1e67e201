package io.kalamdb.store;

/**
 * The key-value store the rest of KalamDB sees. Keys are ordered by unsigned byte comparison inside each
 * {@link Partition}. All methods are thread-safe. Each iterator reads a consistent point-in-time view of the
 * store, taken when it is created.
 */
public interface StorageBackend extends AutoCloseable {
    /** The value stored under {@code key}, or {@code null} when absent. */
    byte[] get(Partition p, byte[] key);

    /** Stores {@code value} under {@code key}, replacing any previous value. */
    void put(Partition p, byte[] key, byte[] value);

    /** Removes {@code key}; removing an absent key is a no-op. */
    void delete(Partition p, byte[] key);

    /** Entries whose key starts with {@code prefix}, in ascending key order; an empty prefix scans the partition. */
    CloseableIterator<KeyValue> scanPrefix(Partition p, byte[] prefix);

    /**
     * Entries with {@code fromInclusive <= key < toExclusive}, in ascending key order. A {@code null} bound is
     * open.
     */
    CloseableIterator<KeyValue> scanRange(Partition p, byte[] fromInclusive, byte[] toExclusive);

    /** Entries whose key starts with {@code prefix}, in descending key order (the latest version first). */
    CloseableIterator<KeyValue> scanPrefixReverse(Partition p, byte[] prefix);

    /** A new, empty batch for {@link #write(WriteBatch)}. */
    WriteBatch newBatch();

    /** Applies every operation of {@code batch} atomically. The batch stays owned by the caller. */
    void write(WriteBatch batch);

    /** Removes every key of partition {@code p} starting with {@code prefix} (empty = the whole partition). */
    void deletePrefix(Partition p, byte[] prefix);

    /**
     * Compacts the key range under {@code prefix} so that space of deleted entries is reclaimed. Reads are not
     * affected.
     */
    void compactPrefix(Partition p, byte[] prefix);

    /** Closes the store cleanly; idempotent. No call may be in flight or follow. */
    @Override
    void close();
}
