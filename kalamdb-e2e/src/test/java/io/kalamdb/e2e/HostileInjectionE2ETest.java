package io.kalamdb.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SQL injection attempts (auth.md §14, http-api.md §5.8, sql.md §1) through parameters, string literals, quoted
 * identifiers, the request's {@code namespace_id}, comments, the EXECUTE AS user name and credentials. Parameters are
 * bound as values and stored verbatim; after every test the tables still exist and hold exactly the expected rows.
 */
@Timeout(value = 3, unit = TimeUnit.SECONDS)
class HostileInjectionE2ETest {

    private static final String ROOT = "root";
    private static final String IVY = "ivy";
    private static final String IVY_PW = "Ivy-Pass-2024!";
    private static final String SOL = "sol";
    private static final String SOL_PW = "Sol-Pass-2024!";
    private static final String FIXED_ROWS = "[[\"1\",\"alpha\"],[\"2\",\"beta\"]]";
    private static final AtomicLong IDS = new AtomicLong(1000);

    private static ServerProcess server;
    private static Http http;
    private static String rootToken;
    private static String ivyToken;
    private static String solToken;

    @BeforeAll
    @Timeout(value = 35, unit = TimeUnit.SECONDS)
    static void startServer() {
        server = ServerProcess.startDefault();
        http = new Http(server.baseUrl());
        rootToken = http.login(ROOT, ServerProcess.ROOT_PASSWORD);
        Expect.sqlOk(root("CREATE USER " + IVY + " WITH PASSWORD '" + IVY_PW + "' ROLE user"));
        Expect.sqlOk(root("CREATE USER " + SOL + " WITH PASSWORD '" + SOL_PW + "' ROLE service"));
        ivyToken = http.login(IVY, IVY_PW);
        solToken = http.login(SOL, SOL_PW);
        Expect.sqlOk(root("CREATE NAMESPACE inj"));
        Expect.sqlOk(root("CREATE SHARED TABLE inj.t (id BIGINT PRIMARY KEY, v TEXT) WITH (ACCESS_LEVEL = 'public')"));
        Expect.sqlOk(root("CREATE SHARED TABLE inj.w (id BIGINT PRIMARY KEY, v TEXT) WITH (ACCESS_LEVEL = 'public')"));
        Expect.sqlOk(root("INSERT INTO inj.w (id, v) VALUES (1, 'alpha'), (2, 'beta')"));
        Expect.sqlOk(root("CREATE USER TABLE inj.notes (id BIGINT PRIMARY KEY, body TEXT)"));
    }

    @AfterAll
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    /** After every test: all three tables still exist, and the fixed table is untouched. */
    @AfterEach
    @Timeout(value = 3, unit = TimeUnit.SECONDS)
    void tablesAreIntact() {
        JsonNode tables = rootRows("SELECT table_name FROM system.tables WHERE namespace_id = 'inj' ORDER BY table_name");
        assertEquals(Json.parse("[[\"notes\"],[\"t\"],[\"w\"]]"), tables, "tables of inj");
        assertEquals(Json.parse(FIXED_ROWS), rootRows("SELECT id, v FROM inj.w ORDER BY id"), "rows of inj.w");
        assertEquals(Json.parse("[[\"inj\"]]"),
                rootRows("SELECT namespace_id FROM system.namespaces WHERE namespace_id = 'inj'"));
    }

