package io.kalamdb.e2e;

import static io.kalamdb.e2e.SqlE2ESupport.ROOT;
import static io.kalamdb.e2e.SqlE2ESupport.affected;
import static io.kalamdb.e2e.SqlE2ESupport.assertRows;
import static io.kalamdb.e2e.SqlE2ESupport.assertSchema;
import static io.kalamdb.e2e.SqlE2ESupport.bigInt;
import static io.kalamdb.e2e.SqlE2ESupport.col;
import static io.kalamdb.e2e.SqlE2ESupport.columnNames;
import static io.kalamdb.e2e.SqlE2ESupport.columnText;
import static io.kalamdb.e2e.SqlE2ESupport.rowResult;
import static io.kalamdb.e2e.SqlE2ESupport.scalar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The system tables as seen by admins (storage.md §13), the system-table guard for roles user and service through every
 * query shape (auth.md §10), read-only system tables, and information_schema (storage.md §13.19).
 */
@Timeout(value = 5, unit = TimeUnit.SECONDS)
class SqlSystemTablesE2ETest {

    private static final String UMA = "uma";
    private static final String SID = "sid";
    private static final String DORA = "dora";

    private static ServerProcess server;
    private static Http http;
    private static String rootToken;
    private static final Map<String, String> TOKENS = new HashMap<>();

    @BeforeAll
    @Timeout(value = 35, unit = TimeUnit.SECONDS)
    static void startServer() {
        server = ServerProcess.startDefault();
        http = new Http(server.baseUrl());
        rootToken = http.login(ROOT, ServerProcess.ROOT_PASSWORD);
        TOKENS.put(UMA, SqlE2ESupport.createUserAndLogin(http, rootToken, UMA, "Uma-Pass-2024!", "user"));
        TOKENS.put(SID, SqlE2ESupport.createUserAndLogin(http, rootToken, SID, "Sid-Pass-2024!", "service"));
        TOKENS.put(DORA, SqlE2ESupport.createUserAndLogin(http, rootToken, DORA, "Dora-Pass-2024!", "dba"));
        Expect.message(root("CREATE NAMESPACE guard"), "Namespace 'guard' created successfully", ROOT);
        Expect.message(root("CREATE USER TABLE guard.notes (id INT PRIMARY KEY, who TEXT)"),
                "Table guard.notes created successfully (user)", ROOT);
        Expect.message(root("CREATE TABLE guard.open_board (id INT PRIMARY KEY, v TEXT) WITH (ACCESS_LEVEL = 'PUBLIC')"),
                "Table guard.open_board created successfully (shared)", ROOT);
        Expect.message(root("CREATE TABLE guard.closed_board (id INT PRIMARY KEY, v TEXT)"),
                "Table guard.closed_board created successfully (shared)", ROOT);
        Expect.message(root("CREATE TABLE guard.admins_only (id INT PRIMARY KEY) WITH (ACCESS_LEVEL = 'DBA')"),
                "Table guard.admins_only created successfully (shared)", ROOT);
        Expect.message(root("CREATE VIEW guard.user_roles AS SELECT user_id, role FROM system.users"),
                "View guard.user_roles created successfully", ROOT);
        affected(http.sql(TOKENS.get(UMA), "INSERT INTO guard.notes VALUES (1, 'uma')"), "Inserted 1 row(s)", 1, UMA);
    }

    @AfterAll
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    // ---- admins read the system tables ------------------------------------------------------------------------------

