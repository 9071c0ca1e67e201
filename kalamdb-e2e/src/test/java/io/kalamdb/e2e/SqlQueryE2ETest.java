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
import static io.kalamdb.e2e.SqlE2ESupport.sqlParams;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SELECT (sql.md §7, http-api.md §5.4, §5.9): clauses, joins, subqueries, CTEs and set operations, aggregates with
 * their result names and types, the implicit LIMIT and ORDER BY, JSON operators and functions, id functions, EXPLAIN.
 */
@Timeout(value = 5, unit = TimeUnit.SECONDS)
class SqlQueryE2ETest {

    private static final String URSULA = "ursula";
    private static final String SERGE = "serge";
    private static final long SNOWFLAKE_EPOCH_MS = 1_704_067_200_000L;
    private static final int BIG_ROWS = 1005;

    private static ServerProcess server;
    private static Http http;
    private static String rootToken;
    private static String userToken;
    private static String serviceToken;

    @BeforeAll
    @Timeout(value = 40, unit = TimeUnit.SECONDS)
    static void startServer() {
        server = ServerProcess.startDefault();
        http = new Http(server.baseUrl());
        rootToken = http.login(ROOT, ServerProcess.ROOT_PASSWORD);
        userToken = SqlE2ESupport.createUserAndLogin(http, rootToken, URSULA, "Ursula-Pass-2024!", "user");
        serviceToken = SqlE2ESupport.createUserAndLogin(http, rootToken, SERGE, "Serge-Pass-2024!", "service");
        Expect.message(root("CREATE NAMESPACE q"), "Namespace 'q' created successfully", ROOT);
        createTable("CREATE TABLE q.people (id INT PRIMARY KEY, firstName TEXT, dept TEXT, amount INT, doc JSON) "
                + "WITH (ACCESS_LEVEL = 'PUBLIC')", "q.people");
        affected(root("INSERT INTO q.people VALUES "
                + "(4, 'Di', 'ops', 40, '{\"name\":\"Di\",\"age\":41}'), "
                + "(2, 'Bo', 'ops', 20, '{\"name\":\"Bo\"}'), "
                + "(5, 'Ed', 'hr', 50, '{}'), "
                + "(1, 'Al', 'eng', 10, '{\"name\": \"Al\", \"age\": 30, \"tags\": [\"a\", \"b\"], "
                + "\"addr\": {\"zip\": \"10001\"}, \"ok\": true, \"score\": 1.5}'), "
                + "(3, 'Cy', 'eng', 30, NULL)"), "Inserted 5 row(s)", 5, ROOT);
        createTable("CREATE TABLE q.depts (code TEXT PRIMARY KEY, title TEXT)", "q.depts");
        affected(root("INSERT INTO q.depts VALUES ('ops', 'Operations'), ('eng', 'Engineering'), ('fin', 'Finance')"),
                "Inserted 3 row(s)", 3, ROOT);
        createTable("CREATE TABLE q.sixty (id INT PRIMARY KEY, v TEXT)", "q.sixty");
        String sixty = IntStream.rangeClosed(1, 60).map(i -> 61 - i)
                .mapToObj(i -> "(" + i + ", 'v" + i + "')").collect(Collectors.joining(", "));
        affected(root("INSERT INTO q.sixty VALUES " + sixty), "Inserted 60 row(s)", 60, ROOT);
        createTable("CREATE TABLE q.big (id INT PRIMARY KEY)", "q.big");
        String big = IntStream.rangeClosed(1, BIG_ROWS).mapToObj(i -> "(" + i + ")").collect(Collectors.joining(","));
        affected(root("INSERT INTO q.big VALUES " + big), "Inserted " + BIG_ROWS + " row(s)", BIG_ROWS, ROOT);
    }

    @AfterAll
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    // ---- clauses --------------------------------------------------------------------------------------------------

    @Test
    void projectionWhereOrderLimitOffset() {
        JsonNode result = rowResult(root("SELECT firstName, amount FROM q.people WHERE amount >= 20 "
                + "ORDER BY amount DESC LIMIT 2 OFFSET 1"), ROOT);
        assertSchema(result, col("firstName", "Text"), col("amount", "Int"));
        assertRows(result, "[[\"Di\",40],[\"Cy\",30]]");
        assertRows(rowResult(root("SELECT id FROM q.people ORDER BY dept ASC, amount DESC"), ROOT), "[[3],[1],[5],[4],[2]]");
        assertRows(rowResult(root("SELECT id FROM q.people ORDER BY json_get_int(doc, 'age') NULLS FIRST, id"), ROOT),
                "[[2],[3],[5],[1],[4]]");
    }

