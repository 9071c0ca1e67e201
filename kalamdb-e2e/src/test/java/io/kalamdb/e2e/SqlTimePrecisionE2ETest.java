package io.kalamdb.e2e;

import static io.kalamdb.e2e.SqlE2ESupport.ROOT;
import static io.kalamdb.e2e.SqlE2ESupport.affected;
import static io.kalamdb.e2e.SqlE2ESupport.assertRows;
import static io.kalamdb.e2e.SqlE2ESupport.rowResult;
import static io.kalamdb.e2e.SqlE2ESupport.sqlParams;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * TIMESTAMP, DATETIME and TIME keep their microseconds through queries (sql.md §12, http-api.md §5.4): plain reads,
 * comparisons with literals and parameters, ordering, MIN/MAX, grouping, joins, set operations, sub-queries, views,
 * CTEs, primary-key lookups and INSERT … SELECT. Rows 1 and 2 share a millisecond, so a millisecond engine would
 * confuse them.
 */
@Timeout(value = 5, unit = TimeUnit.SECONDS)
class SqlTimePrecisionE2ETest {
    private static final long T1 = 1672567200123456L;
    private static final long T2 = 1672567200123999L;
    private static final long T3 = 1672567200124000L;

    private static ServerProcess server;
    private static Http http;
    private static String rootToken;

    @BeforeAll
    @Timeout(value = 35, unit = TimeUnit.SECONDS)
    static void startServer() {
        server = ServerProcess.startDefault();
        http = new Http(server.baseUrl());
        rootToken = http.login(ROOT, ServerProcess.ROOT_PASSWORD);
        Expect.message(root("CREATE NAMESPACE tp"), "Namespace 'tp' created successfully", ROOT);
        Expect.sqlOk(root("CREATE TABLE tp.events (id INT PRIMARY KEY, ts TIMESTAMP, tm TIME, dtt DATETIME, note TEXT)"),
                1);
        affected(root("INSERT INTO tp.events (id, ts, tm, dtt) VALUES "
                + "(1, '2023-01-01 10:00:00.123456', '10:00:00.000001', '2023-01-01T10:00:00.000001Z'), "
                + "(3, '2023-01-01 10:00:00.124', '00:00:00.5', '2023-01-01 10:00:00.000002')"),
                "Inserted 2 row(s)", 2, ROOT);
        affected(sqlParams(http, rootToken, "INSERT INTO tp.events (id, ts, tm) VALUES ($1, $2, $3)", 2,
                "2023-01-01T10:00:00.123999Z", "23:59:59.999999"), "Inserted 1 row(s)", 1, ROOT);
        Expect.sqlOk(root("CREATE TABLE tp.other (id INT PRIMARY KEY, ts TIMESTAMP)"), 1);
        affected(root("INSERT INTO tp.other VALUES (10, '2023-01-01 10:00:00.123456'), (11, 1672567200123001)"),
                "Inserted 2 row(s)", 2, ROOT);
    }

    @AfterAll
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void plainReadsAreExact() {
        assertRows(rowResult(root("SELECT id, ts, tm, dtt FROM tp.events"), ROOT), "[[1," + T1
                + ",36000000001,1672567200000001],[2," + T2 + ",86399999999,null],[3," + T3 + ",500000,1672567200000002]]");
        assertRows(rowResult(root("SELECT ts FROM tp.events WHERE id = 2"), ROOT), "[[" + T2 + "]]");
    }

    @Test
    void comparisonsWithLiteralsUseMicroseconds() {
        assertRows(rowResult(root("SELECT id FROM tp.events WHERE ts = '2023-01-01 10:00:00.123456'"), ROOT), "[[1]]");
        assertRows(rowResult(root("SELECT id FROM tp.events WHERE ts > '2023-01-01 10:00:00.123456'"), ROOT),
                "[[2],[3]]");
        assertRows(rowResult(root("SELECT id FROM tp.events WHERE ts = TIMESTAMP '2023-01-01 10:00:00.123999'"), ROOT),
                "[[2]]");
        assertRows(rowResult(root("SELECT id FROM tp.events WHERE ts BETWEEN '2023-01-01 10:00:00.123457' "
                + "AND '2023-01-01 10:00:00.124'"), ROOT), "[[2],[3]]");
        assertRows(rowResult(root("SELECT id FROM tp.events WHERE tm = '23:59:59.999999'"), ROOT), "[[2]]");
        assertRows(rowResult(root("SELECT id FROM tp.events WHERE tm < '10:00:00.000001'"), ROOT), "[[3]]");
    }

