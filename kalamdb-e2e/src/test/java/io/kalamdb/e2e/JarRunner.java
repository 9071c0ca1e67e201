package io.kalamdb.e2e;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the server jar to completion (sub-commands, start-up failures) and captures stdout and stderr separately. */
final class JarRunner {

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private JarRunner() {
    }

    /**
     * Runs {@code java -jar kalamdb-server.jar args...} in {@code workDir} with a clean KALAMDB_* environment plus
     * {@code env}, feeding {@code stdin} (may be null: stdin is then closed at once).
     */
    static ProcessResult run(Path workDir, Map<String, String> env, String stdin, Duration timeout, List<String> args) {
        Process process = null;
        try {
            Path jvmTmp = Files.createDirectories(workDir.resolve("jvm-tmp"));
            Path out = Files.createTempFile(workDir, "run-", ".stdout");
            Path err = Files.createTempFile(workDir, "run-", ".stderr");
            ProcessBuilder builder = new ProcessBuilder(ServerJar.command(jvmTmp, args))
                    .directory(workDir.toFile())
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            cleanEnvironment(builder.environment(), env);
            process = builder.start();
            try (OutputStream input = process.getOutputStream()) {
                if (stdin != null) {
                    input.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            } catch (IOException ignored) {
                // the process may exit before reading its input
            }
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new AssertionError("Process " + args + " did not exit within " + timeout + "\n--- stdout ---\n"
                        + Files.readString(out) + "\n--- stderr ---\n" + Files.readString(err));
            }
            return new ProcessResult(process.exitValue(), Files.readString(out), Files.readString(err));
        } catch (IOException e) {
            throw new AssertionError("Could not run the server jar with " + args, e);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while running " + args, e);
        }
    }

    /** Removes inherited KALAMDB_* variables so that runs are hermetic, then applies {@code env}. */
    static void cleanEnvironment(Map<String, String> target, Map<String, String> env) {
        target.keySet().removeIf(k -> k.startsWith("KALAMDB_"));
        target.putAll(env);
    }
}