    @Test
    void starProjectionHasSystemColumnsLast() {
        JsonNode result = rowResult(root("SELECT * FROM q.depts"), ROOT);
        assertSchema(result, col("code", "Text", "nn", "pk", "uq"), col("title", "Text"), col("_seq", "BigInt", "nn"),
                col("_deleted", "Boolean", "nn"));
        JsonNode aliased = rowResult(root("SELECT d.* FROM q.depts d WHERE code = 'eng'"), ROOT);
        assertEquals(List.of("code", "title", "_seq", "_deleted"), columnNames(aliased));
        assertEquals("Engineering", aliased.get("rows").get(0).get(1).asText());
    }

    @Test
    void defaultOrderIsThePrimaryKeyEvenWhenNotProjected() {
        assertRows(rowResult(root("SELECT firstName FROM q.people"), ROOT), "[[\"Al\"],[\"Bo\"],[\"Cy\"],[\"Di\"],[\"Ed\"]]");
        assertRows(rowResult(root("SELECT title FROM q.depts"), ROOT), "[[\"Engineering\"],[\"Finance\"],[\"Operations\"]]");
    }

    @Test
    void groupByHavingAndAggregates() {
        JsonNode result = rowResult(root("SELECT dept, COUNT(*), SUM(amount), AVG(amount), MIN(amount), MAX(amount) "
                + "FROM q.people GROUP BY dept HAVING COUNT(*) > 1 ORDER BY dept"), ROOT);
        assertSchema(result, col("dept", "Text"), col("count(*)", "BigInt"), col("sum(amount)", "BigInt"),
                col("avg(amount)", "Double"), col("min(amount)", "Int"), col("max(amount)", "Int"));
        assertRows(result, "[[\"eng\",\"2\",\"40\",20.0,10,30],[\"ops\",\"2\",\"60\",30.0,20,40]]");

        JsonNode whole = rowResult(root("SELECT COUNT(*) AS n, COUNT(doc), COUNT(DISTINCT dept), MIN(firstName), "
                + "MAX(firstName) FROM q.people"), ROOT);
        assertSchema(whole, col("n", "BigInt"), col("count(doc)", "BigInt"), col("count(distinct dept)", "BigInt"),
                col("min(firstName)", "Text"), col("max(firstName)", "Text"));
        assertRows(whole, "[[\"5\",\"4\",\"3\",\"Al\",\"Ed\"]]");
    }

    @Test
    void distinct() {
        JsonNode result = rowResult(root("SELECT DISTINCT dept FROM q.people ORDER BY dept"), ROOT);
        assertSchema(result, col("dept", "Text"));
        assertRows(result, "[[\"eng\"],[\"hr\"],[\"ops\"]]");
    }

    @Test
    void joins() {
        JsonNode inner = rowResult(root("SELECT p.firstName, d.title FROM q.people p JOIN q.depts d ON p.dept = d.code "
                + "ORDER BY p.id"), ROOT);
        assertSchema(inner, col("firstName", "Text"), col("title", "Text"));
        assertRows(inner, "[[\"Al\",\"Engineering\"],[\"Bo\",\"Operations\"],[\"Cy\",\"Engineering\"],"
                + "[\"Di\",\"Operations\"]]");
        assertRows(rowResult(root("SELECT p.id, d.title FROM q.people p LEFT JOIN q.depts d ON p.dept = d.code "
                + "WHERE p.id >= 4 ORDER BY p.id"), ROOT), "[[4,\"Operations\"],[5,null]]");
        assertRows(rowResult(root("SELECT d.code, COUNT(p.id) AS n FROM q.depts d LEFT JOIN q.people p ON p.dept = d.code "
                + "GROUP BY d.code ORDER BY d.code"), ROOT), "[[\"eng\",\"2\"],[\"fin\",\"0\"],[\"ops\",\"2\"]]");
        assertRows(rowResult(root("SELECT COUNT(*) FROM q.people CROSS JOIN q.depts"), ROOT), "[[\"15\"]]");
    }

