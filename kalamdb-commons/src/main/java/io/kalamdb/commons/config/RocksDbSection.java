package io.kalamdb.commons.config;

/** {@code [storage.rocksdb]}. */
public record RocksDbSection(long blockCacheSize, int maxBackgroundJobs, int maxOpenFiles, boolean syncWrites,
                             boolean compactOnStartup) {
    public static RocksDbSection defaults() {
        return new RocksDbSection(8L * 1024 * 1024, 4, 512, false, false);
    }
}