    @Test
    void systemUsers() {
        JsonNode result = rowResult(root("SELECT * FROM system.users WHERE user_id = 'root'"), ROOT);
        assertSchema(result, col("user_id", "Text", "nn", "pk", "uq"), col("password_hash", "Text", "nn"),
                col("role", "Text", "nn"), col("email", "Text"), col("auth_type", "Text", "nn"), col("auth_data", "Json"),
                col("storage_mode", "Text", "nn"), col("storage_id", "Text"), col("failed_login_attempts", "Int", "nn"),
                col("locked_until", "Timestamp"), col("last_login_at", "Timestamp"), col("created_at", "Timestamp", "nn"),
                col("updated_at", "Timestamp", "nn"), col("last_seen", "Timestamp"), col("deleted_at", "Timestamp"));
        JsonNode row = result.get("rows").get(0);
        assertEquals("root", row.get(0).asText());
        assertTrue(row.get(1).asText().startsWith("$2a$"), () -> "bcrypt hash as jBCrypt writes it: " + row);
        assertEquals("system", row.get(2).asText());
        assertEquals("root@localhost", row.get(3).asText());
        assertEquals("internal", row.get(4).asText());
        assertEquals("table", row.get(6).asText());
        assertTrue(row.get(14).isNull(), () -> "root is not deleted: " + row);

        assertRows(rowResult(root("SELECT user_id, role, auth_type FROM system.users WHERE user_id IN ('uma', 'sid', 'dora') "
                + "ORDER BY user_id"), ROOT), "[[\"dora\",\"dba\",\"password\"],[\"sid\",\"service\",\"password\"],"
                + "[\"uma\",\"user\",\"password\"]]");
        assertRows(rowResult(http.sql(TOKENS.get(DORA), "SELECT user_id FROM system.users WHERE user_id = 'uma'"), DORA),
                "[[\"uma\"]]");
    }

    @Test
    void systemNamespaces() {
        JsonNode result = rowResult(root("SELECT * FROM system.namespaces WHERE namespace_id IN ('default', 'guard') "
                + "ORDER BY namespace_id"), ROOT);
        assertSchema(result, col("namespace_id", "Text", "nn", "pk", "uq"), col("name", "Text", "nn"),
                col("created_at", "Timestamp", "nn"), col("options", "Json"), col("table_count", "Int", "nn"));
        assertEquals(List.of("default", "guard"), columnText(result, 0));
        assertEquals(List.of("{}", "{}"), columnText(result, 3));
        long sysTables = bigInt(scalar(root("SELECT COUNT(*) FROM system.tables "
                + "WHERE namespace_id = 'guard'"), ROOT));
        assertEquals(List.of("0", Long.toString(sysTables)), columnText(result, 4), "table_count counts system.tables rows");
    }

    @Test
    void systemTablesAndColumns() {
        JsonNode tables = rowResult(root("SELECT * FROM system.tables WHERE namespace_id = 'guard' ORDER BY table_name"), ROOT);
        assertSchema(tables, col("namespace_id", "Text", "nn"), col("table_name", "Text", "nn"), col("table_type", "Text", "nn"),
                col("storage_id", "Text"), col("version", "BigInt", "nn"), col("options", "Json"), col("comment", "Text"),
                col("updated_at", "Timestamp", "nn"), col("created_at", "Timestamp", "nn"));
        assertEquals(List.of("admins_only", "closed_board", "notes", "open_board", "user_roles"), columnText(tables, 1));
        assertEquals(List.of("shared", "shared", "user", "shared", "view"), columnText(tables, 2));

        JsonNode columns = rowResult(root("SELECT * FROM system.columns WHERE namespace_id = 'guard' AND table_name = 'notes' "
                + "ORDER BY column_id"), ROOT);
        assertSchema(columns, col("namespace_id", "Text", "nn"), col("table_name", "Text", "nn"), col("version", "BigInt", "nn"),
                col("column_id", "BigInt", "nn"), col("column_name", "Text", "nn"), col("comment", "Text"),
                col("data_type", "Text", "nn"), col("default_value", "Text"), col("ordinal", "BigInt", "nn"),
                col("nullable", "Boolean", "nn"), col("primary_key", "Boolean", "nn"), col("primary_key_pos", "BigInt"));
        assertRows(columns, "["
                + "[\"guard\",\"notes\",\"1\",\"1\",\"id\",null,\"INT\",null,\"1\",false,true,\"1\"],"
                + "[\"guard\",\"notes\",\"1\",\"2\",\"who\",null,\"TEXT\",null,\"2\",true,false,null],"
                + "[\"guard\",\"notes\",\"1\",\"3\",\"_seq\",null,\"BIGINT\",null,\"3\",false,false,null],"
                + "[\"guard\",\"notes\",\"1\",\"4\",\"_deleted\",null,\"BOOLEAN\",\"false\",\"4\",false,false,null]]");
    }

