package io.kalamdb.e2e;

import static io.kalamdb.e2e.SqlE2ESupport.ROOT;
import static io.kalamdb.e2e.SqlE2ESupport.affected;
import static io.kalamdb.e2e.SqlE2ESupport.assertRows;
import static io.kalamdb.e2e.SqlE2ESupport.assertSchema;
import static io.kalamdb.e2e.SqlE2ESupport.bigInt;
import static io.kalamdb.e2e.SqlE2ESupport.col;
import static io.kalamdb.e2e.SqlE2ESupport.columnText;
import static io.kalamdb.e2e.SqlE2ESupport.rowResult;
import static io.kalamdb.e2e.SqlE2ESupport.sqlParams;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
 * INSERT, UPDATE and DELETE (sql.md §6; storage.md §2–§6, §10): defaults, parameters, INSERT … SELECT, expressions,
 * tombstones, primary-key and NOT NULL violations, statement atomicity, concurrent inserts of one key, per-user
 * isolation of USER and STREAM tables, STREAM TTL, and the not-yet-built transaction statements.
 */
@Timeout(value = 5, unit = TimeUnit.SECONDS)
class SqlDmlE2ETest {

    private static final String NS = "dml";
    private static final String ALICE = "alice";
    private static final String BOB = "bob";
    private static final String DANA = "dana";
    private static final long SNOWFLAKE_EPOCH_MS = 1_704_067_200_000L;

    private static ServerProcess server;
    private static Http http;
    private static String rootToken;
    private static String aliceToken;
    private static String bobToken;
    private static String danaToken;

    @BeforeAll
    @Timeout(value = 35, unit = TimeUnit.SECONDS)
    static void startServer() {
        server = ServerProcess.startDefault();
        http = new Http(server.baseUrl());
        rootToken = http.login(ROOT, ServerProcess.ROOT_PASSWORD);
        Expect.message(root("CREATE NAMESPACE " + NS), "Namespace '" + NS + "' created successfully", ROOT);
        aliceToken = SqlE2ESupport.createUserAndLogin(http, rootToken, ALICE, "Alice-Pass-2024!", "user");
        bobToken = SqlE2ESupport.createUserAndLogin(http, rootToken, BOB, "Bob-Pass-2024!", "user");
        danaToken = SqlE2ESupport.createUserAndLogin(http, rootToken, DANA, "Dana-Pass-2024!", "dba");
    }

    @AfterAll
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    // ---- INSERT -----------------------------------------------------------------------------------------------------

    @Test
    void multiRowInsertWithColumnListAppliesDefaults() {
        createTable("CREATE USER TABLE dml.msgs (id BIGINT PRIMARY KEY DEFAULT SNOWFLAKE_ID(), body TEXT NOT NULL, "
                + "author TEXT DEFAULT CURRENT_USER(), created_at TIMESTAMP DEFAULT NOW(), status TEXT DEFAULT 'new', "
                + "n INT)", "dml.msgs", "user");
        long beforeMs = System.currentTimeMillis();
        JsonNode result = Expect.sqlOk(root("INSERT INTO dml.msgs (body) VALUES ('a'), ('b'), ('c')"), 1).get(0);
        long afterMs = System.currentTimeMillis();
        Expect.messageResult(result, "Inserted 3 row(s)", ROOT, 3);

        JsonNode rows = rowResult(root("SELECT * FROM dml.msgs"), ROOT);
        assertSchema(rows, col("id", "BigInt", "nn", "pk", "uq"), col("body", "Text", "nn"), col("author", "Text"),
                col("created_at", "Timestamp"), col("status", "Text"), col("n", "Int"), col("_seq", "BigInt", "nn"),
                col("_deleted", "Boolean", "nn"));
        assertEquals(List.of("a", "b", "c"), columnText(rows, 1), "default order is by primary key (insertion order here)");
        long previousId = 0;
        long previousSeq = 0;
        JsonNode createdAt = rows.get("rows").get(0).get(3);
        for (JsonNode row : rows.get("rows")) {
            long id = bigInt(row.get(0));
            long idMs = (id >> 22) + SNOWFLAKE_EPOCH_MS;
            assertTrue(idMs >= beforeMs - 1000 && idMs <= afterMs + 1000, () -> "SNOWFLAKE_ID() encodes now: " + row);
            assertTrue(id > previousId, () -> "ids increase: " + rows);
            previousId = id;
            assertEquals(ROOT, row.get(2).asText());
            assertEquals(createdAt, row.get(3), "NOW() is evaluated once per statement");
            long micros = row.get(3).asLong();
            assertTrue(row.get(3).isIntegralNumber() && micros >= (beforeMs - 1000) * 1000 && micros <= (afterMs + 1000) * 1000,
                    () -> "created_at in µs around now: " + row);
            assertEquals("new", row.get(4).asText());
            assertTrue(row.get(5).isNull());
            long seq = bigInt(row.get(6));
            assertTrue(seq > previousSeq, () -> "_seq increases: " + rows);
            previousSeq = seq;
            assertEquals(false, row.get(7).asBoolean());
        }

        affected(http.sql(aliceToken, "INSERT INTO dml.msgs (body, status) VALUES ('mine', 'sent')"),
                "Inserted 1 row(s)", 1, ALICE);
        assertRows(rowResult(http.sql(aliceToken, "SELECT body, author, status FROM dml.msgs"), ALICE),
                "[[\"mine\",\"alice\",\"sent\"]]");
    }

