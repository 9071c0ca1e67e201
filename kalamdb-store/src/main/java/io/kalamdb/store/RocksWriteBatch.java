package io.kalamdb.store;

import io.kalamdb.commons.errors.KalamDbException;
import org.rocksdb.RocksDBException;

/** {@link WriteBatch} of a {@link RocksDbBackend}: physical keys are prefixed as the partitions require. */
final class RocksWriteBatch implements WriteBatch {
    private final RocksDbBackend owner;
    private final NativeBatch batch = new NativeBatch();
    private boolean closed;

    RocksWriteBatch(RocksDbBackend owner) {
        this.owner = owner;
    }

    @Override
    public void put(Partition p, byte[] key, byte[] value) {
        ensureOpen();
        try {
            batch.put(owner.handle(p), owner.physicalKey(p, key), value);
        } catch (RocksDBException e) {
            throw failure("put", p, e);
        }
    }

    @Override
    public void delete(Partition p, byte[] key) {
        ensureOpen();
        try {
            batch.delete(owner.handle(p), owner.physicalKey(p, key));
        } catch (RocksDBException e) {
            throw failure("delete", p, e);
        }
    }

    @Override
    public void deletePrefix(Partition p, byte[] prefix) {
        ensureOpen();
        byte[] from = owner.physicalKey(p, prefix);
        try {
            batch.deleteRange(owner.handle(p), from, KeyCodec.prefixEnd(from));
        } catch (RocksDBException e) {
            throw failure("deletePrefix", p, e);
        }
    }

    @Override
    public int size() {
        return closed ? 0 : batch.count();
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            batch.close();
        }
    }

    RocksDbBackend owner() {
        return owner;
    }

    NativeBatch nativeBatch() {
        ensureOpen();
        return batch;
    }

    private void ensureOpen() {
        if (closed) {
            throw KalamDbException.internal("write batch is closed", null);
        }
        owner.ensureOpen();
    }

    private static KalamDbException failure(String op, Partition p, RocksDBException e) {
        return KalamDbException.internal("write batch " + op + " failed in " + p + ": " + e.getMessage(), e);
    }
}
