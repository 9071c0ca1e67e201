package io.kalamdb.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
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
 * EXECUTE AS USER (auth.md §9, sql.md §9): the actor/target role matrix, the inner statement running as the target
 * with role {@code user}, the SHARED-table refusal, the wrapper's input errors and the audit rows of every attempt.
 */
@Timeout(value = 3, unit = TimeUnit.SECONDS)
class HostileExecuteAsE2ETest {

    private static final String ROOT = "root";
    private static final List<String> ROLES = List.of("system", "dba", "service", "user");
    /** Actor per role; each has a distinct target of every role. */
    private static final Map<String, String> ACTORS = Map.of("system", "sys_a", "dba", "dba_a", "service", "svc_a",
            "user", "usr_a");
    private static final Map<String, String> TARGETS = Map.of("system", "sys_b", "dba", "dba_b", "service", "svc_b",
            "user", "usr_b");
    private static final Map<String, String> TOKENS = new LinkedHashMap<>();
    private static final String SHARED_REFUSAL = "EXECUTE AS USER is not allowed on SHARED tables (table 'ex.pub')";

    private static ServerProcess server;
    private static Http http;
    private static String rootToken;

    @BeforeAll
    @Timeout(value = 35, unit = TimeUnit.SECONDS)
    static void startServer() {
        server = ServerProcess.startDefault();
        http = new Http(server.baseUrl());
        rootToken = http.login(ROOT, ServerProcess.ROOT_PASSWORD);
        for (String role : ROLES) {
            createUser(ACTORS.get(role), role);
            createUser(TARGETS.get(role), role);
            TOKENS.put(ACTORS.get(role), http.login(ACTORS.get(role), password(ACTORS.get(role))));
        }
        createUser("wendy", "user");
        Expect.sqlOk(root("CREATE NAMESPACE ex"));
        Expect.sqlOk(root("CREATE USER TABLE ex.notes (id BIGINT PRIMARY KEY, body TEXT)"));
        Expect.sqlOk(root("CREATE SHARED TABLE ex.pub (id BIGINT PRIMARY KEY, v TEXT) WITH (ACCESS_LEVEL = 'public')"));
        Expect.sqlOk(root("INSERT INTO ex.pub (id, v) VALUES (1, 'seed')"));
        for (String user : List.of("sys_a", "sys_b", "dba_a", "dba_b", "svc_a", "svc_b", "usr_a", "usr_b")) {
            inserted(root("EXECUTE AS USER " + user + " (INSERT INTO ex.notes (id, body) VALUES (1, 'note of "
                    + user + "'))"), user);
        }
    }

    @AfterAll
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    // ---- the matrix -------------------------------------------------------------------------------------------

    static Stream<Arguments> matrix() {
        return ROLES.stream().flatMap(actor -> ROLES.stream().map(target -> Arguments.of(actor, target)));
    }

    private static boolean allowed(String actorRole, String targetRole) {
        return switch (actorRole) {
            case "system" -> true;
            case "dba" -> !targetRole.equals("system");
            case "service" -> targetRole.equals("service") || targetRole.equals("user");
            default -> false;
        };
    }