    @Test
    void defaultKeywordWritesTheColumnDefault() {
        Expect.sqlOk(root("CREATE TABLE " + NS + ".kw_default (id BIGINT PRIMARY KEY DEFAULT SNOWFLAKE_ID(), "
                + "status TEXT DEFAULT 'active', n INT NOT NULL DEFAULT 7, note TEXT)"), 1);
        affected(root("INSERT INTO " + NS + ".kw_default VALUES (DEFAULT, DEFAULT, DEFAULT, DEFAULT), "
                + "(DEFAULT, 'x', 1, 'y')"), "Inserted 2 row(s)", 2, ROOT);
        assertRows(rowResult(root("SELECT status, n, note, id > 0 FROM " + NS + ".kw_default ORDER BY n DESC"), ROOT),
                "[[\"active\",7,null,true],[\"x\",1,\"y\",true]]");
        Expect.sqlOk(root("CREATE TABLE " + NS + ".kw_nodefault (id INT PRIMARY KEY, n INT)"), 1);
        assertError("INSERT INTO " + NS + ".kw_nodefault (id, n) VALUES (DEFAULT, 5)",
                "NOT NULL constraint violation: column 'id' cannot be NULL (row 1)");
        affected(root("UPDATE " + NS + ".kw_default SET status = DEFAULT, note = DEFAULT WHERE n = 1"),
                "Updated 1 row(s)", 1, ROOT);
        assertRows(rowResult(root("SELECT status, note FROM " + NS + ".kw_default WHERE n = 1"), ROOT),
                "[[\"active\",null]]");
    }

    @Test
    void decimalLiteralsAreWrittenExactly() {
        Expect.sqlOk(root("CREATE TABLE " + NS + ".exact (id INT PRIMARY KEY, c DECIMAL(38,10), d DOUBLE)"), 1);
        affected(root("INSERT INTO " + NS + ".exact VALUES (1, 12345678901234567890.123456789, 0.1)"),
                "Inserted 1 row(s)", 1, ROOT);
        assertRows(rowResult(root("SELECT c, d FROM " + NS + ".exact WHERE c = 12345678901234567890.123456789"), ROOT),
                "[[\"12345678901234567890.1234567890\",0.1]]");
    }

    @Test
    void whereClausesComputeWithConstants() {
        Expect.sqlOk(root("CREATE TABLE " + NS + ".computed (id INT PRIMARY KEY, name TEXT, qty INT)"), 1);
        affected(root("INSERT INTO " + NS + ".computed VALUES (1, 'ab', 100), (2, 'b', 101), (3, 'c', 7)"),
                "Inserted 3 row(s)", 3, ROOT);
        affected(root("UPDATE " + NS + ".computed SET qty = qty - 1 WHERE qty - 1 >= 100"), "Updated 1 row(s)", 1,
                ROOT);
        affected(root("DELETE FROM " + NS + ".computed WHERE name = 'a' || 'b'"), "Deleted 1 row(s)", 1, ROOT);
        affected(root("DELETE FROM " + NS + ".computed WHERE id = abs(-3)"), "Deleted 1 row(s)", 1, ROOT);
        affected(sqlParams(http, rootToken, "UPDATE " + NS + ".computed SET name = 'z' WHERE id = $1 + 1", 1),
                "Updated 1 row(s)", 1, ROOT);
        assertRows(rowResult(root("SELECT id, name, qty FROM " + NS + ".computed"), ROOT), "[[2,\"z\",100]]");
    }

    @Test
    void insertWithoutColumnListTargetsEveryUserColumn() {
        createTable("CREATE TABLE dml.plain (id INT PRIMARY KEY, name TEXT, score DOUBLE)", "dml.plain", "shared");
        affected(root("INSERT INTO dml.plain VALUES (2, 'two', 2.5), (1, 'one', NULL)"), "Inserted 2 row(s)", 2, ROOT);
        assertRows(rowResult(root("SELECT id, name, score FROM dml.plain"), ROOT), "[[1,\"one\",null],[2,\"two\",2.5]]");
    }

