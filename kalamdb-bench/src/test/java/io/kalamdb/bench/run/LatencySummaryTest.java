package io.kalamdb.bench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class LatencySummaryTest {

    @Test
    void nearestRankPercentilesOfOneToHundred() {
        long[] samples = new long[100];
        for (int i = 0; i < 100; i++) {
            samples[i] = (100 - i) * 1_000L;
        }
        LatencySummary summary = LatencySummary.of(samples);
        assertEquals(100, summary.count());
        assertEquals(1_000, summary.minNanos());
        assertEquals(50_000, summary.p50Nanos());
        assertEquals(95_000, summary.p95Nanos());
        assertEquals(99_000, summary.p99Nanos());
        assertEquals(100_000, summary.maxNanos());
        assertEquals(50_500.0, summary.meanNanos());
        assertEquals(50.0, summary.p50Micros());
    }

    @Test
    void smallAndEmptySamples() {
        LatencySummary one = LatencySummary.of(new long[] {7});
        assertEquals(7, one.p50Nanos());
        assertEquals(7, one.p99Nanos());
        LatencySummary three = LatencySummary.of(new long[] {30, 10, 20});
        assertEquals(20, three.p50Nanos());
        assertEquals(30, three.p95Nanos());
        LatencySummary empty = LatencySummary.of(new long[0]);
        assertEquals(0, empty.count());
        assertEquals(0, empty.p50Nanos());
    }

    @Test
    void recorderGrowsAndMerges() {
        LatencyRecorder a = new LatencyRecorder(1);
        for (int i = 0; i < 40; i++) {
            a.record(i);
        }
        LatencyRecorder b = new LatencyRecorder(4);
        b.record(100);
        long[] merged = LatencyRecorder.merge(List.of(a, b));
        assertEquals(41, merged.length);
        assertEquals(39, merged[39]);
        assertEquals(100, merged[40]);
        assertEquals(40, a.toArray().length);
    }

    @Test
    void processCpuDifference() {
        assertEquals(5, ProcessCpu.between(10, 15));
        assertEquals(-1, ProcessCpu.between(-1, 15));
        assertEquals(-1, ProcessCpu.between(10, -1));
        assertEquals(-1, ProcessCpu.none().nanos());
        assertTrue(ProcessCpu.of(ProcessHandle.current().pid()).nanos() != 0);
    }

    @Test
    void throughputAndSeconds() {
        LatencySummary summary = LatencySummary.of(new long[] {1, 2, 3, 4});
        ScenarioResult result = new ScenarioResult("x", "d", 1, 0, summary, 2_000_000_000L, 3_000_000_000L, 1_000_000L);
        assertEquals(4, result.operations());
        assertEquals(250.0, result.serverCpuMicrosPerOp());
        assertEquals(-1.0, new ScenarioResult("x", "d", 1, 0, summary, 1, 1, -1).serverCpuMicrosPerOp());
        assertEquals(2.0, result.opsPerSecond());
        assertEquals(2.0, result.measuredSeconds());
        assertEquals(3.0, result.totalSeconds());
    }
}