    @Test
    void systemColumnsOrdinalCanBeReferenced() {
        JsonNode result = rowResult(root("SELECT column_name, ordinal FROM system.columns WHERE namespace_id = 'guard' "
                + "AND table_name = 'notes' AND ordinal > 2 ORDER BY ordinal"), ROOT);
        assertRows(result, "[[\"_seq\",\"3\"],[\"_deleted\",\"4\"]]");
    }

    @Test
    void systemSchemas() {
        JsonNode result = rowResult(root("SELECT * FROM system.schemas WHERE table_id = 'guard.notes'"), ROOT);
        assertSchema(result, col("table_id", "Text", "nn"), col("table_name", "Text", "nn"), col("namespace_id", "Text", "nn"),
                col("table_type", "Text", "nn"), col("created_at", "Timestamp", "nn"), col("schema_version", "Int", "nn"),
                col("columns", "Json", "nn"), col("table_comment", "Text"), col("updated_at", "Timestamp", "nn"),
                col("options", "Json"), col("access_level", "Text"), col("is_latest", "Boolean", "nn"),
                col("storage_id", "Text"), col("use_user_storage", "Boolean"));
        JsonNode row = result.get("rows").get(0);
        assertEquals(List.of("guard.notes", "notes", "guard", "user"),
                List.of(row.get(0).asText(), row.get(1).asText(), row.get(2).asText(), row.get(3).asText()));
        assertEquals(1, row.get(5).asInt());
        assertEquals(Json.parse("[{\"column_id\":1,\"column_name\":\"id\",\"ordinal_position\":1,\"data_type\":\"Int\","
                + "\"is_nullable\":false,\"is_primary_key\":true,\"default_value\":null,\"comment\":null},"
                + "{\"column_id\":2,\"column_name\":\"who\",\"ordinal_position\":2,\"data_type\":\"Text\",\"is_nullable\":true,"
                + "\"is_primary_key\":false,\"default_value\":null,\"comment\":null},"
                + "{\"column_id\":3,\"column_name\":\"_seq\",\"ordinal_position\":3,\"data_type\":\"BigInt\","
                + "\"is_nullable\":false,\"is_primary_key\":false,\"default_value\":null,\"comment\":null},"
                + "{\"column_id\":4,\"column_name\":\"_deleted\",\"ordinal_position\":4,\"data_type\":\"Boolean\","
                + "\"is_nullable\":false,\"is_primary_key\":false,\"default_value\":{\"literal\":false},\"comment\":null}]"),
                Json.parse(row.get(6).asText()));
        assertTrue(row.get(11).asBoolean(), () -> "is_latest: " + row);
    }

    @Test
    void systemJobsSchema() {
        JsonNode result = rowResult(root("SELECT * FROM system.jobs LIMIT 1"), ROOT);
        assertSchema(result, col("job_id", "Text", "nn", "pk", "uq"), col("job_type", "Text", "nn"), col("status", "Text", "nn"),
                col("leader_status", "Text"), col("parameters", "Json"), col("message", "Text"),
                col("exception_trace", "Text"), col("idempotency_key", "Text"), col("queue", "Text"), col("priority", "Int"),
                col("retry_count", "SmallInt", "nn"), col("max_retries", "SmallInt", "nn"), col("memory_used", "BigInt"),
                col("cpu_used", "BigInt"), col("created_at", "Timestamp", "nn"), col("updated_at", "Timestamp", "nn"),
                col("started_at", "Timestamp"), col("finished_at", "Timestamp"), col("node_id", "BigInt", "nn"),
                col("leader_node_id", "BigInt"));
    }

