package io.kalamdb.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The SQL endpoint's envelope, limits and error codes (http-api.md §5) and the namespace statements (sql.md §1, §2),
 * mostly as root, with a role-{@code user} caller for redaction (http-api.md §5.11).
 */
@Timeout(value = 5, unit = TimeUnit.SECONDS)
class SqlStatementsE2ETest {

    private static final String ROOT = "root";
    private static final String EVE = "eve";
    private static final String EVE_PW = "Eve-Pass-2024!";
    private static final int MAX_SQL_BYTES = 1_048_576;
    private static final int MAX_BODY_BYTES = 10_485_760;
    private static final String NAMESPACE_DENIED =
            "Admin privileges (DBA or System role) required for namespace operations";

    private static ServerProcess server;
    private static Http http;
    private static String rootToken;
    private static String eveToken;

    @BeforeAll
    @Timeout(value = 35, unit = TimeUnit.SECONDS)
    static void startServer() {
        server = ServerProcess.startDefault();
        http = new Http(server.baseUrl());
        rootToken = http.login(ROOT, ServerProcess.ROOT_PASSWORD);
        Expect.message(root("CREATE USER " + EVE + " WITH PASSWORD '" + EVE_PW + "' ROLE user"), "User 'eve' created", ROOT);
        eveToken = http.login(EVE, EVE_PW);
    }

    @AfterAll
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    // ---- namespaces -------------------------------------------------------------------------------------------

    @Test
    void namespaceLifecycle() {
        long before = nowMicros();
        Expect.message(root("CREATE NAMESPACE app"), "Namespace 'app' created successfully", ROOT);
        long after = nowMicros();
        Expect.message(root("CREATE NAMESPACE IF NOT EXISTS app"), "Namespace 'app' already exists", ROOT);
        Expect.sqlErrorWithDetails(root("CREATE NAMESPACE app"), 400, "SQL_EXECUTION_ERROR",
                "Statement 1 failed: Namespace 'app' already exists", "CREATE NAMESPACE app");
        Expect.sqlErrorWithDetails(root("CREATE NAMESPACE APP"), 400, "SQL_EXECUTION_ERROR",
                "Statement 1 failed: Namespace 'app' already exists", "CREATE NAMESPACE APP");

        JsonNode row = namespaces().get("app");
        assertEquals("app", row.get(0).asText());
        assertEquals("app", row.get(1).asText());
        long createdAt = row.get(2).asLong();
        assertTrue(row.get(2).isIntegralNumber() && createdAt >= before - 1_000_000 && createdAt <= after + 1_000_000,
                () -> "created_at must be microseconds between " + before + " and " + after + ": " + row);
        assertEquals("{}", row.get(3).asText(), () -> "options of a new namespace: " + row);
        assertEquals(0, row.get(4).asInt());
        assertTrue(row.get(4).isInt(), () -> "table_count is an Int cell: " + row);

        Expect.message(root("ALTER NAMESPACE app SET OPTIONS (owner = 'team', max_tables = 10, ratio = 0.5, enabled = true)"),
                "Namespace 'app' altered successfully", ROOT);
        assertOptions("app", "{\"owner\":\"team\",\"max_tables\":10,\"ratio\":0.5,\"enabled\":true}");
        Expect.message(root("ALTER NAMESPACE app SET DESCRIPTION 'Main application'"),
                "Namespace 'app' altered successfully", ROOT);
        assertOptions("app",
                "{\"owner\":\"team\",\"max_tables\":10,\"ratio\":0.5,\"enabled\":true,\"description\":\"Main application\"}");
        assertEquals(createdAt, namespaces().get("app").get(2).asLong(), "ALTER must not change created_at");

        Expect.message(root("DROP NAMESPACE app"), "Namespace 'app' dropped successfully", ROOT);
        assertFalse(namespaces().containsKey("app"), "app must be gone after DROP");
        Expect.message(root("DROP NAMESPACE IF EXISTS app"), "Namespace 'app' does not exist", ROOT);
        Expect.sqlErrorWithDetails(root("DROP NAMESPACE app"), 400, "SQL_EXECUTION_ERROR",
                "Statement 1 failed: Namespace 'app' does not exist", "DROP NAMESPACE app");
    }

