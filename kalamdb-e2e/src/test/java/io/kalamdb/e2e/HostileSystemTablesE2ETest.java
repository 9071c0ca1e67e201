package io.kalamdb.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * The system-table guard (auth.md §10) through every query shape for roles user and service, writes to
 * {@code system.*} for every role, the role-filtered {@code information_schema}, and error redaction for non-admins
 * (auth.md §11, http-api.md §5.11).
 */
@Timeout(value = 3, unit = TimeUnit.SECONDS)
class HostileSystemTablesE2ETest {

    private static final String ROOT = "root";
    private static final Map<String, String> CALLERS = Map.of("user", "uri", "service", "sam", "dba", "dan",
            "system", "syl");
    private static final Map<String, String> TOKENS = new LinkedHashMap<>();
    private static final String ROOT_ROW =
            "SELECT user_id, password_hash, role, email, auth_type, deleted_at, locked_until FROM system.users "
                    + "WHERE user_id = 'root'";
    private static final String WRITE_GUARD = "Access denied: system tables require the dba or system role";

    private static ServerProcess server;
    private static Http http;
    private static String rootToken;

    @BeforeAll
    @Timeout(value = 35, unit = TimeUnit.SECONDS)
    static void startServer() {
        server = ServerProcess.startDefault();
        http = new Http(server.baseUrl());
        rootToken = http.login(ROOT, ServerProcess.ROOT_PASSWORD);
        CALLERS.forEach((role, user) -> {
            Expect.sqlOk(root("CREATE USER " + user + " WITH PASSWORD '" + password(user) + "' ROLE " + role));
            TOKENS.put(role, http.login(user, password(user)));
        });
        Expect.sqlOk(root("CREATE NAMESPACE st"));
        Expect.sqlOk(root("CREATE USER TABLE st.notes (id BIGINT PRIMARY KEY, body TEXT)"));
        Expect.sqlOk(root("CREATE SHARED TABLE st.pub (id BIGINT PRIMARY KEY, v TEXT) WITH (ACCESS_LEVEL = 'public')"));
        Expect.sqlOk(root("CREATE SHARED TABLE st.priv (id BIGINT PRIMARY KEY, v TEXT)"));
        Expect.sqlOk(root("CREATE VIEW st.users_view AS SELECT user_id, role, password_hash FROM system.users"));
        Expect.sqlOk(root("CREATE VIEW st.users_view2 AS SELECT user_id FROM st.users_view"));
        Expect.sqlOk(root("CREATE VIEW st.audit_view AS SELECT n.id, a.action FROM st.notes n "
                + "JOIN system.audit_log a ON a.actor_user_id = n.body"));
        for (String role : CALLERS.keySet()) {
            Expect.sqlOk(http.sql(TOKENS.get(role), "INSERT INTO st.notes (id, body) VALUES (1, 'root')"));
        }
    }

    @AfterAll
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    // ---- reads through every shape ----------------------------------------------------------------------------