    @Test
    void systemStats() {
        JsonNode result = rowResult(root("SELECT * FROM system.stats"), ROOT);
        assertSchema(result, col("metric_name", "Text", "nn"), col("metric_value", "Text", "nn"));
        List<String> names = columnText(result, 0);
        for (String metric : List.of("server_version", "server_build_date", "server_git_commit", "pid", "uptime_seconds",
                "memory_usage_mb", "server_workers_effective", "max_connections", "active_connections",
                "active_subscriptions", "total_users", "total_namespaces", "total_tables", "total_storages", "total_jobs",
                "jobs_queued", "jobs_running", "jobs_failed", "schema_cache_size", "schema_registry_size", "node_id",
                "cluster_mode")) {
            assertTrue(names.contains(metric), () -> "system.stats lacks " + metric + ": " + names);
        }
        assertRows(rowResult(root("SELECT metric_value FROM system.stats WHERE metric_name IN ('node_id', 'cluster_mode', "
                + "'total_users') ORDER BY metric_name"), ROOT), "[[\"false\"],[\"1\"],[\"4\"]]");
    }

    @Test
    void systemSettingsHideSecrets() {
        JsonNode result = rowResult(root("SELECT name, value, category FROM system.settings WHERE name = "
                + "'limits.default_query_limit' OR name = 'limits.max_query_limit' ORDER BY name"), ROOT);
        assertRows(result,
                "[[\"limits.default_query_limit\",\"50\",\"limits\"],[\"limits.max_query_limit\",\"1000\",\"limits\"]]");
        assertEquals(List.of("name", "value", "description", "category"),
                columnNames(rowResult(root("SELECT * FROM system.settings LIMIT 1"), ROOT)));
        assertRows(rowResult(root("SELECT name FROM system.settings WHERE name LIKE '%jwt_secret%' "
                + "OR name LIKE '%root_password%'"), ROOT), "[]");
        JsonNode everything = rowResult(root("SELECT name, value FROM system.settings LIMIT 1000"), ROOT);
        for (JsonNode row : everything.get("rows")) {
            assertFalse(row.get(1).asText().contains(ServerProcess.ROOT_PASSWORD), () -> "a secret leaks: " + row);
        }
    }

    @Test
    void systemDatatypes() {
        JsonNode result = rowResult(root("SELECT * FROM system.datatypes"), ROOT);
        assertSchema(result, col("arrow_type", "Text", "nn"), col("kalam_type", "Text", "nn"), col("sql_name", "Text", "nn"),
                col("description", "Text", "nn"));
        List<String> kinds = columnText(result, 1).stream().sorted().toList();
        assertEquals(List.of("BigInt", "Boolean", "Bytes", "Date", "DateTime", "Decimal", "Double", "Embedding", "File",
                "Float", "Int", "Json", "SmallInt", "Text", "Time", "Timestamp", "Uuid"), kinds,
                "one row per data_type of sql.md §12.1");
    }

    @Test
    void systemAuditLogHasCreateTableEntries() {
        JsonNode result = rowResult(root("SELECT audit_id, actor_user_id, action, target, details FROM system.audit_log "
                + "WHERE action = 'CREATE_TABLE' AND target LIKE 'guard.%' ORDER BY target"), ROOT);
        assertEquals(List.of("guard.admins_only", "guard.closed_board", "guard.notes", "guard.open_board"),
                columnText(result, 3));
        assertEquals(List.of("root", "root", "root", "root"), columnText(result, 1));
        assertEquals(List.of("Type: shared", "Type: shared", "Type: user", "Type: shared"), columnText(result, 4));
        for (String id : columnText(result, 0)) {
            assertTrue(id.matches("audit_\\d{16}_[0-9a-f]{32}"), () -> "audit_id format: " + id);
        }
        assertRows(rowResult(root("SELECT action, target FROM system.audit_log WHERE action = 'CREATE_VIEW'"), ROOT),
                "[[\"CREATE_VIEW\",\"guard.user_roles\"]]");
    }

    // ---- the guard --------------------------------------------------------------------------------------------------