    @Test
    void comparisonsWithParametersUseMicroseconds() {
        assertRows(rowResult(sqlParams(http, rootToken, "SELECT id FROM tp.events WHERE ts = $1",
                "2023-01-01T10:00:00.123999Z"), ROOT), "[[2]]");
        assertRows(rowResult(sqlParams(http, rootToken, "SELECT id FROM tp.events WHERE ts >= $1", T2), ROOT),
                "[[2],[3]]");
        assertRows(rowResult(sqlParams(http, rootToken, "SELECT id FROM tp.events WHERE tm = $1", 36000000001L),
                ROOT), "[[1]]");
    }

    @Test
    void orderingAndAggregatesAreExact() {
        assertRows(rowResult(root("SELECT id, ts FROM tp.events ORDER BY ts DESC LIMIT 2"), ROOT),
                "[[3," + T3 + "],[2," + T2 + "]]");
        assertRows(rowResult(root("SELECT MIN(ts), MAX(ts), MAX(tm), COUNT(ts) FROM tp.events"), ROOT),
                "[[" + T1 + "," + T3 + ",86399999999,\"3\"]]");
        assertRows(rowResult(root("SELECT ts, COUNT(*) AS n FROM tp.events GROUP BY ts ORDER BY ts"), ROOT),
                "[[" + T1 + ",\"1\"],[" + T2 + ",\"1\"],[" + T3 + ",\"1\"]]");
        assertRows(rowResult(root("SELECT DISTINCT ts FROM tp.events WHERE id < 3 ORDER BY ts"), ROOT),
                "[[" + T1 + "],[" + T2 + "]]");
    }

    @Test
    void joinsSetOperationsAndSubqueriesAreExact() {
        assertRows(rowResult(root("SELECT e.id, o.id, o.ts FROM tp.events e JOIN tp.other o ON e.ts = o.ts"), ROOT),
                "[[1,10," + T1 + "]]");
        assertRows(rowResult(root("SELECT e.id, o.ts FROM tp.events e LEFT JOIN tp.other o ON o.ts = e.ts "
                + "ORDER BY e.id"), ROOT), "[[1," + T1 + "],[2,null],[3,null]]");
        assertRows(rowResult(root("SELECT ts FROM tp.events WHERE id = 2 UNION ALL SELECT ts FROM tp.other "
                + "WHERE id = 11"), ROOT), "[[" + T2 + "],[1672567200123001]]");
        assertRows(rowResult(root("SELECT id FROM tp.events WHERE ts = (SELECT MAX(ts) FROM tp.events WHERE id < 3)"),
                ROOT), "[[2]]");
        assertRows(rowResult(root("SELECT id FROM tp.events WHERE ts IN (SELECT ts FROM tp.other)"), ROOT), "[[1]]");
        assertRows(rowResult(root("WITH x AS (SELECT id, ts FROM tp.events WHERE id > 1) SELECT ts FROM x "
                + "ORDER BY id"), ROOT), "[[" + T2 + "],[" + T3 + "]]");
    }

    @Test
    void viewsKeepMicroseconds() {
        Expect.sqlOk(root("CREATE VIEW tp.late AS SELECT id, ts FROM tp.events WHERE ts > '2023-01-01 10:00:00.1235'"),
                1);
        assertRows(rowResult(root("SELECT id, ts FROM tp.late ORDER BY id"), ROOT), "[[2," + T2 + "],[3," + T3 + "]]");
    }

    @Test
    void timestampPrimaryKeyLookupIsExact() {
        Expect.sqlOk(root("CREATE TABLE tp.by_time (happened TIMESTAMP PRIMARY KEY, v INT)"), 1);
        affected(root("INSERT INTO tp.by_time VALUES ('2023-01-01 10:00:00.123456', 1), "
                + "('2023-01-01 10:00:00.123457', 2)"), "Inserted 2 row(s)", 2, ROOT);
        assertRows(rowResult(root("SELECT v, happened FROM tp.by_time WHERE happened = '2023-01-01 10:00:00.123457'"), ROOT),
                "[[2,1672567200123457]]");
        assertRows(rowResult(sqlParams(http, rootToken, "SELECT v FROM tp.by_time WHERE happened = $1", T1), ROOT),
                "[[1]]");
    }

