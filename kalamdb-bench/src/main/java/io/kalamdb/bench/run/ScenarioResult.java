package io.kalamdb.bench.run;

/**
 * Outcome of one scenario. {@code measuredNanos} is the wall time of the measured phase only (all threads);
 * {@code totalNanos} adds warm-up and verification.
 */
public record ScenarioResult(String name, String description, int threads, int warmupOperations,
                             LatencySummary latency, long measuredNanos, long totalNanos) {

    public int operations() {
        return latency.count();
    }

    public double opsPerSecond() {
        return measuredNanos == 0 ? 0 : operations() / (measuredNanos / 1e9);
    }

    public double measuredSeconds() {
        return measuredNanos / 1e9;
    }

    public double totalSeconds() {
        return totalNanos / 1e9;
    }
}