    // ---- parameters -------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {
        "x'); DROP TABLE t; --",
        "x'); DROP TABLE inj.t; --",
        "' OR '1'='1",
        "'; DELETE FROM inj.w; --",
        "\\'; DROP NAMESPACE inj; --",
        "\"); DROP TABLE inj.w; --",
        "Robert'); DROP TABLE students;--",
        "' UNION SELECT password_hash FROM system.users --",
        "$1",
        "a\n; DROP TABLE inj.w",
        "\u02bc OR 1=1 --",
        "*/ DROP TABLE inj.w; /*",
        "EXECUTE AS USER 'root' (DROP TABLE inj.w)"})
    void parameterIsStoredVerbatim(String payload) {
        long id = IDS.incrementAndGet();
        long before = count("inj.t");
        Response insert = http.sqlWith(Http.bearer(solToken), withParams("INSERT INTO inj.t (id, v) VALUES ($1, $2)",
                Json.array().add(id).add(payload)));
        Expect.messageResult(Expect.sqlOk(insert, 1).get(0), "Inserted 1 row(s)", SOL, 1);
        assertEquals(before + 1, count("inj.t"));
        ArrayNode expected = Json.array();
        expected.add(Json.array().add(String.valueOf(id)).add(payload));
        assertEquals(expected, Expect.sqlOk(http.sqlWith(Http.bearer(rootToken),
                withParams("SELECT id, v FROM inj.t WHERE v = $1", Json.array().add(payload))), 1).get(0).get("rows"));
    }

    @Test
    void parameterInAPredicateDoesNotWidenIt() {
        for (String payload : List.of("' OR '1'='1", "alpha' OR 'x'='x", "alpha' --")) {
            JsonNode select = Expect.sqlOk(http.sqlWith(Http.bearer(ivyToken),
                    withParams("SELECT id FROM inj.w WHERE v = $1", Json.array().add(payload))), 1).get(0);
            assertEquals(0, select.get("row_count").asInt(), () -> "payload widened the match: " + select);
            Expect.messageResult(Expect.sqlOk(http.sqlWith(Http.bearer(solToken),
                    withParams("DELETE FROM inj.w WHERE v = $1", Json.array().add(payload))), 1).get(0),
                    "Deleted 0 row(s)", SOL, 0);
        }
        Expect.sqlError(http.sqlWith(Http.bearer(solToken), withParams("SELECT id FROM inj.w WHERE id = $1",
                Json.array().add("1 OR 1=1"))), 400, "SQL_EXECUTION_ERROR",
                "Statement 1 failed: Parameter $1 invalid: cannot convert '1 OR 1=1' to BIGINT");
    }

    @Test
    void parameterInUpdateSetIsStoredVerbatim() {
        long id = IDS.incrementAndGet();
        Expect.sqlOk(root("INSERT INTO inj.t (id, v) VALUES (" + id + ", 'before')"), 1);
        String payload = "z', v = 'pwned";
        Expect.messageResult(Expect.sqlOk(http.sqlWith(Http.bearer(solToken),
                withParams("UPDATE inj.t SET v = $1 WHERE id = $2", Json.array().add(payload).add(id))), 1).get(0),
                "Updated 1 row(s)", SOL, 1);
        assertEquals(payload, rootRows("SELECT v FROM inj.t WHERE id = " + id).get(0).get(0).asText());
    }

    @Test
    void jsonObjectParameterIsStoredAsText() {
        long id = IDS.incrementAndGet();
        ObjectNode payload = Json.object().put("sql", "DROP TABLE inj.w");
        Expect.sqlOk(http.sqlWith(Http.bearer(solToken), withParams("INSERT INTO inj.t (id, v) VALUES ($1, $2)",
                Json.array().add(id).add(payload))), 1);
        assertEquals("{\"sql\":\"DROP TABLE inj.w\"}", rootRows("SELECT v FROM inj.t WHERE id = " + id).get(0).get(0).asText());
    }

    @Test
    void roleUserParameterGoesIntoItsOwnScopeVerbatim() {
        String payload = "'); DROP TABLE inj.notes; --";
        Expect.messageResult(Expect.sqlOk(http.sqlWith(Http.bearer(ivyToken),
                withParams("INSERT INTO inj.notes (id, body) VALUES ($1, $2)", Json.array().add(1).add(payload))), 1)
                .get(0), "Inserted 1 row(s)", IVY, 1);
        ArrayNode expected = Json.array();
        expected.add(Json.array().add("1").add(payload));
        assertEquals(expected, Expect.sqlOk(http.sql(ivyToken, "SELECT id, body FROM inj.notes"), 1).get(0).get("rows"));
        assertEquals(0, Expect.sqlOk(http.sql(solToken, "SELECT id FROM inj.notes"), 1).get(0).get("row_count").asInt());
    }

    @Test
    void parametersOnOtherStatementsAreRefused() {
        Expect.sqlError(http.sqlWith(Http.bearer(rootToken), withParams("DROP TABLE $1", Json.array().add("inj.w"))),
                400, "SQL_EXECUTION_ERROR",
                "Statement 1 failed: Parameters are only supported for SELECT, INSERT, UPDATE and DELETE");
        Expect.sqlError(http.sqlWith(Http.bearer(rootToken), withParams("CREATE NAMESPACE $1", Json.array().add("x"))),
                400, "SQL_EXECUTION_ERROR",
                "Statement 1 failed: Parameters are only supported for SELECT, INSERT, UPDATE and DELETE");
        Expect.sqlErrorNoDetails(http.sqlWith(Http.bearer(rootToken),
                        withParams("SELECT id FROM inj.w WHERE v = $1; DROP TABLE inj.w", Json.array().add("alpha"))),
                400, "PARAMS_WITH_BATCH", "Parameters not supported with multi-statement batches");
        assertEquals(0, rootRows("SELECT namespace_id FROM system.namespaces WHERE namespace_id = 'x'").size());
    }

    // ---- string literals and comments -------------------------------------------------------------------------

    @Test
    void escapedQuoteInAStringLiteralStaysInsideTheLiteral() {
        long id = IDS.incrementAndGet();
        Response insert = http.sql(solToken, "INSERT INTO inj.t (id, v) VALUES (" + id + ", 'y''); DROP TABLE inj.w; --')");
        Expect.messageResult(Expect.sqlOk(insert, 1).get(0), "Inserted 1 row(s)", SOL, 1);
        assertEquals("y'); DROP TABLE inj.w; --", rootRows("SELECT v FROM inj.t WHERE id = " + id).get(0).get(0).asText());
        JsonNode select = Expect.sqlOk(http.sql(ivyToken, "SELECT 'a''; DROP TABLE inj.w; --' AS s"), 1).get(0);
        assertEquals(Json.parse("[[\"a'; DROP TABLE inj.w; --\"]]"), select.get("rows"));
    }

    @Test
    void commentsDoNotSmuggleStatements() {
        Expect.sqlOk(http.sql(solToken, "SELECT id FROM inj.w /* ; DROP TABLE inj.w; */ WHERE id = 1"), 1);
        Expect.sqlOk(http.sql(solToken, "SELECT id FROM inj.w -- ; DROP TABLE inj.w"), 1);
        Expect.sqlOk(http.sql(solToken, "SELECT id FROM inj.w WHERE v = '--' OR v = '/*'"), 1);
    }

    @Test
    void roleUserCannotSmuggleAWriteIntoABatch() {
        Expect.sqlErrorNoDetails(http.sql(ivyToken, "SELECT id FROM inj.w WHERE v = 'alpha'; DELETE FROM inj.w"), 403,
                "PERMISSION_DENIED",
                "Statement 2 failed: Permission denied: role 'user' cannot write shared table 'inj.w' (access level public)");
        Expect.sqlErrorNoDetails(http.sql(ivyToken, "SELECT id FROM inj.w WHERE v = ''; DROP TABLE inj.w; --'"), 403,
                "PERMISSION_DENIED", "Statement 2 failed: Role 'user' cannot drop tables");
    }

    // ---- identifiers and namespace_id -------------------------------------------------------------------------

    @Test
    void quotedIdentifiersAreNamesNotSql() {
        Expect.sqlErrorNoDetails(http.sql(ivyToken, "SELECT * FROM \"inj\".\"w; DROP TABLE inj.w\""), 404,
                "TABLE_NOT_FOUND", "SQL statement failed");
        Expect.sqlErrorNoDetails(http.sql(ivyToken, "SELECT * FROM inj.\"w\"\" ; DROP TABLE inj.w; --\""), 404,
                "TABLE_NOT_FOUND", "SQL statement failed");
        Expect.sqlErrorMatching(root("SELECT * FROM \"inj\".\"w; DROP TABLE inj.w\""), 404, "TABLE_NOT_FOUND",
                "(?i)Statement 1 failed: Table 'inj\\.w; drop table inj\\.w' not found");
        Expect.sqlError(root("CREATE TABLE inj.\"x; DROP TABLE inj.w\" (id BIGINT PRIMARY KEY)"), 400,
                "SQL_EXECUTION_ERROR", "Statement 1 failed: Name 'x; DROP TABLE inj.w' contains invalid characters "
                        + "(only alphanumeric and underscore allowed)");
        Expect.sqlError(root("CREATE NAMESPACE \"evil; DROP NAMESPACE inj\""), 400, "SQL_EXECUTION_ERROR",
                "Statement 1 failed: Name 'evil; DROP NAMESPACE inj' contains invalid characters "
                        + "(only alphanumeric and underscore allowed)");
    }

    @Test
    void namespaceIdFieldIsANameNotSql() {
        for (String ns : List.of("inj; DROP TABLE inj.w", "inj\" ; DROP TABLE inj.w; --", "inj' OR '1'='1")) {
            ObjectNode body = Json.sqlBody("SELECT * FROM w").put("namespace_id", ns);
            Expect.sqlErrorNoDetails(http.sqlWith(Http.bearer(ivyToken), body), 404, "TABLE_NOT_FOUND",
                    "SQL statement failed");
            Expect.sqlErrorMatching(http.sqlWith(Http.bearer(rootToken), body), 404, "TABLE_NOT_FOUND",
                    "Statement 1 failed: Namespace '.*' does not exist");
        }
    }

    // ---- names inside statements and credentials --------------------------------------------------------------

    @Test
    void executeAsUserNameIsAValue() {
        JsonNode result = Expect.sqlOk(root("EXECUTE AS USER 'x''; DROP TABLE inj.w; --' (SELECT id FROM inj.notes)"), 1)
                .get(0);
        assertEquals(0, result.get("row_count").asInt());
        assertEquals("x'; DROP TABLE inj.w; --", result.get("as_user").asText());
    }

    @Test
    void passwordWithQuotesIsAValue() {
        String password = "Pa'ss; DROP TABLE inj.w; --1";
        Expect.message(root("CREATE USER quoted_pw WITH PASSWORD 'Pa''ss; DROP TABLE inj.w; --1' ROLE user"),
                "User 'quoted_pw' created", ROOT);
        Expect.sqlOk(http.sqlBasic("quoted_pw", password, "SELECT id FROM inj.notes"), 1);
        http.loginBody("quoted_pw", password);
        Expect.authError(http.loginRaw("quoted_pw", "Pa"), 401, "unauthorized", "Invalid credentials");
    }

    @Test
    void loginFieldsAreValues() {
        for (String user : List.of("root' --", "root\" --", "' OR '1'='1", "root'/*")) {
            Expect.authError(http.loginRaw(user, ServerProcess.ROOT_PASSWORD), 401, "unauthorized", "Invalid credentials");
        }
        Expect.authError(http.loginRaw(ROOT, "' OR '1'='1"), 401, "unauthorized", "Invalid credentials");
        Expect.invalidCredentials(http.sqlBasic("root' --", ServerProcess.ROOT_PASSWORD, "SELECT 1 AS n"));
        http.loginBody(ROOT, ServerProcess.ROOT_PASSWORD);
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private static ObjectNode withParams(String sql, ArrayNode params) {
        ObjectNode body = Json.sqlBody(sql);
        body.set("params", params);
        return body;
    }

    private static Response root(String sql) {
        return http.sql(rootToken, sql);
    }

    private static JsonNode rootRows(String sql) {
        return Expect.sqlOk(root(sql), 1).get(0).get("rows");
    }

    private static long count(String table) {
        return rootRows("SELECT COUNT(*) FROM " + table).get(0).get(0).asLong();
    }
}
