package io.kalamdb.store;

import java.nio.charset.StandardCharsets;

/**
 * The RocksDB column families of KalamDB (spec storage.md §4.3). Every {@link Partition} lives in one of them.
 */
public enum ColumnFamily {
    /** Required by RocksDB; unused by KalamDB. */
    DEFAULT("default"),
    /** System table rows and counters. */
    SYSTEM_META("system_meta"),
    /** Secondary indexes of system tables. */
    SYSTEM_INDEX("system_index"),
    /** USER and SHARED row versions. */
    HOT_DATA("hot_data"),
    /** PK indexes of USER and SHARED tables. */
    HOT_INDEX("hot_index"),
    /** STREAM table rows. */
    STREAM_DATA("stream_data"),
    /** Topic messages and claims. */
    TOPIC_DATA("topic_data");

    private final String cfName;
    private final byte[] nameBytes;

    ColumnFamily(String cfName) {
        this.cfName = cfName;
        this.nameBytes = cfName.getBytes(StandardCharsets.UTF_8);
    }

    /** The column family name on disk. */
    public String cfName() {
        return cfName;
    }

    /** The column family name as RocksDB expects it; shared, callers must not modify it. */
    byte[] nameBytes() {
        return nameBytes;
    }

    /** The column family with the given on-disk name, or {@code null} when it is not one of KalamDB's. */
    public static ColumnFamily fromCfName(String name) {
        for (ColumnFamily cf : values()) {
            if (cf.cfName.equals(name)) {
                return cf;
            }
        }
        return null;
    }
}