    @Test
    void subqueries() {
        assertRows(rowResult(root("SELECT id FROM q.people WHERE amount > (SELECT AVG(amount) FROM q.people) ORDER BY id"),
                ROOT), "[[4],[5]]");
        assertRows(rowResult(root("SELECT id FROM q.people WHERE dept IN (SELECT code FROM q.depts WHERE title LIKE 'O%') "
                + "ORDER BY id"), ROOT), "[[2],[4]]");
        assertRows(rowResult(root("SELECT code FROM q.depts d WHERE NOT EXISTS "
                + "(SELECT 1 FROM q.people p WHERE p.dept = d.code)"), ROOT), "[[\"fin\"]]");
        JsonNode derived = rowResult(root("SELECT t.dept, t.total FROM (SELECT dept, SUM(amount) AS total FROM q.people "
                + "GROUP BY dept) t WHERE t.total > 45 ORDER BY t.dept"), ROOT);
        assertSchema(derived, col("dept", "Text"), col("total", "BigInt"));
        assertRows(derived, "[[\"hr\",\"50\"],[\"ops\",\"60\"]]");
        assertRows(rowResult(root("SELECT id, (SELECT COUNT(*) FROM q.depts) AS n FROM q.people WHERE id = 1"), ROOT),
                "[[1,\"3\"]]");
    }

    @Test
    void commonTableExpressions() {
        JsonNode result = rowResult(root("WITH eng AS (SELECT id, amount FROM q.people WHERE dept = 'eng'), "
                + "rich AS (SELECT id FROM eng WHERE amount > 15) SELECT COUNT(*) AS n, MAX(id) AS top FROM rich"), ROOT);
        assertSchema(result, col("n", "BigInt"), col("top", "Int"));
        assertRows(result, "[[\"1\",3]]");
    }

    @Test
    void setOperations() {
        JsonNode union = rowResult(root("SELECT dept FROM q.people UNION SELECT code FROM q.depts ORDER BY 1"), ROOT);
        assertEquals(List.of("dept"), columnNames(union));
        assertRows(union, "[[\"eng\"],[\"fin\"],[\"hr\"],[\"ops\"]]");
        assertRows(rowResult(root("SELECT COUNT(*) FROM (SELECT dept FROM q.people UNION ALL SELECT code FROM q.depts) u"),
                ROOT), "[[\"8\"]]");
        assertRows(rowResult(root("SELECT code FROM q.depts EXCEPT SELECT dept FROM q.people"), ROOT), "[[\"fin\"]]");
        assertRows(rowResult(root("SELECT code FROM q.depts INTERSECT SELECT dept FROM q.people ORDER BY 1"), ROOT),
                "[[\"eng\"],[\"ops\"]]");
    }

    @Test
    void expressionsAndPredicates() {
        JsonNode result = rowResult(root("SELECT id, COALESCE(doc->>'name', '?') AS nm, upper(firstName) AS up, "
                + "firstName || '-' || dept AS tag FROM q.people WHERE amount BETWEEN 20 AND 40 ORDER BY id"), ROOT);
        assertSchema(result, col("id", "Int", "nn", "pk", "uq"), col("nm", "Text"), col("up", "Text"), col("tag", "Text"));
        assertRows(result, "[[2,\"Bo\",\"BO\",\"Bo-ops\"],[3,\"?\",\"CY\",\"Cy-eng\"],[4,\"Di\",\"DI\",\"Di-ops\"]]");
        assertRows(rowResult(root("SELECT id FROM q.people WHERE doc IS NULL"), ROOT), "[[3]]");
        assertRows(rowResult(root("SELECT id FROM q.people WHERE firstName ILIKE 'a%' OR firstName LIKE '_d'"), ROOT),
                "[[1],[5]]");
        assertRows(rowResult(root("SELECT id FROM q.people WHERE dept NOT IN ('eng', 'ops')"), ROOT), "[[5]]");
        assertRows(rowResult(root("SELECT 'a' || 'b' AS ab"), ROOT), "[[\"ab\"]]");
    }

    // ---- limits ---------------------------------------------------------------------------------------------------

    @Test
    void implicitLimitOfFifty() {
        JsonNode result = rowResult(root("SELECT id FROM q.sixty"), ROOT);
        assertEquals(50, result.get("row_count").asInt());
        assertEquals(IntStream.rangeClosed(1, 50).mapToObj(Integer::toString).toList(), columnText(result, 0),
                "the implicit limit applies after the default order by primary key");
        assertEquals(55, rowResult(root("SELECT id FROM q.sixty LIMIT 55"), ROOT).get("row_count").asInt());
        assertEquals(List.of("56", "57", "58", "59", "60"),
                columnText(rowResult(root("SELECT id FROM q.sixty OFFSET 55"), ROOT), 0));
        assertRows(rowResult(root("SELECT COUNT(*) FROM q.sixty"), ROOT), "[[\"60\"]]");
        assertRows(rowResult(root("SELECT COUNT(*) FROM (SELECT id FROM q.sixty) s"), ROOT), "[[\"60\"]]");
    }