    @Test
    void writesThroughQueriesKeepMicroseconds() {
        Expect.sqlOk(root("CREATE TABLE tp.copy (id INT PRIMARY KEY, ts TIMESTAMP, tm TIME)"), 1);
        affected(root("INSERT INTO tp.copy SELECT id, ts, tm FROM tp.events WHERE id < 3"), "Inserted 2 row(s)", 2,
                ROOT);
        affected(root("UPDATE tp.copy SET tm = '01:02:03.000004' WHERE ts = '2023-01-01 10:00:00.123999'"),
                "Updated 1 row(s)", 1, ROOT);
        assertRows(rowResult(root("SELECT id, ts, tm FROM tp.copy ORDER BY id"), ROOT),
                "[[1," + T1 + ",36000000001],[2," + T2 + ",3723000004]]");
    }

    @Test
    void choicesAmongTimesAreExact() {
        assertRows(rowResult(root("SELECT COALESCE(dtt, ts) FROM tp.events ORDER BY id"), ROOT),
                "[[1672567200000001],[" + T2 + "],[1672567200000002]]");
        assertRows(rowResult(root("SELECT CASE WHEN id = 2 THEN ts END FROM tp.events ORDER BY id"), ROOT),
                "[[null],[" + T2 + "],[null]]");
        assertRows(rowResult(root("SELECT id FROM tp.events WHERE ts > 1672567200123456"), ROOT), "[[2],[3]]");
    }

    @Test
    void intervalArithmeticAndTextAreExact() {
        assertRows(rowResult(root("SELECT ts + INTERVAL '1' SECOND, ts - INTERVAL '1 day', CAST(ts AS TEXT), "
                + "tm::TEXT FROM tp.events WHERE id = 1"), ROOT),
                "[[1672567201123456,1672480800123456,\"2023-01-01 10:00:00.123456\",\"10:00:00.000001\"]]");
        Expect.sqlOk(root("CREATE TABLE tp.shifted (id INT PRIMARY KEY, ts TIMESTAMP)"), 1);
        affected(root("INSERT INTO tp.shifted SELECT id, ts FROM tp.events WHERE id = 1"), "Inserted 1 row(s)", 1,
                ROOT);
        affected(root("UPDATE tp.shifted SET ts = ts + INTERVAL '2' HOUR WHERE id = 1"), "Updated 1 row(s)", 1, ROOT);
        assertRows(rowResult(root("SELECT ts FROM tp.shifted"), ROOT), "[[1672574400123456]]");
        assertRows(rowResult(root("SELECT id FROM tp.events WHERE ts + INTERVAL '1' SECOND = "
                + "'2023-01-01 10:00:01.123999'"), ROOT), "[[2]]");
    }

    @Test
    void castsReadTextAsColumnsDo() {
        assertRows(rowResult(root("SELECT CAST('2024-01-01T10:00:00Z' AS TIMESTAMP), "
                + "CAST('2024-01-01T10:00:00.5+02:00' AS TIMESTAMP), CAST('2024-01-01 10:00:00.123456' AS TIMESTAMP), "
                + "CAST('10:00:00.000001' AS TIME)"), ROOT),
                "[[1704103200000000,1704096000500000,1704103200123456,36000000001]]");
        Expect.sqlErrorWithDetails(root("SELECT CAST('nope' AS TIMESTAMP)"), 400, "SQL_EXECUTION_ERROR",
                "Statement 1 failed: Invalid TIMESTAMP 'nope'", "SELECT CAST('nope' AS TIMESTAMP)");
    }

    @Test
    void monthIntervalsKeepMicroseconds() {
        assertRows(rowResult(root("SELECT ts + INTERVAL '1' MONTH, tm + INTERVAL '1' MINUTE FROM tp.events "
                + "WHERE id = 1"), ROOT), "[[1675245600123456,36060000001]]");
        assertRows(rowResult(root("SELECT id FROM tp.events WHERE NULLIF(ts, '2023-01-01 10:00:00.123456') IS NULL"),
                ROOT), "[[1]]");
    }

    private static Response root(String sql) {
        return http.sql(rootToken, sql);
    }
}
