package io.kalamdb.e2e;

import static io.kalamdb.e2e.SqlE2ESupport.ROOT;
import static io.kalamdb.e2e.SqlE2ESupport.affected;
import static io.kalamdb.e2e.SqlE2ESupport.assertRows;
import static io.kalamdb.e2e.SqlE2ESupport.bigInt;
import static io.kalamdb.e2e.SqlE2ESupport.rowResult;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The cleanup (CL) job of DROP TABLE as seen in {@code system.jobs} and {@code system.audit_log} (storage.md §9, §14),
 * and the refusals of KILL JOB (storage.md §14.6, auth.md §7).
 */
@Timeout(value = 5, unit = TimeUnit.SECONDS)
class SqlJobsE2ETest {

    private static final String NS = "jobs";
    private static final Pattern DROP_MESSAGE =
            Pattern.compile("Table (\\w+\\.\\w+) dropped successfully\\. Cleanup job: (CL-[0-9a-f]{12})");
    private static final Set<String> TERMINAL = Set.of("completed", "failed", "skipped", "cancelled");
    private static final Duration CLEANUP_WAIT = Duration.ofSeconds(2);
    private static final String JOB_COLUMNS = "job_id, job_type, status, parameters, message, idempotency_key, "
            + "retry_count, max_retries, node_id, created_at, started_at, finished_at, exception_trace";

    private static ServerProcess server;
    private static Http http;
    private static String rootToken;
    private static String userToken;
    private static String serviceToken;

    @BeforeAll
    @Timeout(value = 35, unit = TimeUnit.SECONDS)
    static void startServer() {
        server = ServerProcess.startDefault();
        http = new Http(server.baseUrl());
        rootToken = http.login(ROOT, ServerProcess.ROOT_PASSWORD);
        Expect.message(root("CREATE NAMESPACE " + NS), "Namespace '" + NS + "' created successfully", ROOT);
        userToken = SqlE2ESupport.createUserAndLogin(http, rootToken, "ulla", "Ulla-Pass-2024!", "user");
        serviceToken = SqlE2ESupport.createUserAndLogin(http, rootToken, "servo", "Servo-Pass-2024!", "service");
    }

