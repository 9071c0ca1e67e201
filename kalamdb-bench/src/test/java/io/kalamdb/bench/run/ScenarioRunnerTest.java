package io.kalamdb.bench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kalamdb.bench.BenchException;
import io.kalamdb.bench.http.ClientKind;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The runner with scenarios that never touch their client (the raw transport connects lazily, so no server). */
class ScenarioRunnerTest {

    private static final BenchContext CONTEXT =
            new BenchContext(URI.create("http://127.0.0.1:9"), ClientKind.RAW, "Bearer x", new ObjectMapper());

    private static ScenarioRunner runner(int iterations, int warmup) {
        return new ScenarioRunner(CONTEXT, CONTEXT.openClient(),
                new RunLimits(iterations, warmup, Duration.ofSeconds(5), Duration.ofSeconds(5)), ProcessCpu.none());
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.SECONDS)
    void singleThreadRunsWarmupThenMeasuredOperations() {
        CountingScenario scenario = new CountingScenario(1, -1);
        ScenarioResult result = runner(50, 7).run(scenario);
        assertEquals(50, result.operations());
        assertEquals(7, result.warmupOperations());
        assertEquals(57, scenario.calls.get());
        assertEquals(1, scenario.verified.get());
        assertEquals(-1, result.serverCpuNanos());
        assertTrue(result.totalNanos() >= result.measuredNanos());
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.SECONDS)
    void concurrentThreadsUseDisjointIterations() {
        CountingScenario scenario = new CountingScenario(4, -1);
        ScenarioResult result = runner(25, 8).run(scenario);
        assertEquals(4, result.threads());
        assertEquals(100, result.operations());
        assertEquals(8, result.warmupOperations());
        assertEquals(108, scenario.iterations.size());
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.SECONDS)
    void failureDuringConcurrentWarmupEndsTheRun() {
        CountingScenario scenario = new CountingScenario(4, 1);
        BenchException e = assertThrows(BenchException.class, () -> runner(1_000_000, 40).run(scenario));
        assertEquals("failed at 1", e.getMessage());
        assertEquals(0, scenario.verified.get());
    }
}
