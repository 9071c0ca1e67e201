package io.kalamdb.store;

import io.kalamdb.commons.config.RocksDbSection;
import java.nio.file.Path;

/**
 * Child process of {@link CrashRecoveryTest}: opens the store in {@code args[0]} and, until killed, commits
 * batches that each write key {@code n} into a data and an index partition, printing {@code n} after the write
 * returned. It exits when its stdout is gone (the parent died).
 */
public final class CrashWriterMain {
    static final Partition DATA = new Partition(ColumnFamily.HOT_DATA, "crash");
    static final Partition INDEX = new Partition(ColumnFamily.HOT_INDEX, "crash");

    private CrashWriterMain() {
    }

    public static void main(String[] args) {
        RocksDbBackend store = RocksDbBackend.open(Path.of(args[0]), RocksDbSection.defaults());
        System.out.println("ready");
        for (long n = 0; ; n++) {
            byte[] key = KeyCodec.u64(n);
            try (WriteBatch batch = store.newBatch()) {
                batch.put(DATA, key, KeyCodec.builder().str("row").u64(n).build());
                batch.put(INDEX, key, new byte[] {0});
                store.write(batch);
            }
            System.out.println(n);
            if (System.out.checkError()) {
                return;
            }
        }
    }
}
