package io.kalamdb.commons.config;

/** {@code [storage]} and {@code [storage.rocksdb]}. */
public record StorageSection(String dataPath, String sharedTablesTemplate, String userTablesTemplate,
                             RocksDbSection rocksdb) {
    public static StorageSection defaults() {
        return new StorageSection("./data", "{namespace}/{tableName}", "{namespace}/{tableName}/{userId}",
                RocksDbSection.defaults());
    }
}