    @Test
    void explicitLimitIsCappedAtOneThousand() {
        JsonNode capped = rowResult(root("SELECT id FROM q.big LIMIT 5000"), ROOT);
        assertEquals(1000, capped.get("row_count").asInt());
        assertEquals("1", capped.get("rows").get(0).get(0).asText());
        assertEquals("1000", capped.get("rows").get(999).get(0).asText());
        assertEquals(50, rowResult(root("SELECT id FROM q.big"), ROOT).get("row_count").asInt());
        assertRows(rowResult(root("SELECT COUNT(*) FROM q.big"), ROOT), "[[\"" + BIG_ROWS + "\"]]");
        assertRows(rowResult(root("SELECT id FROM q.big WHERE id IN (SELECT id FROM q.big WHERE id > 900) "
                + "ORDER BY id DESC LIMIT 3"), ROOT), "[[1005],[1004],[1003]]");
    }

    @Test
    void implicitLimitAppliesToSystemTables() {
        long settings = bigInt(scalar(root("SELECT COUNT(*) FROM system.settings"), ROOT));
        assertTrue(settings > 50, () -> "system.settings must list more than 50 keys for this check: " + settings);
        assertEquals(50, rowResult(root("SELECT name FROM system.settings"), ROOT).get("row_count").asInt());
    }

    // ---- result column names ----------------------------------------------------------------------------------------

    @Test
    void resultColumnNames() {
        assertEquals(List.of("firstName"), columnNames(rowResult(root("SELECT FIRSTNAME FROM q.people"), ROOT)));
        assertEquals(List.of("firstName", "firstName"),
                columnNames(rowResult(root("SELECT firstname, p.FirstName FROM q.people p"), ROOT)));
        assertEquals(List.of("fn"), columnNames(rowResult(root("SELECT firstName AS fn FROM q.people"), ROOT)));

        JsonNode count = rowResult(root("SELECT COUNT(*) FROM q.people"), ROOT);
        assertSchema(count, col("count(*)", "BigInt"));
        assertRows(count, "[[\"5\"]]");
        JsonNode sum = rowResult(root("SELECT Sum(amount) FROM q.people"), ROOT);
        assertSchema(sum, col("sum(amount)", "BigInt"));
        assertRows(sum, "[[\"150\"]]");

        JsonNode literals = rowResult(root("SELECT 1, 2.5, 'x'"), ROOT);
        assertSchema(literals, col("1", "BigInt"), col("2.5", "Double"), col("'x'", "Text"));
        assertRows(literals, "[[\"1\",2.5,\"x\"]]");

        JsonNode spaced = rowResult(root("SELECT id  +  amount FROM q.people WHERE id = 1"), ROOT);
        assertSchema(spaced, col("id + amount", "Int"));
        assertRows(spaced, "[[11]]");
        assertEquals(List.of("doc->>'name'"),
                columnNames(rowResult(root("SELECT doc->>'name' FROM q.people WHERE id = 1"), ROOT)));

        JsonNode param = rowResult(sqlParams(http, rootToken, "SELECT $1", 7), ROOT);
        assertSchema(param, col("$1", "BigInt"));
        assertRows(param, "[[\"7\"]]");
    }

    @Test
    void castResultNameIsLowerCased() {
        JsonNode result = rowResult(root("SELECT CAST(id AS TEXT) FROM q.people WHERE id = 1"), ROOT);
        assertSchema(result, col("cast(id as text)", "Text"));
        assertRows(result, "[[\"1\"]]");
        assertRows(rowResult(root("SELECT id::TEXT AS t FROM q.people WHERE id = 2"), ROOT), "[[\"2\"]]");
    }

    @Test
    void currentUserFunction() {
        JsonNode bare = rowResult(root("SELECT CURRENT_USER"), ROOT);
        assertSchema(bare, col("current_user", "Text"));
        assertRows(bare, "[[\"root\"]]");
        JsonNode call = rowResult(http.sql(userToken, "SELECT CURRENT_USER()"), URSULA);
        assertSchema(call, col("current_user()", "Text"));
        assertRows(call, "[[\"ursula\"]]");
    }

    // ---- JSON -------------------------------------------------------------------------------------------------------

