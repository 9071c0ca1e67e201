package io.kalamdb.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * Durability of acknowledged DDL across a graceful stop (SIGTERM, exit code 0) and a crash (SIGKILL), on the same
 * data directory (README principle 3, config.md §4). The server has a configured JWT secret, so tokens survive
 * restarts. A second server on a running server's data directory must refuse to start.
 */
@Timeout(value = 65, unit = TimeUnit.SECONDS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PersistenceE2ETest {

    private static final String SECRET = "e2e-persistence-secret-0123456789abcdef";
    private static final String ROOT = "root";

    private static ServerProcess server;

    @BeforeAll
    @Timeout(value = 35, unit = TimeUnit.SECONDS)
    static void startServer() {
        server = ServerProcess.builder().tomlString("auth", "jwt_secret", SECRET).start();
    }

    @AfterAll
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    @Order(1)
    void gracefulStopAndRestartKeepEverything() {
        Http http = new Http(server.baseUrl());
        String rootToken = http.login(ROOT, ServerProcess.ROOT_PASSWORD);
        Expect.message(http.sql(rootToken, "CREATE NAMESPACE keep1"), "Namespace 'keep1' created successfully", ROOT);
        Expect.message(http.sql(rootToken, "ALTER NAMESPACE keep1 SET OPTIONS (owner = 'ops', tier = 2)"),
                "Namespace 'keep1' altered successfully", ROOT);
        Expect.message(http.sql(rootToken, "CREATE USER perry WITH PASSWORD 'Perry-Pass-2024!' ROLE service"),
                "User 'perry' created", ROOT);
        Expect.message(http.sql(rootToken, "ALTER USER perry SET PASSWORD 'Perry-Pass-2025!'"), "User 'perry' updated", ROOT);
        Expect.message(http.sql(rootToken, "CREATE USER gone WITH PASSWORD 'Gone-Pass-2024!' ROLE user"),
                "User 'gone' created", ROOT);
        Expect.message(http.sql(rootToken, "DROP USER gone"), "User 'gone' dropped (soft delete)", ROOT);
        JsonNode before = namespaces(http, rootToken).get("keep1");

        server.stop();
        server.start();

        http = new Http(server.baseUrl());
        assertPortFile();
        JsonNode after = namespaces(http, rootToken).get("keep1");
        assertEquals(before, after, "namespace row after restart");
        assertEquals(Json.parse("{\"owner\":\"ops\",\"tier\":2}"), Json.parse(after.get(3).asText()));
        LoginE2ETest.assertLoginBody(http.loginBody("perry", "Perry-Pass-2025!"), "perry", "service", null);
        Expect.authError(http.loginRaw("perry", "Perry-Pass-2024!"), 401, "unauthorized", "Invalid credentials");
        Expect.authError(http.loginRaw("gone", "Gone-Pass-2024!"), 401, "unauthorized", "Invalid credentials");
        Expect.sqlError(http.sql(rootToken, "CREATE USER gone WITH PASSWORD 'Gone-Pass-2025!' ROLE user"), 400,
                "SQL_EXECUTION_ERROR", "Statement 1 failed: User 'gone' already exists");
        http.loginBody(ROOT, ServerProcess.ROOT_PASSWORD);
    }

    @Test
    @Order(2)
    void killAndRestartKeepAcknowledgedDdl() {
        Http http = new Http(server.baseUrl());
        String rootToken = http.login(ROOT, ServerProcess.ROOT_PASSWORD);
        Expect.message(http.sql(rootToken, "CREATE NAMESPACE crash1"), "Namespace 'crash1' created successfully", ROOT);
        Expect.message(http.sql(rootToken, "CREATE USER kenny WITH PASSWORD 'Kenny-Pass-2024!' ROLE dba"),
                "User 'kenny' created", ROOT);
        Expect.message(http.sql(rootToken, "ALTER NAMESPACE crash1 SET DESCRIPTION 'survives kill -9'"),
                "Namespace 'crash1' altered successfully", ROOT);

        server.kill();
        server.start();

        http = new Http(server.baseUrl());
        assertPortFile();
        Map<String, JsonNode> namespaces = namespaces(http, rootToken);
        assertTrue(namespaces.containsKey("crash1"), () -> "namespaces after SIGKILL: " + namespaces.keySet());
        assertTrue(namespaces.containsKey("keep1"), () -> "namespaces after SIGKILL: " + namespaces.keySet());
        assertEquals(Json.parse("{\"description\":\"survives kill -9\"}"), Json.parse(namespaces.get("crash1").get(3).asText()));
        LoginE2ETest.assertLoginBody(http.loginBody("kenny", "Kenny-Pass-2024!"), "kenny", "dba", null);

        Expect.message(http.sql(rootToken, "DROP NAMESPACE crash1"), "Namespace 'crash1' dropped successfully", ROOT);
        server.kill();
        server.start();
        http = new Http(server.baseUrl());
        assertFalse(namespaces(http, rootToken).containsKey("crash1"), "an acknowledged DROP must survive SIGKILL");
    }

    @Test
    @Order(3)
    void secondServerOnTheSameDataDirectoryRefusesToStart() {
        ProcessResult result = server.runCommand(null, server.configPath().toString());
        assertEquals(1, result.exitCode(), result::describe);
        String expected = "FATAL: data directory " + server.dataDir() + " is in use by another process";
        assertTrue(result.stderrLines().contains(expected), () -> "expected '" + expected + "' on stderr\n" + result.describe());
        assertPortFile();
        Http http = new Http(server.baseUrl());
        Expect.sqlOk(http.sqlBasic(ROOT, ServerProcess.ROOT_PASSWORD, "SHOW NAMESPACES"), 1);
    }

    @Test
    @Order(4)
    void stopExitsWithCodeZero() {
        assertEquals(0, server.terminate(), server::outputTail);
        server.start();
        Expect.status(new Http(server.baseUrl()).get("/health"), 200);
    }

    private static void assertPortFile() {
        try {
            String text = Files.readString(server.dataDir().resolve("server.port"), StandardCharsets.UTF_8);
            assertEquals(server.port() + "\n", text, "server.port holds the bound port and a newline");
        } catch (IOException e) {
            throw new AssertionError("cannot read server.port", e);
        }
    }

    private static Map<String, JsonNode> namespaces(Http http, String token) {
        Map<String, JsonNode> rows = new LinkedHashMap<>();
        Expect.sqlOk(http.sql(token, "SHOW NAMESPACES"), 1).get(0).get("rows").forEach(r -> rows.put(r.get(0).asText(), r));
        return rows;
    }
}
