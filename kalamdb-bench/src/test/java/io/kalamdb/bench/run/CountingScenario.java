package io.kalamdb.bench.run;

import io.kalamdb.bench.BenchException;
import io.kalamdb.bench.http.SqlClient;
import io.kalamdb.bench.scenario.Scenario;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts operations and remembers every iteration number it saw. */
final class CountingScenario implements Scenario {
    final AtomicInteger calls = new AtomicInteger();
    final Set<Long> iterations = ConcurrentHashMap.newKeySet();
    final int threads;
    final long failAt;
    final AtomicInteger verified = new AtomicInteger();

    CountingScenario(int threads, long failAt) {
        this.threads = threads;
        this.failAt = failAt;
    }

    @Override
    public String name() {
        return "counting";
    }

    @Override
    public String description() {
        return "counts calls";
    }

    @Override
    public int threads() {
        return threads;
    }

    @Override
    public void execute(SqlClient client, long iteration) {
        calls.incrementAndGet();
        if (!iterations.add(iteration)) {
            throw new BenchException("iteration " + iteration + " ran twice");
        }
        if (iteration == failAt) {
            throw new BenchException("failed at " + iteration);
        }
    }

    @Override
    public void verify(SqlClient client) {
        verified.incrementAndGet();
    }
}
