package io.kalamdb.core.sql.ddl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kalamdb.commons.enums.Role;
import io.kalamdb.commons.errors.ErrorCode;
import io.kalamdb.commons.ids.TableId;
import io.kalamdb.commons.models.AuditEntry;
import io.kalamdb.commons.models.TableDefinition;
import io.kalamdb.commons.models.ViewDefinition;
import io.kalamdb.commons.types.KalamDataType;
import io.kalamdb.core.schema.SchemaRegistry;
import io.kalamdb.core.sql.SchemaField;
import io.kalamdb.core.sql.StatementResult;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShowDescribeTest {
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

    private static List<String> names(List<SchemaField> schema) {
        return schema.stream().map(SchemaField::name).toList();
    }

    @Test
    void showTablesListsTablesAndViewsInOrder() {
        f.message("CREATE USER TABLE app.users_data (id BIGINT PRIMARY KEY) WITH (FLUSH_POLICY = 'rows:1000')");
        f.message("CREATE TABLE app.config (k TEXT PRIMARY KEY) WITH (STORAGE_ID = 'local')");
        f.message("CREATE STREAM TABLE app.events (k TEXT) WITH (TTL_SECONDS = 60)");
        f.message("CREATE TABLE other (id INT PRIMARY KEY)");
        f.ctx.schemas().putView(new ViewDefinition(TableId.of("app", "recent"), List.of(), "SELECT * FROM app.events",
                11, 12));
        StatementResult.Rows all = f.rows("SHOW TABLES");
        assertEquals(List.of("namespace_id", "table_name", "table_type", "storage_id", "version", "options", "comment",
                "updated_at", "created_at"), names(all.schema()));
        assertEquals(KalamDataType.BIG_INT, all.schema().get(4).dataType());
        assertEquals(KalamDataType.JSON, all.schema().get(5).dataType());
        assertEquals(KalamDataType.TIMESTAMP, all.schema().get(7).dataType());
        assertEquals(List.of("app.config", "app.events", "app.recent", "app.users_data", "default.other"),
                all.rows().stream().map(r -> r.get(0) + "." + r.get(1)).toList());
        TableDefinition users = f.table("app", "users_data");
        assertEquals(Arrays.asList("app", "users_data", "user", "local", "1",
                "{\"table_type\":\"user\",\"storage_id\":\"local\",\"flush_policy\":{\"rows\":1000,"
                        + "\"interval_seconds\":null},\"deleted_retention_hours\":168,\"use_user_storage\":false}",
                null, users.updatedAt(), users.createdAt()), all.rows().get(3));
        assertEquals("{\"table_type\":\"shared\",\"storage_id\":\"local\",\"flush_policy\":null,"
                + "\"deleted_retention_hours\":168,\"access_level\":\"private\"}", all.rows().get(0).get(5));
        assertEquals(Arrays.asList("app", "events", "stream", null, "1", "{\"table_type\":\"stream\",\"ttl_seconds\":60}"),
                all.rows().get(1).subList(0, 6));
        assertEquals(Arrays.asList("app", "recent", "view", null, "1", "{\"sql\":\"SELECT * FROM app.events\"}", null,
                12L, 11L), all.rows().get(2));
        assertTrue(all.rows().get(0).get(7) instanceof Long);

        f.message("ALTER TABLE app.config ADD COLUMN v TEXT");
        StatementResult.Rows app = f.rows("SHOW TABLES IN NAMESPACE App");
        assertEquals(4, app.rows().size());
        assertEquals("2", app.rows().get(0).get(4));
        assertEquals(1, f.rows("SHOW TABLES IN default").rows().size());
        assertEquals("Namespace 'nope' does not exist", f.userError("SHOW TABLES IN nope"));
        StatementResult.Rows asUser = (StatementResult.Rows) f.run("SHOW TABLES", f.exec(Role.USER));
        assertEquals(5, asUser.rows().size());
        assertEquals("user", asUser.asUser());
    }

    @Test
    void describeListsEveryColumn() {
        f.message("CREATE TABLE app.t (id BIGINT PRIMARY KEY DEFAULT SNOWFLAKE_ID() COMMENT 'key', "
                + "status TEXT NOT NULL DEFAULT 'active', price DECIMAL(10,2), v EMBEDDING(384))");
        StatementResult.Rows rows = f.rows("DESCRIBE TABLE app.t");
        assertEquals(List.of("column_name", "ordinal_position", "column_id", "data_type", "is_nullable",
                "is_primary_key", "column_default", "column_comment", "schema_version"), names(rows.schema()));
        assertEquals(List.of(KalamDataType.TEXT, KalamDataType.INT, KalamDataType.BIG_INT, KalamDataType.TEXT,
                KalamDataType.BOOLEAN, KalamDataType.BOOLEAN, KalamDataType.TEXT, KalamDataType.TEXT,
                KalamDataType.INT), rows.schema().stream().map(SchemaField::dataType).toList());
        assertEquals(List.of(
                Arrays.asList("id", 1, "1", "BIGINT", false, true, "SNOWFLAKE_ID()", "key", 1),
                Arrays.asList("status", 2, "2", "TEXT", false, false, "'active'", null, 1),
                Arrays.asList("price", 3, "3", "DECIMAL(10,2)", true, false, null, null, 1),
                Arrays.asList("v", 4, "4", "EMBEDDING(384)", true, false, null, null, 1),
                Arrays.asList("_seq", 5, "5", "BIGINT", false, false, null, null, 1),
                Arrays.asList("_deleted", 6, "6", "BOOLEAN", false, false, "false", null, 1)), rows.rows());
        f.message("ALTER TABLE app.t DROP COLUMN price");
        StatementResult.Rows after = f.rows("DESC app.t");
        assertEquals(5, after.rows().size());
        assertEquals(Arrays.asList("v", 3, "4", "EMBEDDING(384)", true, false, null, null, 2), after.rows().get(2));
        StatementResult.Rows asUser = (StatementResult.Rows) f.run("DESCRIBE app.t", f.exec(Role.USER));
        assertEquals(5, asUser.rows().size());
    }

    @Test
    void describeHistoryHasOneRowPerVersion() {
        f.message("CREATE TABLE app.t (id INT PRIMARY KEY)");
        f.message("ALTER TABLE app.t ADD COLUMN price DECIMAL(10,2) DEFAULT 0");
        StatementResult.Rows rows = f.rows("DESCRIBE app.t HISTORY");
        assertEquals(List.of("schema_version", "is_latest", "created_at", "columns"), names(rows.schema()));
        assertEquals(KalamDataType.JSON, rows.schema().get(3).dataType());
        assertEquals(2, rows.rows().size());
        List<TableDefinition> history = f.ctx.schemas().history(TableId.of("app", "t"));
        assertEquals(List.of(1, false, history.get(0).updatedAt(),
                "[{\"column_id\":1,\"column_name\":\"id\",\"ordinal_position\":1,\"data_type\":\"Int\","
                        + "\"is_nullable\":false,\"is_primary_key\":true,\"default_value\":null,\"comment\":null},"
                        + "{\"column_id\":2,\"column_name\":\"_seq\",\"ordinal_position\":2,\"data_type\":\"BigInt\","
                        + "\"is_nullable\":false,\"is_primary_key\":false,\"default_value\":null,\"comment\":null},"
                        + "{\"column_id\":3,\"column_name\":\"_deleted\",\"ordinal_position\":3,"
                        + "\"data_type\":\"Boolean\",\"is_nullable\":false,\"is_primary_key\":false,"
                        + "\"default_value\":{\"literal\":false},\"comment\":null}]"), rows.rows().get(0));
        assertEquals(2, rows.rows().get(1).get(0));
        assertEquals(true, rows.rows().get(1).get(1));
        assertTrue(((String) rows.rows().get(1).get(3)).contains("{\"column_id\":4,\"column_name\":\"price\","
                + "\"ordinal_position\":2,\"data_type\":{\"Decimal\":{\"precision\":10,\"scale\":2}},"
                + "\"is_nullable\":true,\"is_primary_key\":false,\"default_value\":{\"literal\":0},\"comment\":null}"));
        f.message("CREATE TABLE app.t_b (id UUID PRIMARY KEY DEFAULT UUID_V7())");
        assertTrue(((String) f.rows("DESCRIBE app.t_b HISTORY").rows().get(0).get(3))
                .contains("\"default_value\":{\"function\":\"UUID_V7\",\"args\":[]}"));
    }

    @Test
    void definitionsReadBackFromDiskDescribeTheSame() {
        f.message("CREATE TABLE app.t (id UUID PRIMARY KEY DEFAULT UUID_V7(), s TEXT DEFAULT 'x', n INT DEFAULT 3, "
                + "b BOOLEAN DEFAULT false, z TEXT DEFAULT NULL, ts TIMESTAMP DEFAULT NOW())");
        TableDefinition written = f.table("app", "t");
        TableDefinition read = new SchemaRegistry(f.backend).table(written.tableId()).orElseThrow();
        assertEquals(ColumnsJson.of(written.columns()), ColumnsJson.of(read.columns()));
        assertEquals(TableOptionsJson.of(written), TableOptionsJson.of(read));
        assertEquals("UUID_V7()", read.column("id").defaultValue().describe());
        assertEquals("'x'", read.column("s").defaultValue().describe());
        assertEquals("false", read.column("_deleted").defaultValue().describe());
    }

    @Test
    void describeMissingTables() {
        assertEquals("Table 'app.nope' not found", f.error(ErrorCode.TABLE_NOT_FOUND, "DESCRIBE app.nope"));
        assertEquals("Namespace 'nons' does not exist", f.error(ErrorCode.TABLE_NOT_FOUND, "DESCRIBE nons.t HISTORY"));
        assertEquals("Table 'default.t' not found", f.error(ErrorCode.TABLE_NOT_FOUND, "DESCRIBE t"));
    }

    @Test
    void dropView() {
        f.ctx.schemas().putView(new ViewDefinition(TableId.of("app", "v"), List.of(), "SELECT 1", 1, 1));
        assertEquals("Admin privileges (DBA or System role) required for view management",
                f.error(ErrorCode.PERMISSION_DENIED, "DROP VIEW app.v", f.exec(Role.SERVICE)));
        assertEquals("View app.v dropped successfully", f.message("DROP VIEW App.V"));
        assertTrue(f.ctx.schemas().view(TableId.of("app", "v")).isEmpty());
        AuditEntry last = f.ctx.auditLog().all().get(f.ctx.auditLog().all().size() - 1);
        assertEquals("DROP_VIEW", last.action());
        assertEquals("app.v", last.target());
        assertEquals("View app.v does not exist (skipped)", f.message("DROP VIEW IF EXISTS app.v"));
        assertEquals("Table 'app.v' not found", f.error(ErrorCode.TABLE_NOT_FOUND, "DROP VIEW app.v"));
        f.message("CREATE TABLE app.t (id INT PRIMARY KEY)");
        assertEquals("app.t is a table, not a view (use DROP TABLE)",
                f.error(ErrorCode.SQL_EXECUTION_ERROR, "DROP VIEW app.t"));
        assertEquals("Namespace 'nons' does not exist", f.error(ErrorCode.TABLE_NOT_FOUND, "DROP VIEW nons.v"));
    }
}