    @Test
    void parametersAreBoundAsValuesNeverAsSql() {
        createTable("CREATE TABLE dml.params (id INT PRIMARY KEY, v TEXT, n BIGINT, ok BOOLEAN)", "dml.params", "shared");
        String hostile = "x'); DROP TABLE t; --";
        affected(sqlParams(http, rootToken, "INSERT INTO dml.params (id, v, n, ok) VALUES ($1, $2, $3, $4)",
                1, hostile, 9_007_199_254_741_991L, true), "Inserted 1 row(s)", 1, ROOT);
        affected(sqlParams(http, rootToken, "INSERT INTO dml.params (id, v) VALUES ($1, $2)", 2, null),
                "Inserted 1 row(s)", 1, ROOT);
        JsonNode result = rowResult(sqlParams(http, rootToken, "SELECT id, v, n, ok FROM dml.params WHERE id = $1", 1), ROOT);
        assertRows(result, "[[1," + Json.write(hostile) + ",\"9007199254741991\",true]]");
        assertRows(rowResult(sqlParams(http, rootToken, "SELECT id FROM dml.params WHERE v = $1", hostile), ROOT), "[[1]]");
        assertRows(rowResult(root("SELECT id, v FROM dml.params WHERE id = 2"), ROOT), "[[2,null]]");
        affected(sqlParams(http, rootToken, "DELETE FROM dml.params WHERE id = $1", 2), "Deleted 1 row(s)", 1, ROOT);

        String missing = "INSERT INTO dml.params (id, v, n) VALUES ($1, $2, $3)";
        // parameter validation comes before statement execution: no "Statement N failed:" prefix (http-api.md §5.10)
        Expect.sqlErrorNoDetails(sqlParams(http, rootToken, missing, 3, "a"), 400, "SQL_EXECUTION_ERROR",
                "Parameter $3 has no value (2 parameters given)");
        Expect.sqlErrorNoDetails(sqlParams(http, rootToken, "SELECT '$9', $2 AS b -- $7", 1), 400,
                "SQL_EXECUTION_ERROR", "Parameter $2 has no value (1 parameters given)");
        String wrongType = "INSERT INTO dml.params (id, v) VALUES ($1, $2)";
        Expect.sqlErrorWithDetails(sqlParams(http, rootToken, wrongType, "abc", "a"), 400, "SQL_EXECUTION_ERROR",
                "Statement 1 failed: Parameter $1 invalid: cannot convert 'abc' to INT", wrongType);
        assertRows(rowResult(root("SELECT COUNT(*) FROM dml.params"), ROOT), "[[\"1\"]]");
    }

    @Test
    void parametersInUpdateSetAndWhere() {
        createTable("CREATE TABLE dml.uparams (id INT PRIMARY KEY, v TEXT, n BIGINT)", "dml.uparams", "shared");
        affected(root("INSERT INTO dml.uparams VALUES (1, 'a', 1), (2, 'b', 2)"), "Inserted 2 row(s)", 2, ROOT);
        affected(sqlParams(http, rootToken, "UPDATE dml.uparams SET v = 'z' WHERE id = $1", 1),
                "Updated 1 row(s)", 1, ROOT);
        affected(sqlParams(http, rootToken, "UPDATE dml.uparams SET v = $1, n = $2 WHERE id = $3", "p", 5, 2),
                "Updated 1 row(s)", 1, ROOT);
        assertRows(rowResult(root("SELECT id, v, n FROM dml.uparams"), ROOT), "[[1,\"z\",\"1\"],[2,\"p\",\"5\"]]");
    }

    @Test
    void insertSelect() {
        createTable("CREATE TABLE dml.src (id INT PRIMARY KEY, v TEXT)", "dml.src", "shared");
        createTable("CREATE TABLE dml.dst (id INT PRIMARY KEY, v TEXT, note TEXT DEFAULT 'copied')", "dml.dst", "shared");
        affected(root("INSERT INTO dml.src VALUES (1, 'a'), (2, 'b'), (3, 'c')"), "Inserted 3 row(s)", 3, ROOT);
        affected(root("INSERT INTO dml.dst (id, v) SELECT id * 10, upper(v) FROM dml.src WHERE id < 3"),
                "Inserted 2 row(s)", 2, ROOT);
        assertRows(rowResult(root("SELECT id, v, note FROM dml.dst"), ROOT),
                "[[10,\"A\",\"copied\"],[20,\"B\",\"copied\"]]");
        assertError("INSERT INTO dml.dst (id, v) SELECT 10, v FROM dml.src WHERE id = 3",
                "Primary key violation: value '10' already exists in column 'id'");
    }

    // ---- UPDATE -----------------------------------------------------------------------------------------------------