    @Test
    void jsonOperatorAndFunctionValues() {
        JsonNode result = rowResult(root("SELECT doc->'name', doc->>'name', doc->'addr'->>'zip', doc->'tags'->0, "
                + "doc->>'missing', json_get_str(doc, 'name'), json_get_int(doc, 'age'), json_get_int(doc, 'name'), "
                + "json_get_float(doc, 'score'), json_get_bool(doc, 'ok'), json_length(doc, 'tags'), "
                + "json_contains(doc, 'addr'), json_contains(doc, 'nope'), json_get(doc, 'tags', 1), "
                + "json_object_keys(doc, 'addr'), json_as_text(doc, 'age'), json_length(doc) "
                + "FROM q.people WHERE id = 1"), ROOT);
        assertRows(result, "[[\"\\\"Al\\\"\",\"Al\",\"10001\",\"\\\"a\\\"\",null,\"Al\",\"30\",null,1.5,true,\"2\",true,"
                + "false,\"\\\"b\\\"\",\"[\\\"zip\\\"]\",\"30\",\"6\"]]");
        assertRows(rowResult(root("SELECT id FROM q.people WHERE doc->>'name' = 'Di'"), ROOT), "[[4]]");
        assertRows(rowResult(root("SELECT id FROM q.people WHERE json_get_int(doc, 'age') > 35"), ROOT), "[[4]]");
        assertRows(rowResult(root("SELECT doc FROM q.people WHERE id = 1"), ROOT),
                "[[\"{\\\"name\\\":\\\"Al\\\",\\\"age\\\":30,\\\"tags\\\":[\\\"a\\\",\\\"b\\\"],"
                        + "\\\"addr\\\":{\\\"zip\\\":\\\"10001\\\"},\\\"ok\\\":true,\\\"score\\\":1.5}\"]]");
    }

    @Test
    void jsonOperatorAndFunctionTypes() {
        JsonNode result = rowResult(root("SELECT doc->'name', doc->>'name', json_get_str(doc, 'name'), "
                + "json_get_int(doc, 'age'), json_get_float(doc, 'score'), json_get_bool(doc, 'ok'), "
                + "json_length(doc, 'tags'), json_contains(doc, 'addr'), json_get(doc, 'tags'), json_get_json(doc, 'addr'), "
                + "json_object_keys(doc), json_as_text(doc, 'age') FROM q.people WHERE id = 1"), ROOT);
        assertSchema(result, col("doc->'name'", "Json"), col("doc->>'name'", "Text"),
                col("json_get_str(doc, 'name')", "Text"), col("json_get_int(doc, 'age')", "BigInt"),
                col("json_get_float(doc, 'score')", "Double"), col("json_get_bool(doc, 'ok')", "Boolean"),
                col("json_length(doc, 'tags')", "BigInt"), col("json_contains(doc, 'addr')", "Boolean"),
                col("json_get(doc, 'tags')", "Json"), col("json_get_json(doc, 'addr')", "Json"),
                col("json_object_keys(doc)", "Json"), col("json_as_text(doc, 'age')", "Text"));
    }

    @Test
    void jsonKeyExistsOperator() {
        JsonNode result = rowResult(root("SELECT id, doc ? 'age' AS has_age FROM q.people WHERE doc IS NOT NULL ORDER BY id"),
                ROOT);
        assertSchema(result, col("id", "Int", "nn", "pk", "uq"), col("has_age", "Boolean"));
        assertRows(result, "[[1,true],[2,false],[4,true],[5,false]]");
    }

    // ---- functions and EXPLAIN --------------------------------------------------------------------------------------

    @Test
    void idFunctionFormats() {
        long beforeMs = System.currentTimeMillis();
        JsonNode result = rowResult(root("SELECT SNOWFLAKE_ID() AS s, UUID_V7() AS u, ULID() AS l"), ROOT);
        long afterMs = System.currentTimeMillis();
        assertSchema(result, col("s", "BigInt"), col("u", "Text"), col("l", "Text"));
        JsonNode row = result.get("rows").get(0);

        long snowflake = bigInt(row.get(0));
        long snowflakeMs = (snowflake >> 22) + SNOWFLAKE_EPOCH_MS;
        assertTrue(snowflakeMs >= beforeMs - 1000 && snowflakeMs <= afterMs + 1000,
                () -> "SNOWFLAKE_ID() uses the 2024-01-01 epoch: " + snowflake + " decodes to " + snowflakeMs);
        assertEquals(0, (snowflake >> 12) & 0x3FF, "worker id 0 in standalone");

        String uuid = row.get(1).asText();
        assertTrue(uuid.matches("[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"),
                () -> "UUID_V7() is a lowercase hyphenated v7 UUID: " + uuid);
        long uuidMs = UUID.fromString(uuid).getMostSignificantBits() >>> 16;
        assertTrue(uuidMs >= beforeMs - 1000 && uuidMs <= afterMs + 1000, () -> "UUIDv7 timestamp is now: " + uuid);

        String ulid = row.get(2).asText();
        assertTrue(ulid.matches("[0-7][0-9A-HJKMNP-TV-Z]{25}"), () -> "ULID() is 26 Crockford base32 characters: " + ulid);
        long ulidMs = crockfordMillis(ulid.substring(0, 10));
        assertTrue(ulidMs >= beforeMs - 1000 && ulidMs <= afterMs + 1000, () -> "ULID timestamp is now: " + ulid);
    }

