package io.kalamdb.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * SHARED table access levels (auth.md §8) for reads and writes by every role, through direct statements, other query
 * shapes and batches. A role-{@code user} caller can never write a SHARED table. Every refused write is followed by a
 * root query showing the table unchanged.
 */
@Timeout(value = 3, unit = TimeUnit.SECONDS)
class HostileSharedTablesE2ETest {

    private static final String ROOT = "root";
    private static final List<String> LEVELS = List.of("public", "private", "restricted", "dba");
    private static final List<String> ROLES = List.of("user", "service", "dba", "system");
    private static final Map<String, Set<String>> READERS = Map.of(
            "public", Set.of("user", "service", "dba", "system"),
            "private", Set.of("service", "dba", "system"),
            "restricted", Set.of("service", "dba", "system"),
            "dba", Set.of("dba", "system"));
    private static final Map<String, Set<String>> WRITERS = Map.of(
            "public", Set.of("service", "dba", "system"),
            "private", Set.of("service", "dba", "system"),
            "restricted", Set.of("service", "dba", "system"),
            "dba", Set.of("dba", "system"));
    private static final Map<String, String> CALLERS = Map.of("user", "uma", "service", "sid", "dba", "dora",
            "system", "sysop");
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
            Expect.sqlOk(root("CREATE USER " + user + " WITH PASSWORD '" + password(user) + "' ROLE " + role));
            TOKENS.put(role, http.login(user, password(user)));
        });
        Expect.sqlOk(root("CREATE NAMESPACE sh"));
        for (String level : LEVELS) {
            Expect.sqlOk(root("CREATE SHARED TABLE sh.lvl_" + level + " (id BIGINT PRIMARY KEY, v TEXT) "
                    + "WITH (ACCESS_LEVEL = '" + level.toUpperCase() + "')"));
            Expect.sqlOk(root("INSERT INTO sh.lvl_" + level + " (id, v) VALUES (1, 'seed')"));
        }
        Expect.sqlOk(root("CREATE SHARED TABLE sh.defaulted (id BIGINT PRIMARY KEY, v TEXT)"));
        Expect.sqlOk(root("INSERT INTO sh.defaulted (id, v) VALUES (1, 'seed')"));
        Expect.sqlOk(root("CREATE USER TABLE sh.mine (id BIGINT PRIMARY KEY, v TEXT)"));
    }

    @AfterAll
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    static Stream<Arguments> roleAndLevel() {
        return ROLES.stream().flatMap(role -> LEVELS.stream().map(level -> Arguments.of(role, level)));
    }

    @ParameterizedTest(name = "{0} reads {1}")
    @MethodSource("roleAndLevel")
    void readFollowsTheAccessLevel(String role, String level) {
        Response response = as(role, "SELECT id, v FROM sh.lvl_" + level);
        if (READERS.get(level).contains(role)) {
            JsonNode result = Expect.sqlOk(response, 1).get(0);
            assertEquals(Json.parse("[[\"1\",\"seed\"]]"), result.get("rows"), () -> "rows: " + result);
            assertEquals(CALLERS.get(role), result.get("as_user").asText());
        } else {
            deniedNonAdmin(response, 1, role, "read", level);
        }
    }

    @ParameterizedTest(name = "{0} writes {1}")
    @MethodSource("roleAndLevel")
    void writeFollowsTheAccessLevel(String role, String level) {
        String table = "sh.lvl_" + level;
        long id = 100 + ROLES.indexOf(role);
        JsonNode before = tableRows(table);
        Response insert = as(role, "INSERT INTO " + table + " (id, v) VALUES (" + id + ", 'by " + role + "')");
        if (WRITERS.get(level).contains(role)) {
            Expect.messageResult(Expect.sqlOk(insert, 1).get(0), "Inserted 1 row(s)", CALLERS.get(role), 1);
            Expect.messageResult(Expect.sqlOk(as(role, "UPDATE " + table + " SET v = 'edited' WHERE id = " + id), 1)
                    .get(0), "Updated 1 row(s)", CALLERS.get(role), 1);
            Expect.messageResult(Expect.sqlOk(as(role, "DELETE FROM " + table + " WHERE id = " + id), 1).get(0),
                    "Deleted 1 row(s)", CALLERS.get(role), 1);
        } else {
            deniedNonAdmin(insert, 1, role, "write", level);
            deniedNonAdmin(as(role, "UPDATE " + table + " SET v = 'pwned' WHERE id = 1"), 1, role, "write", level);
            deniedNonAdmin(as(role, "DELETE FROM " + table), 1, role, "write", level);
            deniedNonAdmin(as(role, "DELETE FROM " + table + " WHERE id = 1"), 1, role, "write", level);
        }
        assertEquals(before, tableRows(table), "rows of " + table + " changed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"user", "service"})
    void defaultAccessLevelIsPrivate(String role) {
        Response read = as(role, "SELECT * FROM sh.defaulted");
        if (role.equals("user")) {
            Expect.sqlErrorNoDetails(read, 403, "PERMISSION_DENIED",
                    "Statement 1 failed: " + refusal("user", "read", "private", "sh.defaulted"));
        } else {
            assertEquals(1, Expect.sqlOk(read, 1).get(0).get("row_count").asInt());
        }
    }

    @Test
    void userCannotWriteEvenAPublicTableThroughAnyDmlShape() {
        JsonNode before = tableRows("sh.lvl_public");
        for (String sql : List.of(
                "INSERT INTO sh.lvl_public (id, v) VALUES (7, 'x')",
                "INSERT INTO sh.lvl_public VALUES (8, 'x')",
                "INSERT INTO sh.lvl_public (id, v) SELECT id + 10, v FROM sh.lvl_public",
                "UPDATE sh.lvl_public SET v = 'pwned'",
                "UPDATE sh.lvl_public SET v = v || '!' WHERE id IN (SELECT id FROM sh.lvl_public)",
                "DELETE FROM sh.lvl_public WHERE 1 = 1")) {
            deniedNonAdmin(as("user", sql), 1, "user", "write", "public");
        }
        ObjectNode unqualified = Json.sqlBody("INSERT INTO lvl_public (id, v) VALUES (9, 'x')").put("namespace_id", "sh");
        deniedNonAdmin(http.sqlWith(Http.bearer(TOKENS.get("user")), unqualified), 1, "user", "write", "public");
        Expect.sqlErrorNoDetails(http.sqlWith(Http.bearer(TOKENS.get("user")),
                        Json.object().put("sql", "INSERT INTO sh.lvl_public (id, v) VALUES ($1, $2)")
                                .set("params", Json.array().add(10).add("x"))),
                403, "PERMISSION_DENIED", "Statement 1 failed: " + refusal("user", "write", "public", "sh.lvl_public"));
        assertEquals(before, tableRows("sh.lvl_public"), "public table changed");
    }

    @Test
    void privateTableIsUnreadableThroughOtherQueryShapes() {
        for (String sql : List.of(
                "SELECT p.id FROM sh.lvl_public p JOIN sh.lvl_private q ON p.id = q.id",
                "SELECT id FROM sh.lvl_public WHERE id IN (SELECT id FROM sh.lvl_private)",
                "SELECT id FROM sh.lvl_public WHERE EXISTS (SELECT 1 FROM sh.lvl_private)",
                "SELECT id, (SELECT MAX(v) FROM sh.lvl_private) AS leaked FROM sh.lvl_public",
                "SELECT * FROM (SELECT v FROM sh.lvl_private) AS x",
                "WITH x AS (SELECT v FROM sh.lvl_private) SELECT * FROM x",
                "SELECT v FROM sh.lvl_public UNION SELECT v FROM sh.lvl_private",
                "SELECT v FROM sh.lvl_public EXCEPT SELECT v FROM sh.lvl_private",
                "SELECT v FROM sh.lvl_public INTERSECT SELECT v FROM sh.lvl_private",
                "SELECT COUNT(*) FROM sh.lvl_private",
                "SELECT * FROM \"SH\".\"LVL_PRIVATE\"")) {
            deniedNonAdmin(as("user", sql), 1, "user", "read", "private");
        }
    }

    @Test
    void copyingAPrivateTableIntoOwnUserTableIsRefused() {
        deniedNonAdmin(as("user", "INSERT INTO sh.mine (id, v) SELECT id, v FROM sh.lvl_private"), 1, "user", "read",
                "private");
        deniedNonAdmin(as("service", "INSERT INTO sh.mine (id, v) SELECT id, v FROM sh.lvl_dba"), 1, "service", "read",
                "dba");
        assertEquals(0, tableRows("sh.mine").size(), "sh.mine must stay empty for root");
        assertEquals(0, Expect.sqlOk(as("user", "SELECT * FROM sh.mine"), 1).get(0).get("row_count").asInt());
        assertEquals(0, Expect.sqlOk(as("service", "SELECT * FROM sh.mine"), 1).get(0).get("row_count").asInt());
    }

    @Test
    void batchFailsAtTheRefusedStatement() {
        JsonNode before = tableRows("sh.lvl_public");
        deniedNonAdmin(as("user", "SELECT * FROM sh.lvl_public; SELECT * FROM sh.lvl_private; SELECT 1"), 2, "user",
                "read", "private");
        deniedNonAdmin(as("service", "INSERT INTO sh.lvl_public (id, v) VALUES (50, 'kept'); SELECT * FROM sh.lvl_dba"),
                2, "service", "read", "dba");
        JsonNode after = tableRows("sh.lvl_public");
        assertEquals(before.size() + 1, after.size(), "the statement before the failure stays applied: " + after);
        Expect.sqlOk(root("DELETE FROM sh.lvl_public WHERE id = 50"), 1);
    }

    @Test
    void serviceCannotReadOrWriteADbaTableButAdminsCan() {
        deniedNonAdmin(as("service", "SELECT * FROM sh.lvl_dba"), 1, "service", "read", "dba");
        deniedNonAdmin(as("service", "UPDATE sh.lvl_dba SET v = 'pwned' WHERE id = 1"), 1, "service", "write", "dba");
        assertEquals(Json.parse("[[\"1\",\"seed\"]]"), tableRows("sh.lvl_dba"));
        assertEquals(1, Expect.sqlOk(as("dba", "SELECT * FROM sh.lvl_dba"), 1).get(0).get("row_count").asInt());
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

    private static String refusal(String role, String mode, String level, String table) {
        return "Permission denied: role '" + role + "' cannot " + mode + " shared table '" + table + "' (access level "
                + level + ")";
    }

    /** 403 of a non-admin (no details) for table sh.lvl_{level}. */
    private static void deniedNonAdmin(Response response, int statement, String role, String mode, String level) {
        Expect.sqlErrorNoDetails(response, 403, "PERMISSION_DENIED",
                "Statement " + statement + " failed: " + refusal(role, mode, level, "sh.lvl_" + level));
    }

    private static JsonNode tableRows(String table) {
        return Expect.sqlOk(root("SELECT id, v FROM " + table + " ORDER BY id LIMIT 1000"), 1).get(0).get("rows");
    }
}