    @Test
    void updateWithExpressionsAndNoOps() {
        createTable("CREATE TABLE dml.counter (id INT PRIMARY KEY, n INT NOT NULL, label TEXT)", "dml.counter", "shared");
        affected(root("INSERT INTO dml.counter VALUES (1, 10, 'a'), (2, 20, 'b'), (3, 30, 'c')"), "Inserted 3 row(s)", 3, ROOT);
        List<String> seqBefore = columnText(rowResult(root("SELECT _seq FROM dml.counter"), ROOT), 0);

        JsonNode updated = Expect.sqlOk(root("UPDATE dml.counter SET n = n + 1, label = label || '!' WHERE id < 3"), 1).get(0);
        Expect.messageResult(updated, "Updated 2 row(s)", ROOT, 2);
        JsonNode rows = rowResult(root("SELECT id, n, label, _seq FROM dml.counter"), ROOT);
        assertEquals(List.of("11", "21", "30"), columnText(rows, 1));
        assertEquals(List.of("a!", "b!", "c"), columnText(rows, 2));
        List<String> seqAfter = columnText(rows, 3);
        assertTrue(Long.parseLong(seqAfter.get(0)) > Long.parseLong(seqBefore.get(2)), "an update writes a new _seq");
        assertEquals(seqBefore.get(2), seqAfter.get(2), "an untouched row keeps its _seq");

        affected(root("UPDATE dml.counter SET label = 'c' WHERE id = 3"), "Updated 0 row(s)", 0, ROOT);
        affected(root("UPDATE dml.counter SET n = n"), "Updated 0 row(s)", 0, ROOT);
        affected(root("UPDATE dml.counter SET n = 0 WHERE id = 99"), "Updated 0 row(s)", 0, ROOT);
        assertEquals(seqAfter, columnText(rowResult(root("SELECT _seq FROM dml.counter"), ROOT), 0),
                "no-op updates write nothing");

        assertError("UPDATE dml.counter SET id = 5 WHERE id = 1", "Cannot update primary key column 'id'");
        assertError("UPDATE dml.counter SET _deleted = true", "Cannot write system column '_deleted'");
        assertError("UPDATE dml.counter SET n = NULL WHERE id = 1", "NOT NULL constraint violation: column 'n' cannot be NULL");
        assertError("UPDATE dml.counter SET n = CASE WHEN id = 3 THEN NULL ELSE 0 END",
                "NOT NULL constraint violation: column 'n' cannot be NULL");
        assertEquals(List.of("11", "21", "30"), columnText(rowResult(root("SELECT n FROM dml.counter"), ROOT), 0),
                "a failed UPDATE changes no row");
    }

    // ---- DELETE -----------------------------------------------------------------------------------------------------

    @Test
    void deleteWritesTombstonesAndTheKeyCanBeReused() {
        createTable("CREATE TABLE dml.soft (id INT PRIMARY KEY, v TEXT)", "dml.soft", "shared");
        affected(root("INSERT INTO dml.soft VALUES (1, 'a'), (2, 'b'), (3, 'c')"), "Inserted 3 row(s)", 3, ROOT);
        affected(root("UPDATE dml.soft SET v = 'b2' WHERE id = 2"), "Updated 1 row(s)", 1, ROOT);
        JsonNode deleted = Expect.sqlOk(root("DELETE FROM dml.soft WHERE id = 2"), 1).get(0);
        Expect.messageResult(deleted, "Deleted 1 row(s)", ROOT, 1);
        affected(root("DELETE FROM dml.soft WHERE id = 2"), "Deleted 0 row(s)", 0, ROOT);
        affected(root("DELETE FROM dml.soft WHERE id = 42"), "Deleted 0 row(s)", 0, ROOT);

        assertRows(rowResult(root("SELECT id, v FROM dml.soft"), ROOT), "[[1,\"a\"],[3,\"c\"]]");
        JsonNode tombstones = rowResult(root("SELECT id, v, _deleted FROM dml.soft WHERE _deleted = true"), ROOT);
        assertSchema(tombstones, col("id", "Int", "nn", "pk", "uq"), col("v", "Text"), col("_deleted", "Boolean", "nn"));
        assertRows(tombstones, "[[2,\"b2\",true]]");
        assertRows(rowResult(root("SELECT COUNT(*) FROM dml.soft"), ROOT), "[[\"2\"]]");

        affected(root("INSERT INTO dml.soft VALUES (2, 'again')"), "Inserted 1 row(s)", 1, ROOT);
        assertRows(rowResult(root("SELECT id, v, _deleted FROM dml.soft"), ROOT),
                "[[1,\"a\",false],[2,\"again\",false],[3,\"c\",false]]");
        assertRows(rowResult(root("SELECT id FROM dml.soft WHERE _deleted = true"), ROOT), "[]");

        affected(root("DELETE FROM dml.soft"), "Deleted 3 row(s)", 3, ROOT);
        assertRows(rowResult(root("SELECT id FROM dml.soft"), ROOT), "[]");
        assertRows(rowResult(root("SELECT id FROM dml.soft WHERE _deleted = true"), ROOT), "[[1],[2],[3]]");
    }

    // ---- violations and atomicity -----------------------------------------------------------------------------------

