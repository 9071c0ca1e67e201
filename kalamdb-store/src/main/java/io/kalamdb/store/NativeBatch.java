package io.kalamdb.store;

import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/** The native RocksDB batch behind a {@link RocksWriteBatch}, kept apart so the two batch types never clash. */
final class NativeBatch implements AutoCloseable {
    private final WriteBatch batch = new WriteBatch();

    void put(ColumnFamilyHandle cf, byte[] key, byte[] value) throws RocksDBException {
        batch.put(cf, key, value);
    }

    void delete(ColumnFamilyHandle cf, byte[] key) throws RocksDBException {
        batch.delete(cf, key);
    }

    void deleteRange(ColumnFamilyHandle cf, byte[] from, byte[] to) throws RocksDBException {
        batch.deleteRange(cf, from, to);
    }

    int count() {
        return batch.count();
    }

    void writeTo(RocksDB db, WriteOptions options) throws RocksDBException {
        db.write(options, batch);
    }

    @Override
    public void close() {
        batch.close();
    }
}
