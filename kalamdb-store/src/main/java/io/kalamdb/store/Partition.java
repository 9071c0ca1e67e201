package io.kalamdb.store;

import java.util.Objects;

/**
 * A logical keyspace inside a column family. Physically every key of the partition is {@code str(name)}
 * (see {@link KeyCodec}) followed by the caller's key; because {@code str} is prefix-free, two partitions
 * never overlap. Callers pass and receive keys without that prefix.
 *
 * @param cf   the column family holding the partition
 * @param name the partition name, any string
 */
public record Partition(ColumnFamily cf, String name) {
    public Partition {
        Objects.requireNonNull(cf, "cf");
        Objects.requireNonNull(name, "name");
    }

    @Override
    public String toString() {
        return cf.cfName() + "/" + name;
    }
}