    @Test
    void primaryKeyViolations() {
        createTable("CREATE TABLE dml.keys (id INT PRIMARY KEY, v TEXT)", "dml.keys", "shared");
        createTable("CREATE TABLE dml.tkeys (code TEXT PRIMARY KEY, v TEXT)", "dml.tkeys", "shared");
        createTable("CREATE TABLE dml.skeys (id BIGINT PRIMARY KEY DEFAULT SNOWFLAKE_ID(), v TEXT)", "dml.skeys", "shared");
        assertError("INSERT INTO dml.keys VALUES (1, 'a'), (2, 'b'), (1, 'c')",
                "Primary key violation: value '1' appears multiple times in the insert batch");
        affected(root("INSERT INTO dml.keys VALUES (1, 'a'), (2, 'b')"), "Inserted 2 row(s)", 2, ROOT);
        assertError("INSERT INTO dml.keys VALUES (3, 'c'), (2, 'x')",
                "Primary key violation: value '2' already exists in column 'id'");
        affected(root("UPDATE dml.keys SET v = 'z' WHERE id = 1"), "Updated 1 row(s)", 1, ROOT);
        assertError("INSERT INTO dml.keys VALUES (1, 'y')", "Primary key violation: value '1' already exists in column 'id'");

        affected(root("INSERT INTO dml.tkeys VALUES ('k1', 'a')"), "Inserted 1 row(s)", 1, ROOT);
        assertError("INSERT INTO dml.tkeys VALUES ('k1', 'b')",
                "Primary key violation: value 'k1' already exists in column 'code'");

        affected(root("INSERT INTO dml.skeys (v) VALUES ('auto')"), "Inserted 1 row(s)", 1, ROOT);
        String id = rowResult(root("SELECT id FROM dml.skeys"), ROOT).get("rows").get(0).get(0).asText();
        assertError("INSERT INTO dml.skeys (id, v) VALUES (" + id + ", 'explicit')",
                "Primary key violation: value '" + id + "' already exists in column 'id'");
        assertRows(rowResult(root("SELECT id, v FROM dml.keys"), ROOT), "[[1,\"z\"],[2,\"b\"]]");
    }

    @Test
    void notNullViolationNamesTheRow() {
        createTable("CREATE TABLE dml.required (id INT PRIMARY KEY, name TEXT NOT NULL, note TEXT)", "dml.required", "shared");
        assertError("INSERT INTO dml.required (id, name) VALUES (1, 'a'), (2, NULL)",
                "NOT NULL constraint violation: column 'name' cannot be NULL (row 2)");
        assertError("INSERT INTO dml.required (id, note) VALUES (1, 'no name')",
                "NOT NULL constraint violation: column 'name' cannot be NULL (row 1)");
        assertError("INSERT INTO dml.required (name) VALUES ('no id')",
                "NOT NULL constraint violation: column 'id' cannot be NULL (row 1)");
        assertRows(rowResult(root("SELECT COUNT(*) FROM dml.required"), ROOT), "[[\"0\"]]");
    }

    static Stream<Arguments> badRows() {
        return Stream.of(
                Arguments.of("INSERT INTO dml.allornothing VALUES (10, 'a', true), (11, 'b', 'yes')",
                        "Cannot convert 'yes' to BOOLEAN for column 'flag'"),
                Arguments.of("INSERT INTO dml.allornothing VALUES (10, 'a', true), (1, 'dup', false)",
                        "Primary key violation: value '1' already exists in column 'id'"),
                Arguments.of("INSERT INTO dml.allornothing VALUES (10, 'a', true), (11, NULL, false), (12, 'c', true)",
                        "NOT NULL constraint violation: column 'name' cannot be NULL (row 2)"),
                Arguments.of("INSERT INTO dml.allornothing VALUES (10, 'a', true), (11, 'b', true), (10, 'c', true)",
                        "Primary key violation: value '10' appears multiple times in the insert batch"),
                Arguments.of("INSERT INTO dml.allornothing (id, name, flag, ghost) VALUES (10, 'a', true, 1)",
                        "Column 'ghost' does not exist in table dml.allornothing"),
                Arguments.of("INSERT INTO dml.allornothing (id, name) VALUES (10, 'a', true)",
                        "INSERT has 3 values but 2 target columns"),
                Arguments.of("INSERT INTO dml.allornothing (id, name, _seq) VALUES (10, 'a', 1)",
                        "Cannot write system column '_seq'"));
    }

    @ParameterizedTest
    @MethodSource("badRows")
    void aStatementWithOneBadRowWritesNothing(String sql, String message) {
        Expect.sqlOk(root("CREATE TABLE IF NOT EXISTS dml.allornothing (id INT PRIMARY KEY, name TEXT NOT NULL, "
                + "flag BOOLEAN)"), 1);
        Expect.sqlOk(root("DELETE FROM dml.allornothing"), 1);
        affected(root("INSERT INTO dml.allornothing VALUES (1, 'one', false)"), "Inserted 1 row(s)", 1, ROOT);
        assertError(sql, message);
        assertRows(rowResult(root("SELECT id, name, flag FROM dml.allornothing"), ROOT), "[[1,\"one\",false]]");
    }

    @Test
    void nonReservedWordsWorkAsTableNames() {
        createTable("CREATE TABLE dml.atomic (id INT PRIMARY KEY, v TEXT)", "dml.atomic", "shared");
        affected(root("INSERT INTO dml.atomic VALUES (1, 'a'), (2, 'b')"), "Inserted 2 row(s)", 2, ROOT);
        affected(root("UPDATE dml.atomic SET v = 'c' WHERE id = 2"), "Updated 1 row(s)", 1, ROOT);
        affected(root("DELETE FROM dml.atomic WHERE id = 1"), "Deleted 1 row(s)", 1, ROOT);
        assertRows(rowResult(root("SELECT id, v FROM dml.atomic"), ROOT), "[[2,\"c\"]]");
    }

