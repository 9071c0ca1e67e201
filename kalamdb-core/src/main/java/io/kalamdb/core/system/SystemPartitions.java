package io.kalamdb.core.system;

import io.kalamdb.store.ColumnFamily;
import io.kalamdb.store.Partition;

/** The logical partitions of the system metadata in {@code system_meta} (spec storage.md §4.3). */
public final class SystemPartitions {
    public static final Partition USERS = new Partition(ColumnFamily.SYSTEM_META, "users");
    public static final Partition NAMESPACES = new Partition(ColumnFamily.SYSTEM_META, "namespaces");
    public static final Partition STORAGES = new Partition(ColumnFamily.SYSTEM_META, "storages");
    public static final Partition AUDIT_LOG = new Partition(ColumnFamily.SYSTEM_META, "audit_log");

    private SystemPartitions() {
    }
}