    @Test
    void showNamespacesIsARowResult() {
        Expect.message(root("CREATE NAMESPACE zeta"), "Namespace 'zeta' created successfully", ROOT);
        Expect.message(root("CREATE NAMESPACE alpha"), "Namespace 'alpha' created successfully", ROOT);
        JsonNode result = Expect.sqlOk(root("SHOW NAMESPACES"), 1).get(0);
        Expect.keys(result, "schema", "rows", "row_count", "as_user");
        assertEquals(ROOT, result.get("as_user").asText());
        String[][] columns = {
            {"namespace_id", "Text"}, {"name", "Text"}, {"created_at", "Timestamp"}, {"options", "Json"},
            {"table_count", "Int"}};
        JsonNode schema = result.get("schema");
        assertEquals(columns.length, schema.size(), () -> "schema: " + schema);
        for (int i = 0; i < columns.length; i++) {
            JsonNode field = schema.get(i);
            List<String> keys = Json.fieldNames(field);
            assertEquals(List.of("name", "data_type", "index"), keys.subList(0, Math.min(3, keys.size())),
                    () -> "schema field shape: " + field);
            assertEquals(columns[i][0], field.get("name").asText(), () -> "schema: " + schema);
            assertEquals(columns[i][1], field.get("data_type").asText(), () -> "schema: " + schema);
            assertEquals(i, field.get("index").asInt(), () -> "schema: " + schema);
        }
        JsonNode rows = result.get("rows");
        assertEquals(rows.size(), result.get("row_count").asInt());
        List<String> ids = new ArrayList<>();
        rows.forEach(r -> {
            assertEquals(columns.length, r.size(), () -> "positional row of 5 cells: " + r);
            ids.add(r.get(0).asText());
        });
        List<String> sorted = new ArrayList<>(ids);
        sorted.sort(null);
        assertEquals(sorted, ids, "rows must be ordered by namespace_id");
        assertTrue(ids.contains("default") && ids.contains("alpha") && ids.contains("zeta"), () -> "namespaces: " + ids);
        Map<String, JsonNode> byId = namespaces();
        assertEquals("default", byId.get("default").get(1).asText());
        assertEquals(0, byId.get("alpha").get(4).asInt(), "a new namespace has no tables");
    }

    @ParameterizedTest
    @ValueSource(strings = {"system", "sys", "root", "kalamdb", "kalam", "main", "sql", "admin", "internal",
        "information_schema", "pg_catalog", "datafusion"})
    void reservedNamespaceNamesCannotBeCreated(String name) {
        Expect.sqlErrorWithDetails(root("CREATE NAMESPACE " + name), 400, "SQL_EXECUTION_ERROR",
                "Statement 1 failed: Namespace '" + name + "' is reserved and cannot be used", "CREATE NAMESPACE " + name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"default", "system"})
    void reservedNamespacesCannotBeDropped(String name) {
        Expect.sqlErrorWithDetails(root("DROP NAMESPACE " + name), 400, "SQL_EXECUTION_ERROR",
                "Statement 1 failed: Namespace '" + name + "' is reserved and cannot be dropped", "DROP NAMESPACE " + name);
        assertTrue(namespaces().containsKey("default"));
    }

    static Stream<Arguments> invalidNames() {
        return Stream.of(
                Arguments.of("CREATE NAMESPACE \"a-b\"",
                        "Name 'a-b' contains invalid characters (only alphanumeric and underscore allowed)"),
                Arguments.of("CREATE NAMESPACE _hidden", "Name cannot start with underscore (reserved for system columns)"),
                Arguments.of("CREATE NAMESPACE \"1abc\"", "Name cannot start with a number"),
                Arguments.of("CREATE NAMESPACE \"select\"", "Name 'select' is a reserved SQL keyword and cannot be used"),
                Arguments.of("CREATE NAMESPACE n" + "0123456789".repeat(6) + "0123", "Name is too long (65 characters, max 64)"));
    }

    @ParameterizedTest
    @MethodSource("invalidNames")
    void invalidNamespaceNames(String sql, String message) {
        Expect.sqlErrorWithDetails(root(sql), 400, "SQL_EXECUTION_ERROR", "Statement 1 failed: " + message, sql);
    }

    @Test
    void sixtyFourCharacterNameIsAllowed() {
        String name = "n" + "a".repeat(63);
        Expect.message(root("CREATE NAMESPACE " + name), "Namespace '" + name + "' created successfully", ROOT);
        Expect.message(root("DROP NAMESPACE " + name), "Namespace '" + name + "' dropped successfully", ROOT);
    }

