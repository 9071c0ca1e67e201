package io.kalamdb.e2e;

import static io.kalamdb.e2e.SqlE2ESupport.ROOT;
import static io.kalamdb.e2e.SqlE2ESupport.affected;
import static io.kalamdb.e2e.SqlE2ESupport.assertRows;
import static io.kalamdb.e2e.SqlE2ESupport.assertSchema;
import static io.kalamdb.e2e.SqlE2ESupport.col;
import static io.kalamdb.e2e.SqlE2ESupport.columnText;
import static io.kalamdb.e2e.SqlE2ESupport.rowResult;
import static io.kalamdb.e2e.SqlE2ESupport.sqlParams;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
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

/**
 * Round trip of every data type (sql.md §12, http-api.md §5.4, §5.5): the schema's {@code data_type}, the DESCRIBE
 * name, the JSON cell encoding of literals and of parameters, aggregate result types, and coercion errors.
 */
@Timeout(value = 5, unit = TimeUnit.SECONDS)
class SqlTypesE2ETest {

    private static final String ALL_COLUMNS = "id INT PRIMARY KEY, b BOOLEAN, si SMALLINT, i INT, bi BIGINT, f FLOAT, "
            + "d DOUBLE, amount DECIMAL(10,2), t TEXT, raw BYTES, j JSON, ts TIMESTAMP, dt DATE, tm TIME, u UUID, "
            + "e EMBEDDING(3), dtt DATETIME";
    private static final String USER_COLUMNS = "id, b, si, i, bi, f, d, amount, t, raw, j, ts, dt, tm, u, e, dtt";
    private static final String DECIMAL_10_2 = "{\"Decimal\":{\"precision\":10,\"scale\":2}}";
    private static final String UUID_TEXT = "0190a0b2-7c3e-7d4f-9a1b-2c3d4e5f6a7b";

    private static ServerProcess server;
    private static Http http;
    private static String rootToken;

    @BeforeAll
    @Timeout(value = 35, unit = TimeUnit.SECONDS)
    static void startServer() {
        server = ServerProcess.startDefault();
        http = new Http(server.baseUrl());
        rootToken = http.login(ROOT, ServerProcess.ROOT_PASSWORD);
        Expect.message(root("CREATE NAMESPACE ty"), "Namespace 'ty' created successfully", ROOT);
        Expect.message(root("CREATE TABLE ty.all_types (" + ALL_COLUMNS + ")"),
                "Table ty.all_types created successfully (shared)", ROOT);
        affected(root("INSERT INTO ty.all_types (" + USER_COLUMNS + ") VALUES "
                + "(1, true, 12, 34, 9007199254741991, 1.5, 2.25, 100.5, 'hi', X'0102ff', '{\"a\": 1, \"b\": [1, 2]}', "
                + "'2023-01-01 10:00:00', '2023-01-01', '10:00:00', '0190A0B2-7C3E-7D4F-9A1B-2C3D4E5F6A7B', '[0.5, 0.25, 1]', "
                + "'2023-01-01T10:00:00Z'), "
                + "(3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL), "
                + "(4, 'T', 1, 1, -9007199254741991, 0, 0, 7, 'x', '\\x0a0b', '[1]', 1672567200000000, 19358, 36000000000, "
                + "'" + UUID_TEXT + "', '[1, 2, 3]', '2023-01-01')"), "Inserted 3 row(s)", 3, ROOT);
        affected(sqlParams(http, rootToken, "INSERT INTO ty.all_types (" + USER_COLUMNS + ") VALUES "
                        + "($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)",
                2, false, -1, -2, "-3", -1.25, 0.5, "7.125", "x", List.of(10, 11), Map.of("k", "v"), "2023-01-01 10:00:00",
                "2023-01-01", "10:00:00", "0190a0b27c3e7d4f9a1b2c3d4e5f6a7b", List.of(1, 2, 3), 1672567200000000L),
                "Inserted 1 row(s)", 1, ROOT);
    }

    @AfterAll
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void schemaDataTypesOfEveryType() {
        JsonNode result = rowResult(root("SELECT * FROM ty.all_types WHERE id = 1"), ROOT);
        assertSchema(result, col("id", "Int", "nn", "pk", "uq"), col("b", "Boolean"), col("si", "SmallInt"), col("i", "Int"),
                col("bi", "BigInt"), col("f", "Float"), col("d", "Double"), col("amount", DECIMAL_10_2), col("t", "Text"),
                col("raw", "Bytes"), col("j", "Json"), col("ts", "Timestamp"), col("dt", "Date"), col("tm", "Time"),
                col("u", "Uuid"), col("e", "{\"Embedding\":3}"), col("dtt", "DateTime"), col("_seq", "BigInt", "nn"),
                col("_deleted", "Boolean", "nn"));
    }