    static Stream<Arguments> guardedQueries() {
        Stream.Builder<Arguments> cases = Stream.builder();
        for (String role : List.of("user", "service")) {
            String caller = role.equals("user") ? UMA : SID;
            cases.add(Arguments.of(caller, role, "SELECT * FROM system.users"));
            cases.add(Arguments.of(caller, role, "select user_id from SYSTEM.USERS"));
            cases.add(Arguments.of(caller, role, "SELECT n.id FROM guard.notes n JOIN system.users u ON u.user_id = n.who"));
            cases.add(Arguments.of(caller, role, "SELECT id FROM guard.notes WHERE who IN (SELECT user_id FROM system.users)"));
            cases.add(Arguments.of(caller, role, "SELECT id, (SELECT COUNT(*) FROM system.users) AS n FROM guard.notes"));
            cases.add(Arguments.of(caller, role,
                    "SELECT id FROM guard.notes WHERE EXISTS (SELECT 1 FROM system.users WHERE role = 'system')"));
            cases.add(Arguments.of(caller, role, "SELECT * FROM (SELECT user_id FROM system.users) x"));
            cases.add(Arguments.of(caller, role, "WITH x AS (SELECT user_id FROM system.users) SELECT * FROM x"));
            cases.add(Arguments.of(caller, role, "SELECT who FROM guard.notes UNION SELECT user_id FROM system.users"));
            cases.add(Arguments.of(caller, role, "SELECT who FROM guard.notes EXCEPT SELECT user_id FROM system.users"));
            cases.add(Arguments.of(caller, role, "SELECT * FROM guard.user_roles"));
            cases.add(Arguments.of(caller, role, "INSERT INTO guard.notes (id, who) SELECT 99, user_id FROM system.users"));
        }
        return cases.build();
    }

    @ParameterizedTest
    @MethodSource("guardedQueries")
    void systemTablesAreClosedToNonAdminsInEveryShape(String caller, String role, String sql) {
        Expect.sqlErrorNoDetails(http.sql(TOKENS.get(caller), sql), 403, "PERMISSION_DENIED", "Statement 1 failed: Access denied: "
                + "Role '" + role + "' cannot access table 'system.users'. System tables require 'dba' or 'system' role.");
        assertRows(rowResult(http.sql(TOKENS.get(UMA), "SELECT id FROM guard.notes"), UMA), "[[1]]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"namespaces", "tables", "columns", "schemas", "jobs", "stats", "settings", "datatypes",
        "audit_log", "storages"})
    void everySystemTableIsClosedToRoleUser(String table) {
        Expect.sqlErrorNoDetails(http.sql(TOKENS.get(UMA), "SELECT * FROM system." + table), 403, "PERMISSION_DENIED",
                "Statement 1 failed: Access denied: Role 'user' cannot access table 'system." + table
                        + "'. System tables require 'dba' or 'system' role.");
    }

    @Test
    void aGuardedStatementFailsTheWholeBatch() {
        Expect.sqlErrorNoDetails(http.sql(TOKENS.get(UMA), "SELECT 1; SELECT * FROM system.users"), 403, "PERMISSION_DENIED",
                "Statement 2 failed: Access denied: Role 'user' cannot access table 'system.users'. "
                        + "System tables require 'dba' or 'system' role.");
    }

    @Test
    void viewOverSystemTableWorksForAdmins() {
        JsonNode result = rowResult(root("SELECT user_id, role FROM guard.user_roles WHERE user_id = 'root'"), ROOT);
        assertRows(result, "[[\"root\",\"system\"]]");
    }

    @Test
    void systemTablesAreReadOnlyForAdmins() {
        for (String sql : List.of("INSERT INTO system.users (user_id, role) VALUES ('evil', 'system')",
                "UPDATE system.users SET role = 'user' WHERE user_id = 'root'")) {
            Expect.sqlErrorWithDetails(root(sql), 400, "SQL_EXECUTION_ERROR",
                    "Statement 1 failed: Table 'system.users' is read-only", sql);
        }
        Expect.sqlErrorWithDetails(root("DELETE FROM system.audit_log"), 400, "SQL_EXECUTION_ERROR",
                "Statement 1 failed: Table 'system.audit_log' is read-only", "DELETE FROM system.audit_log");
        Expect.sqlErrorWithDetails(http.sql(TOKENS.get(DORA), "DELETE FROM system.namespaces"), 400, "SQL_EXECUTION_ERROR",
                "Statement 1 failed: Table 'system.namespaces' is read-only", "DELETE FROM system.namespaces");
        assertRows(rowResult(root("SELECT role FROM system.users WHERE user_id = 'root'"), ROOT), "[[\"system\"]]");
        assertRows(rowResult(root("SELECT COUNT(*) FROM system.users WHERE user_id = 'evil'"), ROOT), "[[\"0\"]]");
    }

