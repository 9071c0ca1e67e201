package io.kalamdb.store;

/**
 * One entry returned by a scan. The key is relative to the scanned {@link Partition} (without its prefix).
 * The arrays belong to the caller.
 *
 * @param key   the key inside the partition
 * @param value the stored value
 */
public record KeyValue(byte[] key, byte[] value) {
}
