package io.kalamdb.store;

import io.kalamdb.commons.config.RocksDbSection;
import io.kalamdb.commons.errors.KalamDbException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.Cache;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.CompressionType;
import org.rocksdb.DBOptions;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.Slice;
import org.rocksdb.WriteOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link StorageBackend} on RocksDB: one column family per {@link ColumnFamily}, partitions as key prefixes,
 * the WAL always on. Point reads and writes share one {@link ReadOptions} and one {@link WriteOptions}; each
 * scan gets its own bounded iterator. Every RocksDB failure surfaces as a {@link KalamDbException}
 * ({@code INTERNAL_ERROR}).
 */
public final class RocksDbBackend implements StorageBackend {
    private static final Logger log = LoggerFactory.getLogger(RocksDbBackend.class);
    private static final int BLOOM_BITS_PER_KEY = 10;
    private static final int KEPT_INFO_LOGS = 5;

    static {
        RocksDB.loadLibrary();
    }

    private final Path dir;
    private final RocksDB db;
    private final EnumMap<ColumnFamily, ColumnFamilyHandle> handles;
    private final List<ColumnFamilyHandle> allHandles;
    private final List<AutoCloseable> resources;
    private final ReadOptions readOptions;
    private final WriteOptions writeOptions;
    private final Map<Partition, byte[]> prefixes = new ConcurrentHashMap<>();
    private final Set<RocksKvIterator> openIterators = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closed = new AtomicBoolean();

    private RocksDbBackend(Path dir, RocksDB db, EnumMap<ColumnFamily, ColumnFamilyHandle> handles,
                           List<ColumnFamilyHandle> allHandles, List<AutoCloseable> resources,
                           ReadOptions readOptions, WriteOptions writeOptions) {
        this.dir = dir;
        this.db = db;
        this.handles = handles;
        this.allHandles = allHandles;
        this.resources = resources;
        this.readOptions = readOptions;
        this.writeOptions = writeOptions;
    }

