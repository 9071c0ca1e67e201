package io.kalamdb.store;

import io.kalamdb.commons.errors.KalamDbException;
import java.util.Arrays;
import java.util.NoSuchElementException;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Slice;

/**
 * A bounded RocksDB iterator over one partition, forward or backward, returning keys without the partition
 * prefix. It owns its read options and bound slices and frees them when closed or exhausted.
 */
final class RocksKvIterator implements CloseableIterator<KeyValue> {
    private final RocksDbBackend owner;
    private final Partition partition;
    private final RocksIterator it;
    private final ReadOptions options;
    private final Slice lower;
    private final Slice upper;
    private final int prefixLength;
    private final boolean reverse;
    private boolean closed;

    RocksKvIterator(RocksDbBackend owner, Partition partition, RocksIterator it, ReadOptions options, Slice lower,
                    Slice upper, int prefixLength, boolean reverse) {
        this.owner = owner;
        this.partition = partition;
        this.it = it;
        this.options = options;
        this.lower = lower;
        this.upper = upper;
        this.prefixLength = prefixLength;
        this.reverse = reverse;
        if (reverse) {
            it.seekToLast();
        } else {
            it.seekToFirst();
        }
    }

    @Override
    public boolean hasNext() {
        if (closed) {
            return false;
        }
        if (it.isValid()) {
            return true;
        }
        try {
            it.status();
        } catch (RocksDBException e) {
            close();
            throw KalamDbException.internal("RocksDB scan failed in " + partition + ": " + e.getMessage(), e);
        }
        close();
        return false;
    }

    @Override
    public KeyValue next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        byte[] key = it.key();
        KeyValue kv = new KeyValue(Arrays.copyOfRange(key, prefixLength, key.length), it.value());
        if (reverse) {
            it.prev();
        } else {
            it.next();
        }
        return kv;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        owner.release(this);
        it.close();
        options.close();
        lower.close();
        upper.close();
    }
}
