package io.kalamdb.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Start-up (config.md §1–§4, auth.md §4): fatal configuration errors exit 1 with a {@code FATAL:} line on stderr and
 * never bind; {@code --version} and {@code --help}; a loopback host with a weak secret uses a random per-process
 * secret; a missing config file falls back to defaults plus environment overrides.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class StartupE2ETest {

    private static final Duration FAIL_FAST = Duration.ofSeconds(15);
    private static final String STRONG_SECRET = "e2e-startup-secret-0123456789abcdef-xyz";
    private static final String WEAK_SECRET_FATAL =
            "FATAL: auth.jwt_secret is missing or too weak (need >= 32 bytes) for non-loopback host 0.0.0.0";

    @ParameterizedTest
    @ValueSource(strings = {"secret", "short", "", "test", "password", "CHANGE_ME_IN_PRODUCTION",
        "kalamdb-dev-secret-key-change-in-production", "your-secret-key-at-least-32-chars-change-me-in-production"})
    void weakJwtSecretOnNonLoopbackHostIsFatal(String secret) {
        ProcessResult result = failingStart(b -> b.tomlString("server", "host", "0.0.0.0")
                .toml("security.cors", "allowed_origins", TomlConfig.stringArray("*"))
                .tomlString("auth", "jwt_secret", secret));
        assertFatalLine(result, WEAK_SECRET_FATAL);
    }

    @Test
    void missingJwtSecretOnNonLoopbackHostIsFatal() {
        ProcessResult result = failingStart(b -> b.tomlString("server", "host", "0.0.0.0")
                .toml("security.cors", "allowed_origins", TomlConfig.stringArray("*")));
        assertFatalLine(result, WEAK_SECRET_FATAL);
    }

    @Test
    void emptyCorsListOnNonLoopbackHostIsFatal() {
        ProcessResult result = failingStart(b -> b.tomlString("server", "host", "0.0.0.0")
                .tomlString("auth", "jwt_secret", STRONG_SECRET));
        assertEquals(1, result.exitCode(), result::describe);
        assertTrue(result.stderrLines().stream().anyMatch(l -> l.startsWith("FATAL: ")), result::describe);
    }

    @ParameterizedTest
    @ValueSource(strings = {"70000", "-1", "65536"})
    void portOutOfRangeIsFatal(String port) {
        ProcessResult result = failingStart(b -> b.toml("server", "port", port));
        assertFatalLine(result, "FATAL: invalid config: [server].port must be an integer in 0..65535");
    }

    @Test
    void portOfTheWrongTypeIsFatal() {
        ProcessResult result = failingStart(b -> b.toml("server", "port", "\"abc\""));
        assertEquals(1, result.exitCode(), result::describe);
        assertTrue(result.stderrLines().stream().anyMatch(l -> l.startsWith("FATAL: ") && l.contains("[server].port")),
                result::describe);
    }

    @Test
    void invalidLogLevelIsFatal() {
        ProcessResult result = failingStart(b -> b.tomlString("logging", "level", "verbose"));
        assertEquals(1, result.exitCode(), result::describe);
        assertTrue(result.stderrLines().stream().anyMatch(l -> l.startsWith("FATAL: ")), result::describe);
    }

    @Test
    void unparsableEnvironmentValueIsFatal() {
        ProcessResult result = failingStart(b -> b.env("KALAMDB_SERVER_PORT", "abc"));
        assertFatalLine(result, "FATAL: invalid KALAMDB_SERVER_PORT 'abc'");
    }

    @Test
    void versionAndHelp() {
        try (ServerProcess prepared = ServerProcess.builder().prepare()) {
            ProcessResult version = prepared.runCommandWithin(FAIL_FAST, null, "--version");
            assertEquals(0, version.exitCode(), version::describe);
            List<String> lines = version.stdoutLines();
            assertTrue(lines.get(0).matches("kalamdb-server \\S+"), version::describe);
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("Commit: ")), version::describe);
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("Built: ")), version::describe);
            ProcessResult help = prepared.runCommandWithin(FAIL_FAST, null, "--help");
            assertEquals(0, help.exitCode(), help::describe);
            assertTrue(help.stdout().contains("create-user --name NAME --role ROLE"), help::describe);
        }
    }

    @Test
    @Timeout(value = 65, unit = TimeUnit.SECONDS)
    void loopbackHostStartsWithWeakSecretAndUnknownKey() {
        try (ServerProcess server = ServerProcess.builder().tomlString("auth", "jwt_secret", "secret")
                .toml("server", "bogus_key", "1").start()) {
            assertTrue(server.output().contains("unknown config key 'server.bogus_key'"), server::outputTail);
            assertTrue(Files.isRegularFile(server.workDir().resolve("logs").resolve("server.log")),
                    "the compact log goes to <logs_path>/server.log");
            Http http = new Http(server.baseUrl());
            String token = http.login("root", ServerProcess.ROOT_PASSWORD);
            Expect.sqlOk(http.sql(token, "SHOW NAMESPACES"), 1);
            long now = System.currentTimeMillis() / 1000;
            String forged = Jwt.signHs256("secret", Jwt.kalamClaims("root", "system", "access", now, now + 3600)
                    .put("email", "root@localhost"));
            Expect.invalidCredentials(http.sql(forged, "SHOW NAMESPACES"));

            server.restart();
            Http after = new Http(server.baseUrl());
            Expect.invalidCredentials(after.sql(token, "SHOW NAMESPACES"));
            Expect.sqlOk(after.sql(after.login("root", ServerProcess.ROOT_PASSWORD), "SHOW NAMESPACES"), 1);
        }
    }

    @Test
    @Timeout(value = 35, unit = TimeUnit.SECONDS)
    void missingConfigFileFallsBackToDefaultsAndEnvironment() {
        try (ServerProcess server = ServerProcess.builder().withoutConfigFile().start()) {
            assertFalse(Files.exists(server.configPath()));
            assertTrue(Files.isRegularFile(server.dataDir().resolve("server.port")));
            assertTrue(server.output().contains("config file '" + server.configPath() + "' not found; using defaults"),
                    server::outputTail);
            Http http = new Http(server.baseUrl());
            Expect.sqlOk(http.sqlBasic("root", ServerProcess.ROOT_PASSWORD, "SHOW NAMESPACES"), 1);
        }
    }

    @Test
    void unusableLogsPathIsFatal() {
        ProcessResult result = failingStart(b -> b.env("KALAMDB_LOGS_PATH", "/proc/kalamdb-no-logs"));
        assertEquals(1, result.exitCode(), result::describe);
        assertTrue(result.stderrLines().stream().anyMatch(l -> l.startsWith(
                "FATAL: invalid config: [logging].logs_path '/proc/kalamdb-no-logs' cannot be created")),
                result::describe);
        assertFalse(result.describe().contains("\tat io.kalamdb"), () -> "no stack trace\n" + result.describe());
    }

    /** SIGTERM while a request is being processed: the request still gets its answer (config.md §4 shutdown). */
    @Test
    @Timeout(value = 40, unit = TimeUnit.SECONDS)
    void shutdownAnswersTheRequestsInFlight() throws Exception {
        try (ServerProcess server = ServerProcess.builder().toml("auth", "bcrypt_cost", "13").start()) {
            Http http = new Http(server.baseUrl());
            CompletableFuture<Response> login = CompletableFuture.supplyAsync(
                    () -> http.loginRaw("root", ServerProcess.ROOT_PASSWORD));
            Thread.sleep(150);
            assertFalse(login.isDone(), "a cost-13 bcrypt check takes longer than 150 ms");
            server.stop();
            assertEquals(200, login.get(10, TimeUnit.SECONDS).status());
        }
    }

    /** Prepares a server with the customised config and runs it, expecting it to exit by itself. */
    private static ProcessResult failingStart(UnaryOperator<ServerProcess.Builder> customise) {
        try (ServerProcess prepared = customise.apply(ServerProcess.builder()).prepare()) {
            ProcessResult result = prepared.runCommandWithin(FAIL_FAST, null, prepared.configPath().toString());
            assertFalse(Files.exists(prepared.dataDir().resolve("server.port")),
                    () -> "a fatal start must not bind\n" + result.describe());
            return result;
        }
    }

    private static void assertFatalLine(ProcessResult result, String line) {
        assertEquals(1, result.exitCode(), result::describe);
        assertTrue(result.stderrLines().contains(line), () -> "expected the line '" + line + "' on stderr\n" + result.describe());
    }
}