    @Test
    void idFunctionsGiveANewValuePerCall() {
        JsonNode row = rowResult(root("SELECT SNOWFLAKE_ID() AS s1, SNOWFLAKE_ID() AS s2, UUID_V7() AS u1, UUID_V7() AS u2, "
                + "ULID() AS l1, ULID() AS l2"), ROOT).get("rows").get(0);
        assertTrue(bigInt(row.get(1)) > bigInt(row.get(0)), () -> "SNOWFLAKE_ID() is unique and increasing per call: " + row);
        assertNotEquals(row.get(2), row.get(3), () -> "UUID_V7() is new per call: " + row);
        assertNotEquals(row.get(4), row.get(5), () -> "ULID() is new per call: " + row);
        List<String> ids = columnText(rowResult(root("SELECT SNOWFLAKE_ID() AS s FROM q.sixty LIMIT 60"), ROOT), 0);
        assertEquals(60, ids.stream().distinct().count(), () -> "one id per row: " + ids);
    }

    @Test
    void integerLiteralExpressionsAreBigInt() {
        JsonNode result = rowResult(root("SELECT 1 + 2 AS three, CASE WHEN id = 1 THEN 1 ELSE 0 END AS flag "
                + "FROM q.people WHERE id = 1"), ROOT);
        assertSchema(result, col("three", "BigInt"), col("flag", "BigInt"));
        assertRows(result, "[[\"3\",\"1\"]]");
    }

    @Test
    void caseWithTextLiteralsKeepsTheValues() {
        assertRows(rowResult(root("SELECT id, CASE WHEN amount >= 30 THEN 'high' ELSE 'low' END AS band FROM q.people "
                + "WHERE id IN (2, 3) ORDER BY id"), ROOT), "[[2,\"low\"],[3,\"high\"]]");
    }

    @Test
    void explainAsAdmin() {
        JsonNode result = rowResult(root("EXPLAIN SELECT firstName FROM q.people WHERE amount > 10"), ROOT);
        assertSchema(result, col("plan_type", "Text"), col("plan", "Text"));
        assertTrue(result.get("row_count").asInt() >= 1, () -> "EXPLAIN returns plan rows: " + result);
        List<String> kinds = new ArrayList<>();
        for (JsonNode row : result.get("rows")) {
            assertFalse(row.get(0).asText().isBlank(), () -> "plan_type: " + row);
            assertFalse(row.get(1).asText().isBlank(), () -> "plan: " + row);
            kinds.add(row.get(0).asText());
        }
        assertEquals(kinds.size(), kinds.stream().distinct().count(), () -> "plan types are distinct: " + kinds);
        assertTrue(rowResult(root("EXPLAIN SELECT * FROM system.users"), ROOT).get("row_count").asInt() >= 1);
    }

    @Test
    void explainIsRefusedToNonAdmins() {
        Expect.sqlErrorNoDetails(http.sql(userToken, "EXPLAIN SELECT * FROM q.people"), 403, "PERMISSION_DENIED",
                "Statement 1 failed: Admin privileges (DBA or System role) required for EXPLAIN");
        Expect.sqlErrorNoDetails(http.sql(serviceToken, "EXPLAIN SELECT * FROM q.people"), 403, "PERMISSION_DENIED",
                "Statement 1 failed: Admin privileges (DBA or System role) required for EXPLAIN");
        Expect.sqlErrorNoDetails(http.sql(userToken, "EXPLAIN SELECT * FROM system.users"), 403, "PERMISSION_DENIED",
                "Statement 1 failed: Admin privileges (DBA or System role) required for EXPLAIN");
    }

    @Test
    void missingTables() {
        Expect.sqlErrorWithDetails(root("SELECT * FROM q.nope"), 404, "TABLE_NOT_FOUND",
                "Statement 1 failed: Table 'q.nope' not found", "SELECT * FROM q.nope");
        Expect.sqlErrorWithDetails(root("SELECT * FROM ghost.t"), 404, "TABLE_NOT_FOUND",
                "Statement 1 failed: Namespace 'ghost' does not exist", "SELECT * FROM ghost.t");
        Expect.sqlErrorNoDetails(http.sql(userToken, "SELECT * FROM q.nope"), 404, "TABLE_NOT_FOUND", "SQL statement failed");
        Expect.sqlErrorNoDetails(http.sql(userToken, "SELECT * FROM ghost.t"), 404, "TABLE_NOT_FOUND", "SQL statement failed");
    }