    @Test
    void decimalDataTypeKeysAreInContractOrder() {
        JsonNode field = rowResult(root("SELECT amount FROM ty.all_types WHERE id = 1"), ROOT).get("schema").get(0);
        assertEquals(List.of("precision", "scale"), Json.fieldNames(field.get("data_type").get("Decimal")),
                () -> "data_type must be written {\"Decimal\":{\"precision\":10,\"scale\":2}}: " + field);
    }

    @Test
    void describeNamesOfEveryType() {
        JsonNode result = rowResult(root("DESCRIBE ty.all_types"), ROOT);
        assertEquals(List.of("INT", "BOOLEAN", "SMALLINT", "INT", "BIGINT", "FLOAT", "DOUBLE", "DECIMAL(10,2)", "TEXT",
                "BYTES", "JSON", "TIMESTAMP", "DATE", "TIME", "UUID", "EMBEDDING(3)", "DATETIME", "BIGINT", "BOOLEAN"),
                columnText(result, 3));
    }

    @Test
    void postgresIntervalsAndUnixSecondsInTimestampArithmetic() {
        assertRows(rowResult(root("SELECT TIMESTAMP '2023-01-01 10:00:00' - INTERVAL '1 hour' AS earlier, "
                + "TIMESTAMP '2023-01-01 10:00:00' + INTERVAL '1 day 30 minutes' AS later"), ROOT),
                "[[1672563600000000,1672655400000000]]");
        assertRows(rowResult(root("SELECT to_timestamp(1672567200) AS t"), ROOT), "[[1672567200000000]]");
        Expect.sqlErrorMatching(root("SELECT NOW() - INTERVAL '3 fortnights'"), 400, "INVALID_SQL",
                ".*Illegal INTERVAL literal '3 fortnights'.*");
    }

    @Test
    void literalValuesRoundTrip() {
        JsonNode result = rowResult(root("SELECT " + USER_COLUMNS + " FROM ty.all_types WHERE id = 1"), ROOT);
        assertRows(result, "[[1,true,12,34,\"9007199254741991\",1.5,2.25,\"100.50\",\"hi\",[1,2,255],"
                + "\"{\\\"a\\\":1,\\\"b\\\":[1,2]}\",1672567200000000,19358,36000000000,\"" + UUID_TEXT + "\","
                + "[0.5,0.25,1.0],1672567200000000]]");
    }

    @Test
    void alternativeLiteralFormsRoundTrip() {
        JsonNode result = rowResult(root("SELECT " + USER_COLUMNS + " FROM ty.all_types WHERE id = 4"), ROOT);
        assertRows(result, "[[4,true,1,1,\"-9007199254741991\",0.0,0.0,\"7.00\",\"x\",[10,11],\"[1]\",1672567200000000,"
                + "19358,36000000000,\"" + UUID_TEXT + "\",[1.0,2.0,3.0],1672531200000000]]");
    }

    @Test
    void parameterValuesRoundTrip() {
        JsonNode result = rowResult(root("SELECT " + USER_COLUMNS + " FROM ty.all_types WHERE id = 2"), ROOT);
        assertRows(result, "[[2,false,-1,-2,\"-3\",-1.25,0.5,\"7.13\",\"x\",[10,11],\"{\\\"k\\\":\\\"v\\\"}\","
                + "1672567200000000,19358,36000000000,\"" + UUID_TEXT + "\",[1.0,2.0,3.0],1672567200000000]]");
    }

    @Test
    void nullsOfEveryType() {
        JsonNode result = rowResult(root("SELECT " + USER_COLUMNS + " FROM ty.all_types WHERE id = 3"), ROOT);
        assertRows(result, "[[3,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null]]");
    }

    @Test
    void filtersOnTypedColumns() {
        assertRows(rowResult(root("SELECT id FROM ty.all_types WHERE ts = '2023-01-01 10:00:00' ORDER BY id"), ROOT),
                "[[1],[2],[4]]");
        assertRows(rowResult(root("SELECT id FROM ty.all_types WHERE u = '" + UUID_TEXT + "' ORDER BY id"), ROOT),
                "[[1],[2],[4]]");
        assertRows(rowResult(root("SELECT id FROM ty.all_types WHERE amount = 100.5"), ROOT), "[[1]]");
        assertRows(rowResult(root("SELECT id FROM ty.all_types WHERE bi > 9007199254741990"), ROOT), "[[1]]");
        assertRows(rowResult(root("SELECT id FROM ty.all_types WHERE dt = '2023-01-01' AND tm = '10:00:00' ORDER BY id"),
                ROOT), "[[1],[2],[4]]");
    }

