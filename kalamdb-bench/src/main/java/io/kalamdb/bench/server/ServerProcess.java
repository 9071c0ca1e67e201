package io.kalamdb.bench.server;

import io.kalamdb.bench.BenchException;
import io.kalamdb.bench.http.ClientKind;
import io.kalamdb.bench.http.HttpReply;
import io.kalamdb.bench.http.HttpTransport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The server jar run out of process: {@code java -jar kalamdb-server.jar <tmp>/server.toml} with port 0, data and
 * logs under a temporary directory, and {@code KALAMDB_ROOT_PASSWORD} set. The jar is first copied into that
 * directory: a build that rewrites {@code kalamdb-server/target/kalamdb-server.jar} during a run would otherwise
 * make the running server fail to load its classes. {@link #start} returns once
 * {@code GET /health} answers 200; {@link #close} sends SIGTERM, waits for the exit and removes the directory.
 */
public final class ServerProcess implements AutoCloseable {

    public static final String ROOT_PASSWORD = "kalamdb123";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);
    private static final long POLL_MS = 50;
    private static final int TAIL_LINES = 40;

    private final Process process;
    private final Path workDir;
    private final Path outputFile;
    private final boolean keepData;
    private URI baseUri;

    private ServerProcess(Process process, Path workDir, Path outputFile, boolean keepData) {
        this.process = process;
        this.workDir = workDir;
        this.outputFile = outputFile;
        this.keepData = keepData;
    }

    public static ServerProcess start(Path serverJar, List<String> javaOptions, boolean keepData) throws IOException {
        if (!Files.isRegularFile(serverJar)) {
            throw new BenchException("server jar not found: " + serverJar.toAbsolutePath()
                    + " (build it with: mvn -q install -DskipTests, or pass --server-jar / --url)");
        }
        Path workDir = Files.createTempDirectory("kalamdb-bench-");
        Process process;
        Path outputFile = workDir.resolve("server.out");
        Path dataPath = workDir.resolve("data");
        try {
            process = launch(serverJar, javaOptions, workDir, dataPath, outputFile);
        } catch (IOException | RuntimeException e) {
            deleteRecursively(workDir);
            throw e;
        }
        ServerProcess server = new ServerProcess(process, workDir, outputFile, keepData);
        try {
            server.awaitHealthy(dataPath.resolve("server.port"));
        } catch (RuntimeException | IOException e) {
            server.close();
            throw e;
        }
        return server;
    }

    private static Process launch(Path serverJar, List<String> javaOptions, Path workDir, Path dataPath, Path outputFile)
            throws IOException {
        Path logsPath = workDir.resolve("logs");
        Path jvmTmp = Files.createDirectories(workDir.resolve("jvm-tmp"));
        Path config = workDir.resolve("server.toml");
        Files.writeString(config, ServerConfig.toml(dataPath, logsPath), StandardCharsets.UTF_8);
        Path jarCopy = Files.copy(serverJar, workDir.resolve("kalamdb-server.jar"));

        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(javaOptions);
        command.add("-Djava.io.tmpdir=" + jvmTmp.toAbsolutePath());
        command.add("-jar");
        command.add(jarCopy.toAbsolutePath().toString());
        command.add(config.toAbsolutePath().toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(outputFile.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("KALAMDB_"));
        env.put("KALAMDB_ROOT_PASSWORD", ROOT_PASSWORD);
        return builder.start();
    }

    private static String javaExecutable() {
        return Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    }

    private void awaitHealthy(Path portFile) throws IOException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        int port = -1;
        HttpTransport probe = null;
        try {
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new BenchException("server exited with code " + process.exitValue() + " during start-up\n" + outputTail());
                }
                if (port < 0) {
                    port = readPort(portFile);
                    if (port > 0) {
                        baseUri = URI.create("http://127.0.0.1:" + port);
                        probe = ClientKind.JDK.open(baseUri);
                    }
                }
                if (probe != null && healthy(probe)) {
                    return;
                }
                sleep(POLL_MS);
            }
        } finally {
            if (probe != null) {
                probe.close();
            }
        }
        throw new BenchException("server did not become healthy within " + START_TIMEOUT.toSeconds() + " s\n" + outputTail());
    }

    private static int readPort(Path portFile) throws IOException {
        if (!Files.isRegularFile(portFile)) {
            return -1;
        }
        String text = Files.readString(portFile, StandardCharsets.UTF_8).trim();
        if (text.isEmpty()) {
            return -1;
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static boolean healthy(HttpTransport probe) {
        try {
            HttpReply reply = probe.get("/health");
            return reply.status() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    public URI baseUri() {
        return baseUri;
    }

    public long pid() {
        return process.pid();
    }

    public Path workDir() {
        return workDir;
    }

    /** The last lines of the server's console output and of its log file, for failure messages. */
    public String outputTail() {
        StringBuilder out = new StringBuilder();
        appendTail(out, outputFile);
        appendTail(out, workDir.resolve("logs").resolve("server.log"));
        return out.toString();
    }

    private static void appendTail(StringBuilder out, Path file) {
        if (!Files.isRegularFile(file)) {
            return;
        }
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            out.append("--- ").append(file).append(" (last ").append(Math.min(TAIL_LINES, lines.size())).append(" lines) ---\n");
            lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()).forEach(line -> out.append(line).append('\n'));
        } catch (IOException | UncheckedIOException e) {
            out.append("--- ").append(file).append(" unreadable: ").append(e.getMessage()).append('\n');
        }
    }

    /** SIGTERM, wait for a clean exit (SIGKILL after the stop timeout), then remove the working directory. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                System.err.println("[bench] server did not stop within " + STOP_TIMEOUT.toSeconds() + " s of SIGTERM; killing it");
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        if (keepData) {
            System.err.println("[bench] server data kept in " + workDir);
        } else {
            deleteRecursively(workDir);
        }
    }

    private static void deleteRecursively(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException ignored) {
                    // a leftover file in the temporary directory is harmless
                }
            });
        } catch (IOException ignored) {
            // the directory is already gone
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchException("interrupted while waiting for the server");
        }
    }
}