    @Test
    void userReadsAPublicSharedTable() {
        JsonNode result = rowResult(http.sql(userToken, "SELECT id, firstName FROM q.people WHERE dept = 'eng'"), URSULA);
        assertRows(result, "[[1,\"Al\"],[3,\"Cy\"]]");
    }

    // ---- helpers ----------------------------------------------------------------------------------------------------

    @Test
    void subqueriesInWhereKeepLimitsAndTheDefaultOrder() {
        Expect.sqlOk(root("CREATE TABLE q.sub (id INT PRIMARY KEY, v INT)"), 1);
        affected(root("INSERT INTO q.sub VALUES (3, 1), (1, 1), (2, 2), (4, 9)"), "Inserted 4 row(s)", 4, ROOT);
        assertRows(rowResult(root("SELECT id FROM q.sub WHERE id = (SELECT id FROM q.sub ORDER BY id DESC LIMIT 1)"),
                ROOT), "[[4]]");
        assertRows(rowResult(root("SELECT id FROM q.sub WHERE id IN (SELECT id FROM q.sub ORDER BY id LIMIT 2)"),
                ROOT), "[[1],[2]]");
        assertRows(rowResult(root("SELECT id FROM q.sub WHERE v IN (SELECT v FROM q.sub WHERE v < 5)"), ROOT),
                "[[1],[2],[3]]");
        assertRows(rowResult(root("SELECT id FROM q.sub s WHERE EXISTS (SELECT 1 FROM q.sub LIMIT 1)"), ROOT),
                "[[1],[2],[3],[4]]");
    }

    @Test
    void limitAndOffsetTakeParameters() {
        Expect.sqlOk(root("CREATE TABLE q.pages (id INT PRIMARY KEY)"), 1);
        affected(root("INSERT INTO q.pages VALUES " + IntStream.rangeClosed(1, 1100).mapToObj(i -> "(" + i + ")")
                .collect(Collectors.joining(", "))), "Inserted 1100 row(s)", 1100, ROOT);
        assertRows(rowResult(sqlParams(http, rootToken, "SELECT id FROM q.pages ORDER BY id LIMIT $1 OFFSET $2", 2, 10),
                ROOT), "[[11],[12]]");
        assertRows(rowResult(sqlParams(http, rootToken,
                "SELECT id FROM q.pages ORDER BY id DESC OFFSET $1 ROWS FETCH NEXT $2 ROWS ONLY", 1, 1), ROOT), "[[1099]]");
        assertEquals(1000, rowResult(sqlParams(http, rootToken, "SELECT id FROM q.pages LIMIT $1", 5000), ROOT)
                .get("rows").size(), "a LIMIT parameter is capped like a literal (http-api.md §5.9)");
    }

    @Test
    void unicodeLiteralsWorkInEveryExpression() {
        Expect.sqlOk(root("CREATE TABLE q.words (id INT PRIMARY KEY, w TEXT)"), 1);
        affected(root("INSERT INTO q.words VALUES (1, 'Ω漢字')"), "Inserted 1 row(s)", 1, ROOT);
        affected(root("UPDATE q.words SET w = w || ' €' WHERE id = 1"), "Updated 1 row(s)", 1, ROOT);
        assertRows(rowResult(root("SELECT w, COALESCE(NULL, 'нет'), CASE WHEN id = 1 THEN 'да' END FROM q.words"),
                ROOT), "[[\"Ω漢字 €\",\"нет\",\"да\"]]");
    }

    @Test
    void parametersInsideSubqueries() {
        Expect.sqlOk(root("CREATE TABLE q.nested (id INT PRIMARY KEY, v TEXT)"), 1);
        affected(root("INSERT INTO q.nested VALUES (1, 'a'), (2, 'b'), (3, 'c')"), "Inserted 3 row(s)", 3, ROOT);
        assertRows(rowResult(sqlParams(http, rootToken,
                "SELECT id FROM q.nested WHERE id IN (SELECT id FROM q.nested ORDER BY id DESC LIMIT $1)", 2), ROOT),
                "[[2],[3]]");
        assertRows(rowResult(sqlParams(http, rootToken,
                "SELECT id FROM q.nested WHERE id IN (SELECT id FROM q.nested WHERE v = $1)", "b"), ROOT), "[[2]]");
    }