    @ParameterizedTest(name = "{0} actor targets a {1}")
    @MethodSource("matrix")
    void roleMatrix(String actorRole, String targetRole) {
        String actor = ACTORS.get(actorRole);
        String target = TARGETS.get(targetRole);
        String sql = "EXECUTE AS USER " + target + " (SELECT id, body FROM ex.notes)";
        if (allowed(actorRole, targetRole)) {
            long audits = auditCount(actor, "EXECUTE_AS_USER", target);
            JsonNode result = Expect.sqlOk(as(actor, sql), 1).get(0);
            assertEquals(Json.parse("[[\"1\",\"note of " + target + "\"]]"), result.get("rows"), () -> "rows: " + result);
            assertEquals(target, result.get("as_user").asText());
            assertEquals(audits + 1, auditCount(actor, "EXECUTE_AS_USER", target));
            assertTrue(lastAuditDetails(actor, "EXECUTE_AS_USER", target).matches("role_allowed\\b.*SELECT.*"));
        } else {
            long audits = auditCount(actor, "EXECUTE_AS_USER_DENIED", target);
            matrixDenied(actorRole, as(actor, sql), 1, actor, target, targetRole);
            assertEquals(audits + 1, auditCount(actor, "EXECUTE_AS_USER_DENIED", target));
            assertTrue(lastAuditDetails(actor, "EXECUTE_AS_USER_DENIED", target).matches("role_not_allowed\\b.*SELECT.*"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"system", "dba", "service", "user"})
    void everyRoleMayTargetItself(String role) {
        String actor = ACTORS.get(role);
        long audits = auditCount(actor, "EXECUTE_AS_USER", actor);
        JsonNode result = Expect.sqlOk(as(actor, "execute as user '" + actor + "' (SELECT id, body FROM ex.notes)"), 1)
                .get(0);
        assertEquals(Json.parse("[[\"1\",\"note of " + actor + "\"]]"), result.get("rows"));
        assertEquals(actor, result.get("as_user").asText());
        assertEquals(audits + 1, auditCount(actor, "EXECUTE_AS_USER", actor));
    }

    @Test
    void userCannotTargetAnyoneElse() {
        for (String target : List.of("usr_b", "svc_b", "dba_b", "sys_b", ROOT)) {
            String role = target.equals(ROOT) ? "system" : roleOf(target);
            matrixDenied("user", as("usr_a", "EXECUTE AS USER '" + target + "' (SELECT id FROM ex.notes)"), 1, "usr_a",
                    target, role);
        }
    }

    @Test
    void deniedWriteRunsNothing() {
        JsonNode dbaRows = rowsAs("dba_b");
        JsonNode userRows = rowsAs("usr_b");
        matrixDenied("service", as("svc_a", "EXECUTE AS USER dba_b (INSERT INTO ex.notes (id, body) VALUES (66, 'forged'))"),
                1, "svc_a", "dba_b", "dba");
        matrixDenied("user", as("usr_a", "EXECUTE AS USER usr_b (DELETE FROM ex.notes)"), 1, "usr_a", "usr_b", "user");
        matrixDenied("dba", as("dba_a", "EXECUTE AS USER sys_b (UPDATE ex.notes SET body = 'pwned')"), 1, "dba_a",
                "sys_b", "system");
        assertEquals(dbaRows, rowsAs("dba_b"));
        assertEquals(userRows, rowsAs("usr_b"));
    }

    @Test
    void denialInABatchFailsTheRequestAtThatStatement() {
        JsonNode before = rowsAs("svc_a");
        Response response = as("svc_a", "INSERT INTO ex.notes (id, body) VALUES (5, 'own row'); "
                + "EXECUTE AS USER dba_b (SELECT * FROM ex.notes); SELECT 2");
        matrixDenied("service", response, 2, "svc_a", "dba_b", "dba");
        JsonNode after = rowsAs("svc_a");
        assertEquals(before.size() + 1, after.size(), () -> "statement 1 stays applied: " + after);
        Expect.sqlOk(as("svc_a", "DELETE FROM ex.notes WHERE id = 5"), 1);
    }

    @Test
    void missingTargetCountsAsRoleUser() {
        long audits = auditCount("svc_a", "EXECUTE_AS_USER", "ghost_target");
        JsonNode result = Expect.sqlOk(as("svc_a", "EXECUTE AS USER ghost_target (SELECT id FROM ex.notes)"), 1).get(0);
        assertEquals(0, result.get("row_count").asInt());
        assertEquals("ghost_target", result.get("as_user").asText());
        assertEquals(audits + 1, auditCount("svc_a", "EXECUTE_AS_USER", "ghost_target"));
    }

    @Test
    void softDeletedPrivilegedTargetKeepsItsRole() {
        createUser("gone_dba", "dba");
        Expect.message(root("DROP USER gone_dba"), "User 'gone_dba' dropped (soft delete)", ROOT);
        matrixDenied("service", as("svc_a", "EXECUTE AS USER gone_dba (SELECT id FROM ex.notes)"), 1, "svc_a", "gone_dba",
                "dba");
    }

    // ---- the inner statement runs as the target with role user --------------------------------------------------

    @Test
    void writesGoToTheTargetScopeOnly() {
        inserted(as("svc_a", "EXECUTE AS USER wendy (INSERT INTO ex.notes (id, body) VALUES (7, 'for wendy'))"),
                "wendy");
        assertEquals(Json.parse("[[\"7\",\"for wendy\"]]"), rowsAs("wendy"));
        assertEquals(Json.parse("[[\"1\",\"note of svc_a\"]]"),
                Expect.sqlOk(as("svc_a", "SELECT id, body FROM ex.notes"), 1).get(0).get("rows"));
        assertEquals(Json.parse("[[\"1\",\"note of usr_b\"]]"), rowsAs("usr_b"));
    }

    @Test
    void currentUserIsTheTarget() {
        JsonNode bare = Expect.sqlOk(as("svc_a", "EXECUTE AS USER usr_b (SELECT CURRENT_USER AS u)"), 1).get(0);
        assertEquals(Json.parse("[[\"usr_b\"]]"), bare.get("rows"));
        JsonNode call = Expect.sqlOk(as("svc_a", "EXECUTE AS USER usr_b (SELECT CURRENT_USER() AS u)"), 1).get(0);
        assertEquals(Json.parse("[[\"usr_b\"]]"), call.get("rows"));
        assertEquals("usr_b", call.get("as_user").asText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"root", "sys_a", "dba_a"})
    void innerStatementHasRoleUserEvenForAnAdminTarget(String actor) {
        String target = actor.equals("dba_a") ? "dba_b" : "sys_b";
        Response systemRead = as(actor, "EXECUTE AS USER " + target + " (SELECT * FROM system.users)");
        Expect.sqlError(systemRead, 403, "PERMISSION_DENIED", "Statement 1 failed: Access denied: Role 'user' cannot "
                + "access table 'system.users'. System tables require 'dba' or 'system' role.");
        Expect.sqlError(as(actor, "EXECUTE AS USER " + target + " (CREATE NAMESPACE inner_ns)"), 403, "PERMISSION_DENIED",
                "Statement 1 failed: Admin privileges (DBA or System role) required for namespace operations");
        Expect.sqlError(as(actor, "EXECUTE AS USER " + target + " (CREATE TABLE ex.inner_t (id BIGINT PRIMARY KEY))"),
                403, "PERMISSION_DENIED", "Statement 1 failed: Role 'user' cannot create tables");
        Expect.sqlError(as(actor, "EXECUTE AS USER " + target + " (DROP TABLE ex.notes)"), 403, "PERMISSION_DENIED",
                "Statement 1 failed: Role 'user' cannot drop tables");
        Expect.sqlError(as(actor, "EXECUTE AS USER " + target + " (CREATE USER inner_u WITH PASSWORD "
                        + "'Inner-Pass-2024!' ROLE system)"), 403, "PERMISSION_DENIED",
                "Statement 1 failed: Admin privileges (DBA or System role) required for user management");
        Expect.sqlError(as(actor, "EXECUTE AS USER " + target + " (EXPLAIN SELECT * FROM ex.notes)"), 403,
                "PERMISSION_DENIED", "Statement 1 failed: Admin privileges (DBA or System role) required for EXPLAIN");
        assertEquals(0, rootRows("SELECT namespace_id FROM system.namespaces WHERE namespace_id = 'inner_ns'").size());
        assertEquals(0, rootRows("SELECT table_name FROM system.tables WHERE table_name = 'inner_t'").size());
        assertEquals(0, rootRows("SELECT user_id FROM system.users WHERE user_id = 'inner_u'").size());
        assertEquals(1, rootRows("SELECT table_name FROM system.tables WHERE namespace_id = 'ex' "
                + "AND table_name = 'notes'").size());
    }

    @Test
    void innerErrorsAreRedactedForTheEffectiveRoleUser() {
        Expect.sqlErrorNoDetails(as(ROOT, "EXECUTE AS USER usr_b (SELECT * FROM ex.nosuch)"), 404, "TABLE_NOT_FOUND",
                "SQL statement failed");
        Expect.sqlErrorNoDetails(as(ROOT, "EXECUTE AS USER usr_b (SELECT * FROM system.users)"), 403, "PERMISSION_DENIED",
                "Statement 1 failed: Access denied: Role 'user' cannot access table 'system.users'. "
                        + "System tables require 'dba' or 'system' role.");
        Expect.sqlErrorNoDetails(as(ROOT, "EXECUTE AS USER usr_b (SELECT * FROM ex.pub)"), 403, "PERMISSION_DENIED",
                "Statement 1 failed: " + SHARED_REFUSAL);
    }

    // ---- SHARED tables ----------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"root", "sys_a", "dba_a", "svc_a", "usr_a"})
    void sharedTablesAreRefusedForEveryActor(String actor) {
        String target = actor.equals("usr_a") ? "usr_a" : "usr_b";
        JsonNode before = rootRows("SELECT id, v FROM ex.pub ORDER BY id");
        for (String inner : List.of("SELECT * FROM ex.pub",
                "SELECT n.id FROM ex.notes n JOIN ex.pub p ON n.id = p.id",
                "SELECT id FROM ex.notes WHERE id IN (SELECT id FROM ex.pub)",
                "INSERT INTO ex.pub (id, v) VALUES (9, 'via execute as')",
                "UPDATE ex.pub SET v = 'pwned'",
                "DELETE FROM ex.pub")) {
            Expect.sqlError(as(actor, "EXECUTE AS USER " + target + " (" + inner + ")"), 403, "PERMISSION_DENIED",
                    "Statement 1 failed: " + SHARED_REFUSAL);
        }
        assertEquals(before, rootRows("SELECT id, v FROM ex.pub ORDER BY id"));
    }

    // ---- wrapper errors ---------------------------------------------------------------------------------------

    static Stream<Arguments> malformedWrappers() {
        return Stream.of(
                Arguments.of("EXECUTE AS USER usr_a SELECT 1", "EXECUTE AS USER must wrap SQL in parentheses"),
                Arguments.of("EXECUTE AS USER 'usr_a' SELECT * FROM ex.notes", "EXECUTE AS USER must wrap SQL in parentheses"),
                Arguments.of("EXECUTE AS USER 'usr_a (SELECT 1)'", "EXECUTE AS USER must wrap SQL in parentheses"),
                Arguments.of("EXECUTE AS USER usr_a (SELECT 1", "EXECUTE AS USER must wrap SQL in parentheses"),
                Arguments.of("EXECUTE AS USER '' (SELECT 1)", "EXECUTE AS USER username cannot be empty"),
                Arguments.of("EXECUTE AS USER (SELECT 1)", "EXECUTE AS USER username cannot be empty"),
                Arguments.of("EXECUTE AS USER", "EXECUTE AS USER username cannot be empty"),
                Arguments.of("EXECUTE AS USER usr_a ()", "EXECUTE AS USER requires a non-empty inner SQL statement"),
                Arguments.of("EXECUTE AS USER usr_a (   )", "EXECUTE AS USER requires a non-empty inner SQL statement"),
                Arguments.of("EXECUTE AS USER usr_a (SELECT 1; SELECT 2)",
                        "EXECUTE AS USER must contain exactly one wrapped SQL statement"),
                Arguments.of("EXECUTE AS USER usr_a (SELECT 1; DROP TABLE ex.notes)",
                        "EXECUTE AS USER must contain exactly one wrapped SQL statement"));
    }

    @ParameterizedTest
    @MethodSource("malformedWrappers")
    void malformedWrapperIsInvalidInput(String sql, String message) {
        Expect.sqlErrorWithDetails(as(ROOT, sql), 400, "INVALID_INPUT", "Statement 1 failed: " + message, sql);
        Expect.sqlErrorNoDetails(as("usr_a", sql), 400, "INVALID_INPUT", "Statement 1 failed: " + message);
        assertEquals(1, rootRows("SELECT table_name FROM system.tables WHERE namespace_id = 'ex' "
                + "AND table_name = 'notes'").size());
    }

    @Test
    void malformedWrapperInABatchFailsAtThatStatement() {
        Expect.sqlErrorNoDetails(as("usr_a", "SELECT 1; EXECUTE AS USER usr_a SELECT 1"), 400, "INVALID_INPUT",
                "Statement 2 failed: EXECUTE AS USER must wrap SQL in parentheses");
    }

    @Test
    void unclosedUsernameQuoteIsRefusedBeforeAnythingRuns() {
        String sql = "EXECUTE AS USER 'usr_b (DELETE FROM ex.notes)";
        Expect.sqlErrorNoDetails(as(ROOT, sql), 400, "BATCH_PARSE_ERROR",
                "Failed to split SQL batch: unterminated string literal at byte 16");
        Expect.sqlErrorNoDetails(as("usr_a", sql), 400, "BATCH_PARSE_ERROR", "Failed to parse SQL batch");
        assertEquals(Json.parse("[[\"1\",\"note of usr_b\"]]"), rowsAs("usr_b"));
    }

    @Test
    void auditDetailsNeverHoldLiteralValues() {
        inserted(as("svc_a", "EXECUTE AS USER svc_b (INSERT INTO ex.notes (id, body) VALUES (31, "
                + "'literal-secret-xyz'))"), "svc_b");
        matrixDenied("service", as("svc_a", "EXECUTE AS USER sys_b (INSERT INTO ex.notes (id, body) VALUES (32, "
                + "'literal-secret-xyz'))"), 1, "svc_a", "sys_b", "system");
        JsonNode rows = rootRows("SELECT details FROM system.audit_log WHERE actor_user_id = 'svc_a' LIMIT 1000");
        for (JsonNode row : rows) {
            assertFalse(row.get(0).asText("").contains("literal-secret-xyz"), () -> "audit details leak values: " + rows);
        }
        assertEquals("role_allowed", lastAuditDetails("svc_a", "EXECUTE_AS_USER", "svc_b").split(" ")[0]);
        assertEquals("role_not_allowed", lastAuditDetails("svc_a", "EXECUTE_AS_USER_DENIED", "sys_b").split(" ")[0]);
        Expect.sqlOk(root("EXECUTE AS USER svc_b (DELETE FROM ex.notes WHERE id = 31)"), 1);
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private static String password(String user) {
        return Character.toUpperCase(user.charAt(0)) + user.substring(1) + "-Pass-2024!";
    }

    private static void createUser(String user, String role) {
        Expect.message(root("CREATE USER " + user + " WITH PASSWORD '" + password(user) + "' ROLE " + role),
                "User '" + user + "' created", ROOT);
    }

    private static String roleOf(String user) {
        return TARGETS.entrySet().stream().filter(e -> e.getValue().equals(user)).findFirst().orElseThrow().getKey();
    }

    private static Response root(String sql) {
        return http.sql(rootToken, sql);
    }

    private static Response as(String actor, String sql) {
        return actor.equals(ROOT) ? root(sql) : http.sql(TOKENS.get(actor), sql);
    }

    private static void inserted(Response response, String asUser) {
        Expect.messageResult(Expect.sqlOk(response, 1).get(0), "Inserted 1 row(s)", asUser, 1);
    }

    private static JsonNode rootRows(String sql) {
        return Expect.sqlOk(root(sql), 1).get(0).get("rows");
    }

    /** The target's own rows of ex.notes, read by root through EXECUTE AS USER. */
    private static JsonNode rowsAs(String target) {
        return rootRows("EXECUTE AS USER " + target + " (SELECT id, body FROM ex.notes ORDER BY id)");
    }

    /** The matrix denial; admins' errors carry the statement as details, non-admins' do not. */
    private static void matrixDenied(String actorRole, Response response, int statement, String actor, String target,
                                     String targetRole) {
        String message = "Statement " + statement + " failed: EXECUTE AS USER is not authorized: actor '" + actor
                + "' with role " + actorRole + " cannot target '" + target + "' with role " + targetRole;
        JsonNode error = Expect.sqlError(response, 403, "PERMISSION_DENIED", message);
        if (actorRole.equals("user") || actorRole.equals("service")) {
            Expect.keys(error, "code", "message");
        }
    }

    private static long auditCount(String actor, String action, String target) {
        return rootRows("SELECT COUNT(*) FROM system.audit_log WHERE actor_user_id = '" + actor + "' AND action = '"
                + action + "' AND target = 'user:" + target + "' AND subject_user_id = '" + target + "'")
                .get(0).get(0).asLong();
    }

    private static String lastAuditDetails(String actor, String action, String target) {
        JsonNode rows = rootRows("SELECT details FROM system.audit_log WHERE actor_user_id = '" + actor
                + "' AND action = '" + action + "' AND target = 'user:" + target + "' ORDER BY \"timestamp\" DESC LIMIT 1");
        assertEquals(1, rows.size(), () -> "no audit row for " + actor + " " + action + " " + target);
        return rows.get(0).get(0).asText();
    }
}