    @Test
    void aggregateResultTypes() {
        JsonNode result = rowResult(root("SELECT SUM(amount), MIN(amount), AVG(i), AVG(si), SUM(i), SUM(d), MAX(ts), "
                + "COUNT(amount) FROM ty.all_types"), ROOT);
        assertSchema(result, col("sum(amount)", "{\"Decimal\":{\"precision\":38,\"scale\":2}}"),
                col("min(amount)", DECIMAL_10_2), col("avg(i)", "Double"), col("avg(si)", "Double"), col("sum(i)", "BigInt"),
                col("sum(d)", "Double"), col("max(ts)", "Timestamp"), col("count(amount)", "BigInt"));
        assertRows(result, "[[\"114.63\",\"7.00\",11.0,4.0,\"33\",2.75,1672567200000000,\"3\"]]");
    }

    @Test
    void bigIntExtremesAreStrings() {
        Expect.message(root("CREATE TABLE ty.extremes (id INT PRIMARY KEY, v BIGINT)"),
                "Table ty.extremes created successfully (shared)", ROOT);
        affected(root("INSERT INTO ty.extremes VALUES (1, 9223372036854775807), (2, -9223372036854775808), (3, 0)"),
                "Inserted 3 row(s)", 3, ROOT);
        assertRows(rowResult(root("SELECT id, v FROM ty.extremes"), ROOT),
                "[[1,\"9223372036854775807\"],[2,\"-9223372036854775808\"],[3,\"0\"]]");
    }

    @Test
    void typeAliases() {
        Expect.message(root("CREATE TABLE ty.aliases (id BIGSERIAL PRIMARY KEY, a BOOL, b INT2, c INTEGER, d INT8, e REAL, "
                + "f FLOAT8, g DOUBLE PRECISION, h NUMERIC(5,1), k VARCHAR(10), l BLOB, m JSONB, n TIMESTAMPTZ, o BYTEA, "
                + "p STRING, q DECIMAL, r DECIMAL(5), s MEDIUMINT)"), "Table ty.aliases created successfully (shared)", ROOT);
        affected(root("INSERT INTO ty.aliases (a) VALUES (true)"), "Inserted 1 row(s)", 1, ROOT);
        JsonNode result = rowResult(root("SELECT * FROM ty.aliases"), ROOT);
        assertSchema(result, col("id", "BigInt", "nn", "pk", "uq"), col("a", "Boolean"), col("b", "SmallInt"),
                col("c", "Int"), col("d", "BigInt"), col("e", "Float"), col("f", "Double"), col("g", "Double"),
                col("h", "{\"Decimal\":{\"precision\":5,\"scale\":1}}"), col("k", "Text"), col("l", "Bytes"),
                col("m", "Json"), col("n", "Timestamp"), col("o", "Bytes"), col("p", "Text"),
                col("q", "{\"Decimal\":{\"precision\":38,\"scale\":10}}"),
                col("r", "{\"Decimal\":{\"precision\":5,\"scale\":0}}"), col("s", "Int"),
                col("_seq", "BigInt", "nn"), col("_deleted", "Boolean", "nn"));
        assertTrue(result.get("rows").get(0).get(0).asText().matches("\\d{15,19}"),
                () -> "BIGSERIAL gets a SNOWFLAKE_ID() default: " + result.get("rows"));
        assertEquals("SNOWFLAKE_ID()", rowResult(root("DESCRIBE ty.aliases"), ROOT).get("rows").get(0).get(6).asText());
    }

    @Test
    void coercionOfTextForms() {
        Expect.message(root("CREATE TABLE ty.forms (id INT PRIMARY KEY, ts TIMESTAMP, doc JSON, flag BOOLEAN, n INT, "
                + "price DECIMAL(6,3))"), "Table ty.forms created successfully (shared)", ROOT);
        affected(root("INSERT INTO ty.forms VALUES "
                        + "(1, '2023-01-01T12:00:00+02:00', '{\"b\": 1, \"a\": [1, 2]}', 'f', '42', '1.2345'), "
                        + "(2, '2023-01-01 10:00:00', '\"text\"', 't', 7.0, 2), "
                        + "(3, '2023-01-01', '[]', 'TRUE', -5, -0.0005)"),
                "Inserted 3 row(s)", 3, ROOT);
        assertRows(rowResult(root("SELECT id, ts, doc, flag, n, price FROM ty.forms"), ROOT), "["
                + "[1,1672567200000000,\"{\\\"b\\\":1,\\\"a\\\":[1,2]}\",false,42,\"1.235\"],"
                + "[2,1672567200000000,\"\\\"text\\\"\",true,7,\"2.000\"],"
                + "[3,1672531200000000,\"[]\",true,-5,\"-0.001\"]]");
    }

