package io.kalamdb.e2e;

import static io.kalamdb.e2e.SqlE2ESupport.ROOT;
import static io.kalamdb.e2e.SqlE2ESupport.affected;
import static io.kalamdb.e2e.SqlE2ESupport.assertRows;
import static io.kalamdb.e2e.SqlE2ESupport.assertSchema;
import static io.kalamdb.e2e.SqlE2ESupport.col;
import static io.kalamdb.e2e.SqlE2ESupport.columnNames;
import static io.kalamdb.e2e.SqlE2ESupport.columnText;
import static io.kalamdb.e2e.SqlE2ESupport.rowResult;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Table and view DDL (sql.md §3–§5): CREATE TABLE of every type with its messages and validation errors, DESCRIBE,
 * SHOW TABLES, ALTER TABLE with schema versions and DESCRIBE HISTORY, DROP TABLE, views and SHOW STATS.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class SqlTablesE2ETest {

    private static final String NS = "tbl";
    private static final String ALICE = "alice";
    private static final String ALICE_PW = "Alice-Pass-2024!";
    private static final String SAM = "sam";
    private static final String SAM_PW = "Sam-Pass-2024!";
    private static final Pattern DROP_MESSAGE =
            Pattern.compile("Table (\\w+\\.\\w+) dropped successfully\\. Cleanup job: (CL-[0-9a-f]{12})");

    private static final String[][] DESCRIBE_COLUMNS = {
        {"column_name", "Text", "nn"}, {"ordinal_position", "Int", "nn"}, {"column_id", "BigInt", "nn"},
        {"data_type", "Text", "nn"}, {"is_nullable", "Boolean", "nn"}, {"is_primary_key", "Boolean", "nn"},
        {"column_default", "Text"}, {"column_comment", "Text"}, {"schema_version", "Int", "nn"}};

    private static ServerProcess server;
    private static Http http;
    private static String rootToken;
    private static String aliceToken;
    private static String samToken;

    @BeforeAll
    @Timeout(value = 35, unit = TimeUnit.SECONDS)
    static void startServer() {
        server = ServerProcess.startDefault();
        http = new Http(server.baseUrl());
        rootToken = http.login(ROOT, ServerProcess.ROOT_PASSWORD);
        Expect.message(root("CREATE NAMESPACE " + NS), "Namespace '" + NS + "' created successfully", ROOT);
        aliceToken = SqlE2ESupport.createUserAndLogin(http, rootToken, ALICE, ALICE_PW, "user");
        samToken = SqlE2ESupport.createUserAndLogin(http, rootToken, SAM, SAM_PW, "service");
    }

    @AfterAll
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    // ---- CREATE TABLE ---------------------------------------------------------------------------------------------

    @Test
    void createTableOfEachTypeAnswersItsMessage() {
        Expect.message(root("CREATE USER TABLE tbl.c_user (id BIGINT PRIMARY KEY, v TEXT)"),
                "Table tbl.c_user created successfully (user)", ROOT);
        Expect.message(root("CREATE SHARED TABLE tbl.c_shared (id BIGINT PRIMARY KEY, v TEXT)"),
                "Table tbl.c_shared created successfully (shared)", ROOT);
        Expect.message(root("CREATE STREAM TABLE tbl.c_stream (id BIGINT, v TEXT) WITH (TTL_SECONDS = 60)"),
                "Table tbl.c_stream created successfully (stream)", ROOT);
        Expect.message(root("CREATE TABLE tbl.c_plain (id BIGINT PRIMARY KEY, v TEXT)"),
                "Table tbl.c_plain created successfully (shared)", ROOT);
        Expect.message(root("CREATE TABLE tbl.c_with (id BIGINT PRIMARY KEY) WITH (type = 'user')"),
                "Table tbl.c_with created successfully (user)", ROOT);
        Expect.message(root("CREATE TABLE tbl.c_stream2 (id BIGINT) WITH (TYPE = 'STREAM', TTL_SECONDS = '30')"),
                "Table tbl.c_stream2 created successfully (stream)", ROOT);

        JsonNode tables = rowResult(root("SELECT table_name, table_type FROM system.tables "
                + "WHERE namespace_id = 'tbl' AND table_name IN ('c_plain', 'c_shared', 'c_stream', 'c_stream2', 'c_user', "
                + "'c_with') ORDER BY table_name"), ROOT);
        assertRows(tables, "[[\"c_plain\",\"shared\"],[\"c_shared\",\"shared\"],[\"c_stream\",\"stream\"],"
                + "[\"c_stream2\",\"stream\"],[\"c_user\",\"user\"],[\"c_with\",\"user\"]]");
    }

    @Test
    void serviceRoleCanCreateTablesAndNoTypeIsStillShared() {
        Expect.message(http.sql(samToken, "CREATE TABLE tbl.by_service (id INT PRIMARY KEY)"),
                "Table tbl.by_service created successfully (shared)", SAM);
    }

    @Test
    void userRoleCannotCreateTablesOfAnyType() {
        for (String sql : List.of("CREATE TABLE tbl.by_user (id INT PRIMARY KEY)",
                "CREATE USER TABLE tbl.by_user (id INT PRIMARY KEY)",
                "CREATE STREAM TABLE tbl.by_user (id INT) WITH (TTL_SECONDS = 5)")) {
            Expect.sqlErrorNoDetails(http.sql(aliceToken, sql), 403, "PERMISSION_DENIED",
                    "Statement 1 failed: Role 'user' cannot create tables");
        }
    }

    @Test
    void ifNotExistsOnAnExistingTable() {
        Expect.message(root("CREATE TABLE tbl.twice (id INT PRIMARY KEY)"), "Table tbl.twice created successfully (shared)",
                ROOT);
        Expect.message(root("CREATE TABLE IF NOT EXISTS tbl.twice (id INT PRIMARY KEY, other TEXT)"),
                "Table tbl.twice already exists (IF NOT EXISTS)", ROOT);
        assertError("CREATE TABLE tbl.twice (id INT PRIMARY KEY)", "Table tbl.twice already exists");
        assertError("CREATE USER TABLE tbl.TWICE (id INT PRIMARY KEY)", "Table tbl.twice already exists");
        assertEquals(List.of("id", "_seq", "_deleted"), columnText(describe("tbl.twice"), 0),
                "IF NOT EXISTS must not change the existing definition");
    }

    @Test
    void namesAreStoredInLowerCaseAndColumnsKeepTheirCase() {
        Expect.message(root("CREATE TABLE Tbl.MixedCase (Id INT PRIMARY KEY, firstName TEXT)"),
                "Table tbl.mixedcase created successfully (shared)", ROOT);
        assertEquals(List.of("Id", "firstName", "_seq", "_deleted"), columnText(describe("TBL.MIXEDCASE"), 0));
    }

    @Test
    void missingNamespace() {
        assertError("CREATE TABLE ghost.t (id INT PRIMARY KEY)",
                "Namespace 'ghost' does not exist. Create it first with CREATE NAMESPACE ghost");
    }

    static Stream<Arguments> invalidCreateStatements() {
        return Stream.of(
                Arguments.of("CREATE TABLE tbl._hidden (id INT PRIMARY KEY)",
                        "Name cannot start with underscore (reserved for system columns)"),
                Arguments.of("CREATE TABLE tbl.\"select\" (id INT PRIMARY KEY)",
                        "Name 'select' is a reserved SQL keyword and cannot be used"),
                Arguments.of("CREATE TABLE tbl.\"a-b\" (id INT PRIMARY KEY)",
                        "Name 'a-b' contains invalid characters (only alphanumeric and underscore allowed)"),
                Arguments.of("CREATE TABLE tbl.\"1abc\" (id INT PRIMARY KEY)", "Name cannot start with a number"),
                Arguments.of("CREATE TABLE tbl.bad (id INT PRIMARY KEY, _x INT)",
                        "Name cannot start with underscore (reserved for system columns)"),
                Arguments.of("CREATE TABLE tbl.bad (id INT PRIMARY KEY, _seq INT)",
                        "Column name '_seq' is reserved and cannot be used"),
                Arguments.of("CREATE TABLE tbl.bad (id INT PRIMARY KEY, _deleted BOOLEAN)",
                        "Column name '_deleted' is reserved and cannot be used"),
                Arguments.of("CREATE TABLE tbl.bad (id INT, v TEXT)", "Shared tables require a PRIMARY KEY column"),
                Arguments.of("CREATE USER TABLE tbl.bad (id INT, v TEXT)", "User tables require a PRIMARY KEY column"),
                Arguments.of("CREATE TABLE tbl.bad (a INT, b INT, PRIMARY KEY (a, b))",
                        "Composite PRIMARY KEYs are not supported yet"),
                Arguments.of("CREATE TABLE tbl.bad (a INT PRIMARY KEY, b INT PRIMARY KEY)",
                        "Multiple PRIMARY KEY definitions found"),
                Arguments.of("CREATE TABLE tbl.bad (a INT, PRIMARY KEY (x))",
                        "PRIMARY KEY column 'x' not found in column list"),
                Arguments.of("CREATE TABLE tbl.bad (doc JSON PRIMARY KEY)", "PRIMARY KEY column 'doc' cannot have type JSON"),
                Arguments.of("CREATE TABLE tbl.bad (id INT PRIMARY KEY) WITH (COLOR = 'red')", "Unknown table option 'COLOR'"),
                Arguments.of("CREATE STREAM TABLE tbl.bad (id INT, v TEXT)", "STREAM tables must specify 'TTL_SECONDS'"),
                Arguments.of("CREATE STREAM TABLE tbl.bad (id INT) WITH (TTL_SECONDS = 0)", "Invalid TTL_SECONDS"),
                Arguments.of("CREATE TABLE tbl.bad (id INT PRIMARY KEY) WITH (TTL_SECONDS = 10)",
                        "TTL_SECONDS is only supported for STREAM tables"),
                Arguments.of("CREATE USER TABLE tbl.bad (id INT PRIMARY KEY) WITH (TYPE = 'SHARED')",
                        "Table type 'SHARED' in WITH conflicts with CREATE USER TABLE"),
                Arguments.of("CREATE TABLE tbl.bad (id INT PRIMARY KEY) WITH (TYPE = 'SYSTEM')",
                        "Cannot create SYSTEM tables via SQL"),
                Arguments.of("CREATE TABLE system.bad (id INT PRIMARY KEY)", "Cannot create tables in the system namespace"),
                Arguments.of("CREATE TABLE tbl.bad (id INT PRIMARY KEY, v TINYINT)",
                        "Unsupported SQL data type: TINYINT (use SMALLINT)"),
                Arguments.of("CREATE TABLE tbl.bad (id INT PRIMARY KEY, v INT, V TEXT)",
                        "Duplicate column name 'V'. Column names are case-insensitive."),
                Arguments.of("CREATE TABLE tbl.bad (id INT PRIMARY KEY, u TEXT UNIQUE)",
                        "UNIQUE constraints are not supported (only the PRIMARY KEY is unique)"),
                Arguments.of("CREATE TABLE tbl.bad (id INT PRIMARY KEY, x TEXT DEFAULT SNOWFLAKE_ID())",
                        "DEFAULT SNOWFLAKE_ID() requires a BIGINT column"),
                Arguments.of("CREATE TABLE tbl.bad (id INT PRIMARY KEY, x TEXT AUTO_INCREMENT)",
                        "AUTO_INCREMENT requires an integer column"),
                Arguments.of("CREATE TABLE tbl.bad (id INT PRIMARY KEY) WITH (ACCESS_LEVEL = 'open')",
                        "Invalid ACCESS_LEVEL 'open'. Supported: PUBLIC, PRIVATE, RESTRICTED, DBA"),
                Arguments.of("CREATE USER TABLE tbl.bad (id INT PRIMARY KEY) WITH (ACCESS_LEVEL = 'PUBLIC')",
                        "ACCESS_LEVEL is only supported for SHARED tables"));
    }

    @ParameterizedTest
    @MethodSource("invalidCreateStatements")
    void invalidCreateTable(String sql, String message) {
        assertError(sql, message);
        JsonNode bad = rowResult(root("SELECT COUNT(*) FROM system.tables WHERE table_name = 'bad'"), ROOT);
        assertRows(bad, "[[\"0\"]]");
    }

    // ---- DESCRIBE and SHOW TABLES -----------------------------------------------------------------------------------

    @Test
    void describeListsUserColumnsThenSystemColumns() {
        Expect.message(root("CREATE USER TABLE tbl.messages (id BIGINT PRIMARY KEY DEFAULT SNOWFLAKE_ID(), "
                + "content TEXT NOT NULL COMMENT 'body', author TEXT DEFAULT CURRENT_USER(), "
                + "created_at TIMESTAMP DEFAULT NOW(), status TEXT DEFAULT 'active', price DECIMAL(10,2), "
                + "vec EMBEDDING(4))"), "Table tbl.messages created successfully (user)", ROOT);
        JsonNode result = describe("tbl.messages");
        assertDescribeSchema(result);
        assertRows(result, "["
                + "[\"id\",1,\"1\",\"BIGINT\",false,true,\"SNOWFLAKE_ID()\",null,1],"
                + "[\"content\",2,\"2\",\"TEXT\",false,false,null,\"body\",1],"
                + "[\"author\",3,\"3\",\"TEXT\",true,false,\"CURRENT_USER()\",null,1],"
                + "[\"created_at\",4,\"4\",\"TIMESTAMP\",true,false,\"NOW()\",null,1],"
                + "[\"status\",5,\"5\",\"TEXT\",true,false,\"'active'\",null,1],"
                + "[\"price\",6,\"6\",\"DECIMAL(10,2)\",true,false,null,null,1],"
                + "[\"vec\",7,\"7\",\"EMBEDDING(4)\",true,false,null,null,1],"
                + "[\"_seq\",8,\"8\",\"BIGINT\",false,false,null,null,1],"
                + "[\"_deleted\",9,\"9\",\"BOOLEAN\",false,false,\"false\",null,1]]");
        assertRows(rowResult(root("DESC TABLE tbl.messages"), ROOT), result.get("rows").toString());
    }

    @Test
    void describeIsOpenToEveryRole() {
        Expect.message(root("CREATE USER TABLE tbl.described (id INT PRIMARY KEY, v TEXT)"),
                "Table tbl.described created successfully (user)", ROOT);
        JsonNode result = rowResult(http.sql(aliceToken, "DESCRIBE tbl.described"), ALICE);
        assertDescribeSchema(result);
        assertEquals(List.of("id", "v", "_seq", "_deleted"), columnText(result, 0));
    }

    @Test
    void describeMissingTable() {
        Expect.sqlErrorWithDetails(root("DESCRIBE tbl.nope"), 404, "TABLE_NOT_FOUND",
                "Statement 1 failed: Table 'tbl.nope' not found", "DESCRIBE tbl.nope");
        Expect.sqlErrorNoDetails(http.sql(aliceToken, "DESCRIBE tbl.nope"), 404, "TABLE_NOT_FOUND", "SQL statement failed");
    }

    @Test
    void describeSystemTableIsOpenToEveryRole() {
        JsonNode result = describe("system.namespaces");
        assertDescribeSchema(result);
        assertRows(result, "["
                + "[\"namespace_id\",1,\"1\",\"TEXT\",false,true,null,null,1],"
                + "[\"name\",2,\"2\",\"TEXT\",false,false,null,null,1],"
                + "[\"created_at\",3,\"3\",\"TIMESTAMP\",false,false,null,null,1],"
                + "[\"options\",4,\"4\",\"JSON\",true,false,null,null,1],"
                + "[\"table_count\",5,\"5\",\"INT\",false,false,null,null,1]]");
        assertEquals(result.get("rows"), rowResult(http.sql(aliceToken, "DESCRIBE system.namespaces"), ALICE)
                .get("rows"), "DESCRIBE is no query over system.* and is open to every role (auth.md §10)");
        Expect.sqlErrorWithDetails(root("DESCRIBE system.namespaces HISTORY"), 400, "SQL_EXECUTION_ERROR",
                "Statement 1 failed: System table system.namespaces has no schema history",
                "DESCRIBE system.namespaces HISTORY");
    }

    @Test
    void describeViewListsTheColumnsItsQueryDerives() {
        Expect.message(root("CREATE USER TABLE tbl.viewed (id INT PRIMARY KEY, v TEXT NOT NULL, n DOUBLE)"),
                "Table tbl.viewed created successfully (user)", ROOT);
        Expect.message(root("CREATE VIEW tbl.viewed_v AS SELECT id, v, n * 2 AS twice FROM tbl.viewed"),
                "View tbl.viewed_v created successfully", ROOT);
        JsonNode result = rowResult(http.sql(aliceToken, "DESCRIBE tbl.viewed_v"), ALICE);
        assertDescribeSchema(result);
        assertRows(result, "["
                + "[\"id\",1,\"1\",\"INT\",false,false,null,null,1],"
                + "[\"v\",2,\"2\",\"TEXT\",false,false,null,null,1],"
                + "[\"twice\",3,\"3\",\"DOUBLE\",true,false,null,null,1]]");
    }

    @Test
    void showTablesListsTablesOfANamespaceInNameOrder() {
        Expect.message(root("CREATE NAMESPACE shw"), "Namespace 'shw' created successfully", ROOT);
        Expect.message(root("CREATE USER TABLE shw.zeta (id INT PRIMARY KEY) WITH (FLUSH_POLICY = 'rows:1000')"),
                "Table shw.zeta created successfully (user)", ROOT);
        Expect.message(root("CREATE TABLE shw.alpha (id INT PRIMARY KEY) WITH (ACCESS_LEVEL = 'PUBLIC')"),
                "Table shw.alpha created successfully (shared)", ROOT);
        Expect.message(root("CREATE STREAM TABLE shw.mid (id INT) WITH (TTL_SECONDS = 60)"),
                "Table shw.mid created successfully (stream)", ROOT);
        JsonNode result = rowResult(root("SHOW TABLES IN shw"), ROOT);
        assertSchema(result, col("namespace_id", "Text", "nn"), col("table_name", "Text", "nn"),
                col("table_type", "Text", "nn"), col("storage_id", "Text"), col("version", "BigInt", "nn"),
                col("options", "Json"), col("comment", "Text"), col("updated_at", "Timestamp", "nn"),
                col("created_at", "Timestamp", "nn"));
        assertEquals(List.of("alpha", "mid", "zeta"), columnText(result, 1));
        assertEquals(List.of("shared", "stream", "user"), columnText(result, 2));
        JsonNode zeta = result.get("rows").get(2);
        assertEquals("local", zeta.get(3).asText());
        assertEquals("1", zeta.get(4).asText());
        assertEquals(Json.parse("{\"table_type\":\"user\",\"storage_id\":\"local\",\"flush_policy\":{\"rows\":1000,"
                + "\"interval_seconds\":null},\"deleted_retention_hours\":168,\"use_user_storage\":false}"),
                Json.parse(zeta.get(5).asText()));
        assertEquals(Json.parse("{\"table_type\":\"stream\",\"ttl_seconds\":60}"),
                Json.parse(result.get("rows").get(1).get(5).asText()));
        assertEquals("public", Json.parse(result.get("rows").get(0).get(5).asText()).get("access_level").asText());
        assertEquals(zeta.get(7), zeta.get(8), "a new table has updated_at = created_at");

        assertEquals(List.of("alpha", "mid", "zeta"), columnText(rowResult(root("SHOW TABLES IN NAMESPACE shw"), ROOT), 1));
        assertEquals(List.of("alpha", "mid", "zeta"), columnText(rowResult(http.sql(aliceToken, "SHOW TABLES IN shw"),
                ALICE), 1));
        assertError("SHOW TABLES IN ghost", "Namespace 'ghost' does not exist");
    }

    // ---- ALTER TABLE ----------------------------------------------------------------------------------------------

    @Test
    void alterTableVersionsAndHistory() {
        Expect.message(root("CREATE TABLE tbl.items (id INT PRIMARY KEY, name TEXT, stock INT, price INT)"),
                "Table tbl.items created successfully (shared)", ROOT);
        Expect.sqlOk(root("INSERT INTO tbl.items VALUES (1, 'pen', 5, 3), (2, 'ink', 0, 7)"), 1);

        Expect.message(root("ALTER TABLE tbl.items ADD COLUMN age INT DEFAULT 7"),
                "Table tbl.items altered successfully: ADD COLUMN age INT DEFAULT 7 (version 2)", ROOT);
        Expect.message(root("ALTER TABLE tbl.items DROP COLUMN stock"),
                "Table tbl.items altered successfully: DROP COLUMN stock (version 3)", ROOT);
        Expect.message(root("ALTER TABLE tbl.items RENAME COLUMN price TO cost"),
                "Table tbl.items altered successfully: RENAME COLUMN price TO cost (version 4)", ROOT);
        Expect.message(root("ALTER TABLE tbl.items MODIFY COLUMN age BIGINT"),
                "Table tbl.items altered successfully: MODIFY COLUMN age BIGINT (version 5)", ROOT);
        Expect.message(root("ALTER TABLE tbl.items MODIFY COLUMN age BIGINT"),
                "Table tbl.items unchanged: MODIFY COLUMN age BIGINT (version 5 - no changes needed)", ROOT);

        JsonNode described = describe("tbl.items");
        assertRows(described, "["
                + "[\"id\",1,\"1\",\"INT\",false,true,null,null,5],"
                + "[\"name\",2,\"2\",\"TEXT\",true,false,null,null,5],"
                + "[\"cost\",3,\"4\",\"INT\",true,false,null,null,5],"
                + "[\"age\",4,\"7\",\"BIGINT\",true,false,\"7\",null,5],"
                + "[\"_seq\",5,\"5\",\"BIGINT\",false,false,null,null,5],"
                + "[\"_deleted\",6,\"6\",\"BOOLEAN\",false,false,\"false\",null,5]]");

        JsonNode rows = rowResult(root("SELECT id, name, cost, age FROM tbl.items"), ROOT);
        assertSchema(rows, col("id", "Int", "nn", "pk", "uq"), col("name", "Text"), col("cost", "Int"), col("age", "BigInt"));
        assertRows(rows, "[[1,\"pen\",3,\"7\"],[2,\"ink\",7,\"7\"]]");

        JsonNode history = rowResult(root("DESCRIBE tbl.items HISTORY"), ROOT);
        assertSchema(history, col("schema_version", "Int", "nn"), col("is_latest", "Boolean", "nn"),
                col("created_at", "Timestamp", "nn"), col("columns", "Json", "nn"));
        assertEquals(List.of("1", "2", "3", "4", "5"), columnText(history, 0));
        assertEquals(List.of("false", "false", "false", "false", "true"), columnText(history, 1));
        JsonNode v1 = Json.parse(history.get("rows").get(0).get(3).asText());
        assertEquals(List.of("id", "name", "stock", "price", "_seq", "_deleted"), names(v1));
        assertEquals(Json.parse("{\"column_id\":1,\"column_name\":\"id\",\"ordinal_position\":1,\"data_type\":\"Int\","
                + "\"is_nullable\":false,\"is_primary_key\":true,\"default_value\":null,\"comment\":null}"), v1.get(0));
        JsonNode v5 = Json.parse(history.get("rows").get(4).get(3).asText());
        assertEquals(List.of("id", "name", "cost", "age", "_seq", "_deleted"), names(v5));
        assertEquals("BigInt", v5.get(3).get("data_type").asText());
        assertEquals(Json.parse("{\"literal\":7}"), v5.get(3).get("default_value"));

        JsonNode schemas = rowResult(root("SELECT schema_version, is_latest FROM system.schemas "
                + "WHERE table_id = 'tbl.items' ORDER BY schema_version"), ROOT);
        assertRows(schemas, "[[1,false],[2,false],[3,false],[4,false],[5,true]]");
    }

    @Test
    void alterTableErrors() {
        Expect.message(root("CREATE TABLE tbl.altered (id INT PRIMARY KEY, name TEXT)"),
                "Table tbl.altered created successfully (shared)", ROOT);
        Expect.sqlOk(root("INSERT INTO tbl.altered VALUES (1, 'a')"), 1);
        assertError("ALTER TABLE tbl.altered DROP COLUMN id", "Cannot drop primary key column 'id'");
        assertError("ALTER TABLE tbl.altered MODIFY COLUMN name INT", "Unsupported type change for column 'name': TEXT to INT");
        assertError("ALTER TABLE tbl.altered ADD COLUMN x INT FIRST", "Column positioning (FIRST/AFTER) is not supported");
        assertError("ALTER TABLE tbl.altered ADD COLUMN req INT NOT NULL",
                "Cannot add NOT NULL column 'req' without a DEFAULT to a table that already has rows");
        assertError("ALTER TABLE tbl.altered DROP COLUMN ghost", "Column 'ghost' does not exist in table tbl.altered");
        assertError("ALTER TABLE tbl.altered DROP COLUMN _seq", "Cannot alter system column '_seq'");
        assertError("ALTER TABLE tbl.altered RENAME COLUMN name TO _deleted", "Cannot alter system column '_deleted'");
        Expect.sqlErrorWithDetails(root("ALTER TABLE tbl.ghost ADD COLUMN x INT"), 404, "TABLE_NOT_FOUND",
                "Statement 1 failed: Table 'tbl.ghost' not found", "ALTER TABLE tbl.ghost ADD COLUMN x INT");
        Expect.sqlErrorNoDetails(http.sql(aliceToken, "ALTER TABLE tbl.altered ADD COLUMN x INT"), 403,
                "PERMISSION_DENIED", "Statement 1 failed: Role 'user' cannot alter tables");
        assertEquals("1", describe("tbl.altered").get("rows").get(0).get(8).asText(), "failed ALTERs keep version 1");
    }

    // ---- DROP TABLE -------------------------------------------------------------------------------------------------

    @Test
    void dropTableAndRecreateStartsEmpty() {
        Expect.message(root("CREATE TABLE tbl.dropme (id INT PRIMARY KEY, v TEXT)"),
                "Table tbl.dropme created successfully (shared)", ROOT);
        Expect.sqlOk(root("INSERT INTO tbl.dropme VALUES (1, 'a'), (2, 'b')"), 1);
        String first = dropTable("tbl.dropme");
        Expect.sqlErrorWithDetails(root("SELECT * FROM tbl.dropme"), 404, "TABLE_NOT_FOUND",
                "Statement 1 failed: Table 'tbl.dropme' not found", "SELECT * FROM tbl.dropme");

        Expect.message(root("CREATE TABLE tbl.dropme (id INT PRIMARY KEY, v TEXT)"),
                "Table tbl.dropme created successfully (shared)", ROOT);
        JsonNode empty = rowResult(root("SELECT * FROM tbl.dropme"), ROOT);
        assertRows(empty, "[]");
        assertEquals("1", describe("tbl.dropme").get("rows").get(0).get(8).asText(), "a re-created table starts at version 1");
        affected(root("INSERT INTO tbl.dropme VALUES (1, 'new')"), "Inserted 1 row(s)", 1, ROOT);
        assertRows(rowResult(root("SELECT id, v FROM tbl.dropme"), ROOT), "[[1,\"new\"]]");
        String second = dropTable("tbl.dropme");
        assertNotEquals(first, second, "each drop creates its own cleanup job");
    }

    @Test
    void dropTableMessagesAndRefusals() {
        Expect.message(root("CREATE TABLE tbl.guarded (id INT PRIMARY KEY)"),
                "Table tbl.guarded created successfully (shared)", ROOT);
        Expect.message(root("DROP TABLE IF EXISTS tbl.never"), "Table tbl.never does not exist (skipped)", ROOT);
        Expect.sqlErrorWithDetails(root("DROP TABLE tbl.never"), 404, "TABLE_NOT_FOUND",
                "Statement 1 failed: Table 'tbl.never' not found", "DROP TABLE tbl.never");
        assertError("DROP USER TABLE tbl.guarded", "Table tbl.guarded is a SHARED table, not a USER table");
        Expect.sqlErrorNoDetails(http.sql(aliceToken, "DROP TABLE tbl.guarded"), 403, "PERMISSION_DENIED",
                "Statement 1 failed: Role 'user' cannot drop tables");
        Expect.sqlErrorNoDetails(http.sql(samToken, "DROP TABLE tbl.guarded"), 403, "PERMISSION_DENIED",
                "Statement 1 failed: Role 'service' cannot drop tables");
        assertError("DROP TABLE system.users", "Cannot drop system table 'system.users'");
        Expect.sqlErrorNoDetails(http.sql(aliceToken, "DROP TABLE system.users"), 403, "PERMISSION_DENIED",
                "Statement 1 failed: Role 'user' cannot drop tables");
        assertError("ALTER TABLE system.users ADD COLUMN x INT", "Cannot alter system table 'system.users'");
        assertEquals(List.of("id", "_seq", "_deleted"), columnText(describe("tbl.guarded"), 0));
    }

    // ---- views ------------------------------------------------------------------------------------------------------

    @Test
    void viewLifecycle() {
        Expect.message(root("CREATE TABLE tbl.staff (id INT PRIMARY KEY, name TEXT, dept TEXT)"),
                "Table tbl.staff created successfully (shared)", ROOT);
        Expect.sqlOk(root("INSERT INTO tbl.staff VALUES (1, 'Al', 'eng'), (2, 'Bo', 'ops'), (3, 'Cy', 'eng')"), 1);
        Expect.message(root("CREATE VIEW tbl.engineers AS SELECT id, name FROM tbl.staff WHERE dept = 'eng'"),
                "View tbl.engineers created successfully", ROOT);

        JsonNode rows = rowResult(root("SELECT * FROM tbl.engineers ORDER BY id"), ROOT);
        assertEquals(List.of("id", "name"), columnNames(rows));
        assertRows(rows, "[[1,\"Al\"],[3,\"Cy\"]]");

        JsonNode listed = rowResult(root("SELECT table_type, options FROM system.tables "
                + "WHERE namespace_id = 'tbl' AND table_name = 'engineers'"), ROOT);
        assertEquals("view", listed.get("rows").get(0).get(0).asText());
        assertEquals(Json.parse("{\"sql\":\"SELECT id, name FROM tbl.staff WHERE dept = 'eng'\"}"),
                Json.parse(listed.get("rows").get(0).get(1).asText()));

        assertError("CREATE VIEW tbl.staff AS SELECT 1", "Table tbl.staff already exists");
        assertError("INSERT INTO tbl.engineers (id, name) VALUES (9, 'x')", "Cannot modify view tbl.engineers");
        assertError("DELETE FROM tbl.engineers", "Cannot modify view tbl.engineers");
        assertRows(rowResult(http.sql(aliceToken, "SELECT column_name, ordinal_position, is_nullable, data_type "
                + "FROM information_schema.columns WHERE table_schema = 'tbl' AND table_name = 'engineers' "
                + "ORDER BY ordinal_position"), ALICE), "[[\"id\",1,\"NO\",\"INT\"],[\"name\",2,\"YES\",\"TEXT\"]]");
        assertError("DROP TABLE tbl.engineers", "tbl.engineers is a view, not a table (use DROP VIEW)");
        assertError("DROP VIEW tbl.staff", "tbl.staff is a table, not a view (use DROP TABLE)");
        Expect.sqlErrorNoDetails(http.sql(aliceToken, "CREATE VIEW tbl.mine AS SELECT 1"), 403, "PERMISSION_DENIED",
                "Statement 1 failed: Admin privileges (DBA or System role) required for view management");
        Expect.sqlErrorNoDetails(http.sql(aliceToken, "DROP VIEW tbl.engineers"), 403, "PERMISSION_DENIED",
                "Statement 1 failed: Admin privileges (DBA or System role) required for view management");

        Expect.message(root("DROP VIEW tbl.engineers"), "View tbl.engineers dropped successfully", ROOT);
        Expect.message(root("DROP VIEW IF EXISTS tbl.engineers"), "View tbl.engineers does not exist (skipped)", ROOT);
        Expect.sqlErrorWithDetails(root("SELECT * FROM tbl.engineers"), 404, "TABLE_NOT_FOUND",
                "Statement 1 failed: Table 'tbl.engineers' not found", "SELECT * FROM tbl.engineers");
        assertRows(rowResult(root("SELECT COUNT(*) FROM tbl.staff"), ROOT), "[[\"3\"]]");
    }

    @Test
    void viewOverAUserTableUsesTheCallersScope() {
        Expect.message(root("CREATE USER TABLE tbl.notes (id INT PRIMARY KEY, body TEXT)"),
                "Table tbl.notes created successfully (user)", ROOT);
        affected(root("INSERT INTO tbl.notes VALUES (1, 'root note')"), "Inserted 1 row(s)", 1, ROOT);
        affected(http.sql(aliceToken, "INSERT INTO tbl.notes VALUES (1, 'alice note'), (2, 'second')"),
                "Inserted 2 row(s)", 2, ALICE);
        Expect.message(root("CREATE VIEW tbl.my_notes AS SELECT id, body FROM tbl.notes"),
                "View tbl.my_notes created successfully", ROOT);
        assertRows(rowResult(http.sql(aliceToken, "SELECT * FROM tbl.my_notes ORDER BY id"), ALICE),
                "[[1,\"alice note\"],[2,\"second\"]]");
        assertRows(rowResult(root("SELECT * FROM tbl.my_notes ORDER BY id"), ROOT), "[[1,\"root note\"]]");
    }

    // ---- SHOW STATS -------------------------------------------------------------------------------------------------

    @Test
    void showStatsForTable() {
        Expect.message(root("CREATE USER TABLE tbl.counted (id INT PRIMARY KEY, v TEXT)"),
                "Table tbl.counted created successfully (user)", ROOT);
        affected(root("INSERT INTO tbl.counted VALUES (1, 'a'), (2, 'b')"), "Inserted 2 row(s)", 2, ROOT);
        affected(root("UPDATE tbl.counted SET v = 'c' WHERE id = 1"), "Updated 1 row(s)", 1, ROOT);
        affected(http.sql(aliceToken, "INSERT INTO tbl.counted VALUES (1, 'x')"), "Inserted 1 row(s)", 1, ALICE);

        JsonNode result = rowResult(root("SHOW STATS FOR TABLE tbl.counted"), ROOT);
        assertStatsSchema(result);
        assertRows(result, "[[\"counted\",\"tbl\",\"user\",1,\"4\",\"0\",\"0\",\"0\"]]");

        JsonNode own = rowResult(http.sql(aliceToken, "SHOW STATS FOR TABLE tbl.counted"), ALICE);
        assertStatsSchema(own);
        assertRows(own, "[[\"counted\",\"tbl\",\"user\",1,\"1\",\"0\",\"0\",\"0\"]]");
        Expect.sqlErrorWithDetails(root("SHOW STATS FOR TABLE tbl.ghost"), 404, "TABLE_NOT_FOUND",
                "Statement 1 failed: Table 'tbl.ghost' not found", "SHOW STATS FOR TABLE tbl.ghost");
        Expect.sqlErrorWithDetails(root("SHOW STATS FOR TABLE system.users"), 404, "TABLE_NOT_FOUND",
                "Statement 1 failed: Table 'system.users' not found", "SHOW STATS FOR TABLE system.users");
    }

    // ---- helpers ----------------------------------------------------------------------------------------------------

    private static Response root(String sql) {
        return http.sql(rootToken, sql);
    }

    private static JsonNode describe(String table) {
        return rowResult(root("DESCRIBE " + table), ROOT);
    }

    /** An admin's 400 SQL_EXECUTION_ERROR, with the statement as details. */
    private static void assertError(String sql, String message) {
        Expect.sqlErrorWithDetails(root(sql), 400, "SQL_EXECUTION_ERROR", "Statement 1 failed: " + message, sql);
    }

    /** DROP TABLE as root; asserts the message and returns the cleanup job id. */
    private static String dropTable(String table) {
        JsonNode result = Expect.sqlOk(root("DROP TABLE " + table), 1).get(0);
        Expect.keys(result, "row_count", "message", "as_user");
        assertEquals(0, result.get("row_count").asInt());
        assertEquals(ROOT, result.get("as_user").asText());
        Matcher matcher = DROP_MESSAGE.matcher(result.get("message").asText());
        assertTrue(matcher.matches(), () -> "unexpected DROP TABLE message: " + result);
        assertEquals(table, matcher.group(1));
        return matcher.group(2);
    }

    private static void assertDescribeSchema(JsonNode result) {
        SqlE2ESupport.Column[] columns = new SqlE2ESupport.Column[DESCRIBE_COLUMNS.length];
        for (int i = 0; i < columns.length; i++) {
            String[] spec = DESCRIBE_COLUMNS[i];
            columns[i] = spec.length == 3 ? col(spec[0], spec[1], spec[2]) : col(spec[0], spec[1]);
        }
        assertSchema(result, columns);
    }

    private static void assertStatsSchema(JsonNode result) {
        assertEquals(List.of("table_name", "namespace", "table_type", "schema_version", "hot_rows", "cold_segments",
                "cold_rows", "cold_bytes"), columnNames(result));
        List<String> types = List.of("Text", "Text", "Text", "Int", "BigInt", "BigInt", "BigInt", "BigInt");
        for (int i = 0; i < types.size(); i++) {
            assertEquals(types.get(i), result.get("schema").get(i).get("data_type").asText(), () -> "schema: " + result);
        }
    }

    private static List<String> names(JsonNode columns) {
        return columns.findValuesAsText("column_name");
    }
}
