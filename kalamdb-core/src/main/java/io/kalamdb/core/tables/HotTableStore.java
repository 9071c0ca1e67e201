package io.kalamdb.core.tables;

import io.kalamdb.commons.enums.TableType;
import io.kalamdb.commons.models.ColumnDefinition;
import io.kalamdb.commons.models.TableDefinition;
import io.kalamdb.commons.types.RowCodec;
import io.kalamdb.commons.types.RowRecord;
import io.kalamdb.store.CloseableIterator;
import io.kalamdb.store.KeyBuilder;
import io.kalamdb.store.KeyCodec;
import io.kalamdb.store.KeyReader;
import io.kalamdb.store.KeyValue;
import io.kalamdb.store.StorageBackend;
import io.kalamdb.store.WriteBatch;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * Row versions in RocksDB (spec storage.md §4): appends versions with their PK index entries, finds the latest
 * version of a key through the PK index, and resolves the latest visible version per key for scans.
 * Key layout: {@link HotPartitions}. USER and STREAM keys carry the owner after the uid; SHARED keys do not.
 */
public final class HotTableStore {
    private static final byte LIVE = 0;
    private static final byte TOMBSTONE = 1;
    private static final int LOCK_STRIPES = 256;

    private final StorageBackend backend;
    private final Object[] commitLocks = new Object[LOCK_STRIPES];
    private final LongAdder rowsRead = new LongAdder();

    public HotTableStore(StorageBackend backend) {
        this.backend = backend;
        for (int i = 0; i < LOCK_STRIPES; i++) {
            commitLocks[i] = new Object();
        }
    }

    public StorageBackend backend() {
        return backend;
    }

    /** Row records read so far (a counter that proves which reads were point lookups and which were scans). */
    public long rowsRead() {
        return rowsRead.sum();
    }

    /** The lock under which a scope's {@code _seq} values are allocated and its batch is written (commit order). */
    public Object commitLock(TableDefinition def, String scope) {
        int h = Long.hashCode(def.tableUid()) * 31 + (scope == null ? 0 : scope.hashCode());
        return commitLocks[Math.floorMod(h, LOCK_STRIPES)];
    }

    /** True when the table's rows are partitioned by owner. */
    public static boolean isScoped(TableDefinition def) {
        return def.tableType() == TableType.USER || def.tableType() == TableType.STREAM;
    }

    private static KeyBuilder scopePrefix(TableDefinition def, String scope) {
        KeyBuilder key = KeyCodec.builder(48).u64(def.tableUid());
        if (isScoped(def)) {
            key.str(scope);
        }
        return key;
    }

    /** The PK index prefix of one key, or of a whole scope when {@code pkValue} is null. */
    private static byte[] pkPrefix(TableDefinition def, String scope, Object pkValue) {
        KeyBuilder key = scopePrefix(def, scope);
        if (pkValue != null) {
            ColumnDefinition pk = def.primaryKey();
            PkCodec.append(key, pk.dataType(), pkValue);
        }
        return key.build();
    }

    private static byte[] rowKey(TableDefinition def, String scope, long seq) {
        return scopePrefix(def, scope).u64(seq).build();
    }

    /** Adds one version (row record + PK index entry) to a batch. */
    public void addVersion(WriteBatch batch, TableDefinition def, String scope, long seq, Object pkValue,
                           byte[] record, boolean deleted) {
        if (def.tableType() == TableType.STREAM) {
            batch.put(HotPartitions.STREAM_ROWS, rowKey(def, scope, seq), record);
            return;
        }
        batch.put(HotPartitions.ROWS, rowKey(def, scope, seq), record);
        batch.put(HotPartitions.PK_INDEX, pkPrefix(def, scope, pkValue),
                KeyCodec.builder(9).u64(seq).u8(deleted ? TOMBSTONE : LIVE).build());
    }