    @Test
    void timestampsKeepMicroseconds() {
        Expect.message(root("CREATE TABLE ty.micros (id INT PRIMARY KEY, ts TIMESTAMP, tm TIME)"),
                "Table ty.micros created successfully (shared)", ROOT);
        affected(root("INSERT INTO ty.micros VALUES (1, '2023-01-01 10:00:00.123456', '10:00:00.000001')"),
                "Inserted 1 row(s)", 1, ROOT);
        affected(sqlParams(http, rootToken, "INSERT INTO ty.micros VALUES ($1, $2, $3)", 2,
                "2023-01-01T10:00:00.654321Z", "23:59:59.999999"), "Inserted 1 row(s)", 1, ROOT);
        assertRows(rowResult(root("SELECT id, ts, tm FROM ty.micros"), ROOT),
                "[[1,1672567200123456,36000000001],[2,1672567200654321,86399999999]]");
    }

    @Test
    void booleanAcceptsZeroAndOne() {
        Expect.message(root("CREATE TABLE ty.flags (id INT PRIMARY KEY, flag BOOLEAN)"),
                "Table ty.flags created successfully (shared)", ROOT);
        affected(root("INSERT INTO ty.flags VALUES (1, 1), (2, 0)"), "Inserted 2 row(s)", 2, ROOT);
        affected(sqlParams(http, rootToken, "INSERT INTO ty.flags VALUES ($1, $2)", 3, 1), "Inserted 1 row(s)", 1,
                ROOT);
        assertRows(rowResult(root("SELECT id, flag FROM ty.flags"), ROOT), "[[1,true],[2,false],[3,true]]");
    }

    static Stream<Arguments> coercionErrors() {
        return Stream.of(
                Arguments.of("INSERT INTO ty.strict (id, active) VALUES (1, true), (2, 'yes')",
                        "Cannot convert 'yes' to BOOLEAN for column 'active'"),
                Arguments.of("INSERT INTO ty.strict (id, n) VALUES (1, 40000)",
                        "Value 40000 out of range for SMALLINT (column 'n')"),
                Arguments.of("INSERT INTO ty.strict (id, price) VALUES (1, 12345.6)",
                        "Value 12345.6 exceeds DECIMAL(5,2) (column 'price')"),
                Arguments.of("INSERT INTO ty.strict (id, ts) VALUES (1, '2023-13-01')",
                        "Invalid TIMESTAMP '2023-13-01' for column 'ts'"),
                Arguments.of("INSERT INTO ty.strict (id, u) VALUES (1, 'abc')", "Invalid UUID 'abc' for column 'u'"),
                Arguments.of("INSERT INTO ty.strict (id, v) VALUES (1, '[1, 2, 3]')",
                        "Embedding dimension mismatch for column 'v': expected 2, got 3"));
    }

    @ParameterizedTest
    @MethodSource("coercionErrors")
    void coercionErrorsWriteNothing(String sql, String message) {
        Expect.sqlOk(root("CREATE TABLE IF NOT EXISTS ty.strict (id INT PRIMARY KEY, active BOOLEAN, n SMALLINT, "
                + "price DECIMAL(5,2), ts TIMESTAMP, u UUID, v EMBEDDING(2), doc JSON)"), 1);
        Expect.sqlErrorWithDetails(root(sql), 400, "SQL_EXECUTION_ERROR", "Statement 1 failed: " + message, sql);
        assertRows(rowResult(root("SELECT COUNT(*) FROM ty.strict"), ROOT), "[[\"0\"]]");
    }

    @Test
    void invalidJsonIsRejected() {
        Expect.sqlOk(root("CREATE TABLE IF NOT EXISTS ty.docs (id INT PRIMARY KEY, doc JSON)"), 1);
        String sql = "INSERT INTO ty.docs (id, doc) VALUES (1, '{\"a\": x}')";
        Expect.sqlErrorMatching(root(sql), 400, "SQL_EXECUTION_ERROR",
                "Statement 1 failed: Invalid JSON for column 'doc': .+");
        assertRows(rowResult(root("SELECT COUNT(*) FROM ty.docs"), ROOT), "[[\"0\"]]");
    }

    // ---- helpers ----------------------------------------------------------------------------------------------------

    private static Response root(String sql) {
        return http.sql(rootToken, sql);
    }
}
