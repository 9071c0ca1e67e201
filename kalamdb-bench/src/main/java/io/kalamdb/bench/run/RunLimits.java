package io.kalamdb.bench.run;

import java.time.Duration;

/**
 * How much each scenario runs: up to {@code iterations} measured operations (per thread for multi-threaded
 * scenarios) after up to {@code warmup} warm-up operations, each phase cut short by its time budget.
 */
public record RunLimits(int iterations, int warmup, Duration measureBudget, Duration warmupBudget) {
}
