package io.kalamdb.bench.run;

import java.util.Arrays;

/** Distribution of operation latencies in nanoseconds; percentiles use the nearest-rank method. */
public record LatencySummary(int count, long minNanos, long p50Nanos, long p95Nanos, long p99Nanos, long maxNanos,
                             double meanNanos) {

    public static LatencySummary of(long[] samples) {
        if (samples.length == 0) {
            return new LatencySummary(0, 0, 0, 0, 0, 0, 0);
        }
        long[] sorted = samples.clone();
        Arrays.sort(sorted);
        double sum = 0;
        for (long sample : sorted) {
            sum += sample;
        }
        return new LatencySummary(sorted.length, sorted[0], percentile(sorted, 50), percentile(sorted, 95),
                percentile(sorted, 99), sorted[sorted.length - 1], sum / sorted.length);
    }

    /** Nearest rank: the smallest sample with at least {@code percent}% of the samples at or below it. */
    static long percentile(long[] sorted, double percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
    }

    public double p50Micros() {
        return p50Nanos / 1_000.0;
    }

    public double p95Micros() {
        return p95Nanos / 1_000.0;
    }

    public double p99Micros() {
        return p99Nanos / 1_000.0;
    }

    public double meanMicros() {
        return meanNanos / 1_000.0;
    }

    public double minMicros() {
        return minNanos / 1_000.0;
    }

    public double maxMicros() {
        return maxNanos / 1_000.0;
    }
}