    @Test
    void alterMissingNamespaceFails() {
        Expect.sqlErrorWithDetails(root("ALTER NAMESPACE ghost SET DESCRIPTION 'x'"), 400, "SQL_EXECUTION_ERROR",
                "Statement 1 failed: Namespace 'ghost' does not exist", "ALTER NAMESPACE ghost SET DESCRIPTION 'x'");
    }

    @Test
    void useNamespace() {
        Expect.message(root("USE default"), "Namespace switched to 'default'", ROOT);
        Expect.message(root("USE NAMESPACE default"), "Namespace switched to 'default'", ROOT);
        Expect.message(root("SET NAMESPACE default"), "Namespace switched to 'default'", ROOT);
        Expect.sqlErrorWithDetails(root("USE ghost"), 400, "SQL_EXECUTION_ERROR",
                "Statement 1 failed: Namespace 'ghost' does not exist", "USE ghost");
    }

    // ---- multi-statement requests -----------------------------------------------------------------------------

    @Test
    void batchResultsComeInStatementOrder() {
        JsonNode results = Expect.sqlOk(root("CREATE NAMESPACE b1; CREATE NAMESPACE IF NOT EXISTS b1; SHOW NAMESPACES"), 3);
        Expect.messageResult(results.get(0), "Namespace 'b1' created successfully", ROOT);
        Expect.messageResult(results.get(1), "Namespace 'b1' already exists", ROOT);
        List<String> ids = new ArrayList<>();
        results.get(2).get("rows").forEach(r -> ids.add(r.get(0).asText()));
        assertTrue(ids.contains("b1"), () -> "SHOW after CREATE in the same batch must see b1: " + ids);
    }

    @Test
    void batchFailureStopsAtTheFailingStatementAndKeepsEarlierOnes() {
        Expect.sqlErrorWithDetails(root("CREATE NAMESPACE c1; CREATE NAMESPACE c1; CREATE NAMESPACE c2"), 400,
                "SQL_EXECUTION_ERROR", "Statement 2 failed: Namespace 'c1' already exists", "CREATE NAMESPACE c1");
        Map<String, JsonNode> namespaces = namespaces();
        assertTrue(namespaces.containsKey("c1"), "statement 1 stays applied");
        assertFalse(namespaces.containsKey("c2"), "statement 3 must not run");
    }

    @Test
    void emptyStatementsAndCommentsAreSkipped() {
        JsonNode results = Expect.sqlOk(root(";; CREATE NAMESPACE d1 ;; -- trailing comment\n/* block; with ; */"), 1);
        Expect.messageResult(results.get(0), "Namespace 'd1' created successfully", ROOT);
    }

    @Test
    void semicolonsInsideStringsDoNotSplit() {
        Expect.message(root("CREATE NAMESPACE q1"), "Namespace 'q1' created successfully", ROOT);
        JsonNode results = Expect.sqlOk(root("ALTER NAMESPACE q1 SET DESCRIPTION 'a;b -- c /* d */'; SHOW NAMESPACES"), 2);
        Expect.messageResult(results.get(0), "Namespace 'q1' altered successfully", ROOT);
        assertOptions("q1", "{\"description\":\"a;b -- c /* d */\"}");
        Expect.message(root("ALTER NAMESPACE q1 SET DESCRIPTION 'it''s'"), "Namespace 'q1' altered successfully", ROOT);
        assertOptions("q1", "{\"description\":\"it's\"}");
    }

    @Test
    void paramsWithABatchAreRefusedAndNothingRuns() {
        ObjectNode body = Json.sqlBody("CREATE NAMESPACE p1; CREATE NAMESPACE p2");
        body.putArray("params").add(1);
        Expect.sqlErrorNoDetails(http.sqlWith(Http.bearer(rootToken), body), 400, "PARAMS_WITH_BATCH",
                "Parameters not supported with multi-statement batches");
        assertFalse(namespaces().containsKey("p1"), "nothing may run");
    }

    @Test
    void tooManyParams() {
        ObjectNode body = Json.sqlBody("SHOW NAMESPACES");
        ArrayNode params = body.putArray("params");
        for (int i = 0; i < 51; i++) {
            params.add(i);
        }
        Expect.sqlErrorNoDetails(http.sqlWith(Http.bearer(rootToken), body), 400, "SQL_EXECUTION_ERROR",
                "Parameter count exceeded: 51 parameters (maximum 50)");
    }

