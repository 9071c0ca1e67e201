package io.kalamdb.commons.ids;

import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process-wide Snowflake id generator behind {@code _seq}, {@code SNOWFLAKE_ID()} and
 * {@code DEFAULT SNOWFLAKE_ID()} (spec storage.md §3). An id is
 * {@code ((ts_ms − EPOCH_MILLIS) << 22) | (worker_id << 12) | sequence}: 41 bits of milliseconds since
 * 2024-01-01T00:00:00Z, 10 bits of worker and 12 bits of sequence.
 *
 * <p>Ids are strictly increasing and always greater than the {@code startAfterId} given at construction. Within
 * one millisecond the sequence increments; when it is exhausted the generator waits for the next millisecond, and a
 * new millisecond starts at sequence 0. When the clock reads up to {@value #MAX_CLOCK_WAIT_MILLIS} ms behind the
 * last issued id, the generator waits until it catches up. When it reads further behind, the generator continues
 * from the last issued id (next sequence, then the following milliseconds), logs one warning for the episode and
 * never fails.
 *
 * <p>Thread-safe. Issuing an id takes one monitor, one clock read and allocates nothing.
 */
public final class SnowflakeGenerator {
    /** The id epoch: 2024-01-01T00:00:00Z in Unix milliseconds. */
    public static final long EPOCH_MILLIS = 1704067200000L;
    /** The largest worker id (10 bits). */
    public static final int MAX_WORKER_ID = 0x3FF;
    /** The number of ids one millisecond holds per worker (12 bits of sequence), the largest reservation. */
    public static final int IDS_PER_MILLI = 0x1000;
    /** The largest backward clock step the generator waits out instead of continuing from the last id. */
    public static final long MAX_CLOCK_WAIT_MILLIS = 50;

    private static final Logger log = LoggerFactory.getLogger(SnowflakeGenerator.class);
    private static final int TIMESTAMP_SHIFT = 22;
    private static final int WORKER_SHIFT = 12;
    private static final long SEQUENCE_MASK = 0xFFFL;
    private static final long LOW_BITS_MASK = 0x3FFFFFL;
    private static final long PAUSE_NANOS = 100_000L;

    private final int workerId;
    private final long workerBits;
    private final LongSupplier millisClock;
    private final long startAfterId;

    /** The last issued id, or {@code startAfterId} before the first; written under the monitor. */
    private volatile long last;
    /** The highest clock reading seen, in ms since the epoch; guarded by the monitor. */
    private long highestClock = Long.MIN_VALUE;
    /** Whether ids are being issued ahead of a lagging clock; guarded by the monitor. */
    private boolean aheadOfClock;

    /**
     * A generator for one process.
     *
     * @param workerId     the worker id, 0–{@value #MAX_WORKER_ID} (0 in standalone)
     * @param millisClock  the wall clock in Unix milliseconds, e.g. {@code System::currentTimeMillis}
     * @param startAfterId every issued id is greater than this one (0 = no floor), e.g. the persisted high-water
     *                     mark plus one second of ids
     */
    public SnowflakeGenerator(int workerId, LongSupplier millisClock, long startAfterId) {
        if (workerId < 0 || workerId > MAX_WORKER_ID) {
            throw new IllegalArgumentException("worker id must be within 0.." + MAX_WORKER_ID + ": " + workerId);
        }
        if (millisClock == null) {
            throw new IllegalArgumentException("millisClock is required");
        }
        if (startAfterId < 0) {
            throw new IllegalArgumentException("startAfterId must not be negative: " + startAfterId);
        }
        this.workerId = workerId;
        this.workerBits = (long) workerId << WORKER_SHIFT;
        this.millisClock = millisClock;
        this.startAfterId = startAfterId;
        this.last = startAfterId;
    }

    /** The next id, greater than every id issued before. */
    public long nextId() {
        return allocate(1);
    }

    /**
     * Reserves {@code count} contiguous ids under one lock and returns the first: the ids
     * {@code first .. first + count - 1} all carry this worker, share one millisecond and are greater than every id
     * issued before; the next id issued is greater than all of them.
     *
     * @param count 1–{@value #IDS_PER_MILLI}; a larger batch takes several reservations
     */
    public long reserve(int count) {
        if (count < 1 || count > IDS_PER_MILLI) {
            throw new IllegalArgumentException("count must be within 1.." + IDS_PER_MILLI + ": " + count);
        }
        return allocate(count);
    }

    /** The last issued id (the end of the last reservation), or the start-after id before the first. */
    public long lastIssued() {
        return last;
    }

    /** The floor given at construction; every issued id is greater. */
    public long startAfterId() {
        return startAfterId;
    }

    /** This generator's worker id. */
    public int workerId() {
        return workerId;
    }

    /** The Unix milliseconds encoded in {@code id}. */
    public static long timestampMillis(long id) {
        return (id >> TIMESTAMP_SHIFT) + EPOCH_MILLIS;
    }

    /** The worker encoded in {@code id}. */
    public static int workerOf(long id) {
        return (int) ((id >> WORKER_SHIFT) & MAX_WORKER_ID);
    }

    /** The sequence encoded in {@code id}. */
    public static int sequenceOf(long id) {
        return (int) (id & SEQUENCE_MASK);
    }

    /** The largest id whose timestamp is at most {@code unixMillis}, the cut-off of TTL and retention. */
    public static long maxIdForTimestamp(long unixMillis) {
        return ((unixMillis - EPOCH_MILLIS) << TIMESTAMP_SHIFT) | LOW_BITS_MASK;
    }

    /** The smallest id whose timestamp is at least {@code unixMillis}. */
    public static long minIdForTimestamp(long unixMillis) {
        return (unixMillis - EPOCH_MILLIS) << TIMESTAMP_SHIFT;
    }

    private synchronized long allocate(int count) {
        long floor = last;
        long floorMs = floor >>> TIMESTAMP_SHIFT;
        while (true) {
            long now = millisClock.getAsLong() - EPOCH_MILLIS;
            if (now > floorMs) {
                highestClock = now;
                aheadOfClock = false;
                return issue((now << TIMESTAMP_SHIFT) | workerBits, count);
            }
            if (now > highestClock) {
                highestClock = now;
            }
            long behind = floorMs - now;
            if (behind == 0) {
                long first = firstFitting(floorMs, floor, count);
                if (first >= 0) {
                    aheadOfClock = false;
                    return issue(first, count);
                }
                Thread.onSpinWait();
            } else if (behind <= MAX_CLOCK_WAIT_MILLIS) {
                LockSupport.parkNanos(PAUSE_NANOS);
            } else {
                return borrow(floor, floorMs, now, count);
            }
        }
    }

    /** Continues after {@code floor} while the clock lags more than the wait limit behind it. */
    private long borrow(long floor, long floorMs, long now, int count) {
        if (!aheadOfClock) {
            aheadOfClock = true;
            if (highestClock - now > MAX_CLOCK_WAIT_MILLIS) {
                log.warn("Clock stepped back to {}, {} ms behind the last issued id {}; continuing after that id until"
                        + " the clock catches up", now + EPOCH_MILLIS, floorMs - now, floor);
            } else {
                log.info("Id floor {} is {} ms ahead of the clock; issuing ids after it until the clock catches up",
                        floor, floorMs - now);
            }
        }
        long first = firstFitting(floorMs, floor, count);
        if (first < 0) {
            first = ((floorMs + 1) << TIMESTAMP_SHIFT) | workerBits;
        }
        return issue(first, count);
    }

    /**
     * The first id of {@code count} contiguous ids of this worker in millisecond {@code ms} that are all greater
     * than {@code floor}, or -1 when the millisecond has no room left.
     */
    private long firstFitting(long ms, long floor, int count) {
        long base = (ms << TIMESTAMP_SHIFT) | workerBits;
        long first = Math.max(base, floor + 1);
        return first - base + count <= IDS_PER_MILLI ? first : -1;
    }

    private long issue(long first, int count) {
        last = first + count - 1;
        return first;
    }
}