    @Test
    void systemTableWritesByNonAdminsAreDenied() {
        Expect.sqlErrorNoDetails(http.sql(TOKENS.get(SID), "INSERT INTO system.users (user_id) VALUES ('evil')"), 403,
                "PERMISSION_DENIED", "Statement 1 failed: Access denied: system tables require the dba or system role");
    }

    // ---- information_schema -----------------------------------------------------------------------------------------

    @Test
    void informationSchemaTablesForRoleUser() {
        JsonNode result = rowResult(http.sql(TOKENS.get(UMA), "SELECT * FROM information_schema.tables ORDER BY table_schema, "
                + "table_name"), UMA);
        assertSchema(result, col("table_catalog", "Text", "nn"), col("table_schema", "Text", "nn"),
                col("table_name", "Text", "nn"), col("table_type", "Text", "nn"));
        assertRows(result, "[[\"kalam\",\"guard\",\"notes\",\"BASE TABLE\"],[\"kalam\",\"guard\",\"open_board\",\"BASE TABLE\"],"
                + "[\"kalam\",\"guard\",\"user_roles\",\"VIEW\"]]");
        JsonNode service = rowResult(http.sql(TOKENS.get(SID), "SELECT table_name FROM information_schema.tables "
                + "WHERE table_type = 'SYSTEM TABLE' OR table_schema = 'system'"), SID);
        assertRows(service, "[]");
        assertEquals(List.of("closed_board", "notes", "open_board", "user_roles"),
                columnText(rowResult(http.sql(TOKENS.get(SID), "SELECT table_name FROM information_schema.tables "
                        + "ORDER BY table_name"), SID), 0), "service reads private shared tables, not DBA ones");
    }

    @Test
    void informationSchemaTablesForAdmins() {
        JsonNode result = rowResult(root("SELECT table_catalog, table_schema, table_name, table_type FROM "
                + "information_schema.tables WHERE table_schema = 'system' AND table_name IN ('users', 'jobs') "
                + "ORDER BY table_name"), ROOT);
        assertRows(result,
                "[[\"kalam\",\"system\",\"jobs\",\"SYSTEM TABLE\"],[\"kalam\",\"system\",\"users\",\"SYSTEM TABLE\"]]");
        assertRows(rowResult(root("SELECT table_name FROM information_schema.tables WHERE table_schema = 'guard' "
                + "ORDER BY table_name"), ROOT),
                "[[\"admins_only\"],[\"closed_board\"],[\"notes\"],[\"open_board\"],[\"user_roles\"]]");
    }

    @Test
    void informationSchemaColumns() {
        JsonNode result = rowResult(http.sql(TOKENS.get(UMA), "SELECT * FROM information_schema.columns "
                + "WHERE table_name = 'notes' ORDER BY ordinal_position"), UMA);
        assertSchema(result, col("table_catalog", "Text", "nn"), col("table_schema", "Text", "nn"),
                col("table_name", "Text", "nn"), col("column_name", "Text", "nn"), col("ordinal_position", "Int", "nn"),
                col("column_default", "Text"), col("is_nullable", "Text", "nn"), col("data_type", "Text", "nn"));
        assertRows(result, "[[\"kalam\",\"guard\",\"notes\",\"id\",1,null,\"NO\",\"INT\"],"
                + "[\"kalam\",\"guard\",\"notes\",\"who\",2,null,\"YES\",\"TEXT\"],"
                + "[\"kalam\",\"guard\",\"notes\",\"_seq\",3,null,\"NO\",\"BIGINT\"],"
                + "[\"kalam\",\"guard\",\"notes\",\"_deleted\",4,\"false\",\"NO\",\"BOOLEAN\"]]");
        assertRows(rowResult(http.sql(TOKENS.get(UMA), "SELECT COUNT(*) FROM information_schema.columns "
                + "WHERE table_schema = 'system' OR table_name = 'closed_board'"), UMA), "[[\"0\"]]");
    }

    // ---- helpers ----------------------------------------------------------------------------------------------------

    private static Response root(String sql) {
        return http.sql(rootToken, sql);
    }
}