    @AfterAll
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.SECONDS)
    void dropSharedTableCleanupJobCompletes() {
        Expect.message(root("CREATE TABLE jobs.gone (id INT PRIMARY KEY, v TEXT)"),
                "Table jobs.gone created successfully (shared)", ROOT);
        affected(root("INSERT INTO jobs.gone VALUES (1, 'a'), (2, 'b'), (3, 'c')"), "Inserted 3 row(s)", 3, ROOT);
        long beforeDrop = System.currentTimeMillis() * 1000;
        String jobId = dropTable("jobs.gone");

        JsonNode job = awaitTerminal(jobId);
        assertEquals(jobId, job.get(0).asText());
        assertEquals("cleanup", job.get(1).asText());
        assertEquals("completed", job.get(2).asText(), () -> "CL job row: " + job);
        JsonNode parameters = Json.parse(job.get(3).asText());
        assertEquals("jobs.gone", parameters.path("table_id").asText(), () -> "parameters: " + parameters);
        assertEquals("shared", parameters.path("table_type").asText(), () -> "parameters: " + parameters);
        assertEquals("local", parameters.path("storage_id").asText(), () -> "parameters: " + parameters);
        assertEquals("Cleaned up table jobs.gone successfully - 3 rows deleted, 0 bytes freed, 0 manifest entries removed",
                job.get(4).asText());
        assertTrue(job.get(5).asText().matches("CL:jobs\\.gone:[0-9a-zA-Z]+"), () -> "idempotency_key: " + job);
        assertEquals(0, job.get(6).asInt());
        assertEquals(3, job.get(7).asInt());
        assertEquals(1, bigInt(job.get(8)));
        long createdAt = job.get(9).asLong();
        long startedAt = job.get(10).asLong();
        long finishedAt = job.get(11).asLong();
        assertTrue(createdAt >= beforeDrop - 1_000_000 && createdAt <= startedAt && startedAt <= finishedAt,
                () -> "created_at <= started_at <= finished_at, in µs: " + job);
        assertTrue(job.get(12).isNull(), () -> "a completed job has no exception_trace: " + job);

        JsonNode audit = rowResult(root("SELECT actor_user_id, action, target, details FROM system.audit_log "
                + "WHERE action = 'DROP_TABLE' AND target = 'jobs.gone'"), ROOT);
        assertRows(audit, "[[\"root\",\"DROP_TABLE\",\"jobs.gone\",\"Type: shared, Cleanup Job: " + jobId + "\"]]");
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.SECONDS)
    void dropUserTableCleanupJobCompletesAndTheNameCanBeReused() {
        Expect.message(root("CREATE USER TABLE jobs.mine (id INT PRIMARY KEY, v TEXT)"),
                "Table jobs.mine created successfully (user)", ROOT);
        affected(root("INSERT INTO jobs.mine VALUES (1, 'a')"), "Inserted 1 row(s)", 1, ROOT);
        affected(http.sql(userToken, "INSERT INTO jobs.mine VALUES (1, 'b'), (2, 'c')"), "Inserted 2 row(s)", 2, "ulla");
        String first = dropTable("jobs.mine");
        JsonNode job = awaitTerminal(first);
        assertEquals("completed", job.get(2).asText(), () -> "CL job row: " + job);
        assertEquals("user", Json.parse(job.get(3).asText()).path("table_type").asText());
        assertEquals("Cleaned up table jobs.mine successfully - 3 rows deleted, 0 bytes freed, 0 manifest entries removed",
                job.get(4).asText());

        Expect.message(root("CREATE USER TABLE jobs.mine (id INT PRIMARY KEY, v TEXT)"),
                "Table jobs.mine created successfully (user)", ROOT);
        assertRows(rowResult(http.sql(userToken, "SELECT id, v FROM jobs.mine"), "ulla"), "[]");
        assertRows(rowResult(root("SELECT id, v FROM jobs.mine"), ROOT), "[]");
        String second = dropTable("jobs.mine");
        assertNotEquals(first, second, "a second drop of the same name gets its own job");
        assertEquals("completed", awaitTerminal(second).get(2).asText());
    }

    @Test
    void killUnknownJob() {
        Expect.sqlErrorWithDetails(root("KILL JOB 'FL-000000000000'"), 400, "SQL_EXECUTION_ERROR",
                "Statement 1 failed: Job 'FL-000000000000' not found", "KILL JOB 'FL-000000000000'");
        Expect.sqlErrorWithDetails(root("KILL JOB x"), 400, "SQL_EXECUTION_ERROR",
                "Statement 1 failed: Job 'x' not found", "KILL JOB x");
    }

    @Test
    void killJobIsAdminOnly() {
        for (String token : new String[] {userToken, serviceToken}) {
            Expect.sqlErrorNoDetails(http.sql(token, "KILL JOB 'x'"), 403, "PERMISSION_DENIED",
                    "Statement 1 failed: Admin privileges (DBA or System role) required for job management");
        }
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.SECONDS)
    void cleanupJobsCannotBeCancelled() {
        Expect.message(root("CREATE TABLE jobs.unkillable (id INT PRIMARY KEY)"),
                "Table jobs.unkillable created successfully (shared)", ROOT);
        String jobId = dropTable("jobs.unkillable");
        for (String sql : new String[] {"KILL JOB '" + jobId + "'", "KILL JOB \"" + jobId + "\"", "KILL JOB " + jobId}) {
            Expect.sqlErrorWithDetails(root(sql), 400, "SQL_EXECUTION_ERROR",
                    "Statement 1 failed: Cleanup jobs cannot be cancelled", sql);
        }
        assertEquals("completed", awaitTerminal(jobId).get(2).asText());
        JsonNode kills = rowResult(root("SELECT COUNT(*) FROM system.audit_log WHERE action = 'KILL_JOB'"), ROOT);
        assertRows(kills, "[[\"0\"]]");
    }

    // ---- helpers ----------------------------------------------------------------------------------------------------

    private static Response root(String sql) {
        return http.sql(rootToken, sql);
    }

    private static String dropTable(String table) {
        JsonNode result = Expect.sqlOk(root("DROP TABLE " + table), 1).get(0);
        Expect.keys(result, "row_count", "message", "as_user");
        Matcher matcher = DROP_MESSAGE.matcher(result.get("message").asText());
        assertTrue(matcher.matches(), () -> "unexpected DROP TABLE message: " + result);
        assertEquals(table, matcher.group(1));
        return matcher.group(2);
    }

    /** Polls system.jobs until the job reaches a terminal status; returns its row of {@link #JOB_COLUMNS}. */
    private static JsonNode awaitTerminal(String jobId) {
        return SqlE2ESupport.pollUntil("job " + jobId + " to finish", CLEANUP_WAIT, () -> {
            JsonNode result = rowResult(root("SELECT " + JOB_COLUMNS + " FROM system.jobs WHERE job_id = '" + jobId + "'"), ROOT);
            assertEquals(1, result.get("rows").size(), () -> "job " + jobId + " must be listed: " + result);
            JsonNode row = result.get("rows").get(0);
            return TERMINAL.contains(row.get(2).asText()) ? row : null;
        });
    }
}