    /** Removes a STREAM row (hard delete). */
    public void deleteStreamRow(WriteBatch batch, TableDefinition def, String scope, long seq) {
        batch.delete(HotPartitions.STREAM_ROWS, rowKey(def, scope, seq));
    }

    /** The latest version of a primary key in a scope, tombstones included; null when the key was never written. */
    public RowVersion latest(TableDefinition def, String scope, Object pkValue) {
        byte[] pointer = backend.get(HotPartitions.PK_INDEX, pkPrefix(def, scope, pkValue));
        if (pointer == null) {
            return null;
        }
        long seq = KeyCodec.reader(pointer).u64();
        byte[] row = backend.get(HotPartitions.ROWS, rowKey(def, scope, seq));
        rowsRead.increment();
        return row == null ? null : new RowVersion(seq, scope, RowCodec.decode(row));
    }

    /**
     * Emits the latest version of every key of a scope (all scopes when {@code scope} is null on a USER table, the
     * whole table for SHARED). Tombstones are emitted only when {@code includeDeleted}. One sequential pass over
     * the row versions ({@code _seq} order, so a later version replaces an earlier one); no order is promised.
     */
    public void scanLatest(TableDefinition def, String scope, boolean includeDeleted, Consumer<RowVersion> sink) {
        byte[] prefix = scope == null || !isScoped(def) ? KeyCodec.u64(def.tableUid()) : scopePrefix(def, scope).build();
        int pkColumn = def.primaryKey().columnId();
        Map<Object, RowVersion> latest = new LinkedHashMap<>();
        try (CloseableIterator<KeyValue> it = backend.scanPrefix(HotPartitions.ROWS, prefix)) {
            while (it.hasNext()) {
                KeyValue kv = it.next();
                byte[] key = kv.key();
                String owner = null;
                if (isScoped(def)) {
                    owner = KeyCodec.reader(key, 8).str();
                }
                RowRecord record = RowCodec.decode(kv.value());
                rowsRead.increment();
                Object pk = record.valueOf(pkColumn);
                Object mapKey = owner == null ? keyOf(pk) : List.of(owner, keyOf(pk));
                latest.put(mapKey, new RowVersion(seqOf(key), owner, record));
            }
        }
        for (RowVersion v : latest.values()) {
            if (includeDeleted || !v.record().deleted()) {
                sink.accept(v);
            }
        }
    }

    /** Primary-key values as map keys: decimals compare by value, not by scale. */
    private static Object keyOf(Object pk) {
        return pk instanceof BigDecimal d ? d.stripTrailingZeros() : pk;
    }

    /** Emits the rows of a STREAM scope (every scope when null) in {@code _seq} order. */
    public void scanStream(TableDefinition def, String scope, Consumer<RowVersion> sink) {
        byte[] prefix = scope == null ? KeyCodec.u64(def.tableUid()) : scopePrefix(def, scope).build();
        try (CloseableIterator<KeyValue> it = backend.scanPrefix(HotPartitions.STREAM_ROWS, prefix)) {
            while (it.hasNext()) {
                KeyValue kv = it.next();
                KeyReader reader = KeyCodec.reader(kv.key(), 8);
                String owner = reader.str();
                rowsRead.increment();
                sink.accept(new RowVersion(reader.u64(), owner, RowCodec.decode(kv.value())));
            }
        }
    }

    /** The number of stored hot versions of a scope (all scopes when null), tombstones included. */
    public long countVersions(TableDefinition def, String scope) {
        byte[] prefix = scope == null || !isScoped(def) ? KeyCodec.u64(def.tableUid()) : scopePrefix(def, scope).build();
        long n = 0;
        try (CloseableIterator<KeyValue> it = backend.scanPrefix(
                def.tableType() == TableType.STREAM ? HotPartitions.STREAM_ROWS : HotPartitions.ROWS, prefix)) {
            while (it.hasNext()) {
                it.next();
                n++;
            }
        }
        return n;
    }

    private static long seqOf(byte[] key) {
        return KeyCodec.reader(key, key.length - 8).u64();
    }
}