    @Test
    void longInListsAndDeepExpressions() {
        Expect.sqlOk(root("CREATE TABLE q.wide (id INT PRIMARY KEY)"), 1);
        affected(root("INSERT INTO q.wide VALUES (7), (2999), (5000)"), "Inserted 3 row(s)", 3, ROOT);
        String thousands = IntStream.rangeClosed(1, 3000).mapToObj(Integer::toString).collect(Collectors.joining(","));
        assertRows(rowResult(root("SELECT id FROM q.wide WHERE id IN (" + thousands + ")"), ROOT), "[[7],[2999]]");
        String ors = IntStream.range(0, 3000).mapToObj(i -> "id = " + i).collect(Collectors.joining(" OR "));
        Expect.sqlError(root("SELECT id FROM q.wide WHERE " + ors), 400, "SQL_EXECUTION_ERROR",
                "Statement 1 failed: Statement is too complex: its expressions nest too deeply (use IN lists or joins)");
    }

    /** A UUID matches in any of its accepted spellings (sql.md §12.3), in WHERE as on INSERT. */
    @Test
    void uuidsCompareByValue() {
        String upper = "A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11";
        String hex = "a0eebc999c0b4ef8bb6d6bb9bd380a11";
        String canonical = "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11";
        Expect.sqlOk(root("CREATE TABLE q.ids (id UUID PRIMARY KEY, ref UUID, n INT)"), 1);
        affected(root("INSERT INTO q.ids VALUES ('" + upper + "', '" + hex + "', 1), "
                + "('0190a0b2-7c3e-7d4f-9a1b-2c3d4e5f6a7b', NULL, 2)"), "Inserted 2 row(s)", 2, ROOT);
        assertRows(rowResult(root("SELECT id FROM q.ids WHERE id = '" + upper + "'"), ROOT),
                "[[\"" + canonical + "\"]]");
        assertRows(rowResult(root("SELECT n FROM q.ids WHERE id = '" + hex + "'"), ROOT), "[[1]]");
        assertRows(rowResult(root("SELECT n FROM q.ids WHERE ref = '" + upper + "' AND n > 0"), ROOT), "[[1]]");
        assertRows(rowResult(sqlParams(http, rootToken, "SELECT n FROM q.ids WHERE ref = $1", hex), ROOT), "[[1]]");
        assertRows(rowResult(root("SELECT n FROM q.ids WHERE id IN ('" + upper + "', "
                + "'0190A0B2-7C3E-7D4F-9A1B-2C3D4E5F6A7B')"), ROOT), "[[2],[1]]");
        Expect.sqlErrorWithDetails(root("SELECT n FROM q.ids WHERE ref = 'not-a-uuid'"), 400, "SQL_EXECUTION_ERROR",
                "Statement 1 failed: Invalid UUID 'not-a-uuid'", "SELECT n FROM q.ids WHERE ref = 'not-a-uuid'");
        affected(root("UPDATE q.ids SET n = 5 WHERE id = '" + hex + "'"), "Updated 1 row(s)", 1, ROOT);
        affected(root("DELETE FROM q.ids WHERE id = '" + upper + "'"), "Deleted 1 row(s)", 1, ROOT);
    }

    /** Only the spec's short reserved list is reserved (sql.md §1): other SQL words work as plain column names. */
    @ParameterizedTest
    @ValueSource(strings = {"at", "date", "time", "year", "day", "count", "min", "sum", "position", "value", "rank",
            "row", "rows", "range", "uuid", "int", "text", "timestamp", "filter", "new"})
    void sqlWordsWorkAsColumnNames(String name) {
        String t = "q.word_" + name;
        Expect.sqlOk(root("CREATE TABLE " + t + " (id INT PRIMARY KEY, " + name + " TEXT)"), 1);
        affected(root("INSERT INTO " + t + " (id, " + name + ") VALUES (1, 'x'), (2, 'y')"), "Inserted 2 row(s)", 2,
                ROOT);
        affected(root("UPDATE " + t + " SET " + name + " = 'z' WHERE " + name + " = 'y'"), "Updated 1 row(s)", 1,
                ROOT);
        assertRows(rowResult(root("SELECT w." + name + ", COUNT(" + name + ") AS n FROM " + t + " w WHERE " + name
                + " IN (SELECT " + name + " FROM " + t + ") GROUP BY w." + name + " ORDER BY " + name), ROOT),
                "[[\"x\",\"1\"],[\"z\",\"1\"]]");
        affected(root("DELETE FROM " + t + " WHERE " + name + " = 'x'"), "Deleted 1 row(s)", 1, ROOT);
    }

    private static Response root(String sql) {
        return http.sql(rootToken, sql);
    }

    private static void createTable(String sql, String table) {
        Expect.message(root(sql), "Table " + table + " created successfully (shared)", ROOT);
    }

    /** Decodes Crockford base32 (the ULID time prefix) into a number. */
    private static long crockfordMillis(String text) {
        String alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
        long value = 0;
        for (char c : text.toCharArray()) {
            value = value * 32 + alphabet.indexOf(c);
        }
        return value;
    }
}
