package io.kalamdb.bench.run;

import io.kalamdb.bench.BenchException;
import io.kalamdb.bench.http.SqlClient;
import io.kalamdb.bench.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Phaser;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Warms a scenario up, then measures it. Single-threaded scenarios run on the shared client; multi-threaded ones
 * give every thread its own connection, warm all of them up, start measuring together and stop together.
 */
public final class ScenarioRunner {

    private final BenchContext context;
    private final SqlClient sharedClient;
    private final RunLimits limits;
    private final ProcessCpu serverCpu;

    public ScenarioRunner(BenchContext context, SqlClient sharedClient, RunLimits limits, ProcessCpu serverCpu) {
        this.context = context;
        this.sharedClient = sharedClient;
        this.limits = limits;
        this.serverCpu = serverCpu;
    }

    public ScenarioResult run(Scenario scenario) {
        long started = System.nanoTime();
        ScenarioResult result = scenario.threads() <= 1 ? runSingle(scenario, started) : runConcurrent(scenario, started);
        scenario.verify(sharedClient);
        long total = System.nanoTime() - started;
        return new ScenarioResult(result.name(), result.description(), result.threads(), result.warmupOperations(),
                result.latency(), result.measuredNanos(), total, result.serverCpuNanos());
    }

    private ScenarioResult runSingle(Scenario scenario, long started) {
        long iteration = 0;
        long warmupDeadline = System.nanoTime() + limits.warmupBudget().toNanos();
        int warmed = 0;
        while (warmed < limits.warmup() && System.nanoTime() < warmupDeadline) {
            scenario.execute(sharedClient, iteration++);
            warmed++;
        }
        LatencyRecorder recorder = new LatencyRecorder(limits.iterations());
        long cpuStart = serverCpu.nanos();
        long measureStart = System.nanoTime();
        long measureDeadline = measureStart + limits.measureBudget().toNanos();
        long now = measureStart;
        while (recorder.count() < limits.iterations() && now < measureDeadline) {
            long t0 = System.nanoTime();
            scenario.execute(sharedClient, iteration++);
            now = System.nanoTime();
            recorder.record(now - t0);
        }
        long measured = now - measureStart;
        long cpu = ProcessCpu.between(cpuStart, serverCpu.nanos());
        return new ScenarioResult(scenario.name(), scenario.description(), 1, warmed,
                LatencySummary.of(recorder.toArray()), measured, System.nanoTime() - started, cpu);
    }

    private ScenarioResult runConcurrent(Scenario scenario, long started) {
        int threads = scenario.threads();
        int warmupPerThread = Math.max(1, limits.warmup() / threads);
        AtomicLong measureStart = new AtomicLong();
        AtomicLong cpuStart = new AtomicLong(-1);
        AtomicBoolean failed = new AtomicBoolean();
        // every thread is a party; a thread that fails before arriving deregisters, so the others never wait forever
        Phaser warmedUp = new Phaser(threads) {
            @Override
            protected boolean onAdvance(int phase, int registeredParties) {
                cpuStart.set(serverCpu.nanos());
                measureStart.set(System.nanoTime());
                return true;
            }
        };
        List<LatencyRecorder> recorders = new ArrayList<>();
        List<Future<Integer>> futures = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "bench-" + scenario.name());
            thread.setDaemon(true);
            return thread;
        });
        try {
            for (int t = 0; t < threads; t++) {
                LatencyRecorder recorder = new LatencyRecorder(limits.iterations());
                recorders.add(recorder);
                int threadIndex = t;
                futures.add(pool.submit(() -> runThread(scenario, threadIndex, threads, warmupPerThread, recorder,
                        warmedUp, measureStart, failed)));
            }
            int warmed = 0;
            BenchException failure = null;
            for (Future<Integer> future : futures) {
                try {
                    warmed += await(future);
                } catch (BenchException e) {
                    if (failure == null) {
                        failure = e;
                    }
                }
            }
            if (failure != null) {
                throw failure;
            }
            long measured = System.nanoTime() - measureStart.get();
            long cpu = ProcessCpu.between(cpuStart.get(), serverCpu.nanos());
            return new ScenarioResult(scenario.name(), scenario.description(), threads, warmed,
                    LatencySummary.of(LatencyRecorder.merge(recorders)), measured, System.nanoTime() - started, cpu);
        } finally {
            pool.shutdownNow();
        }
    }

    /** One thread: own connection, warm-up, barrier, then measured operations until its count or the deadline. */
    private int runThread(Scenario scenario, int threadIndex, int threads, int warmupCount, LatencyRecorder recorder,
                          Phaser warmedUp, AtomicLong measureStart, AtomicBoolean failed) {
        boolean arrived = false;
        try (SqlClient client = context.openClient()) {
            long iteration = threadIndex;
            long warmupDeadline = System.nanoTime() + limits.warmupBudget().toNanos();
            int warmed = 0;
            while (warmed < warmupCount && System.nanoTime() < warmupDeadline && !failed.get()) {
                scenario.execute(client, iteration);
                iteration += threads;
                warmed++;
            }
            arrived = true;
            warmedUp.arriveAndAwaitAdvance();
            long measureDeadline = measureStart.get() + limits.measureBudget().toNanos();
            long now = System.nanoTime();
            while (recorder.count() < limits.iterations() && now < measureDeadline && !failed.get()) {
                long t0 = System.nanoTime();
                scenario.execute(client, iteration);
                now = System.nanoTime();
                recorder.record(now - t0);
                iteration += threads;
            }
            return warmed;
        } catch (RuntimeException | Error e) {
            failed.set(true);
            if (!arrived) {
                warmedUp.arriveAndDeregister();
            }
            throw e;
        }
    }

    private static int await(Future<Integer> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchException("interrupted while waiting for benchmark threads", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof BenchException bench) {
                throw bench;
            }
            throw new BenchException("benchmark thread failed: " + cause, cause);
        }
    }
}
