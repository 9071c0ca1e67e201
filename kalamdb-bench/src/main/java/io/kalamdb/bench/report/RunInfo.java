package io.kalamdb.bench.report;

import java.time.Instant;

/** What was measured, where and with which settings; printed in the report headers. */
public record RunInfo(Instant startedAt, String serverUrl, String serverJar, String serverVersion, String client,
                      int iterations, int warmup, double measureBudgetSeconds, double warmupBudgetSeconds,
                      int concurrentThreads, double setupSeconds, double totalSeconds, String javaVersion,
                      int availableProcessors, String os) {
}
