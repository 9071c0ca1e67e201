package io.kalamdb.e2e;

import static io.kalamdb.e2e.SqlE2ESupport.ROOT;
import static io.kalamdb.e2e.SqlE2ESupport.affected;
import static io.kalamdb.e2e.SqlE2ESupport.assertRows;
import static io.kalamdb.e2e.SqlE2ESupport.bigInt;
import static io.kalamdb.e2e.SqlE2ESupport.columnText;
import static io.kalamdb.e2e.SqlE2ESupport.rowResult;
import static io.kalamdb.e2e.SqlE2ESupport.scalar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * Rows, tombstones, tables, schema versions and views survive a clean restart (SIGTERM) and a crash (SIGKILL) on the
 * same data directory, and a {@code _seq} issued after a restart is greater than every {@code _seq} issued before
 * (README principle 3, storage.md §3, §4.1).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 18, unit = TimeUnit.SECONDS)
class SqlPersistenceE2ETest {

    private static final String ALICE = "alice";
    private static final String ALICE_PW = "Alice-Pass-2024!";
    /** Queries whose complete results must be identical before and after a restart, run as root. */
    private static final List<String> ROOT_QUERIES = List.of(
            "SELECT * FROM durable.items",
            "SELECT * FROM durable.items WHERE _deleted = true",
            "SELECT * FROM durable.mine",
            "SELECT * FROM durable.v_items",
            "SELECT namespace_id, table_name, table_type, version, options FROM system.tables WHERE namespace_id = 'durable' "
                    + "ORDER BY table_name",
            "DESCRIBE durable.items",
            "DESCRIBE durable.items HISTORY");
    /** The same, run as alice. */
    private static final List<String> ALICE_QUERIES = List.of(
            "SELECT * FROM durable.mine",
            "SELECT * FROM durable.feed",
            "SELECT * FROM durable.v_mine");

    private static ServerProcess server;
    private static Http http;
    private static String rootToken;
    private static String aliceToken;

    @BeforeAll
    @Timeout(value = 35, unit = TimeUnit.SECONDS)
    static void startServer() {
        server = ServerProcess.startDefault();
        connect();
        Expect.message(http.sql(rootToken, "CREATE USER " + ALICE + " WITH PASSWORD '" + ALICE_PW + "' ROLE user"),
                "User 'alice' created", ROOT);
        aliceToken = http.login(ALICE, ALICE_PW);
        Expect.message(root("CREATE NAMESPACE durable"), "Namespace 'durable' created successfully", ROOT);
        Expect.message(root("CREATE TABLE durable.items (id INT PRIMARY KEY, v TEXT, price DECIMAL(10,2), doc JSON)"),
                "Table durable.items created successfully (shared)", ROOT);
        Expect.message(root("CREATE USER TABLE durable.mine (id BIGINT PRIMARY KEY DEFAULT SNOWFLAKE_ID(), body TEXT, "
                + "owner TEXT DEFAULT CURRENT_USER())"), "Table durable.mine created successfully (user)", ROOT);
        Expect.message(root("CREATE STREAM TABLE durable.feed (kind TEXT, n INT) WITH (TTL_SECONDS = 3600)"),
                "Table durable.feed created successfully (stream)", ROOT);
        Expect.message(root("CREATE VIEW durable.v_items AS SELECT id, v FROM durable.items WHERE price > 1"),
                "View durable.v_items created successfully", ROOT);
        Expect.message(root("CREATE VIEW durable.v_mine AS SELECT body, owner FROM durable.mine"),
                "View durable.v_mine created successfully", ROOT);
    }

    @AfterAll
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    @Order(1)
    @Timeout(value = 13, unit = TimeUnit.SECONDS)
    void cleanRestartKeepsEverything() {
        affected(root("INSERT INTO durable.items VALUES (1, 'a', 1.50, '{\"k\": 1}'), (2, 'b', 2.25, NULL), "
                + "(3, 'c', 0.99, '[1, 2]')"), "Inserted 3 row(s)", 3, ROOT);
        affected(root("UPDATE durable.items SET v = 'b2', price = price * 2 WHERE id = 2"), "Updated 1 row(s)", 1, ROOT);
        affected(root("DELETE FROM durable.items WHERE id = 3"), "Deleted 1 row(s)", 1, ROOT);
        Expect.message(root("ALTER TABLE durable.items ADD COLUMN qty INT DEFAULT 5"),
                "Table durable.items altered successfully: ADD COLUMN qty INT DEFAULT 5 (version 2)", ROOT);
        affected(root("INSERT INTO durable.mine (body) VALUES ('root-only')"), "Inserted 1 row(s)", 1, ROOT);
        affected(http.sql(aliceToken, "INSERT INTO durable.mine (body) VALUES ('first'), ('second')"),
                "Inserted 2 row(s)", 2, ALICE);
        affected(http.sql(aliceToken, "INSERT INTO durable.feed VALUES ('click', 1), ('view', 2)"),
                "Inserted 2 row(s)", 2, ALICE);

        Map<String, JsonNode> before = snapshot();
        assertRows(before.get("root:SELECT * FROM durable.v_items"), "[[1,\"a\"],[2,\"b2\"]]");
        assertEquals(2, before.get("alice:SELECT * FROM durable.mine").get("row_count").asInt());
        long maxSeq = maxSeq();

        server.stop();
        server.start();
        connect();

        assertEquals(before, snapshot(), "every result must be identical after a clean restart");
        assertNewSeqIsGreater(maxSeq, 10);
    }

