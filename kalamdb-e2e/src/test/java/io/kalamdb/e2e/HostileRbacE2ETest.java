package io.kalamdb.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The RBAC matrix of auth.md §7 over every statement family, for the roles user, service, dba and system (a
 * non-root system user). Every refusal is checked for its exact status, code and message, and then, as root, for
 * having changed nothing. Statement-level checks run before anything else, so a refused statement that names a missing
 * object, or one that is not built yet, still gets the role refusal.
 */
@Timeout(value = 3, unit = TimeUnit.SECONDS)
class HostileRbacE2ETest {

    private static final String ROOT = "root";
    private static final String NS = "rb";
    private static final String NAMESPACE_DENIED =
            "Admin privileges (DBA or System role) required for namespace operations";
    private static final String STORAGE_DENIED = "Admin privileges (DBA or System role) required for storage operations";
    private static final String USER_DENIED = "Admin privileges (DBA or System role) required for user management";
    private static final String JOB_DENIED = "Admin privileges (DBA or System role) required for job management";
    private static final String LIVE_DENIED = "Admin privileges (DBA or System role) required for live query management";
    private static final String VIEW_DENIED = "Admin privileges (DBA or System role) required for view management";
    private static final String MANIFEST_DENIED = "Admin privileges (DBA or System role) required for SHOW MANIFEST";
    private static final String EXPLAIN_DENIED = "Admin privileges (DBA or System role) required for EXPLAIN";
    private static final String TOPIC_DENIED = "Admin privileges (DBA or System role) required for topic management";
    private static final String BACKUP_DENIED = "Admin privileges (DBA or System role) required for backup operations";
    private static final String USERS_SNAPSHOT =
            "SELECT user_id, role, password_hash, email, auth_type, deleted_at FROM system.users ORDER BY user_id LIMIT 1000";
    private static final String NAMESPACES_SNAPSHOT =
            "SELECT namespace_id, options FROM system.namespaces ORDER BY namespace_id LIMIT 1000";
    private static final String JOBS_SNAPSHOT = "SELECT job_id FROM system.jobs ORDER BY job_id LIMIT 1000";
    private static final String STORAGES_SNAPSHOT = "SELECT * FROM system.storages ORDER BY storage_id LIMIT 1000";
    private static final Pattern PASSWORD_LITERAL = Pattern.compile("(?i)(PASSWORD\\s+)'(?:[^']|'')*'");
    private static final String TABLES_SNAPSHOT = "SELECT namespace_id, table_name, table_type, version, options "
            + "FROM system.tables ORDER BY namespace_id, table_name LIMIT 1000";

