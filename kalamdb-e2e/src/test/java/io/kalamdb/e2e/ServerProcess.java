package io.kalamdb.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A KalamDB server running as a child process ({@code java -jar kalamdb-server.jar <tmp>/server.toml}) on a fresh
 * temporary data directory. The server binds port 0 and reports the chosen port in {@code <data_path>/server.port};
 * {@link #start()} waits for that file and then for {@code GET /health} to answer 200.
 */
final class ServerProcess implements AutoCloseable {

    static final String ROOT_PASSWORD = "kalamdb123";
    static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(30);
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);
    private static final int TAIL_LINES = 80;
    private static final HttpClient PROBE = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(1))
            .build();

    private final Path workDir;
    private final Path dataDir;
    private final Path logsDir;
    private final Path configPath;
    private final Path outputLog;
    private final Path jvmTmpDir;
    private final Map<String, String> env;
    private Process process;
    private int port = -1;

    private ServerProcess(Builder builder) throws IOException {
        this.workDir = Files.createTempDirectory("kalamdb-e2e-").toAbsolutePath().normalize();
        this.dataDir = workDir.resolve("data");
        this.logsDir = workDir.resolve("logs");
        this.jvmTmpDir = Files.createDirectories(workDir.resolve("jvm-tmp"));
        this.outputLog = workDir.resolve("server-output.log");
        this.env = new LinkedHashMap<>(builder.env);
        if (builder.writeConfig) {
            this.configPath = workDir.resolve("server.toml");
            TomlConfig toml = new TomlConfig()
                    .setString("server", "host", "127.0.0.1")
                    .set("server", "port", "0")
                    .setString("storage", "data_path", dataDir.toString())
                    .setString("logging", "logs_path", logsDir.toString())
                    .set("logging", "log_to_console", "true")
                    .set("auth", "bcrypt_cost", "4");
            builder.toml.forEach(entry -> toml.set(entry.get(0), entry.get(1), entry.get(2)));
            Files.writeString(configPath, toml.render(), StandardCharsets.UTF_8);
        } else {
            this.configPath = workDir.resolve("missing-server.toml");
            this.env.putIfAbsent("KALAMDB_SERVER_PORT", "0");
            this.env.putIfAbsent("KALAMDB_DATA_PATH", dataDir.toString());
            this.env.putIfAbsent("KALAMDB_LOGS_PATH", logsDir.toString());
        }
    }

    static Builder builder() {
        return new Builder();
    }

    /** A started server with the default test configuration and {@code KALAMDB_ROOT_PASSWORD=kalamdb123}. */
    static ServerProcess startDefault() {
        return builder().start();
    }

    /** Starts the process and blocks until {@code /health} answers 200 (at most {@link #STARTUP_TIMEOUT}). */
    void start() {
        if (isRunning()) {
            throw new IllegalStateException("server is already running at " + baseUrl());
        }
        Path portFile = dataDir.resolve("server.port");
        try {
            Files.deleteIfExists(portFile);
            ProcessBuilder builder = new ProcessBuilder(ServerJar.command(jvmTmpDir, List.of(configPath.toString())))
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(outputLog.toFile()));
            JarRunner.cleanEnvironment(builder.environment(), env);
            Files.writeString(outputLog, "=== start " + Instant.now() + " ===\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the server process", e);
        }
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        port = -1;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("server exited with code " + process.exitValue()
                        + " before /health answered 200\n" + outputTail());
            }
            if (port < 0) {
                port = readPort(portFile);
            }
            if (port > 0 && healthOk()) {
                return;
            }
            sleep(50);
        }
        process.destroyForcibly();
        waitQuietly(process);
        throw new AssertionError("server did not become healthy within " + STARTUP_TIMEOUT
                + (port > 0 ? " (port " + port + ")" : " (no server.port file)") + "\n" + outputTail());
    }

    /** SIGTERM ({@link Process#destroy()}), wait for the exit and assert exit code 0. */
    void stop() {
        int code = terminate();
        if (code != 0) {
            throw new AssertionError("server exited with code " + code + " after SIGTERM (expected 0)\n" + outputTail());
        }
    }

    /** SIGKILL ({@link Process#destroyForcibly()}) and wait for the process to be gone. */
    void kill() {
        requireRunning();
        process.destroyForcibly();
        waitQuietly(process);
    }

    /** Stops the server if it runs (asserting exit code 0) and starts it again on the same data directory. */
    void restart() {
        if (isRunning()) {
            stop();
        }
        start();
    }

    /** Sends SIGTERM and returns the exit code. */
    int terminate() {
        requireRunning();
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                waitQuietly(process);
                throw new AssertionError("server did not exit within " + STOP_TIMEOUT + " after SIGTERM\n" + outputTail());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while stopping the server", e);
        }
        return process.exitValue();
    }

    boolean isRunning() {
        return process != null && process.isAlive();
    }

    String baseUrl() {
        requireRunning();
        return "http://127.0.0.1:" + port;
    }

    int port() {
        return port;
    }

    Path dataDir() {
        return dataDir;
    }

    Path configPath() {
        return configPath;
    }

    Path workDir() {
        return workDir;
    }

    /** Runs the server jar with other arguments (e.g. {@code create-user}) in the same working directory and env. */
    ProcessResult runCommand(String stdin, String... args) {
        return runCommandWithin(JarRunner.DEFAULT_TIMEOUT, stdin, args);
    }

    ProcessResult runCommandWithin(Duration timeout, String stdin, String... args) {
        return JarRunner.run(workDir, env, stdin, timeout, List.of(args));
    }

    /** Everything the process printed so far (stdout and stderr interleaved, every start appended). */
    String output() {
        try {
            return Files.exists(outputLog) ? Files.readString(outputLog, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(could not read " + outputLog + ": " + e + ")";
        }
    }

    String outputTail() {
        List<String> lines = output().lines().toList();
        List<String> tail = lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size());
        return "--- last " + tail.size() + " lines of " + outputLog + " ---\n" + String.join("\n", tail);
    }

    /** Stops the process if it still runs (without asserting the exit code) and deletes the temporary directory. */
    @Override
    public void close() {
        if (isRunning()) {
            process.destroy();
            try {
                if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                    waitQuietly(process);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
        if (!Boolean.getBoolean("kalamdb.e2e.keep")) {
            deleteRecursively(workDir);
        }
    }

    private boolean healthOk() {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                .timeout(Duration.ofSeconds(2))
                .GET()
                .build();
        try {
            return PROBE.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for the server", e);
        }
    }

    private void requireRunning() {
        if (!isRunning()) {
            throw new IllegalStateException("server is not running\n" + outputTail());
        }
    }

    private static int readPort(Path portFile) {
        try {
            if (!Files.exists(portFile)) {
                return -1;
            }
            String text = Files.readString(portFile, StandardCharsets.UTF_8);
            if (!text.endsWith("\n")) {
                return -1;
            }
            return Integer.parseInt(text.strip());
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static void waitQuietly(Process p) {
        try {
            p.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: the directory lives under target/ and goes away with mvn clean
        }
    }

    /** Configuration of a server process before it starts. */
    static final class Builder {
        private final Map<String, String> env = new LinkedHashMap<>();
        private final List<List<String>> toml = new ArrayList<>();
        private boolean writeConfig = true;

        private Builder() {
            env.put("KALAMDB_ROOT_PASSWORD", ROOT_PASSWORD);
        }

        /** Starts without KALAMDB_ROOT_PASSWORD, so that root has no password and the server needs setup. */
        Builder withoutRootPassword() {
            env.remove("KALAMDB_ROOT_PASSWORD");
            return this;
        }

        Builder env(String name, String value) {
            env.put(name, value);
            return this;
        }

        /** Adds or replaces {@code key = rawValue} in {@code [section]}; the value is written verbatim. */
        Builder toml(String section, String key, String rawValue) {
            toml.add(List.of(section, key, rawValue));
            return this;
        }

        Builder tomlString(String section, String key, String value) {
            return toml(section, key, TomlConfig.quote(value));
        }

        /**
         * Passes a config path that does not exist; port, data and logs paths come from KALAMDB_* environment
         * variables instead.
         */
        Builder withoutConfigFile() {
            writeConfig = false;
            return this;
        }

        /** Writes the configuration but does not start the process. */
        ServerProcess prepare() {
            try {
                return new ServerProcess(this);
            } catch (IOException e) {
                throw new UncheckedIOException("could not prepare the server directory", e);
            }
        }

        ServerProcess start() {
            ServerProcess server = prepare();
            try {
                server.start();
            } catch (RuntimeException | Error e) {
                server.close();
                throw e;
            }
            return server;
        }
    }
}
