package io.kalamdb.commons.ids;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

/** Fake-clock tests run in well under 200 ms; the timeout also stops a generator spinning on a frozen clock. */
@Timeout(value = 2000, unit = TimeUnit.MILLISECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
class SnowflakeGeneratorTest {
    private static final long EPOCH = SnowflakeGenerator.EPOCH_MILLIS;
    /** 2025-06-15T15:06:40Z, an arbitrary wall-clock time after the epoch. */
    private static final long T = 1_750_000_000_000L;

    private static long id(long unixMillis, int worker, int seq) {
        return ((unixMillis - EPOCH) << 22) | ((long) worker << 12) | seq;
    }

    @Test
    @Timeout(value = 3000, unit = TimeUnit.MILLISECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
    void idsStrictlyIncreaseOverOneMillionCalls() {
        SnowflakeGenerator gen = new SnowflakeGenerator(0, System::currentTimeMillis, 0);
        long before = System.currentTimeMillis();
        long prev = gen.nextId();
        long first = prev;
        for (int i = 1; i < 1_000_000; i++) {
            long next = gen.nextId();
            if (next <= prev) {
                throw new AssertionError("id " + next + " after " + prev + " at call " + i);
            }
            prev = next;
        }
        long after = System.currentTimeMillis();
        assertEquals(prev, gen.lastIssued());
        assertTrue(SnowflakeGenerator.timestampMillis(first) >= before);
        assertTrue(SnowflakeGenerator.timestampMillis(prev) <= after);
        assertEquals(0, SnowflakeGenerator.workerOf(prev));
    }

    @Test
    void decodesTimestampWorkerAndSequence() {
        long raw = (123_456L << 22) | (5L << 12) | 7;
        assertEquals(EPOCH + 123_456L, SnowflakeGenerator.timestampMillis(raw));
        assertEquals(5, SnowflakeGenerator.workerOf(raw));
        assertEquals(7, SnowflakeGenerator.sequenceOf(raw));

        long extreme = id(T, 1023, 4095);
        assertEquals(T, SnowflakeGenerator.timestampMillis(extreme));
        assertEquals(1023, SnowflakeGenerator.workerOf(extreme));
        assertEquals(4095, SnowflakeGenerator.sequenceOf(extreme));

        FakeClock clock = new FakeClock(T);
        SnowflakeGenerator gen = new SnowflakeGenerator(1023, clock, 0);
        long a = gen.nextId();
        long b = gen.nextId();
        assertEquals(id(T, 1023, 0), a);
        assertEquals(id(T, 1023, 1), b);
        assertEquals(T, SnowflakeGenerator.timestampMillis(b));
        assertEquals(1023, SnowflakeGenerator.workerOf(b));
        assertEquals(1, SnowflakeGenerator.sequenceOf(b));
        assertEquals(1023, gen.workerId());
        assertTrue(a > 0);
    }

    @Test
    void newMillisecondResetsTheSequence() {
        FakeClock clock = new FakeClock(T);
        SnowflakeGenerator gen = new SnowflakeGenerator(2, clock, 0);
        assertEquals(id(T, 2, 0), gen.nextId());
        assertEquals(id(T, 2, 1), gen.nextId());
        assertEquals(id(T, 2, 2), gen.nextId());
        clock.set(T + 1);
        assertEquals(id(T + 1, 2, 0), gen.nextId());
        clock.set(T + 9);
        assertEquals(id(T + 9, 2, 0), gen.nextId());
    }

    @Test
    void sequenceWrapWaitsForTheNextMillisecond() {
        FakeClock clock = new FakeClock(T);
        SnowflakeGenerator gen = new SnowflakeGenerator(1, clock, 0);
        for (int seq = 0; seq < 4096; seq++) {
            assertEquals(id(T, 1, seq), gen.nextId());
        }
        clock.step(1);
        long polls = clock.polls();
        assertEquals(id(T + 1, 1, 0), gen.nextId());
        assertEquals(2, clock.polls() - polls, "one read of the exhausted millisecond, one of the next");
    }

    @Test
    void smallBackwardStepIsWaitedOut() {
        FakeClock clock = new FakeClock(T);
        SnowflakeGenerator gen = new SnowflakeGenerator(0, clock, 0);
        assertEquals(id(T, 0, 0), gen.nextId());

        clock.set(T - 30);
        clock.step(1);
        long polls = clock.polls();
        assertEquals(id(T, 0, 1), gen.nextId());
        assertEquals(31, clock.polls() - polls, "reads T-30 .. T");

        clock.step(0);
        clock.set(T + 100);
        assertEquals(id(T + 100, 0, 0), gen.nextId());
        clock.set(T + 50);
        clock.step(1);
        polls = clock.polls();
        assertEquals(id(T + 100, 0, 1), gen.nextId());
        assertEquals(51, clock.polls() - polls, "a step of exactly 50 ms is still waited out");
    }

    @Test
    void largeBackwardStepContinuesFromTheLastIdWithoutFailing() {
        FakeClock clock = new FakeClock(T);
        SnowflakeGenerator gen = new SnowflakeGenerator(0, clock, 0);
        assertEquals(id(T, 0, 0), gen.nextId());

        clock.set(T - 1000);
        long polls = clock.polls();
        long prev = gen.nextId();
        assertEquals(id(T, 0, 1), prev);
        for (int i = 0; i < 5000; i++) {
            long next = gen.nextId();
            assertTrue(next > prev);
            prev = next;
        }
        assertEquals(id(T + 1, 0, 905), prev, "4094 more ids in T, then 906 borrowed from T+1");
        assertEquals(5001, clock.polls() - polls, "no waiting: one clock read per id");

        clock.set(T - 51);
        assertEquals(id(T + 1, 0, 906), gen.nextId(), "51 ms behind is still continued, not waited");

        clock.set(T + 10);
        assertEquals(id(T + 10, 0, 0), gen.nextId(), "back to the clock once it has caught up");
    }

    @Test
    void reserveReturnsContiguousIdsAndNextIdFollows() {
        FakeClock clock = new FakeClock(T);
        SnowflakeGenerator gen = new SnowflakeGenerator(3, clock, 0);
        assertEquals(id(T, 3, 0), gen.nextId());

        long first = gen.reserve(100);
        assertEquals(id(T, 3, 1), first);
        assertEquals(first + 99, gen.lastIssued());
        for (int k = 0; k < 100; k++) {
            long reserved = first + k;
            assertEquals(T, SnowflakeGenerator.timestampMillis(reserved));
            assertEquals(3, SnowflakeGenerator.workerOf(reserved));
            assertEquals(k + 1, SnowflakeGenerator.sequenceOf(reserved));
        }
        assertEquals(first + 100, gen.nextId());

        clock.step(1);
        long second = gen.reserve(4000);
        assertEquals(id(T + 1, 3, 0), second, "3994 ids left in T: the reservation waits for T+1");
        assertEquals(second + 3999, gen.lastIssued());

        clock.step(0);
        clock.set(T + 5);
        assertEquals(id(T + 5, 3, 0), gen.reserve(4096));
        assertEquals(id(T + 5, 3, 4095), gen.lastIssued());
        clock.step(1);
        assertEquals(id(T + 6, 3, 0), gen.nextId());

        assertThrows(IllegalArgumentException.class, () -> gen.reserve(0));
        assertThrows(IllegalArgumentException.class, () -> gen.reserve(4097));
    }

    @Test
    void reserveBorrowsTheNextMillisecondWhenTheClockIsFarBehind() {
        FakeClock clock = new FakeClock(T);
        SnowflakeGenerator gen = new SnowflakeGenerator(0, clock, 0);
        assertEquals(id(T, 0, 0), gen.nextId());
        clock.set(T - 1000);
        assertEquals(id(T, 0, 1), gen.reserve(4095));
        assertEquals(id(T + 1, 0, 0), gen.reserve(10));
        assertEquals(id(T + 1, 0, 10), gen.nextId());
    }

    @Test
    void startAfterIdIsHonoured() {
        FakeClock clock = new FakeClock(T);
        long ahead = id(T + 500, 0, 7);
        SnowflakeGenerator gen = new SnowflakeGenerator(0, clock, ahead);
        assertEquals(ahead, gen.lastIssued());
        assertEquals(ahead, gen.startAfterId());
        assertEquals(ahead + 1, gen.nextId());

        assertEquals(id(T, 0, 0), new SnowflakeGenerator(0, clock, id(T - 500, 0, 7)).nextId());
        assertEquals(id(T, 0, 11), new SnowflakeGenerator(0, clock, id(T, 0, 10)).nextId());
        assertEquals(id(T, 3, 0), new SnowflakeGenerator(3, clock, id(T, 1, 4095)).nextId());

        long nearAhead = id(T + 20, 0, 3);
        SnowflakeGenerator waiting = new SnowflakeGenerator(0, clock, nearAhead);
        clock.step(1);
        long polls = clock.polls();
        assertEquals(nearAhead + 1, waiting.nextId());
        assertEquals(21, clock.polls() - polls, "a floor 20 ms ahead is waited out");

        clock.step(0);
        clock.set(T);
        SnowflakeGenerator higherWorker = new SnowflakeGenerator(3, clock, id(T, 5, 0));
        clock.step(1);
        assertEquals(id(T + 1, 3, 0), higherWorker.nextId(), "no id of worker 3 in T is above worker 5's");
    }

    @Test
    void timestampBoundsEncloseEveryIdOfTheirMillisecond() {
        long max = SnowflakeGenerator.maxIdForTimestamp(T);
        long min = SnowflakeGenerator.minIdForTimestamp(T);
        assertEquals(((T - EPOCH) << 22) | 0x3FFFFF, max);
        assertEquals((T - EPOCH) << 22, min);
        assertEquals(T, SnowflakeGenerator.timestampMillis(max));
        assertEquals(T, SnowflakeGenerator.timestampMillis(min));
        assertEquals(T + 1, SnowflakeGenerator.timestampMillis(max + 1));
        assertEquals(T - 1, SnowflakeGenerator.timestampMillis(min - 1));
        assertEquals(SnowflakeGenerator.minIdForTimestamp(T + 1), max + 1);
        assertEquals(0x3FFFFF, SnowflakeGenerator.maxIdForTimestamp(EPOCH));
        assertEquals(0, SnowflakeGenerator.minIdForTimestamp(EPOCH));

        FakeClock clock = new FakeClock(T);
        SnowflakeGenerator gen = new SnowflakeGenerator(1023, clock, 0);
        long first = gen.reserve(4096);
        assertEquals(min | (1023L << 12), first);
        assertEquals(max, gen.lastIssued(), "the last id of the highest worker is the bound itself");
        assertTrue(SnowflakeGenerator.maxIdForTimestamp(T - 1) < first);
    }

    @Test
    void rejectsInvalidArguments() {
        assertThrows(IllegalArgumentException.class, () -> new SnowflakeGenerator(-1, System::currentTimeMillis, 0));
        assertThrows(IllegalArgumentException.class,
                () -> new SnowflakeGenerator(1024, System::currentTimeMillis, 0));
        assertThrows(IllegalArgumentException.class, () -> new SnowflakeGenerator(0, null, 0));
        assertThrows(IllegalArgumentException.class,
                () -> new SnowflakeGenerator(0, System::currentTimeMillis, -1));
    }

    @Test
    @Timeout(value = 3000, unit = TimeUnit.MILLISECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
    void fourThreadsGetUniqueIncreasingIds() throws Exception {
        SnowflakeGenerator gen = new SnowflakeGenerator(7, System::currentTimeMillis, 0);
        int threads = 4;
        int perThread = 100_000;
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<long[]>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                results.add(pool.submit(() -> {
                    long[] ids = new long[perThread];
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        ids[i] = gen.nextId();
                    }
                    return ids;
                }));
            }
            long[] all = new long[threads * perThread];
            int n = 0;
            for (Future<long[]> result : results) {
                long[] ids = result.get();
                for (int i = 1; i < ids.length; i++) {
                    assertTrue(ids[i] > ids[i - 1], "each thread sees increasing ids");
                }
                System.arraycopy(ids, 0, all, n, ids.length);
                n += ids.length;
            }
            Arrays.sort(all);
            for (int i = 1; i < all.length; i++) {
                if (all[i] == all[i - 1]) {
                    throw new AssertionError("duplicate id " + all[i]);
                }
            }
            assertEquals(all[all.length - 1], gen.lastIssued());
            assertEquals(7, SnowflakeGenerator.workerOf(all[0]));
        } finally {
            pool.shutdownNow();
        }
    }
}
