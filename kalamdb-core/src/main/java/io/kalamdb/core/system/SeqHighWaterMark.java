package io.kalamdb.core.system;

import io.kalamdb.commons.errors.ErrorCode;
import io.kalamdb.commons.errors.KalamDbException;
import io.kalamdb.commons.ids.SnowflakeGenerator;
import io.kalamdb.store.ColumnFamily;
import io.kalamdb.store.KeyCodec;
import io.kalamdb.store.Partition;
import io.kalamdb.store.StorageBackend;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The restart-safety high-water mark of the process {@link SnowflakeGenerator} (spec storage.md §3): the last
 * issued id, stored as 8 bytes big-endian in {@code system_meta/counters} under {@code str("seq_hwm")}. It is
 * written at least once per second while ids are being issued, and at shutdown; the stored value never
 * decreases. After a restart the generator issues only ids greater than {@link #startAfter(long)} of the stored
 * mark, so a {@code _seq} is never reused or reordered, even when the wall clock went back.
 *
 * <p>Thread-safe.
 */
public final class SeqHighWaterMark implements AutoCloseable {
    /** The counters partition, shared with the table uid counter; this class only touches its own key. */
    static final Partition COUNTERS = new Partition(ColumnFamily.SYSTEM_META, "counters");
    static final byte[] KEY = KeyCodec.str("seq_hwm");
    /** Ids of one second: a restart starts this far above the stored mark. */
    static final long ONE_SECOND_OF_IDS = 1000L << 22;
    /** How often the mark is checked; twice a second keeps every write within the spec's one second. */
    static final long PERSIST_PERIOD_MILLIS = 500;

    private static final Logger log = LoggerFactory.getLogger(SeqHighWaterMark.class);
    private static final int VALUE_BYTES = 8;

    private final StorageBackend backend;
    private final SnowflakeGenerator generator;
    /** The highest value stored; guarded by {@code this}. */
    private long persisted;
    /** The scheduler once started; guarded by {@code this}. */
    private ScheduledExecutorService scheduler;
    private boolean closed;

    /**
     * A high-water mark for {@code generator}, stored in {@code backend}. Nothing is written until an id is issued
     * and {@link #persistNow()}, the scheduler of {@link #start()} or {@link #close()} runs.
     */
    public SeqHighWaterMark(StorageBackend backend, SnowflakeGenerator generator) {
        this.backend = backend;
        this.generator = generator;
        this.persisted = load(backend);
    }

    /** The stored mark, or 0 when none was ever stored. */
    public static long load(StorageBackend backend) {
        byte[] value = backend.get(COUNTERS, KEY);
        if (value == null) {
            return 0;
        }
        if (value.length != VALUE_BYTES) {
            throw new KalamDbException(ErrorCode.INTERNAL_ERROR,
                    "malformed _seq high-water mark: " + value.length + " bytes instead of " + VALUE_BYTES);
        }
        return KeyCodec.reader(value).u64();
    }

    /** The floor of a generator started after {@code mark}: the mark plus one second of ids. */
    public static long startAfter(long mark) {
        return mark + ONE_SECOND_OF_IDS;
    }

    /** The process generator (worker 0) issuing only ids greater than {@code startAfter(load(backend))}. */
    public static SnowflakeGenerator openGenerator(StorageBackend backend, LongSupplier clock) {
        long mark = load(backend);
        long floor = startAfter(mark);
        log.info("Snowflake generator starts after id {} (stored high-water mark {})", floor, mark);
        return new SnowflakeGenerator(0, clock, floor);
    }

    /** Starts persisting the mark in the background, twice a second, whenever it changed. */
    public synchronized void start() {
        if (closed) {
            throw new IllegalStateException("the _seq high-water mark is closed");
        }
        if (scheduler != null) {
            throw new IllegalStateException("the _seq high-water mark is already started");
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "kalamdb-seq-hwm");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleAtFixedRate(this::persistInBackground, PERSIST_PERIOD_MILLIS, PERSIST_PERIOD_MILLIS,
                TimeUnit.MILLISECONDS);
    }

    /**
     * Stores the generator's last issued id when an id was issued and it is above the stored mark; otherwise
     * writes nothing.
     */
    public synchronized void persistNow() {
        long last = generator.lastIssued();
        if (last == generator.startAfterId() || last <= persisted) {
            return;
        }
        backend.put(COUNTERS, KEY, KeyCodec.u64(last));
        persisted = last;
    }

    /** The highest mark this object has read or stored. */
    public synchronized long persisted() {
        return persisted;
    }

    /** Stops the background writes and stores the final mark; idempotent. */
    @Override
    public void close() {
        ScheduledExecutorService running;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            running = scheduler;
            scheduler = null;
        }
        if (running != null) {
            running.shutdown();
            try {
                if (!running.awaitTermination(5, TimeUnit.SECONDS)) {
                    log.warn("The _seq high-water mark writer did not stop within 5 s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        persistNow();
    }

    private void persistInBackground() {
        try {
            persistNow();
        } catch (RuntimeException e) {
            log.warn("Could not persist the _seq high-water mark {}", generator.lastIssued(), e);
        }
    }
}
