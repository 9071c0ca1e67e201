package io.kalamdb.core.system;

import io.kalamdb.store.CloseableIterator;
import io.kalamdb.store.KeyValue;
import io.kalamdb.store.Partition;
import io.kalamdb.store.StorageBackend;
import io.kalamdb.store.WriteBatch;
import java.util.concurrent.atomic.AtomicInteger;

/** A {@link StorageBackend} delegating every call, counting the single-key puts. */
final class PutCountingBackend implements StorageBackend {
    private final StorageBackend delegate;
    private final AtomicInteger puts = new AtomicInteger();

    PutCountingBackend(StorageBackend delegate) {
        this.delegate = delegate;
    }

    /** How many {@link #put} calls went through. */
    int puts() {
        return puts.get();
    }

    @Override
    public byte[] get(Partition p, byte[] key) {
        return delegate.get(p, key);
    }

    @Override
    public void put(Partition p, byte[] key, byte[] value) {
        puts.incrementAndGet();
        delegate.put(p, key, value);
    }

    @Override
    public void delete(Partition p, byte[] key) {
        delegate.delete(p, key);
    }

    @Override
    public CloseableIterator<KeyValue> scanPrefix(Partition p, byte[] prefix) {
        return delegate.scanPrefix(p, prefix);
    }

    @Override
    public CloseableIterator<KeyValue> scanRange(Partition p, byte[] fromInclusive, byte[] toExclusive) {
        return delegate.scanRange(p, fromInclusive, toExclusive);
    }

    @Override
    public CloseableIterator<KeyValue> scanPrefixReverse(Partition p, byte[] prefix) {
        return delegate.scanPrefixReverse(p, prefix);
    }

    @Override
    public WriteBatch newBatch() {
        return delegate.newBatch();
    }

    @Override
    public void write(WriteBatch batch) {
        delegate.write(batch);
    }

    @Override
    public void deletePrefix(Partition p, byte[] prefix) {
        delegate.deletePrefix(p, prefix);
    }

    @Override
    public void compactPrefix(Partition p, byte[] prefix) {
        delegate.compactPrefix(p, prefix);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