    /** Role → caller user id; "system" is a system user other than root. */
    private static final Map<String, String> CALLERS = Map.of("user", "ulla", "service", "sven", "dba", "dana",
            "system", "syd");
    private static final Map<String, String> TOKENS = new LinkedHashMap<>();

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
            ok(root("CREATE USER " + user + " WITH PASSWORD '" + password(user) + "' ROLE " + role));
            TOKENS.put(role, http.login(user, password(user)));
        });
        ok(root("CREATE NAMESPACE " + NS));
        ok(root("CREATE NAMESPACE rbempty"));
        ok(root("CREATE SHARED TABLE rb.keep (id BIGINT PRIMARY KEY, v TEXT)"));
        ok(root("CREATE USER TABLE rb.notes (id BIGINT PRIMARY KEY, body TEXT)"));
        ok(root("CREATE SHARED TABLE rb.guarded (id BIGINT PRIMARY KEY, v TEXT) WITH (ACCESS_LEVEL = 'dba')"));
        ok(root("CREATE SHARED TABLE rbempty.idle (id BIGINT PRIMARY KEY, v TEXT)"));
        ok(root("INSERT INTO rb.keep (id, v) VALUES (1, 'seed')"));
        ok(root("CREATE VIEW rb.v_keep AS SELECT id FROM rb.keep"));
        for (String role : List.of("service", "dba", "system")) {
            ok(root("CREATE SHARED TABLE rb.alt_" + role + " (id BIGINT PRIMARY KEY)"));
        }
        for (String role : List.of("dba", "system")) {
            ok(root("CREATE SHARED TABLE rb.drop_" + role + " (id BIGINT PRIMARY KEY)"));
        }
    }

    @AfterAll
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    // ---- namespaces -------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"user", "service"})
    void namespaceDdlIsRefused(String role) {
        JsonNode before = snapshot(NAMESPACES_SNAPSHOT);
        for (String sql : List.of("CREATE NAMESPACE hack_" + role, "CREATE NAMESPACE IF NOT EXISTS " + NS,
                "ALTER NAMESPACE rb SET DESCRIPTION 'pwned'", "ALTER NAMESPACE rb SET OPTIONS (owner = 'mallory')",
                "DROP NAMESPACE rb", "DROP NAMESPACE IF EXISTS rb CASCADE", "DROP NAMESPACE nosuch_ns")) {
            denied(role, sql, NAMESPACE_DENIED);
        }
        assertEquals(before, snapshot(NAMESPACES_SNAPSHOT), "namespaces changed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dba", "system"})
    void namespaceDdlIsAllowedForAdmins(String role) {
        String ns = "ns_" + role;
        message(as(role, "CREATE NAMESPACE " + ns), "Namespace '" + ns + "' created successfully", role);
        message(as(role, "ALTER NAMESPACE " + ns + " SET DESCRIPTION 'by " + role + "'"),
                "Namespace '" + ns + "' altered successfully", role);
        message(as(role, "DROP NAMESPACE " + ns), "Namespace '" + ns + "' dropped successfully", role);
    }

    // ---- tables -----------------------------------------------------------------------------------------------

    @Test
    void userCannotCreateAnyTable() {
        JsonNode before = snapshot(TABLES_SNAPSHOT);
        for (String sql : List.of(
                "CREATE TABLE rb.u1 (id BIGINT PRIMARY KEY)",
                "CREATE USER TABLE rb.u1 (id BIGINT PRIMARY KEY)",
                "CREATE SHARED TABLE rb.u1 (id BIGINT PRIMARY KEY)",
                "CREATE STREAM TABLE rb.u1 (id BIGINT, v TEXT) WITH (TTL_SECONDS = 60)",
                "CREATE TABLE rb.u1 (id BIGINT PRIMARY KEY) WITH (TYPE = 'USER')",
                "CREATE TABLE IF NOT EXISTS rb.keep (id BIGINT PRIMARY KEY)",
                "CREATE TABLE nosuch_ns.u1 (id BIGINT PRIMARY KEY)",
                "CREATE TABLE system.u1 (id BIGINT PRIMARY KEY)")) {
            denied("user", sql, "Role 'user' cannot create tables");
        }
        assertEquals(before, snapshot(TABLES_SNAPSHOT), "tables changed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"service", "dba", "system"})
    void createTableIsAllowedForServiceAndAdmins(String role) {
        message(as(role, "CREATE USER TABLE rb.c_" + role + " (id BIGINT PRIMARY KEY)"),
                "Table rb.c_" + role + " created successfully (user)", role);
        message(as(role, "CREATE TABLE rb.s_" + role + " (id BIGINT PRIMARY KEY)"),
                "Table rb.s_" + role + " created successfully (shared)", role);
    }

    @Test
    void userCannotAlterAnyTable() {
        JsonNode before = snapshot(TABLES_SNAPSHOT);
        for (String sql : List.of(
                "ALTER TABLE rb.keep ADD COLUMN extra TEXT",
                "ALTER TABLE rb.keep DROP COLUMN v",
                "ALTER TABLE rb.guarded SET ACCESS LEVEL public",
                "ALTER TABLE rb.guarded SET TBLPROPERTIES (ACCESS_LEVEL = 'public')",
                "ALTER TABLE rb.notes RENAME COLUMN body TO text_body",
                "ALTER TABLE rb.nosuch ADD COLUMN extra TEXT",
                "ALTER TABLE system.users ADD COLUMN extra TEXT")) {
            denied("user", sql, "Role 'user' cannot alter tables");
        }
        assertEquals(before, snapshot(TABLES_SNAPSHOT), "tables changed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"service", "dba", "system"})
    void alterTableIsAllowedForServiceAndAdmins(String role) {
        message(as(role, "ALTER TABLE rb.alt_" + role + " ADD COLUMN extra TEXT"),
                "Table rb.alt_" + role + " altered successfully: ADD COLUMN extra TEXT (version 2)", role);
    }

    @ParameterizedTest
    @ValueSource(strings = {"user", "service"})
    void userAndServiceCannotDropTables(String role) {
        JsonNode before = snapshot(TABLES_SNAPSHOT);
        String message = "Role '" + role + "' cannot drop tables";
        for (String sql : List.of("DROP TABLE rb.keep", "DROP SHARED TABLE rb.keep", "DROP TABLE IF EXISTS rb.notes",
                "DROP USER TABLE rb.notes", "DROP TABLE rb.nosuch", "DROP TABLE system.users")) {
            denied(role, sql, message);
        }
        assertEquals(before, snapshot(TABLES_SNAPSHOT), "tables changed");
        assertEquals(1, rows("SELECT id FROM rb.keep").size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"dba", "system"})
    void adminsDropTablesButNotSystemTables(String role) {
        Response dropped = as(role, "DROP TABLE rb.drop_" + role);
        JsonNode result = Expect.sqlOk(dropped, 1).get(0);
        assertTrue(Pattern.matches("Table rb\\.drop_" + role + " dropped successfully\\. Cleanup job: CL-\\S+",
                result.get("message").asText()), () -> "unexpected drop message: " + result);
        Expect.sqlError(as(role, "DROP TABLE system.users"), 400, "SQL_EXECUTION_ERROR",
                "Statement 1 failed: Cannot drop system table 'system.users'");
        Expect.sqlError(as(role, "ALTER TABLE system.users ADD COLUMN extra TEXT"), 400, "SQL_EXECUTION_ERROR",
                "Statement 1 failed: Cannot alter system table 'system.users'");
    }

    // ---- users ------------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"user", "service"})
    void userManagementIsRefusedIncludingOneself(String role) {
        String self = CALLERS.get(role);
        JsonNode before = snapshot(USERS_SNAPSHOT);
        for (String sql : List.of(
                "CREATE USER mallory_" + role + " WITH PASSWORD 'Mallory-Pass-2024!' ROLE system",
                "CREATE USER IF NOT EXISTS mallory_" + role + " WITH PASSWORD 'Mallory-Pass-2024!' ROLE user",
                "ALTER USER " + self + " SET ROLE 'system'",
                "ALTER USER " + self + " SET ROLE dba",
                "ALTER USER " + self + " SET PASSWORD 'Brand-New-Pass-2024!'",
                "ALTER USER " + self + " SET EMAIL 'pwned@example.com'",
                "ALTER USER root SET PASSWORD 'Brand-New-Pass-2024!'",
                "DROP USER dana",
                "DROP USER " + self,
                "DROP USER IF EXISTS nobody_at_all")) {
            denied(role, sql, USER_DENIED);
        }
        assertEquals(before, snapshot(USERS_SNAPSHOT), "users changed");
        assertEquals(role, http.loginBody(self, password(self)).get("user").get("role").asText());
    }

    @Test
    void dbaCannotGrantSystemRoleNorTouchSystemUsers() {
        JsonNode before = snapshot(USERS_SNAPSHOT);
        denied("dba", "CREATE USER evil_sys WITH PASSWORD 'Evil-Sys-Pass-2024!' ROLE system",
                "DBA cannot grant System role");
        denied("dba", "CREATE USER IF NOT EXISTS evil_sys WITH PASSWORD 'Evil-Sys-Pass-2024!' ROLE 'SYSTEM'",
                "DBA cannot grant System role");
        denied("dba", "ALTER USER ulla SET ROLE system", "DBA cannot grant System role");
        denied("dba", "ALTER USER dana SET ROLE system", "DBA cannot grant System role");
        denied("dba", "ALTER USER syd SET PASSWORD 'Taken-Over-Pass-2024!'", "DBA cannot modify System users");
        denied("dba", "ALTER USER syd SET ROLE user", "DBA cannot modify System users");
        denied("dba", "ALTER USER syd SET EMAIL 'pwned@example.com'", "DBA cannot modify System users");
        denied("dba", "ALTER USER root SET PASSWORD 'Taken-Over-Pass-2024!'", "DBA cannot modify System users");
        denied("dba", "DROP USER syd", "DBA cannot modify System users");
        assertEquals(before, snapshot(USERS_SNAPSHOT), "users changed");
        http.loginBody("syd", password("syd"));
        http.loginBody(ROOT, ServerProcess.ROOT_PASSWORD);
    }

    @Test
    void dbaManagesNonSystemUsers() {
        message(as("dba", "CREATE USER dba_made WITH PASSWORD 'Dba-Made-Pass-2024!' ROLE dba"), "User 'dba_made' created",
                "dba");
        message(as("dba", "ALTER USER dba_made SET ROLE service"), "User 'dba_made' updated", "dba");
        message(as("dba", "DROP USER dba_made"), "User 'dba_made' dropped (soft delete)", "dba");
    }

    @Test
    void systemUserManagesSystemUsers() {
        message(as("system", "CREATE USER sys_made WITH PASSWORD 'Sys-Made-Pass-2024!' ROLE system"),
                "User 'sys_made' created", "system");
        message(as("system", "ALTER USER sys_made SET PASSWORD 'Sys-Made-Pass-2025!'"), "User 'sys_made' updated",
                "system");
        message(as("system", "DROP USER sys_made"), "User 'sys_made' dropped (soft delete)", "system");
    }

    // ---- jobs, live queries, EXPLAIN, views, manifest ---------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"user", "service"})
    void killJobAndLiveQueryAreRefused(String role) {
        JsonNode jobs = snapshot(JOBS_SNAPSHOT);
        denied(role, "KILL JOB 'FL-nope'", JOB_DENIED);
        denied(role, "KILL JOB \"CL-nope\"", JOB_DENIED);
        denied(role, "KILL LIVE QUERY 'ulla-lq-nope'", LIVE_DENIED);
        assertEquals(jobs, snapshot(JOBS_SNAPSHOT), "jobs changed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dba", "system"})
    void killJobPassesTheRoleCheckForAdmins(String role) {
        Expect.sqlError(as(role, "KILL JOB 'FL-nope'"), 400, "SQL_EXECUTION_ERROR",
                "Statement 1 failed: Job 'FL-nope' not found");
        Response live = as(role, "KILL LIVE QUERY 'ulla-lq-nope'");
        if (live.status() == 501) {
            Expect.sqlError(live, 501, "NOT_IMPLEMENTED", "Statement 1 failed: KILL LIVE QUERY is not available in this version");
        } else {
            Expect.sqlError(live, 400, "SQL_EXECUTION_ERROR", "Statement 1 failed: Live query 'ulla-lq-nope' not found");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"user", "service"})
    void explainIsRefused(String role) {
        denied(role, "EXPLAIN SELECT * FROM rb.notes", EXPLAIN_DENIED);
        denied(role, "EXPLAIN SELECT * FROM rb.keep", EXPLAIN_DENIED);
        denied(role, "EXPLAIN ANALYZE SELECT id FROM rb.notes", EXPLAIN_DENIED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dba", "system"})
    void explainIsAllowedForAdmins(String role) {
        JsonNode result = Expect.sqlOk(as(role, "EXPLAIN SELECT * FROM rb.keep"), 1).get(0);
        assertEquals(Json.parse("[{\"name\":\"plan_type\",\"data_type\":\"Text\",\"index\":0},"
                + "{\"name\":\"plan\",\"data_type\":\"Text\",\"index\":1}]"), result.get("schema"));
        assertTrue(result.get("row_count").asInt() > 0, () -> "plan rows: " + result);
    }

    @ParameterizedTest
    @ValueSource(strings = {"user", "service"})
    void viewManagementIsRefused(String role) {
        JsonNode before = snapshot(TABLES_SNAPSHOT);
        denied(role, "CREATE VIEW rb.v_hack AS SELECT id FROM rb.keep", VIEW_DENIED);
        denied(role, "CREATE OR REPLACE VIEW rb.v_keep AS SELECT v FROM rb.keep", VIEW_DENIED);
        denied(role, "CREATE VIEW rb.v_users AS SELECT * FROM system.users", VIEW_DENIED);
        denied(role, "DROP VIEW rb.v_keep", VIEW_DENIED);
        denied(role, "DROP VIEW IF EXISTS rb.nosuch", VIEW_DENIED);
        assertEquals(before, snapshot(TABLES_SNAPSHOT), "tables or views changed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dba", "system"})
    void viewManagementIsAllowedForAdmins(String role) {
        message(as(role, "CREATE VIEW rb.v_" + role + " AS SELECT id FROM rb.keep"),
                "View rb.v_" + role + " created successfully", role);
        message(as(role, "DROP VIEW rb.v_" + role), "View rb.v_" + role + " dropped successfully", role);
    }

    @ParameterizedTest
    @ValueSource(strings = {"user", "service"})
    void showManifestIsRefused(String role) {
        denied(role, "SHOW MANIFEST", MANIFEST_DENIED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dba", "system"})
    void showManifestPassesTheRoleCheckForAdmins(String role) {
        passesRoleCheck(as(role, "SHOW MANIFEST"), "SHOW MANIFEST");
    }

    // ---- storage ----------------------------------------------------------------------------------------------

    @Test
    void userCannotFlushOrCompactEvenWhenTheStatementIsNotBuilt() {
        JsonNode jobs = snapshot(JOBS_SNAPSHOT);
        denied("user", "STORAGE FLUSH TABLE app.t", "STORAGE FLUSH TABLE requires Service, DBA, or System role");
        denied("user", "STORAGE FLUSH TABLE rb.keep", "STORAGE FLUSH TABLE requires Service, DBA, or System role");
        denied("user", "STORAGE FLUSH ALL IN rb", "STORAGE FLUSH ALL requires Service, DBA, or System role");
        denied("user", "STORAGE COMPACT TABLE rb.keep", "STORAGE COMPACT TABLE requires Service, DBA, or System role");
        denied("user", "STORAGE COMPACT ALL IN rb", "STORAGE COMPACT ALL requires Service, DBA, or System role");
        assertEquals(jobs, snapshot(JOBS_SNAPSHOT), "jobs changed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"service", "dba", "system"})
    void flushAndCompactPassTheRoleCheckForServiceAndAdmins(String role) {
        passesRoleCheck(as(role, "STORAGE FLUSH TABLE rbempty.idle"), "STORAGE FLUSH TABLE");
        passesRoleCheck(as(role, "STORAGE FLUSH ALL IN rbempty"), "STORAGE FLUSH ALL");
    }

    @ParameterizedTest
    @ValueSource(strings = {"user", "service"})
    void storageDdlIsRefused(String role) {
        JsonNode storages = snapshot(STORAGES_SNAPSHOT);
        for (String sql : List.of(
                "CREATE STORAGE hack_" + role + " TYPE filesystem PATH '" + server.workDir().resolve("hack") + "'",
                "CREATE STORAGE s3hack TYPE s3 BUCKET 'evil-bucket'",
                "ALTER STORAGE local SET NAME 'pwned'",
                "DROP STORAGE local",
                "DROP STORAGE IF EXISTS nosuch",
                "STORAGE CHECK local",
                "STORAGE CHECK local EXTENDED")) {
            denied(role, sql, STORAGE_DENIED);
        }
        assertEquals(storages, snapshot(STORAGES_SNAPSHOT), "storages changed");
        assertFalse(server.workDir().resolve("hack").toFile().exists(), "the storage directory must not be created");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dba", "system"})
    void storageStatementsPassTheRoleCheckForAdmins(String role) {
        passesRoleCheck(as(role, "STORAGE CHECK local"), "STORAGE CHECK");
        passesRoleCheck(as(role, "CREATE STORAGE st_" + role + " TYPE filesystem PATH '"
                + server.workDir().resolve("st_" + role) + "'"), "CREATE STORAGE");
    }

    // ---- later-phase statements -------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"user", "service"})
    void laterPhaseAdminStatementsGetTheRoleRefusalFirst(String role) {
        denied(role, "CREATE TOPIC rb.events", TOPIC_DENIED);
        denied(role, "DROP TOPIC rb.events", TOPIC_DENIED);
        JsonNode jobs = snapshot(JOBS_SNAPSHOT);
        String backupDir = server.workDir().resolve("backup_" + role).toString();
        denied(role, "BACKUP DATABASE TO '" + backupDir + "'", BACKUP_DENIED);
        denied(role, "RESTORE DATABASE FROM '" + backupDir + "'", BACKUP_DENIED);
        assertEquals(jobs, snapshot(JOBS_SNAPSHOT), "jobs changed");
        assertFalse(server.workDir().resolve("backup_" + role).toFile().exists(), "no backup may be written");
    }

    @Test
    void userCannotConsumeOrAck() {
        denied("user", "CONSUME FROM rb.events", "CONSUME requires Service, DBA, or System role");
        denied("user", "ACK rb.events GROUP 'g' PARTITION 0 UPTO OFFSET 1", "ACK requires Service, DBA, or System role");
    }

    @Test
    void laterPhaseStatementsAnswerNotImplementedAfterTheRoleCheck() {
        notImplemented(as("dba", "CREATE TOPIC rb.events"), "CREATE TOPIC");
        notImplemented(as("system", "BACKUP DATABASE TO '" + server.workDir().resolve("backup_system") + "'"),
                "BACKUP DATABASE");
        notImplemented(as("service", "CONSUME FROM rb.events"), "CONSUME");
        notImplemented(as("user", "BEGIN"), "BEGIN");
    }

    // ---- statements open to every role ------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"user", "service", "dba", "system"})
    void catalogStatementsAreOpenToEveryRole(String role) {
        for (String sql : List.of("SHOW NAMESPACES", "SHOW TABLES", "SHOW TABLES IN rb", "DESCRIBE rb.keep",
                "DESC TABLE rb.notes", "SHOW STATS FOR TABLE rb.keep")) {
            Expect.sqlOk(as(role, sql), 1);
        }
        message(as(role, "USE rb"), "Namespace switched to 'rb'", role);
    }

    @Test
    void batchFailsAtTheRefusedStatementAndRunsNothingAfterIt() {
        JsonNode before = snapshot(NAMESPACES_SNAPSHOT);
        denied("user", "SHOW NAMESPACES; CREATE NAMESPACE batch_ns; CREATE NAMESPACE batch_ns2", 2,
                "CREATE NAMESPACE batch_ns", NAMESPACE_DENIED);
        denied("service", "USE rb; DROP TABLE keep; SHOW TABLES", 2, "DROP TABLE keep",
                "Role 'service' cannot drop tables");
        assertEquals(before, snapshot(NAMESPACES_SNAPSHOT), "namespaces changed");
        assertEquals(1, rows("SELECT id FROM rb.keep").size());
    }

    // ---- USER table scope -------------------------------------------------------------------------------------

    @Test
    void noRoleSeesOrChangesAnotherUsersRows() {
        Expect.messageResult(Expect.sqlOk(as("user", "INSERT INTO rb.notes (id, body) VALUES (1, 'private to ulla')"), 1)
                .get(0), "Inserted 1 row(s)", "ulla", 1);
        for (String role : List.of("service", "dba", "system")) {
            assertEquals(0, Expect.sqlOk(as(role, "SELECT * FROM rb.notes WHERE id = 1"), 1).get(0).get("row_count").asInt(),
                    role + " must not see ulla's rows");
            Expect.messageResult(Expect.sqlOk(as(role, "DELETE FROM rb.notes WHERE id = 1"), 1).get(0), "Deleted 0 row(s)",
                    CALLERS.get(role), 0);
            Expect.messageResult(Expect.sqlOk(as(role, "UPDATE rb.notes SET body = 'pwned' WHERE id = 1"), 1).get(0),
                    "Updated 0 row(s)", CALLERS.get(role), 0);
        }
        assertEquals(0, Expect.sqlOk(root("SELECT * FROM rb.notes"), 1).get(0).get("row_count").asInt());
        assertEquals(Json.parse("[[\"1\",\"private to ulla\"]]"),
                Expect.sqlOk(as("user", "SELECT id, body FROM rb.notes"), 1).get(0).get("rows"));
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private static String password(String user) {
        return Character.toUpperCase(user.charAt(0)) + user.substring(1) + "-Pass-2024!";
    }

    private static Response root(String sql) {
        return http.sql(rootToken, sql);
    }

    private static Response as(String role, String sql) {
        return http.sql(TOKENS.get(role), sql);
    }

    private static void ok(Response response) {
        Expect.sqlOk(response);
    }

    private static void message(Response response, String message, String role) {
        Expect.message(response, message, CALLERS.get(role));
    }

    /**
     * 403 PERMISSION_DENIED of statement 1 with this message. Non-admins get no {@code details}; admins get the
     * statement's SQL.
     */
    private static void denied(String role, String sql, String message) {
        denied(role, sql, 1, sql, message);
    }

    private static void denied(String role, String sql, int statement, String failingSql, String message) {
        Response response = as(role, sql);
        String expected = "Statement " + statement + " failed: " + message;
        if (role.equals("user") || role.equals("service")) {
            Expect.sqlErrorNoDetails(response, 403, "PERMISSION_DENIED", expected);
        } else {
            Expect.sqlErrorWithDetails(response, 403, "PERMISSION_DENIED", expected, maskPasswords(failingSql));
        }
    }

    /** The {@code details} of an admin's error hold the statement with password literals replaced (auth.md §3). */
    private static String maskPasswords(String sql) {
        return PASSWORD_LITERAL.matcher(sql).replaceAll("$1'***'");
    }

    /** The role check passed: either the statement ran, or it is not built yet and answers 501. */
    private static void passesRoleCheck(Response response, String statementName) {
        if (response.status() == 501) {
            notImplemented(response, statementName);
        } else {
            Expect.sqlOk(response, 1);
        }
    }

    private static void notImplemented(Response response, String statementName) {
        Expect.sqlError(response, 501, "NOT_IMPLEMENTED",
                "Statement 1 failed: " + statementName + " is not available in this version");
    }

    private static JsonNode rows(String sql) {
        return Expect.sqlOk(root(sql), 1).get(0).get("rows");
    }

    private static JsonNode snapshot(String sql) {
        return rows(sql);
    }
}