    /**
     * Opens (or creates) the store in {@code dir}, creating the directory and every column family.
     *
     * @throws StoreLockedException when another process or another open store holds the directory
     * @throws KalamDbException     ({@code INTERNAL_ERROR}) on any other failure
     */
    public static RocksDbBackend open(Path dir, RocksDbSection options) {
        long started = System.nanoTime();
        Path abs = dir.toAbsolutePath();
        try {
            Files.createDirectories(abs);
        } catch (IOException e) {
            throw KalamDbException.internal("cannot create data directory " + abs + ": " + e.getMessage(), e);
        }
        List<AutoCloseable> resources = new ArrayList<>();
        List<ColumnFamilyHandle> allHandles = new ArrayList<>();
        try {
            Cache cache = track(resources, new LRUCache(options.blockCacheSize()));
            BloomFilter bloom = track(resources, new BloomFilter(BLOOM_BITS_PER_KEY, false));
            BlockBasedTableConfig table = new BlockBasedTableConfig().setBlockCache(cache).setFilterPolicy(bloom);
            ColumnFamilyOptions cfOptions = track(resources, new ColumnFamilyOptions()
                    .setTableFormatConfig(table)
                    .setCompressionType(CompressionType.LZ4_COMPRESSION));
            DBOptions dbOptions = track(resources, new DBOptions()
                    .setCreateIfMissing(true)
                    .setCreateMissingColumnFamilies(true)
                    .setMaxBackgroundJobs(options.maxBackgroundJobs())
                    .setMaxOpenFiles(options.maxOpenFiles())
                    .setKeepLogFileNum(KEPT_INFO_LOGS));
            List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
            for (ColumnFamily cf : ColumnFamily.values()) {
                descriptors.add(new ColumnFamilyDescriptor(cf.nameBytes(), cfOptions));
            }
            for (byte[] name : existingColumnFamilies(abs)) {
                if (ColumnFamily.fromCfName(new String(name, StandardCharsets.UTF_8)) == null) {
                    descriptors.add(new ColumnFamilyDescriptor(name, cfOptions));
                }
            }
            RocksDB db = RocksDB.open(dbOptions, abs.toString(), descriptors, allHandles);
            EnumMap<ColumnFamily, ColumnFamilyHandle> handles = new EnumMap<>(ColumnFamily.class);
            for (ColumnFamily cf : ColumnFamily.values()) {
                handles.put(cf, allHandles.get(cf.ordinal()));
            }
            ReadOptions readOptions = track(resources, new ReadOptions());
            WriteOptions writeOptions = track(resources, new WriteOptions().setSync(options.syncWrites()));
            RocksDbBackend backend = new RocksDbBackend(abs, db, handles, allHandles, resources, readOptions,
                    writeOptions);
            if (options.compactOnStartup()) {
                try {
                    backend.compactAll();
                } catch (RuntimeException e) {
                    backend.close();
                    throw e;
                }
            }
            log.info("opened RocksDB store at {} ({} column families, sync_writes={}) in {} ms", abs,
                    allHandles.size(), options.syncWrites(), (System.nanoTime() - started) / 1_000_000);
            return backend;
        } catch (RocksDBException e) {
            closeQuietly(allHandles);
            closeQuietly(resources);
            if (isLockFailure(abs, e)) {
                throw new StoreLockedException(abs, e);
            }
            throw KalamDbException.internal("cannot open RocksDB store at " + abs + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(allHandles);
            closeQuietly(resources);
            throw e;
        }
    }

    /** The directory of the store. */
    public Path directory() {
        return dir;
    }

    @Override
    public byte[] get(Partition p, byte[] key) {
        ensureOpen();
        try {
            return db.get(handle(p), readOptions, physicalKey(p, key));
        } catch (RocksDBException e) {
            throw failure("get", p, e);
        }
    }

    @Override
    public void put(Partition p, byte[] key, byte[] value) {
        ensureOpen();
        try {
            db.put(handle(p), writeOptions, physicalKey(p, key), value);
        } catch (RocksDBException e) {
            throw failure("put", p, e);
        }
    }

    @Override
    public void delete(Partition p, byte[] key) {
        ensureOpen();
        try {
            db.delete(handle(p), writeOptions, physicalKey(p, key));
        } catch (RocksDBException e) {
            throw failure("delete", p, e);
        }
    }

    @Override
    public CloseableIterator<KeyValue> scanPrefix(Partition p, byte[] prefix) {
        byte[] from = physicalKey(p, prefix);
        return iterate(p, from, KeyCodec.prefixEnd(from), false);
    }

    @Override
    public CloseableIterator<KeyValue> scanRange(Partition p, byte[] fromInclusive, byte[] toExclusive) {
        byte[] partitionPrefix = prefix(p);
        byte[] from = fromInclusive == null ? partitionPrefix : KeyCodec.concat(partitionPrefix, fromInclusive);
        byte[] to = toExclusive == null ? KeyCodec.prefixEnd(partitionPrefix)
                : KeyCodec.concat(partitionPrefix, toExclusive);
        return iterate(p, from, to, false);
    }

    @Override
    public CloseableIterator<KeyValue> scanPrefixReverse(Partition p, byte[] prefix) {
        byte[] from = physicalKey(p, prefix);
        return iterate(p, from, KeyCodec.prefixEnd(from), true);
    }

    @Override
    public WriteBatch newBatch() {
        ensureOpen();
        return new RocksWriteBatch(this);
    }

    @Override
    public void write(WriteBatch batch) {
        ensureOpen();
        if (!(batch instanceof RocksWriteBatch rocksBatch) || rocksBatch.owner() != this) {
            throw KalamDbException.internal("write batch was not created by the store at " + dir, null);
        }
        try {
            rocksBatch.nativeBatch().writeTo(db, writeOptions);
        } catch (RocksDBException e) {
            throw KalamDbException.internal("RocksDB batch write failed at " + dir + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void deletePrefix(Partition p, byte[] prefix) {
        ensureOpen();
        byte[] from = physicalKey(p, prefix);
        try {
            db.deleteRange(handle(p), writeOptions, from, KeyCodec.prefixEnd(from));
        } catch (RocksDBException e) {
            throw failure("deletePrefix", p, e);
        }
    }

    @Override
    public void compactPrefix(Partition p, byte[] prefix) {
        ensureOpen();
        byte[] from = physicalKey(p, prefix);
        try {
            db.compactRange(handle(p), from, KeyCodec.prefixEnd(from));
        } catch (RocksDBException e) {
            throw failure("compactPrefix", p, e);
        }
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (!openIterators.isEmpty()) {
            log.warn("closing RocksDB store at {} with {} unclosed iterator(s)", dir, openIterators.size());
            for (RocksKvIterator it : List.copyOf(openIterators)) {
                it.close();
            }
        }
        try {
            db.flushWal(true);
        } catch (RocksDBException e) {
            log.warn("syncing the WAL of {} at close failed: {}", dir, e.getMessage());
        }
        closeQuietly(allHandles);
        try {
            db.closeE();
        } catch (RocksDBException e) {
            log.warn("closing RocksDB store at {} reported: {}", dir, e.getMessage());
        }
        closeQuietly(resources);
        log.info("closed RocksDB store at {}", dir);
    }

    ColumnFamilyHandle handle(Partition p) {
        return handles.get(p.cf());
    }

    byte[] physicalKey(Partition p, byte[] key) {
        return KeyCodec.concat(prefix(p), key);
    }

    void release(RocksKvIterator it) {
        openIterators.remove(it);
    }

    private byte[] prefix(Partition p) {
        return prefixes.computeIfAbsent(p, part -> KeyCodec.str(part.name()));
    }

    private CloseableIterator<KeyValue> iterate(Partition p, byte[] from, byte[] to, boolean reverse) {
        ensureOpen();
        Slice lower = new Slice(from);
        Slice upper = new Slice(to);
        ReadOptions options = new ReadOptions().setIterateLowerBound(lower).setIterateUpperBound(upper);
        RocksKvIterator it = new RocksKvIterator(this, p, db.newIterator(handle(p), options), options, lower, upper,
                prefix(p).length, reverse);
        openIterators.add(it);
        return it;
    }

    private void compactAll() {
        long started = System.nanoTime();
        for (ColumnFamily cf : ColumnFamily.values()) {
            try {
                db.compactRange(handles.get(cf));
            } catch (RocksDBException e) {
                throw KalamDbException.internal("startup compaction of " + cf.cfName() + " at " + dir + " failed: "
                        + e.getMessage(), e);
            }
        }
        log.info("compacted RocksDB store at {} on startup in {} ms", dir, (System.nanoTime() - started) / 1_000_000);
    }

    void ensureOpen() {
        if (closed.get()) {
            throw KalamDbException.internal("RocksDB store at " + dir + " is closed", null);
        }
    }

    private static KalamDbException failure(String op, Partition p, RocksDBException e) {
        return KalamDbException.internal("RocksDB " + op + " failed in " + p + ": " + e.getMessage(), e);
    }

    private static List<byte[]> existingColumnFamilies(Path dir) throws RocksDBException {
        if (!Files.exists(dir.resolve("CURRENT"))) {
            return Collections.emptyList();
        }
        try (Options options = new Options()) {
            return RocksDB.listColumnFamilies(options, dir.toString());
        }
    }

    /**
     * RocksDB reports a held lock as an IO error on the {@code LOCK} file: {@code While lock file: <dir>/LOCK: ...}
     * when another process holds it, {@code lock hold by current process ...} when this JVM does.
     */
    private static boolean isLockFailure(Path dir, RocksDBException e) {
        String message = e.getMessage();
        return message != null && (message.contains("While lock file")
                || message.contains("lock hold by current process")
                || message.contains(dir.resolve("LOCK") + ":"));
    }

    private static <T extends AutoCloseable> T track(List<AutoCloseable> resources, T resource) {
        resources.add(resource);
        return resource;
    }

    private static void closeQuietly(List<? extends AutoCloseable> closeables) {
        for (int i = closeables.size() - 1; i >= 0; i--) {
            try {
                closeables.get(i).close();
            } catch (Exception e) {
                log.warn("releasing a RocksDB resource failed: {}", e.getMessage());
            }
        }
    }
}
