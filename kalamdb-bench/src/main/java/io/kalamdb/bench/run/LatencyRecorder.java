package io.kalamdb.bench.run;

import java.util.Arrays;

/** Latencies of one thread, in nanoseconds, in a growable primitive array (no boxing in the measured loop). */
public final class LatencyRecorder {

    private long[] samples;
    private int count;

    public LatencyRecorder(int expected) {
        this.samples = new long[Math.max(16, expected)];
    }

    public void record(long nanos) {
        if (count == samples.length) {
            samples = Arrays.copyOf(samples, samples.length * 2);
        }
        samples[count++] = nanos;
    }

    public int count() {
        return count;
    }

    /** All samples of {@code recorders}, concatenated. */
    public static long[] merge(Iterable<LatencyRecorder> recorders) {
        int total = 0;
        for (LatencyRecorder recorder : recorders) {
            total += recorder.count;
        }
        long[] all = new long[total];
        int at = 0;
        for (LatencyRecorder recorder : recorders) {
            System.arraycopy(recorder.samples, 0, all, at, recorder.count);
            at += recorder.count;
        }
        return all;
    }

    public long[] toArray() {
        return Arrays.copyOf(samples, count);
    }
}
