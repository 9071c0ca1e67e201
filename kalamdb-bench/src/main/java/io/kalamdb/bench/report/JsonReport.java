package io.kalamdb.bench.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kalamdb.bench.run.LatencySummary;
import io.kalamdb.bench.run.ScenarioResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** {@code bench-report.json}: run settings, one entry per scenario (latencies in microseconds) and the targets. */
public final class JsonReport {

    public static final String FILE_NAME = "bench-report.json";

    private JsonReport() {
    }

    public static ObjectNode build(ObjectMapper mapper, RunInfo info, List<ScenarioResult> results, List<TargetCheck> checks) {
        ObjectNode root = mapper.createObjectNode();
        root.put("generated_at", info.startedAt().toString());
        ObjectNode run = root.putObject("run");
        run.put("server_url", info.serverUrl());
        run.put("server_jar", info.serverJar());
        run.put("server_version", info.serverVersion());
        run.put("client", info.client());
        run.put("iterations", info.iterations());
        run.put("warmup", info.warmup());
        run.put("measure_budget_seconds", info.measureBudgetSeconds());
        run.put("warmup_budget_seconds", info.warmupBudgetSeconds());
        run.put("concurrent_threads", info.concurrentThreads());
        run.put("setup_seconds", Format.round3(info.setupSeconds()));
        run.put("total_seconds", Format.round3(info.totalSeconds()));
        run.put("java_version", info.javaVersion());
        run.put("available_processors", info.availableProcessors());
        run.put("os", info.os());

        ArrayNode scenarios = root.putArray("scenarios");
        for (ScenarioResult r : results) {
            LatencySummary l = r.latency();
            ObjectNode s = scenarios.addObject();
            s.put("name", r.name());
            s.put("description", r.description());
            s.put("threads", r.threads());
            s.put("warmup_ops", r.warmupOperations());
            s.put("ops", r.operations());
            s.put("p50_us", Format.round3(l.p50Micros()));
            s.put("p95_us", Format.round3(l.p95Micros()));
            s.put("p99_us", Format.round3(l.p99Micros()));
            s.put("mean_us", Format.round3(l.meanMicros()));
            s.put("min_us", Format.round3(l.minMicros()));
            s.put("max_us", Format.round3(l.maxMicros()));
            s.put("ops_per_sec", Format.round3(r.opsPerSecond()));
            if (r.serverCpuMicrosPerOp() >= 0) {
                s.put("server_cpu_us_per_op", Format.round3(r.serverCpuMicrosPerOp()));
            } else {
                s.putNull("server_cpu_us_per_op");
            }
            s.put("measured_seconds", Format.round3(r.measuredSeconds()));
            s.put("total_seconds", Format.round3(r.totalSeconds()));
        }

        ArrayNode targets = root.putArray("targets");
        for (TargetCheck check : checks) {
            ObjectNode t = targets.addObject();
            t.put("scenario", check.target().scenario());
            t.put("metric", "p50_us");
            t.put("limit_us", check.target().limitMicros());
            t.put("actual_us", Format.round3(check.actualMicros()));
            t.put("met", check.met());
        }
        return root;
    }

    public static Path write(ObjectMapper mapper, Path dir, RunInfo info, List<ScenarioResult> results,
                             List<TargetCheck> checks) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(FILE_NAME);
        mapper.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), build(mapper, info, results, checks));
        return file;
    }
}
