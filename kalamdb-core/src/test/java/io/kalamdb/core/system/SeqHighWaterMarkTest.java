package io.kalamdb.core.system;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kalamdb.commons.config.RocksDbSection;
import io.kalamdb.commons.errors.ErrorCode;
import io.kalamdb.commons.errors.KalamDbException;
import io.kalamdb.commons.ids.SnowflakeGenerator;
import io.kalamdb.store.ColumnFamily;
import io.kalamdb.store.KeyCodec;
import io.kalamdb.store.Partition;
import io.kalamdb.store.RocksDbBackend;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.api.io.TempDir;

/** RocksDB-backed tests take up to about 1 s (the first loads RocksDB), except the background writer test. */
@Timeout(value = 4000, unit = TimeUnit.MILLISECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
class SeqHighWaterMarkTest {
    private static final Partition COUNTERS = new Partition(ColumnFamily.SYSTEM_META, "counters");
    private static final byte[] KEY = KeyCodec.str("seq_hwm");
    private static final long ONE_SECOND_OF_IDS = 1000L << 22;
    /** 2025-06-15T15:06:40Z. */
    private static final long T = 1_750_000_000_000L;

    @TempDir
    Path dir;

    private RocksDbBackend backend;
    private final AtomicLong clock = new AtomicLong(T);

    @BeforeEach
    void open() {
        backend = RocksDbBackend.open(dir, RocksDbSection.defaults());
    }

    @AfterEach
    void close() {
        backend.close();
    }

    private void reopen() {
        backend.close();
        backend = RocksDbBackend.open(dir, RocksDbSection.defaults());
    }

    private static byte[] bigEndian(long v) {
        return ByteBuffer.allocate(8).putLong(v).array();
    }

    @Test
    void absentMarkLoadsAsZeroAndStartAfterAddsOneSecondOfIds() {
        assertEquals(0, SeqHighWaterMark.load(backend));
        assertEquals(ONE_SECOND_OF_IDS, SeqHighWaterMark.startAfter(0));
        assertEquals(12_345 + ONE_SECOND_OF_IDS, SeqHighWaterMark.startAfter(12_345));
        SnowflakeGenerator gen = SeqHighWaterMark.openGenerator(backend, clock::get);
        assertEquals(ONE_SECOND_OF_IDS, gen.startAfterId());
        assertEquals(0, gen.workerId());
        assertEquals(SnowflakeGenerator.minIdForTimestamp(T), gen.nextId());
    }

    @Test
    void persistsAndReloadsTheLastIssuedId() {
        SnowflakeGenerator gen = SeqHighWaterMark.openGenerator(backend, clock::get);
        SeqHighWaterMark mark = new SeqHighWaterMark(backend, gen);
        mark.persistNow();
        assertEquals(0, SeqHighWaterMark.load(backend), "nothing issued, nothing written");

        for (int i = 0; i < 10; i++) {
            gen.nextId();
        }
        long last = gen.lastIssued();
        assertEquals(SnowflakeGenerator.minIdForTimestamp(T) + 9, last);
        mark.persistNow();
        assertEquals(last, SeqHighWaterMark.load(backend));
        assertArrayEquals(bigEndian(last), backend.get(COUNTERS, KEY), "8 bytes big-endian");
        assertEquals(last, mark.persisted());

        reopen();
        assertEquals(last, SeqHighWaterMark.load(backend));
    }

    @Test
    void restartIssuesIdsAboveTheMarkPlusOneSecondEvenWhenTheClockWentBack() {
        SnowflakeGenerator gen = SeqHighWaterMark.openGenerator(backend, clock::get);
        SeqHighWaterMark mark = new SeqHighWaterMark(backend, gen);
        mark.start();
        for (int i = 0; i < 1000; i++) {
            gen.nextId();
        }
        mark.close();
        long stored = SeqHighWaterMark.load(backend);
        assertEquals(gen.lastIssued(), stored);

        reopen();
        clock.set(T - 3_600_000);
        SnowflakeGenerator restarted = SeqHighWaterMark.openGenerator(backend, clock::get);
        assertEquals(stored + ONE_SECOND_OF_IDS, restarted.startAfterId());
        long first = restarted.nextId();
        assertEquals(stored + ONE_SECOND_OF_IDS + 1, first);
        assertTrue(first > stored + ONE_SECOND_OF_IDS);
        long prev = first;
        for (int i = 0; i < 5000; i++) {
            long next = restarted.nextId();
            assertTrue(next > prev);
            prev = next;
        }
        SeqHighWaterMark second = new SeqHighWaterMark(backend, restarted);
        second.close();
        assertEquals(prev, SeqHighWaterMark.load(backend));
    }

    @Test
    void storedValueNeverDecreases() {
        SnowflakeGenerator gen = SeqHighWaterMark.openGenerator(backend, clock::get);
        SeqHighWaterMark mark = new SeqHighWaterMark(backend, gen);
        gen.reserve(100);
        mark.persistNow();
        long high = SeqHighWaterMark.load(backend);
        assertEquals(gen.lastIssued(), high);

        SnowflakeGenerator behind = new SnowflakeGenerator(0, () -> T - 10_000, 0);
        SeqHighWaterMark lower = new SeqHighWaterMark(backend, behind);
        assertEquals(high, lower.persisted());
        behind.nextId();
        assertTrue(behind.lastIssued() < high);
        lower.persistNow();
        lower.close();
        assertEquals(high, SeqHighWaterMark.load(backend));

        gen.nextId();
        mark.persistNow();
        assertEquals(gen.lastIssued(), SeqHighWaterMark.load(backend));
        assertTrue(gen.lastIssued() > high);
    }

    @Test
    void writesOnlyWhenTheLastIssuedIdChanged() {
        PutCountingBackend counting = new PutCountingBackend(backend);
        SnowflakeGenerator gen = SeqHighWaterMark.openGenerator(counting, clock::get);
        SeqHighWaterMark mark = new SeqHighWaterMark(counting, gen);
        mark.persistNow();
        assertEquals(0, counting.puts());
        gen.nextId();
        mark.persistNow();
        mark.persistNow();
        assertEquals(1, counting.puts());
        gen.nextId();
        mark.persistNow();
        mark.close();
        assertEquals(2, counting.puts());
        assertEquals(gen.lastIssued(), SeqHighWaterMark.load(backend));
    }

    @Test
    void leavesTheTableUidCounterAlone() {
        byte[] tableUidKey = KeyCodec.str("table_uid");
        backend.put(COUNTERS, tableUidKey, KeyCodec.u64(42));
        SnowflakeGenerator gen = SeqHighWaterMark.openGenerator(backend, clock::get);
        SeqHighWaterMark mark = new SeqHighWaterMark(backend, gen);
        gen.nextId();
        mark.close();
        assertArrayEquals(KeyCodec.u64(42), backend.get(COUNTERS, tableUidKey));
        assertEquals(gen.lastIssued(), SeqHighWaterMark.load(backend));
    }

    @Test
    @Timeout(value = 5000, unit = TimeUnit.MILLISECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
    void backgroundWriterPersistsWithinOneSecondAndOnlyOnChange() throws InterruptedException {
        PutCountingBackend counting = new PutCountingBackend(backend);
        SnowflakeGenerator gen = SeqHighWaterMark.openGenerator(counting, System::currentTimeMillis);
        SeqHighWaterMark mark = new SeqHighWaterMark(counting, gen);
        mark.start();
        try {
            assertThrows(IllegalStateException.class, mark::start);
            long issuedAt = System.nanoTime();
            long id = gen.nextId();
            while (SeqHighWaterMark.load(backend) != id) {
                Thread.sleep(10);
            }
            long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - issuedAt);
            assertTrue(waitedMillis < 1000, "persisted after " + waitedMillis + " ms");
            assertEquals(1, counting.puts());
            List<Thread> writers = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().equals("kalamdb-seq-hwm"))
                    .toList();
            assertEquals(1, writers.size());
            assertTrue(writers.get(0).isDaemon(), "the writer thread never keeps the JVM alive");

            Thread.sleep(1100);
            assertEquals(1, counting.puts(), "two idle periods wrote nothing");
        } finally {
            mark.close();
        }
        assertEquals(1, counting.puts());
    }

    @Test
    void closePersistsTheFinalValue() {
        SnowflakeGenerator gen = SeqHighWaterMark.openGenerator(backend, clock::get);
        SeqHighWaterMark mark = new SeqHighWaterMark(backend, gen);
        mark.start();
        gen.nextId();
        long last = gen.reserve(4095) + 4094;
        mark.close();
        assertEquals(last, SeqHighWaterMark.load(backend));
        mark.close();
        assertThrows(IllegalStateException.class, mark::start);

        reopen();
        assertEquals(last, SeqHighWaterMark.load(backend));
    }

    @Test
    void malformedMarkIsAnInternalError() {
        backend.put(COUNTERS, KEY, new byte[] {1, 2, 3});
        KalamDbException e = assertThrows(KalamDbException.class, () -> SeqHighWaterMark.load(backend));
        assertEquals(ErrorCode.INTERNAL_ERROR, e.code());
    }
}
