package io.kalamdb.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kalamdb.bench.http.HttpReply;
import io.kalamdb.bench.http.HttpTransport;
import io.kalamdb.bench.http.SqlClient;
import io.kalamdb.bench.report.ConsoleTable;
import io.kalamdb.bench.report.HtmlReport;
import io.kalamdb.bench.report.JsonReport;
import io.kalamdb.bench.report.RunInfo;
import io.kalamdb.bench.report.Target;
import io.kalamdb.bench.report.TargetCheck;
import io.kalamdb.bench.run.BenchContext;
import io.kalamdb.bench.run.ProcessCpu;
import io.kalamdb.bench.run.RunLimits;
import io.kalamdb.bench.run.ScenarioResult;
import io.kalamdb.bench.run.ScenarioRunner;
import io.kalamdb.bench.scenario.BenchDataset;
import io.kalamdb.bench.scenario.Scenario;
import io.kalamdb.bench.scenario.Scenarios;
import io.kalamdb.bench.server.ServerProcess;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Entry point: starts the server jar (or uses {@code --url}), logs in, creates the {@code bench} tables, runs every
 * scenario (warm-up, then measurement), prints the table and writes the JSON and HTML reports.
 */
public final class BenchMain {

    private static final String SERVER_JAR = "kalamdb-server/target/kalamdb-server.jar";
    private static final String BENCH_OUT = "kalamdb-bench/target/bench";

    private final BenchOptions options;
    private final ObjectMapper mapper = new ObjectMapper();

    private BenchMain(BenchOptions options) {
        this.options = options;
    }

    public static void main(String[] args) {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("kalamdb-bench: " + e.getMessage());
            System.err.print(BenchOptions.USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.print(BenchOptions.USAGE);
            return;
        }
        System.exit(new BenchMain(options).run());
    }

    private int run() {
        List<Scenario> scenarios;
        try {
            scenarios = selectScenarios();
        } catch (IllegalArgumentException e) {
            System.err.println("kalamdb-bench: " + e.getMessage());
            return 2;
        }
        Instant startedAt = Instant.now();
        long t0 = System.nanoTime();
        ServerProcess server = null;
        try {
            URI baseUri = options.url();
            Path serverJar = null;
            if (baseUri == null) {
                serverJar = options.serverJar() != null ? options.serverJar() : defaultServerJar();
                progress("starting %s", serverJar);
                server = ServerProcess.start(serverJar, options.serverJavaOptions(), options.keepData());
                baseUri = server.baseUri();
                progress("server pid %d listening on %s (started in %.1f s)", server.pid(), baseUri, seconds(t0));
            }
            ProcessCpu serverCpu = server != null ? ProcessCpu.of(server.pid()) : ProcessCpu.none();
            return measure(scenarios, baseUri, serverJar, serverCpu, startedAt, t0);
        } catch (BenchException | IOException e) {
            System.err.println("[bench] FAILED: " + e.getMessage());
            if (server != null) {
                System.err.print(server.outputTail());
            }
            return 1;
        } finally {
            if (server != null) {
                progress("stopping the server (SIGTERM)");
                server.close();
            }
        }
    }

    private int measure(List<Scenario> scenarios, URI baseUri, Path serverJar, ProcessCpu serverCpu, Instant startedAt,
                        long t0) throws IOException {
        String serverVersion;
        String authorization;
        try (HttpTransport transport = options.client().open(baseUri)) {
            serverVersion = serverVersion(transport);
            authorization = SqlClient.login(transport, mapper, options.user(), options.password());
        }
        BenchContext context = new BenchContext(baseUri, options.client(), authorization, mapper);
        RunLimits limits = new RunLimits(options.iterations(), options.warmup(),
                Duration.ofMillis(Math.round(options.maxSeconds() * 1000)),
                Duration.ofMillis(Math.round(options.warmupSeconds() * 1000)));
        List<ScenarioResult> results = new ArrayList<>();
        double setupSeconds;
        try (SqlClient client = context.openClient()) {
            long setupStart = System.nanoTime();
            progress("creating namespace %s and seeding tables", BenchDataset.NAMESPACE);
            BenchDataset.create(client);
            setupSeconds = seconds(setupStart);
            progress("setup done in %.1f s", setupSeconds);
            ScenarioRunner runner = new ScenarioRunner(context, client, limits, serverCpu);
            for (Scenario scenario : scenarios) {
                progress("%s: warm-up and measurement ...", scenario.name());
                ScenarioResult result = runner.run(scenario);
                results.add(result);
                progress("%s: %d ops in %.2f s, p50 %.1f us, %.0f ops/s, server cpu %.0f us/op", result.name(),
                        result.operations(), result.measuredSeconds(), result.latency().p50Micros(),
                        result.opsPerSecond(), result.serverCpuMicrosPerOp());
            }
        }
        List<TargetCheck> checks = Target.evaluate(Target.DEFAULTS, results);
        RunInfo info = new RunInfo(startedAt, baseUri.toString(),
                serverJar == null ? null : serverJar.toAbsolutePath().normalize().toString(), serverVersion,
                options.client().label(), options.iterations(), options.warmup(), options.maxSeconds(),
                options.warmupSeconds(), options.threads(), setupSeconds, seconds(t0),
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        System.out.println();
        System.out.print(ConsoleTable.render(results, checks));
        Path out = options.out() != null ? options.out() : defaultOut();
        Path json = JsonReport.write(mapper, out, info, results, checks);
        Path html = HtmlReport.write(out, info, results, checks);
        System.out.println();
        System.out.println("reports: " + json.toAbsolutePath().normalize() + " and " + html.toAbsolutePath().normalize());
        return 0;
    }

    /** The {@code version} of {@code GET /health}; null when the endpoint refuses (it is localhost-only). */
    private String serverVersion(HttpTransport transport) {
        try {
            HttpReply reply = transport.get("/health");
            return reply.status() == 200 ? mapper.readTree(reply.body()).path("version").asText(null) : null;
        } catch (IOException e) {
            return null;
        }
    }

    private List<Scenario> selectScenarios() {
        List<Scenario> all = Scenarios.all(options.threads());
        if (options.scenarios().isEmpty()) {
            return all;
        }
        List<Scenario> selected = new ArrayList<>();
        for (String name : options.scenarios()) {
            Scenario match = all.stream().filter(s -> s.name().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown scenario '" + name + "'; known: "
                            + all.stream().map(Scenario::name).collect(Collectors.joining(", "))));
            selected.add(match);
        }
        return selected;
    }

    /** {@code kalamdb-bench/target} when running from the built jar, else null. */
    private static Path benchTargetDir() {
        try {
            Path location = Paths.get(BenchMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path dir = Files.isRegularFile(location) ? location.getParent() : location;
            while (dir != null && !dir.getFileName().toString().equals("target")) {
                dir = dir.getParent();
            }
            return dir;
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            return null;
        }
    }

    private static Path defaultServerJar() {
        Path target = benchTargetDir();
        if (target != null && target.getParent() != null && target.getParent().getParent() != null) {
            Path sibling = target.getParent().getParent().resolve(SERVER_JAR);
            if (Files.isRegularFile(sibling)) {
                return sibling.normalize();
            }
        }
        return Paths.get(SERVER_JAR);
    }

    private static Path defaultOut() {
        Path target = benchTargetDir();
        return target != null ? target.resolve("bench") : Paths.get(BENCH_OUT);
    }

    private static double seconds(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) / 1e9;
    }

    private static void progress(String format, Object... args) {
        System.err.println("[bench] " + String.format(Locale.ROOT, format, args));
    }
}
