package io.kalamdb.core.sql.ddl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kalamdb.commons.enums.JobStatus;
import io.kalamdb.commons.enums.JobType;
import io.kalamdb.commons.enums.Role;
import io.kalamdb.commons.errors.ErrorCode;
import io.kalamdb.commons.ids.JobId;
import io.kalamdb.commons.ids.TableId;
import io.kalamdb.commons.models.AuditEntry;
import io.kalamdb.commons.models.TableDefinition;
import io.kalamdb.core.jobs.Job;
import io.kalamdb.core.sql.StatementResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DropTableHandlerTest {
    private static final Pattern DROPPED = Pattern.compile("Table (\\S+) dropped successfully\\. Cleanup job: (CL-[0-9a-f]{12})");

    @TempDir
    Path dir;
    private DdlFixture f;

    @BeforeEach
    void open() {
        f = new DdlFixture(dir);
    }

    @AfterEach
    void close() {
        f.close();
    }

    private JobId dropped(String sql, String table) {
        Matcher m = DROPPED.matcher(f.message(sql));
        assertTrue(m.matches());
        assertEquals(table, m.group(1));
        return new JobId(m.group(2));
    }

    private Path storage() {
        return f.dataPath.resolve("storage").toAbsolutePath().normalize();
    }

    @Test
    void dropUserTableMovesItsFilesAndQueuesTheCleanupJob() throws IOException {
        f.message("CREATE USER TABLE app.msgs (id BIGINT PRIMARY KEY)");
        TableDefinition def = f.table("app", "msgs");
        Path scope = storage().resolve("app").resolve("msgs").resolve("alice");
        Files.createDirectories(scope);
        Files.writeString(scope.resolve("batch-0.parquet"), "x");
        JobId flush = f.ctx.jobs().create(JobType.FLUSH, Map.of("table_id", "app.msgs"), null, def.tableUid());

        JobId cleanup = dropped("DROP USER TABLE App.Msgs", "app.msgs");

        assertTrue(f.ctx.schemas().table(def.tableId()).isEmpty());
        assertTrue(f.ctx.schemas().history(def.tableId()).isEmpty());
        Path trash = storage().resolve(".kalamdb-trash").resolve(Long.toString(def.tableUid()));
        assertEquals("x", Files.readString(trash.resolve("alice").resolve("batch-0.parquet")));
        assertFalse(Files.exists(storage().resolve("app").resolve("msgs")));
        assertEquals(JobStatus.CANCELLED, f.ctx.jobs().get(flush).orElseThrow().status());
        Job job = f.ctx.jobs().get(cleanup).orElseThrow();
        assertEquals(JobType.CLEANUP, job.jobType());
        assertEquals(JobStatus.QUEUED, job.status());
        assertEquals(String.format("CL:app.msgs:%08x", def.tableUid()), job.idempotencyKey());
        assertTrue(job.parameters().contains("\"table_id\":\"app.msgs\""), job.parameters());
        assertTrue(job.parameters().contains("\"trash_dir\":\"" + trash.toString().replace("\\", "\\\\") + "\""),
                job.parameters());
        AuditEntry last = f.ctx.auditLog().all().get(f.ctx.auditLog().all().size() - 1);
        assertEquals("DROP_TABLE", last.action());
        assertEquals("app.msgs", last.target());
        assertEquals("Type: user, Cleanup Job: " + cleanup, last.details());

        f.message("CREATE USER TABLE app.msgs (id BIGINT PRIMARY KEY)");
        assertNotEquals(def.tableUid(), f.table("app", "msgs").tableUid());
        assertEquals(1, f.table("app", "msgs").schemaVersion());
    }

    @Test
    void dropSharedAndStreamTables() {
        f.message("CREATE TABLE app.s (id INT PRIMARY KEY)");
        f.message("ALTER TABLE app.s ADD COLUMN a INT");
        JobId shared = dropped("DROP TABLE app.s", "app.s");
        assertTrue(f.ctx.schemas().history(TableId.of("app", "s")).isEmpty());
        assertTrue(f.ctx.jobs().get(shared).orElseThrow().parameters().contains("\"table_type\":\"shared\""));
        f.message("CREATE STREAM TABLE ev (k TEXT) WITH (TTL_SECONDS = 5)");
        JobId stream = dropped("DROP STREAM TABLE ev", "default.ev");
        assertTrue(f.ctx.jobs().get(stream).orElseThrow().parameters().contains("\"trash_dir\":null"));
    }

    @Test
    void missingTablesAndTypeMismatch() {
        assertEquals("Table app.nope does not exist (skipped)", f.message("DROP TABLE IF EXISTS app.nope"));
        assertEquals("Table nons.t does not exist (skipped)", f.message("DROP TABLE IF EXISTS nons.t"));
        assertEquals("Table 'app.nope' not found", f.error(ErrorCode.TABLE_NOT_FOUND, "DROP TABLE app.nope"));
        assertEquals("Namespace 'nons' does not exist", f.error(ErrorCode.TABLE_NOT_FOUND, "DROP TABLE nons.t"));
        f.message("CREATE TABLE app.s (id INT PRIMARY KEY)");
        assertEquals("Table app.s is a SHARED table, not a USER table", f.userError("DROP USER TABLE app.s"));
        assertEquals("Table app.s is a SHARED table, not a STREAM table", f.userError("DROP STREAM TABLE IF EXISTS app.s"));
        assertTrue(f.ctx.schemas().table(TableId.of("app", "s")).isPresent());
    }

    @Test
    void rolesAndSystemTables() {
        f.message("CREATE TABLE app.s (id INT PRIMARY KEY)");
        assertEquals("Role 'user' cannot drop tables",
                f.error(ErrorCode.PERMISSION_DENIED, "DROP TABLE app.s", f.exec(Role.USER)));
        assertEquals("Role 'service' cannot drop tables",
                f.error(ErrorCode.PERMISSION_DENIED, "DROP TABLE system.users", f.exec(Role.SERVICE)));
        assertEquals("Cannot drop system table 'system.users'",
                f.error(ErrorCode.SQL_EXECUTION_ERROR, "DROP TABLE system.users", f.exec(Role.DBA)));
        assertEquals("Cannot drop system table 'system.users'", f.userError("DROP TABLE IF EXISTS system.users"));
        assertTrue(DROPPED.matcher(assertMessage(f.run("DROP TABLE app.s", f.exec(Role.DBA)))).matches());
    }

    @Test
    void dropTableIsReusablePerTable() {
        f.message("CREATE TABLE app.a (id INT PRIMARY KEY)");
        f.message("CREATE USER TABLE app.b (id INT PRIMARY KEY)");
        for (TableDefinition def : f.ctx.schemas().tables(f.table("app", "a").tableId().namespace())) {
            JobId job = DropTableHandler.dropTable(f.ctx, def, f.exec(Role.DBA));
            assertEquals(JobType.CLEANUP, f.ctx.jobs().get(job).orElseThrow().jobType());
        }
        assertTrue(f.ctx.schemas().tables().isEmpty());
    }

    private static String assertMessage(StatementResult result) {
        return assertInstanceOf(StatementResult.Message.class, result).message();
    }
}
