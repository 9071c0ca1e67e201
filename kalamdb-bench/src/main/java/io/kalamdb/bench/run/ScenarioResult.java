package io.kalamdb.bench.run;

/**
 * Outcome of one scenario. {@code measuredNanos} is the wall time of the measured phase only (all threads);
 * {@code totalNanos} adds warm-up and verification. {@code serverCpuNanos} is the CPU time the server process used
 * during the measured phase, or -1 when unknown.
 */
public record ScenarioResult(String name, String description, int threads, int warmupOperations,
                             LatencySummary latency, long measuredNanos, long totalNanos, long serverCpuNanos) {

    /** Server CPU microseconds per operation, or -1 when unknown. */
    public double serverCpuMicrosPerOp() {
        return serverCpuNanos < 0 || operations() == 0 ? -1 : serverCpuNanos / 1_000.0 / operations();
    }

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