    @Test
    void aFailingStatementKeepsEarlierStatementsOfTheRequest() {
        createTable("CREATE TABLE dml.batch (id INT PRIMARY KEY)", "dml.batch", "shared");
        Expect.sqlErrorWithDetails(root("INSERT INTO dml.batch VALUES (1); INSERT INTO dml.batch VALUES (1); "
                        + "INSERT INTO dml.batch VALUES (2)"), 400, "SQL_EXECUTION_ERROR",
                "Statement 2 failed: Primary key violation: value '1' already exists in column 'id'",
                "INSERT INTO dml.batch VALUES (1)");
        assertRows(rowResult(root("SELECT id FROM dml.batch"), ROOT), "[[1]]");
    }

    @Test
    void concurrentInsertsOfOneKeyLetExactlyOneWin() throws InterruptedException, ExecutionException {
        createTable("CREATE TABLE dml.race (id INT PRIMARY KEY, v TEXT)", "dml.race", "shared");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int key = 1; key <= 10; key++) {
                CyclicBarrier barrier = new CyclicBarrier(2);
                List<Future<Response>> futures = new ArrayList<>();
                for (String value : List.of("first", "second")) {
                    String sql = "INSERT INTO dml.race (id, v) VALUES (" + key + ", '" + value + "')";
                    futures.add(pool.submit(() -> {
                        barrier.await(4, TimeUnit.SECONDS);
                        return root(sql);
                    }));
                }
                List<String> winners = new ArrayList<>();
                int losers = 0;
                for (int i = 0; i < 2; i++) {
                    Response response = futures.get(i).get(4, TimeUnit.SECONDS);
                    if (response.status() == 200) {
                        affected(response, "Inserted 1 row(s)", 1, ROOT);
                        winners.add(i == 0 ? "first" : "second");
                    } else {
                        Expect.sqlError(response, 400, "SQL_EXECUTION_ERROR",
                                "Statement 1 failed: Primary key violation: value '" + key + "' already exists in column 'id'");
                        losers++;
                    }
                }
                int k = key;
                assertEquals(1, winners.size(), () -> "exactly one insert of key " + k + " succeeds");
                assertEquals(1, losers);
                assertRows(rowResult(root("SELECT id, v FROM dml.race WHERE id = " + key), ROOT),
                        "[[" + key + ",\"" + winners.get(0) + "\"]]");
            }
        } catch (TimeoutException e) {
            throw new AssertionError("a concurrent insert did not answer", e);
        } finally {
            pool.shutdownNow();
        }
        assertRows(rowResult(root("SELECT COUNT(*) FROM dml.race"), ROOT), "[[\"10\"]]");
    }

    @Test
    void writesToSystemTablesAndMissingTables() {
        String sql = "INSERT INTO system.users (user_id, role) VALUES ('mallory', 'dba')";
        Expect.sqlErrorWithDetails(root(sql), 400, "SQL_EXECUTION_ERROR",
                "Statement 1 failed: Table 'system.users' is read-only", sql);
        Expect.sqlErrorWithDetails(root("DELETE FROM system.jobs"), 400, "SQL_EXECUTION_ERROR",
                "Statement 1 failed: Table 'system.jobs' is read-only", "DELETE FROM system.jobs");
        Expect.sqlErrorNoDetails(http.sql(aliceToken, sql), 403, "PERMISSION_DENIED",
                "Statement 1 failed: Access denied: system tables require the dba or system role");
        Expect.sqlErrorNoDetails(http.sql(aliceToken, "UPDATE system.users SET role = 'dba'"), 403, "PERMISSION_DENIED",
                "Statement 1 failed: Access denied: system tables require the dba or system role");
        Expect.sqlErrorWithDetails(root("INSERT INTO dml.nowhere VALUES (1)"), 404, "TABLE_NOT_FOUND",
                "Statement 1 failed: Table 'dml.nowhere' not found", "INSERT INTO dml.nowhere VALUES (1)");
        Expect.sqlErrorNoDetails(http.sql(aliceToken, "INSERT INTO dml.nowhere VALUES (1)"), 404, "TABLE_NOT_FOUND",
                "SQL statement failed");
        JsonNode users = rowResult(root("SELECT user_id FROM system.users WHERE user_id = 'mallory'"), ROOT);
        assertRows(users, "[]");
    }

    @Test
    void sharedTableWritesFollowTheAccessLevel() {
        createTable("CREATE TABLE dml.board (id INT PRIMARY KEY, v TEXT) WITH (ACCESS_LEVEL = 'PUBLIC')", "dml.board", "shared");
        affected(root("INSERT INTO dml.board VALUES (1, 'hello')"), "Inserted 1 row(s)", 1, ROOT);
        assertRows(rowResult(http.sql(aliceToken, "SELECT id, v FROM dml.board"), ALICE), "[[1,\"hello\"]]");
        Expect.sqlErrorNoDetails(http.sql(aliceToken, "INSERT INTO dml.board VALUES (2, 'mine')"), 403, "PERMISSION_DENIED",
                "Statement 1 failed: Permission denied: role 'user' cannot write shared table 'dml.board' (access level public)");
        createTable("CREATE TABLE dml.vault (id INT PRIMARY KEY)", "dml.vault", "shared");
        Expect.sqlErrorNoDetails(http.sql(aliceToken, "SELECT * FROM dml.vault"), 403, "PERMISSION_DENIED",
                "Statement 1 failed: Permission denied: role 'user' cannot read shared table 'dml.vault' (access level private)");
    }

    @Test
    void returningAndOnConflict() {
        createTable("CREATE TABLE dml.later (id INT PRIMARY KEY)", "dml.later", "shared");
        String returning = "INSERT INTO dml.later (id) VALUES (1) RETURNING id";
        Expect.sqlErrorWithDetails(root(returning), 501, "NOT_IMPLEMENTED",
                "Statement 1 failed: RETURNING is not available in this version", returning);
        String conflict = "INSERT INTO dml.later (id) VALUES (1) ON CONFLICT (id) DO NOTHING";
        Expect.sqlErrorWithDetails(root(conflict), 400, "INVALID_SQL", "Statement 1 failed: ON CONFLICT is not supported",
                conflict);
        assertRows(rowResult(root("SELECT id FROM dml.later"), ROOT), "[]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"BEGIN", "START TRANSACTION", "COMMIT", "ROLLBACK"})
    void transactionStatementsAreNotImplemented(String sql) {
        Expect.sqlErrorWithDetails(root(sql), 501, "NOT_IMPLEMENTED",
                "Statement 1 failed: " + sql + " is not available in this version", sql);
        Expect.sqlErrorNoDetails(http.sql(aliceToken, sql), 501, "NOT_IMPLEMENTED",
                "Statement 1 failed: " + sql + " is not available in this version");
    }

    @Test
    void beginInABatchStopsTheBatch() {
        createTable("CREATE TABLE dml.tx (id INT PRIMARY KEY)", "dml.tx", "shared");
        Expect.sqlErrorWithDetails(root("INSERT INTO dml.tx VALUES (1); BEGIN; INSERT INTO dml.tx VALUES (2)"), 501,
                "NOT_IMPLEMENTED", "Statement 2 failed: BEGIN is not available in this version", "BEGIN");
        assertRows(rowResult(root("SELECT id FROM dml.tx"), ROOT), "[[1]]");
    }

    // ---- per-user isolation -----------------------------------------------------------------------------------------

    @Test
    void userTableRowsAreIsolatedPerUser() {
        createTable("CREATE USER TABLE dml.private (id INT PRIMARY KEY, secret TEXT)", "dml.private", "user");
        affected(http.sql(aliceToken, "INSERT INTO dml.private VALUES (1, 'alice-1'), (2, 'alice-2')"),
                "Inserted 2 row(s)", 2, ALICE);
        affected(http.sql(bobToken, "INSERT INTO dml.private VALUES (1, 'bob-1')"), "Inserted 1 row(s)", 1, BOB);
        Expect.sqlErrorNoDetails(http.sql(bobToken, "INSERT INTO dml.private VALUES (1, 'bob-again')"), 400,
                "SQL_EXECUTION_ERROR", "Statement 1 failed: Primary key violation: value '1' already exists in column 'id'");

        assertRows(rowResult(http.sql(aliceToken, "SELECT id, secret FROM dml.private"), ALICE),
                "[[1,\"alice-1\"],[2,\"alice-2\"]]");
        assertRows(rowResult(http.sql(bobToken, "SELECT id, secret FROM dml.private"), BOB), "[[1,\"bob-1\"]]");
        assertRows(rowResult(root("SELECT id, secret FROM dml.private"), ROOT), "[]");
        assertRows(rowResult(http.sql(danaToken, "SELECT id, secret FROM dml.private"), DANA), "[]");
        assertRows(rowResult(http.sql(danaToken, "SELECT COUNT(*) FROM dml.private WHERE secret LIKE 'alice%'"), DANA),
                "[[\"0\"]]");
        assertRows(rowResult(http.sql(danaToken, "SELECT id FROM dml.private WHERE _deleted = true"), DANA), "[]");

        affected(http.sql(bobToken, "UPDATE dml.private SET secret = 'stolen' WHERE id = 2"), "Updated 0 row(s)", 0, BOB);
        affected(http.sql(bobToken, "UPDATE dml.private SET secret = 'bob-x'"), "Updated 1 row(s)", 1, BOB);
        affected(http.sql(danaToken, "DELETE FROM dml.private"), "Deleted 0 row(s)", 0, DANA);
        affected(http.sql(bobToken, "DELETE FROM dml.private"), "Deleted 1 row(s)", 1, BOB);
        assertRows(rowResult(http.sql(aliceToken, "SELECT id, secret FROM dml.private"), ALICE),
                "[[1,\"alice-1\"],[2,\"alice-2\"]]");
        assertRows(rowResult(http.sql(bobToken, "SELECT id, secret FROM dml.private WHERE _deleted = true"), BOB),
                "[[1,\"bob-x\"]]");
        affected(http.sql(bobToken, "INSERT INTO dml.private VALUES (2, 'bob-2')"), "Inserted 1 row(s)", 1, BOB);
    }

    @Test
    void streamRowsAreIsolatedAndCannotBeUpdated() {
        createTable("CREATE STREAM TABLE dml.events (kind TEXT, payload TEXT) WITH (TTL_SECONDS = 3600)", "dml.events", "stream");
        affected(http.sql(aliceToken, "INSERT INTO dml.events VALUES ('click', 'a1')"), "Inserted 1 row(s)", 1, ALICE);
        affected(http.sql(aliceToken, "INSERT INTO dml.events VALUES ('click', 'a1'), ('view', 'a2')"),
                "Inserted 2 row(s)", 2, ALICE);
        affected(http.sql(bobToken, "INSERT INTO dml.events VALUES ('view', 'b1')"), "Inserted 1 row(s)", 1, BOB);

        JsonNode alice = rowResult(http.sql(aliceToken, "SELECT * FROM dml.events"), ALICE);
        assertSchema(alice, col("kind", "Text"), col("payload", "Text"), col("_seq", "BigInt", "nn"),
                col("_deleted", "Boolean", "nn"));
        assertEquals(List.of("a1", "a1", "a2"), columnText(alice, 1), "stream rows are not collapsed and come in _seq order");
        assertEquals(List.of("false", "false", "false"), columnText(alice, 3));
        List<String> seqs = columnText(alice, 2);
        assertTrue(Long.parseLong(seqs.get(0)) < Long.parseLong(seqs.get(1))
                && Long.parseLong(seqs.get(1)) < Long.parseLong(seqs.get(2)), () -> "ordered by _seq: " + seqs);
        assertRows(rowResult(http.sql(bobToken, "SELECT kind, payload FROM dml.events"), BOB), "[[\"view\",\"b1\"]]");
        assertRows(rowResult(root("SELECT kind, payload FROM dml.events"), ROOT), "[]");

        assertError("UPDATE dml.events SET payload = 'x'", "UPDATE is not supported for STREAM tables");
        Expect.sqlErrorNoDetails(http.sql(aliceToken, "UPDATE dml.events SET payload = 'x'"), 400, "SQL_EXECUTION_ERROR",
                "Statement 1 failed: UPDATE is not supported for STREAM tables");

        affected(http.sql(aliceToken, "DELETE FROM dml.events WHERE payload = 'a1'"), "Deleted 2 row(s)", 2, ALICE);
        assertRows(rowResult(http.sql(aliceToken, "SELECT kind, payload FROM dml.events"), ALICE), "[[\"view\",\"a2\"]]");
        assertRows(rowResult(http.sql(aliceToken, "SELECT payload FROM dml.events WHERE _deleted = true"), ALICE), "[]");
        assertRows(rowResult(http.sql(bobToken, "SELECT kind, payload FROM dml.events"), BOB), "[[\"view\",\"b1\"]]");
    }

    @Test
    @Timeout(value = 4, unit = TimeUnit.SECONDS)
    void streamRowsDisappearAfterTheirTtl() {
        createTable("CREATE STREAM TABLE dml.blink (id INT, v TEXT) WITH (TTL_SECONDS = 1)", "dml.blink", "stream");
        affected(http.sql(aliceToken, "INSERT INTO dml.blink VALUES (1, 'short-lived')"), "Inserted 1 row(s)", 1, ALICE);
        assertRows(rowResult(http.sql(aliceToken, "SELECT id, v FROM dml.blink"), ALICE), "[[1,\"short-lived\"]]");
        SqlE2ESupport.sleep(Duration.ofMillis(2100));
        assertRows(rowResult(http.sql(aliceToken, "SELECT id, v FROM dml.blink"), ALICE), "[]");
        assertRows(rowResult(http.sql(aliceToken, "SELECT COUNT(*) FROM dml.blink"), ALICE), "[[\"0\"]]");
        affected(http.sql(aliceToken, "INSERT INTO dml.blink VALUES (2, 'fresh')"), "Inserted 1 row(s)", 1, ALICE);
        assertRows(rowResult(http.sql(aliceToken, "SELECT id, v FROM dml.blink"), ALICE), "[[2,\"fresh\"]]");
    }

    // ---- helpers ----------------------------------------------------------------------------------------------------

    private static Response root(String sql) {
        return http.sql(rootToken, sql);
    }

    private static void createTable(String sql, String table, String type) {
        Expect.message(root(sql), "Table " + table + " created successfully (" + type + ")", ROOT);
    }

    /** An admin's 400 SQL_EXECUTION_ERROR with the statement as details. */
    private static void assertError(String sql, String message) {
        Expect.sqlErrorWithDetails(root(sql), 400, "SQL_EXECUTION_ERROR", "Statement 1 failed: " + message, sql);
    }
}