    @Test
    void oversizedParam() {
        ObjectNode body = Json.sqlBody("SHOW NAMESPACES");
        body.putArray("params").add("x".repeat(600_000));
        Expect.sqlErrorNoDetails(http.sqlWith(Http.bearer(rootToken), body), 400, "SQL_EXECUTION_ERROR",
                "Parameter size exceeded: $1 is 600002 bytes (maximum 524288 bytes, 512 KiB)");
    }

    // ---- request validation -------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", " ; ;; ", "-- only a comment", "/* only a block comment */"})
    void emptySql(String sql) {
        Expect.sqlErrorNoDetails(root(sql), 400, "EMPTY_SQL", "No SQL statements provided");
    }

    @Test
    void unterminatedStringLiteral() {
        Expect.sqlErrorMatching(root("CREATE NAMESPACE 'abc"), 400, "BATCH_PARSE_ERROR",
                Pattern.quote("Failed to split SQL batch: unterminated string literal at byte ") + "\\d+");
    }

    @Test
    void unterminatedCommentOrQuotedIdentifier() {
        Expect.sqlErrorMatching(root("SHOW NAMESPACES /* never closed"), 400, "BATCH_PARSE_ERROR",
                Pattern.quote("Failed to split SQL batch: ") + ".+");
        Expect.sqlErrorMatching(root("CREATE NAMESPACE \"abc"), 400, "BATCH_PARSE_ERROR",
                Pattern.quote("Failed to split SQL batch: ") + ".+");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{not json", "", "[1,2]", "{}", "{\"sql\":5}", "{\"sql\":null}", "\"SHOW NAMESPACES\""})
    void invalidJsonPayload(String body) {
        Response response = http.post(Http.SQL, body, "Authorization", Http.bearer(rootToken),
                "Content-Type", "application/json");
        JsonNode error = Expect.sqlErrorMatching(response, 400, "INVALID_INPUT", Pattern.quote("Invalid JSON payload: ") + ".*");
        Expect.keys(error, "code", "message");
    }

    @Test
    void paramsThatAreNotAnArrayAreAnInvalidParameter() {
        Expect.sqlErrorNoDetails(http.sqlWith(Http.bearer(rootToken), "{\"sql\":\"SELECT 1\",\"params\":\"x\"}"), 400,
                "INVALID_PARAMETER", "Params must be a JSON array");
    }

    @Test
    void unknownBodyFieldsAreIgnored() {
        Expect.sqlOk(http.sqlWith(Http.bearer(rootToken), "{\"sql\":\"SHOW NAMESPACES\",\"foo\":1}"), 1);
        Expect.sqlOk(http.sqlWith(Http.bearer(rootToken), "{\"sql\":\"SHOW NAMESPACES\",\"namespace_id\":\"ghost\"}"), 1);
    }

    @Test
    void unsupportedContentType() {
        Response response = http.post(Http.SQL, "{\"sql\":\"SHOW NAMESPACES\"}", "Authorization", Http.bearer(rootToken),
                "Content-Type", "text/plain");
        Expect.sqlErrorNoDetails(response, 400, "INVALID_INPUT",
                "Unsupported Content-Type 'text/plain'; use application/json or multipart/form-data");
        Response xml = http.post(Http.SQL, "{\"sql\":\"SHOW NAMESPACES\"}", "Authorization", Http.bearer(rootToken),
                "Content-Type", "application/xml");
        Expect.sqlErrorNoDetails(xml, 400, "INVALID_INPUT",
                "Unsupported Content-Type 'application/xml'; use application/json or multipart/form-data");
    }

    @Test
    void missingContentTypeIsJson() {
        Expect.sqlOk(http.post(Http.SQL, "{\"sql\":\"SHOW NAMESPACES\"}", "Authorization", Http.bearer(rootToken)), 1);
        Expect.sqlOk(http.post(Http.SQL, "{\"sql\":\"SHOW NAMESPACES\"}", "Authorization", Http.bearer(rootToken),
                "Content-Type", "application/json; charset=utf-8"), 1);
    }

    @Test
    void sqlLengthLimitCountsUtf8Bytes() {
        Expect.sqlOk(root(paddedSql(MAX_SQL_BYTES)), 1);
        Expect.sqlErrorNoDetails(root(paddedSql(MAX_SQL_BYTES + 1)), 400, "INVALID_SQL",
                "SQL query too long: 1048577 bytes (maximum 1048576 bytes)");
        String multiByte = "SHOW NAMESPACES -- " + "é".repeat(524_288);
        int bytes = multiByte.getBytes(StandardCharsets.UTF_8).length;
        assertTrue(multiByte.length() < MAX_SQL_BYTES && bytes > MAX_SQL_BYTES);
        Expect.sqlErrorNoDetails(root(multiByte), 400, "INVALID_SQL",
                "SQL query too long: " + bytes + " bytes (maximum 1048576 bytes)");
    }

    @Test
    void bodyOverTenMebibytesByContentLengthIs413() throws IOException {
        Response response = RawHttp.postWithLength("127.0.0.1", server.port(), Http.SQL, MAX_BODY_BYTES + 1L);
        JsonNode body = Expect.json(response, 413, "{\"error\":\"BODY_TOO_LARGE\",\"message\":\"Request body exceeds "
                + "maximum allowed size\",\"size_bytes\":10485761,\"max_bytes\":10485760}");
        Expect.keys(body, "error", "message", "size_bytes", "max_bytes");
        Expect.sqlOk(root("SHOW NAMESPACES"), 1);
    }

    @Test
    void chunkedBodyOverTenMebibytesIs413() throws IOException {
        Response response = RawHttp.postChunked("127.0.0.1", server.port(), Http.SQL, MAX_BODY_BYTES + 65_536L);
        Expect.json(response, 413, "{\"error\":\"BODY_TOO_LARGE\",\"message\":\"Request body exceeds "
                + "maximum allowed size\",\"max_bytes\":10485760}");
        Expect.sqlOk(root("SHOW NAMESPACES"), 1);
    }

    @Test
    void bodyOfExactlyTenMebibytesIsAccepted() {
        String envelope = "{\"sql\":\"\"}";
        String sql = paddedSql(MAX_BODY_BYTES - envelope.length());
        String body = Json.write(Json.sqlBody(sql));
        assertEquals(MAX_BODY_BYTES, body.getBytes(StandardCharsets.UTF_8).length);
        Expect.sqlErrorNoDetails(http.sqlWith(Http.bearer(rootToken), body), 400, "INVALID_SQL",
                "SQL query too long: " + sql.length() + " bytes (maximum 1048576 bytes)");
    }

    // ---- statements that are not built yet, and invalid statements -----------------------------------------------

    @Test
    void selectOneIsARowResult() {
        JsonNode result = Expect.sqlOk(root("SELECT 1"), 1).get(0);
        Expect.keys(result, "schema", "rows", "row_count", "as_user");
        assertEquals(Json.parse("{\"schema\":[{\"name\":\"1\",\"data_type\":\"BigInt\",\"index\":0}],"
                + "\"rows\":[[\"1\"]],\"row_count\":1,\"as_user\":\"root\"}"), result);
    }

    @Test
    void tableCountFollowsCreateTable() {
        Expect.message(root("CREATE NAMESPACE tc1"), "Namespace 'tc1' created successfully", ROOT);
        Expect.message(root("CREATE TABLE tc1.items (id BIGINT PRIMARY KEY, name TEXT)"),
                "Table tc1.items created successfully (shared)", ROOT);
        assertEquals(1, namespaces().get("tc1").get(4).asInt());
        Expect.message(root("CREATE TABLE tc1.events (id BIGINT PRIMARY KEY) WITH (TYPE = 'USER')"),
                "Table tc1.events created successfully (user)", ROOT);
        assertEquals(2, namespaces().get("tc1").get(4).asInt());
    }

    @ParameterizedTest
    @CsvSource({"BEGIN,BEGIN", "begin,BEGIN", "START TRANSACTION,START TRANSACTION", "COMMIT,COMMIT", "ROLLBACK,ROLLBACK"})
    void transactionStatementsAreNotImplemented(String sql, String keyword) {
        Expect.sqlErrorWithDetails(root(sql), 501, "NOT_IMPLEMENTED",
                "Statement 1 failed: " + keyword + " is not available in this version", sql);
    }

    @Test
    void notImplementedInABatchKeepsEarlierStatements() {
        Expect.sqlErrorWithDetails(root("CREATE NAMESPACE f1; BEGIN"), 501, "NOT_IMPLEMENTED",
                "Statement 2 failed: BEGIN is not available in this version", "BEGIN");
        assertTrue(namespaces().containsKey("f1"));
    }

    @Test
    void unknownStatementIsInvalidSql() {
        JsonNode error = Expect.sqlErrorMatching(root("FROBNICATE x"), 400, "INVALID_SQL",
                Pattern.quote("Statement 1 failed: Unsupported statement: FROBNICATE") + ".*");
        assertEquals("FROBNICATE x", error.path("details").asText());
        Expect.sqlErrorWithDetails(root("TRUNCATE TABLE app.items"), 400, "INVALID_SQL",
                "Statement 1 failed: Unsupported statement: TRUNCATE TABLE", "TRUNCATE TABLE app.items");
    }

    @Test
    void syntaxErrorIsInvalidSql() {
        Expect.sqlErrorMatching(root("CREATE NAMESPACE"), 400, "INVALID_SQL", Pattern.quote("Statement 1 failed: ") + ".+");
    }

    // ---- a role-user caller: RBAC and redaction ------------------------------------------------------------------

    @Test
    void userCanShowNamespaces() {
        assertEquals(EVE, Expect.sqlOk(eve("SHOW NAMESPACES"), 1).get(0).get("as_user").asText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"CREATE NAMESPACE evil", "ALTER NAMESPACE default SET DESCRIPTION 'x'",
        "DROP NAMESPACE default", "DROP NAMESPACE IF EXISTS ghost"})
    void userCannotRunNamespaceDdl(String sql) {
        Expect.sqlErrorNoDetails(eve(sql), 403, "PERMISSION_DENIED", "Statement 1 failed: " + NAMESPACE_DENIED);
    }

    @Test
    void userBatchFailsAtTheRefusedStatement() {
        Expect.sqlErrorNoDetails(eve("SHOW NAMESPACES; CREATE NAMESPACE evil"), 403, "PERMISSION_DENIED",
                "Statement 2 failed: " + NAMESPACE_DENIED);
    }

    @Test
    void userErrorsAreRedacted() {
        Expect.sqlErrorNoDetails(eve("FROBNICATE x"), 400, "INVALID_SQL", "SQL statement is invalid or not allowed");
        Expect.sqlErrorNoDetails(eve("CREATE NAMESPACE 'abc"), 400, "BATCH_PARSE_ERROR", "Failed to parse SQL batch");
    }

    @Test
    void userKeepsPreservedMessages() {
        Expect.sqlErrorNoDetails(eve(""), 400, "EMPTY_SQL", "No SQL statements provided");
        Expect.sqlErrorNoDetails(eve(paddedSql(MAX_SQL_BYTES + 1)), 400, "INVALID_SQL",
                "SQL query too long: 1048577 bytes (maximum 1048576 bytes)");
        Expect.sqlErrorNoDetails(eve("BEGIN"), 501, "NOT_IMPLEMENTED", "Statement 1 failed: BEGIN is not available in this version");
        Expect.sqlErrorNoDetails(eve("USE ghost"), 400, "SQL_EXECUTION_ERROR", "Statement 1 failed: Namespace 'ghost' does not exist");
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private static Response root(String sql) {
        return http.sql(rootToken, sql);
    }

    private static Response eve(String sql) {
        return http.sql(eveToken, sql);
    }

    /** SHOW NAMESPACES rows keyed by namespace_id. */
    private static Map<String, JsonNode> namespaces() {
        Map<String, JsonNode> rows = new LinkedHashMap<>();
        Expect.sqlOk(root("SHOW NAMESPACES"), 1).get(0).get("rows").forEach(r -> rows.put(r.get(0).asText(), r));
        return rows;
    }

    /** The options cell of a namespace is a string of compact JSON equal to {@code expected}. */
    private static void assertOptions(String namespace, String expected) {
        JsonNode cell = namespaces().get(namespace).get(3);
        assertTrue(cell.isTextual(), () -> "a Json cell is a string: " + cell);
        String text = cell.asText();
        assertEquals(Json.parse(expected), Json.parse(text), () -> "options of " + namespace + ": " + text);
        assertFalse(text.contains("\": ") || text.contains(", \""), () -> "options JSON must be compact: " + text);
    }

    /** {@code SHOW NAMESPACES} padded with a line comment to exactly {@code bytes} UTF-8 bytes. */
    private static String paddedSql(int bytes) {
        String head = "SHOW NAMESPACES -- ";
        return head + "x".repeat(bytes - head.length());
    }

    private static long nowMicros() {
        return System.currentTimeMillis() * 1000;
    }
}