    @Test
    @Order(2)
    void killRestartKeepsAcknowledgedWrites() {
        affected(root("INSERT INTO durable.items (id, v, price) VALUES (4, 'd', 9.99)"), "Inserted 1 row(s)", 1, ROOT);
        affected(root("DELETE FROM durable.items WHERE id = 1"), "Deleted 1 row(s)", 1, ROOT);
        Expect.message(root("ALTER TABLE durable.items RENAME COLUMN v TO label"),
                "Table durable.items altered successfully: RENAME COLUMN v TO label (version 3)", ROOT);
        affected(http.sql(aliceToken, "DELETE FROM durable.mine WHERE body = 'first'"), "Deleted 1 row(s)", 1, ALICE);
        affected(http.sql(aliceToken, "INSERT INTO durable.feed VALUES ('tap', 3)"), "Inserted 1 row(s)", 1, ALICE);
        Expect.message(root("CREATE TABLE durable.late (id INT PRIMARY KEY)"),
                "Table durable.late created successfully (shared)", ROOT);
        affected(root("INSERT INTO durable.late VALUES (7)"), "Inserted 1 row(s)", 1, ROOT);
        Expect.message(root("DROP VIEW durable.v_items"), "View durable.v_items dropped successfully", ROOT);
        Expect.message(root("CREATE VIEW durable.v_items AS SELECT id, label FROM durable.items WHERE price > 5"),
                "View durable.v_items created successfully", ROOT);

        Map<String, JsonNode> before = snapshot();
        assertRows(before.get("root:SELECT * FROM durable.v_items"), "[[4,\"d\"]]");
        assertEquals(List.of("second"), columnText(before.get("alice:SELECT * FROM durable.mine"), 1));
        assertEquals(3, before.get("alice:SELECT * FROM durable.feed").get("row_count").asInt());
        long maxSeq = maxSeq();

        server.kill();
        server.start();
        connect();

        assertEquals(before, snapshot(), "every acknowledged write must survive kill -9");
        assertRows(rowResult(root("SELECT id FROM durable.late"), ROOT), "[[7]]");
        assertRows(rowResult(root("SELECT id FROM durable.items WHERE _deleted = true ORDER BY id"), ROOT), "[[1],[3],[10]]");
        assertNewSeqIsGreater(maxSeq, 11);
    }

    // ---- helpers ----------------------------------------------------------------------------------------------------

    private static void connect() {
        http = new Http(server.baseUrl());
        rootToken = http.login(ROOT, ServerProcess.ROOT_PASSWORD);
        if (aliceToken != null) {
            aliceToken = http.login(ALICE, ALICE_PW);
        }
    }

    private static Response root(String sql) {
        return http.sql(rootToken, sql);
    }

    /** The complete result entry of every snapshot query, keyed by caller and SQL. */
    private static Map<String, JsonNode> snapshot() {
        Map<String, JsonNode> results = new LinkedHashMap<>();
        ROOT_QUERIES.forEach(sql -> results.put("root:" + sql, rowResult(root(sql), ROOT)));
        ALICE_QUERIES.forEach(sql -> results.put("alice:" + sql, rowResult(http.sql(aliceToken, sql), ALICE)));
        return results;
    }

    /** The greatest _seq of every latest version (tombstones included) and stream row of both users. */
    private static long maxSeq() {
        long max = 0;
        max = Math.max(max, maxOf(rowResult(root("SELECT _seq FROM durable.items WHERE _deleted = true OR _deleted = false"),
                ROOT)));
        max = Math.max(max, maxOf(rowResult(root("SELECT _seq FROM durable.mine WHERE _deleted = true OR _deleted = false"),
                ROOT)));
        max = Math.max(max, maxOf(rowResult(http.sql(aliceToken, "SELECT _seq FROM durable.mine "
                + "WHERE _deleted = true OR _deleted = false"), ALICE)));
        max = Math.max(max, maxOf(rowResult(http.sql(aliceToken, "SELECT _seq FROM durable.feed"), ALICE)));
        assertTrue(max > 0, "rows must exist before the restart");
        return max;
    }

    private static long maxOf(JsonNode result) {
        long max = 0;
        for (JsonNode row : result.get("rows")) {
            max = Math.max(max, bigInt(row.get(0)));
        }
        return max;
    }

    /** Inserts one shared row, one user row and one stream row; each new _seq must exceed {@code maxSeq}. */
    private static void assertNewSeqIsGreater(long maxSeq, int id) {
        affected(root("INSERT INTO durable.items (id, price) VALUES (" + id + ", 1)"), "Inserted 1 row(s)", 1, ROOT);
        long shared = bigInt(scalar(root("SELECT _seq FROM durable.items WHERE id = " + id), ROOT));
        affected(http.sql(aliceToken, "INSERT INTO durable.mine (body) VALUES ('after-" + id + "')"), "Inserted 1 row(s)", 1,
                ALICE);
        long user = bigInt(scalar(http.sql(aliceToken, "SELECT _seq FROM durable.mine WHERE body = 'after-" + id + "'"),
                ALICE));
        affected(http.sql(aliceToken, "INSERT INTO durable.feed VALUES ('after', " + id + ")"), "Inserted 1 row(s)", 1, ALICE);
        long stream = bigInt(scalar(http.sql(aliceToken, "SELECT _seq FROM durable.feed WHERE n = " + id), ALICE));
        for (long seq : new long[] {shared, user, stream}) {
            assertTrue(seq > maxSeq, () -> "a _seq issued after the restart (" + seq + ") must exceed every earlier _seq ("
                    + maxSeq + ")");
        }
        affected(root("DELETE FROM durable.items WHERE id = " + id), "Deleted 1 row(s)", 1, ROOT);
        affected(http.sql(aliceToken, "DELETE FROM durable.mine WHERE body = 'after-" + id + "'"), "Deleted 1 row(s)", 1, ALICE);
        affected(http.sql(aliceToken, "DELETE FROM durable.feed WHERE n = " + id), "Deleted 1 row(s)", 1, ALICE);
    }
}