    static Stream<Arguments> readShapes() {
        List<String[]> shapes = List.of(
                new String[] {"SELECT * FROM system.users", "users"},
                new String[] {"SELECT user_id, password_hash FROM system.users WHERE user_id = 'root'", "users"},
                new String[] {"SELECT COUNT(*) FROM system.users", "users"},
                new String[] {"SELECT n.id, u.password_hash FROM st.notes n JOIN system.users u ON u.user_id = n.body", "users"},
                new String[] {"SELECT n.id FROM st.notes n LEFT JOIN system.users u ON u.user_id = n.body", "users"},
                new String[] {"SELECT n.id FROM st.notes n, system.users u", "users"},
                new String[] {"SELECT * FROM (SELECT user_id, password_hash FROM system.users) AS x", "users"},
                new String[] {"SELECT id FROM st.notes WHERE body = (SELECT MAX(password_hash) FROM system.users)", "users"},
                new String[] {"SELECT id, (SELECT COUNT(*) FROM system.users) AS n FROM st.notes", "users"},
                new String[] {"SELECT (SELECT MAX(password_hash) FROM system.users) AS h", "users"},
                new String[] {"SELECT id FROM st.notes WHERE body IN (SELECT user_id FROM system.users)", "users"},
                new String[] {"SELECT id FROM st.notes WHERE body NOT IN (SELECT user_id FROM system.users)", "users"},
                new String[] {"SELECT id FROM st.notes WHERE EXISTS (SELECT 1 FROM system.users WHERE role = 'system')", "users"},
                new String[] {"SELECT body FROM st.notes UNION SELECT password_hash FROM system.users", "users"},
                new String[] {"SELECT body FROM st.notes UNION ALL SELECT password_hash FROM system.users", "users"},
                new String[] {"SELECT body FROM st.notes EXCEPT SELECT user_id FROM system.users", "users"},
                new String[] {"SELECT body FROM st.notes INTERSECT SELECT user_id FROM system.users", "users"},
                new String[] {"WITH u AS (SELECT * FROM system.users) SELECT * FROM u", "users"},
                new String[] {"WITH a AS (SELECT user_id FROM system.users), b AS (SELECT * FROM a) SELECT * FROM b", "users"},
                new String[] {"SELECT * FROM st.users_view", "users"},
                new String[] {"SELECT user_id FROM st.users_view2", "users"},
                new String[] {"SELECT id FROM st.notes WHERE body IN (SELECT user_id FROM st.users_view)", "users"},
                new String[] {"SELECT * FROM \"SYSTEM\".\"users\"", "users"},
                new String[] {"SELECT * FROM \"system\".\"USERS\"", "users"},
                new String[] {"SELECT * FROM SYSTEM.USERS", "users"},
                new String[] {"select * from System.Users", "users"},
                new String[] {"SELECT * FROM st.audit_view", "audit_log"},
                new String[] {"SELECT * FROM system.audit_log", "audit_log"},
                new String[] {"SELECT * FROM system.jobs", "jobs"},
                new String[] {"SELECT * FROM system.namespaces", "namespaces"},
                new String[] {"SELECT * FROM system.tables", "tables"},
                new String[] {"SELECT * FROM system.storages", "storages"});
        List<Arguments> arguments = new ArrayList<>();
        for (String role : List.of("user", "service")) {
            for (String[] shape : shapes) {
                arguments.add(Arguments.of(role, shape[0], shape[1]));
            }
        }
        return arguments.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("readShapes")
    void systemTableReadIsRefusedInEveryShape(String role, String sql, String table) {
        Expect.sqlErrorNoDetails(as(role, sql), 403, "PERMISSION_DENIED", "Statement 1 failed: " + readGuard(role, table));
    }

    @ParameterizedTest
    @ValueSource(strings = {"user", "service"})
    void explainOfASystemTableIsRefused(String role) {
        Expect.sqlErrorNoDetails(as(role, "EXPLAIN SELECT * FROM system.users"), 403, "PERMISSION_DENIED",
                "Statement 1 failed: Admin privileges (DBA or System role) required for EXPLAIN");
        Expect.sqlErrorNoDetails(as(role, "EXPLAIN SELECT id FROM st.notes WHERE body IN (SELECT user_id FROM system.users)"),
                403, "PERMISSION_DENIED", "Statement 1 failed: Admin privileges (DBA or System role) required for EXPLAIN");
    }

    @ParameterizedTest
    @ValueSource(strings = {"user", "service"})
    void batchWithASystemReadFailsAsAWhole(String role) {
        Expect.sqlErrorNoDetails(as(role, "SELECT 1; SELECT * FROM system.users"), 403, "PERMISSION_DENIED",
                "Statement 2 failed: " + readGuard(role, "users"));
        Expect.sqlErrorNoDetails(as(role, "SELECT * FROM system.users; SELECT 1"), 403, "PERMISSION_DENIED",
                "Statement 1 failed: " + readGuard(role, "users"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"user", "service"})
    void copyingASystemTableIntoOwnTableIsRefused(String role) {
        JsonNode before = ownNotes(role);
        Expect.sqlErrorNoDetails(as(role, "INSERT INTO st.notes (id, body) SELECT 100, password_hash FROM system.users "
                + "WHERE user_id = 'root'"), 403, "PERMISSION_DENIED", "Statement 1 failed: " + readGuard(role, "users"));
        assertEquals(before, ownNotes(role));
    }

    @ParameterizedTest
    @ValueSource(strings = {"user", "service"})
    void stringLiteralsAndCommentsMentioningSystemTablesAreNotRefused(String role) {
        JsonNode literal = Expect.sqlOk(as(role, "SELECT 'system.users' AS s"), 1).get(0);
        assertEquals(Json.parse("[[\"system.users\"]]"), literal.get("rows"));
        JsonNode quoted = Expect.sqlOk(as(role, "SELECT 'SELECT * FROM system.users' AS \"system.users\""), 1).get(0);
        assertEquals("system.users", quoted.get("schema").get(0).get("name").asText());
        assertEquals(Json.parse("[[\"SELECT * FROM system.users\"]]"), quoted.get("rows"));
        JsonNode filter = Expect.sqlOk(as(role, "SELECT id FROM st.notes WHERE body = 'system.users'"), 1).get(0);
        assertEquals(0, filter.get("row_count").asInt());
        Expect.sqlOk(as(role, "SELECT 1 AS n -- FROM system.users"), 1);
        Expect.sqlOk(as(role, "SELECT 1 AS n /* JOIN system.users */"), 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dba", "system"})
    void adminsReadSystemTablesAndTheViewOverThem(String role) {
        assertEquals(Json.parse("[[\"root\"]]"), Expect.sqlOk(as(role,
                "SELECT user_id FROM system.users WHERE user_id = 'root'"), 1).get(0).get("rows"));
        assertEquals(Json.parse("[[\"root\"]]"), Expect.sqlOk(as(role,
                "SELECT user_id FROM st.users_view2 WHERE user_id = 'root'"), 1).get(0).get("rows"));
    }

    // ---- writes -----------------------------------------------------------------------------------------------

    static Stream<Arguments> systemWrites() {
        List<String[]> writes = List.of(
                new String[] {"INSERT INTO system.users (user_id, role) VALUES ('mallory', 'system')", "users"},
                new String[] {"INSERT INTO system.users SELECT * FROM system.users", "users"},
                new String[] {"UPDATE system.users SET role = 'user' WHERE user_id = 'root'", "users"},
                new String[] {"UPDATE system.users SET password_hash = '' WHERE user_id = 'root'", "users"},
                new String[] {"DELETE FROM system.users WHERE user_id = 'root'", "users"},
                new String[] {"DELETE FROM system.users", "users"},
                new String[] {"DELETE FROM system.audit_log", "audit_log"},
                new String[] {"INSERT INTO system.namespaces (namespace_id, name) VALUES ('hack', 'hack')", "namespaces"},
                new String[] {"UPDATE system.tables SET options = '{}'", "tables"},
                new String[] {"DELETE FROM \"SYSTEM\".\"JOBS\"", "jobs"});
        List<Arguments> arguments = new ArrayList<>();
        for (String role : List.of("user", "service", "dba", "system")) {
            for (String[] write : writes) {
                arguments.add(Arguments.of(role, write[0], write[1]));
            }
        }
        return arguments.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("systemWrites")
    void systemTablesAreNeverWritten(String role, String sql, String table) {
        JsonNode rootBefore = rootRows(ROOT_ROW);
        long auditBefore = count("system.audit_log");
        long usersBefore = count("system.users");
        Response response = as(role, sql);
        if (role.equals("user") || role.equals("service")) {
            Expect.sqlErrorNoDetails(response, 403, "PERMISSION_DENIED", "Statement 1 failed: " + WRITE_GUARD);
        } else {
            Expect.sqlErrorWithDetails(response, 400, "SQL_EXECUTION_ERROR",
                    "Statement 1 failed: Table 'system." + table + "' is read-only", sql);
        }
        assertEquals(rootBefore, rootRows(ROOT_ROW), "root changed");
        assertEquals(usersBefore, count("system.users"), "system.users changed");
        assertTrue(count("system.audit_log") >= auditBefore, "audit rows were deleted");
        assertEquals(0, rootRows("SELECT user_id FROM system.users WHERE user_id = 'mallory'").size());
        assertEquals(0, rootRows("SELECT namespace_id FROM system.namespaces WHERE namespace_id = 'hack'").size());
        http.loginBody(ROOT, ServerProcess.ROOT_PASSWORD);
    }

    // ---- information_schema -----------------------------------------------------------------------------------

    @Test
    void informationSchemaShowsUserOnlyWhatItMayRead() {
        JsonNode tables = Expect.sqlOk(as("user", "SELECT table_schema, table_name FROM information_schema.tables "
                + "ORDER BY table_schema, table_name"), 1).get(0).get("rows");
        assertEquals(Json.parse("[[\"st\",\"audit_view\"],[\"st\",\"notes\"],[\"st\",\"pub\"],"
                + "[\"st\",\"users_view\"],[\"st\",\"users_view2\"]]"), tables);
        JsonNode columns = Expect.sqlOk(as("user", "SELECT column_name FROM information_schema.columns "
                + "WHERE table_schema = 'system' OR table_name = 'priv'"), 1).get(0);
        assertEquals(0, columns.get("row_count").asInt(), () -> "hidden columns listed: " + columns);
    }

    @Test
    void informationSchemaShowsServiceThePrivateSharedTableButNoSystemTable() {
        JsonNode tables = Expect.sqlOk(as("service", "SELECT table_schema, table_name FROM information_schema.tables "
                + "ORDER BY table_schema, table_name"), 1).get(0).get("rows");
        assertEquals(Json.parse("[[\"st\",\"audit_view\"],[\"st\",\"notes\"],[\"st\",\"priv\"],[\"st\",\"pub\"],"
                + "[\"st\",\"users_view\"],[\"st\",\"users_view2\"]]"), tables);
    }

    // ---- redaction --------------------------------------------------------------------------------------------

    @Test
    void missingTableIsRedactedWhetherOrNotTheNamespaceExists() {
        String sql = "SELECT * FROM secret.hidden";
        for (String role : List.of("user", "service")) {
            Expect.sqlErrorNoDetails(as(role, sql), 404, "TABLE_NOT_FOUND", "SQL statement failed");
        }
        Expect.sqlErrorWithDetails(root(sql), 404, "TABLE_NOT_FOUND",
                "Statement 1 failed: Namespace 'secret' does not exist", sql);

        Expect.sqlOk(root("CREATE NAMESPACE secret"), 1);
        for (String role : List.of("user", "service")) {
            Expect.sqlErrorNoDetails(as(role, sql), 404, "TABLE_NOT_FOUND", "SQL statement failed");
            Expect.sqlErrorNoDetails(as(role, "SELECT 1; " + sql), 404, "TABLE_NOT_FOUND", "SQL statement failed");
        }
        Expect.sqlErrorWithDetails(root(sql), 404, "TABLE_NOT_FOUND", "Statement 1 failed: Table 'secret.hidden' not found",
                sql);
        Expect.sqlErrorWithDetails(as("dba", sql), 404, "TABLE_NOT_FOUND",
                "Statement 1 failed: Table 'secret.hidden' not found", sql);
    }

    @Test
    void otherErrorsAreRedactedForNonAdmins() {
        Expect.sqlErrorNoDetails(as("user", "SELEC * FRM st.notes"), 400, "INVALID_SQL",
                "SQL statement is invalid or not allowed");
        Expect.sqlErrorNoDetails(as("service", "SELECT * FROM st.notes WHERE"), 400, "INVALID_SQL",
                "SQL statement is invalid or not allowed");
        Expect.sqlErrorNoDetails(as("user", "SELECT * FROM st.notes WHERE body = 'x"), 400, "BATCH_PARSE_ERROR",
                "Failed to parse SQL batch");
        Expect.sqlErrorNoDetails(as("user", "DESCRIBE secret_ns.hidden"), 404, "TABLE_NOT_FOUND", "SQL statement failed");
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private static String password(String user) {
        return Character.toUpperCase(user.charAt(0)) + user.substring(1) + "-Pass-2024!";
    }

    private static String readGuard(String role, String table) {
        return "Access denied: Role '" + role + "' cannot access table 'system." + table
                + "'. System tables require 'dba' or 'system' role.";
    }

    private static Response root(String sql) {
        return http.sql(rootToken, sql);
    }

    private static Response as(String role, String sql) {
        return http.sql(TOKENS.get(role), sql);
    }

    private static JsonNode rootRows(String sql) {
        return Expect.sqlOk(root(sql), 1).get(0).get("rows");
    }

    private static long count(String table) {
        return rootRows("SELECT COUNT(*) FROM " + table).get(0).get(0).asLong();
    }

    private static JsonNode ownNotes(String role) {
        return Expect.sqlOk(as(role, "SELECT id, body FROM st.notes ORDER BY id"), 1).get(0).get("rows");
    }
}
