package io.kalamdb.store;

/**
 * A group of writes applied atomically by {@link StorageBackend#write(WriteBatch)}: either all of them become
 * visible and durable, or none. Created by {@link StorageBackend#newBatch()}; not thread-safe; close it after use.
 */
public interface WriteBatch extends AutoCloseable {
    /** Stages a put of {@code value} under {@code key} in partition {@code p}. */
    void put(Partition p, byte[] key, byte[] value);

    /** Stages the removal of {@code key} from partition {@code p}. */
    void delete(Partition p, byte[] key);

    /** Stages the removal of every key of partition {@code p} starting with {@code prefix} (empty = all). */
    void deletePrefix(Partition p, byte[] prefix);

    /** The number of staged operations. */
    int size();

    /** Releases the batch; idempotent. */
    @Override
    void close();
}
