package io.kalamdb.core.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kalamdb.auth.AuthSession;
import io.kalamdb.commons.enums.Role;
import io.kalamdb.commons.errors.ErrorCode;
import io.kalamdb.commons.types.KalamDataType;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqlEngineTest {
    static final AuthSession ROOT = EngineFixture.as("root", Role.SYSTEM);
    static final AuthSession ALICE = EngineFixture.as("alice", Role.USER);
    static final AuthSession BOB = EngineFixture.as("bob", Role.USER);
    static final AuthSession SVC = EngineFixture.as("svc", Role.SERVICE);

    @TempDir
    static Path dir;
    static EngineFixture db;

    @BeforeAll
    static void start() {
        db = new EngineFixture(dir);
        db.run(ROOT, "CREATE NAMESPACE app");
        db.run(ROOT, "CREATE TABLE app.items (id BIGINT PRIMARY KEY, name TEXT NOT NULL, price DECIMAL(10,2), "
                + "doc JSON, qty INT DEFAULT 1) WITH (TYPE = 'SHARED', ACCESS_LEVEL = 'public')");
        db.run(ROOT, "CREATE TABLE app.notes (id BIGINT PRIMARY KEY DEFAULT SNOWFLAKE_ID(), body TEXT, "
                + "created_by TEXT DEFAULT CURRENT_USER()) WITH (TYPE = 'USER')");
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @Test
    void insertSelectUpdateDelete() {
        StatementResult.Message ins = db.message(ROOT, "INSERT INTO app.items (id, name, price, doc) VALUES "
                + "(1, 'apple', 1.5, '{\"color\":\"red\",\"n\":3}'), (2, 'pear', 2, NULL)");
        assertEquals("Inserted 2 row(s)", ins.message());
        StatementResult.Rows rows = db.rows(ROOT, "SELECT id, name, price, qty FROM app.items WHERE id < 3");
        assertEquals(List.of(List.of("1", "apple", "1.50", 1), List.of("2", "pear", "2.00", 1)), rows.rows());
        assertEquals("BigInt", rows.schema().get(0).dataType().toJson());
        assertEquals(List.of("nn", "pk", "uq"), rows.schema().get(0).flags());
        assertEquals("Updated 1 row(s)", db.message(ROOT, "UPDATE app.items SET qty = qty + 4 WHERE id = 1").message());
        assertEquals("Updated 0 row(s)", db.message(ROOT, "UPDATE app.items SET qty = 5 WHERE id = 1").message());
        assertEquals(List.of(List.of(5)), db.rows(ROOT, "SELECT qty FROM app.items WHERE id = $1", 1L).rows());
        assertEquals(List.of(List.of("red")), db.rows(ROOT, "SELECT doc->>'color' FROM app.items WHERE id = 1").rows());
        assertEquals("doc->>'color'", db.rows(ROOT, "SELECT doc->>'color' FROM app.items WHERE id = 1").schema().get(0).name());
        assertEquals("Deleted 1 row(s)", db.message(ROOT, "DELETE FROM app.items WHERE name = 'pear'").message());
        assertEquals(1, db.rows(ROOT, "SELECT * FROM app.items WHERE id < 3").rows().size());
        assertEquals(List.of(List.of("2")), db.rows(ROOT, "SELECT id FROM app.items WHERE _deleted = true").rows());
        assertEquals("Inserted 1 row(s)",
                db.message(ROOT, "INSERT INTO app.items (id, name) VALUES (2, 'pear again')").message());
    }

    @Test
    void parametersInSetAndValueExpressions() {
        db.run(ROOT, "INSERT INTO app.items (id, name) VALUES ($1, UPPER($2))", 700L, "lower");
        assertEquals(List.of(List.of("LOWER")), db.rows(ROOT, "SELECT name FROM app.items WHERE id = 700").rows());
        assertEquals("Updated 1 row(s)",
                db.message(ROOT, "UPDATE app.items SET name = $1, qty = $2 WHERE id = $3", "x'); DROP TABLE t; --",
                        7L, 700L).message());
        assertEquals(List.of(List.of("x'); DROP TABLE t; --", 7)),
                db.rows(ROOT, "SELECT name, qty FROM app.items WHERE id = 700").rows());
        StatementResult.Rows param = db.rows(ROOT, "SELECT $1", "seven");
        assertEquals(List.of(List.of("seven")), param.rows());
        assertEquals("$1", param.schema().get(0).name());
    }

    @Test
    void expressionTypesAndNames() {
        StatementResult.Rows r = db.rows(ROOT, "SELECT 1 + 2 AS three, CASE WHEN 1 = 1 THEN 'low' ELSE 'high' END AS band, "
                + "CAST(7 AS TEXT), CURRENT_USER, ordinal FROM (SELECT 1 AS ordinal)");
        assertEquals(List.of(List.of("3", "low", "7", "root", "1")), r.rows());
        assertEquals("BigInt", r.schema().get(0).dataType().toJson());
        assertEquals("cast(7 as text)", r.schema().get(2).name());
        assertEquals("current_user", r.schema().get(3).name());
        StatementResult.Rows json = db.rows(ROOT, "SELECT doc->'color', json_get(doc, 'n') FROM app.items WHERE id = 900");
        db.run(ROOT, "INSERT INTO app.items (id, name, doc) VALUES (900, 'json', '{\"color\":\"blue\"}')");
        assertEquals(List.of(List.of(true, false)),
                db.rows(ROOT, "SELECT doc ? 'color', doc ? 'size' FROM app.items WHERE id = 900").rows());
        assertEquals("Json", json.schema().get(0).dataType().toJson(), () -> db.rows(ROOT,
                "EXPLAIN SELECT doc->'color', json_get(doc, 'n') FROM app.items WHERE id = 900").rows().toString());
    }

    @Test
    void statementsWriteMoreRowsThanOneMillisecondOfSeqs() {
        db.run(ROOT, "CREATE TABLE app.many (id INT PRIMARY KEY, v INT)");
        StringBuilder sql = new StringBuilder("INSERT INTO app.many VALUES ");
        for (int i = 0; i < 5000; i++) {
            sql.append(i == 0 ? "" : ", ").append('(').append(i).append(", 0)");
        }
        assertEquals("Inserted 5000 row(s)", db.message(ROOT, sql.toString()).message());
        assertEquals("Updated 5000 row(s)", db.message(ROOT, "UPDATE app.many SET v = 1").message());
        assertEquals(List.of(List.of("5000", "5000")),
                db.rows(ROOT, "SELECT COUNT(*), COUNT(DISTINCT _seq) FROM app.many WHERE v = 1").rows());
        assertEquals("Deleted 5000 row(s)", db.message(ROOT, "DELETE FROM app.many").message());
    }

    @Test
    void jsonPathsOfAnyLength() {
        String doc = "'{\"a\":{\"b\":[1,2,{\"c\":\"z\",\"d\":[10,20],\"n\":null}]}}'";
        StatementResult.Rows r = db.rows(ROOT, "SELECT json_get(" + doc + ", 'a', 'b', 2, 'c'), json_get_str(" + doc
                + ", 'a', 'b', 2, 'c'), json_length(" + doc + ", 'a', 'b'), json_get_int(" + doc
                + ", 'a', 'b', 2, 'd', 1), json_contains(" + doc + ", 'a', 'b', 2, 'n'), json_contains(" + doc
                + ", 'a', 'x', 2), json_object_keys(" + doc + ", 'a', 'b', 2)");
        assertEquals(List.of(List.of("\"z\"", "z", "3", "20", true, false, "[\"c\",\"d\",\"n\"]")), r.rows());
    }

    @Test
    void decimalCastsRoundHalfUpAsInserts() {
        assertEquals(List.of(List.of("1.01", "-1.01", "1.00")), db.rows(ROOT,
                "SELECT CAST('1.005' AS DECIMAL(10,2)), CAST(-1.005 AS DECIMAL(10,2)), CAST(1.004 AS DECIMAL(10,2))")
                .rows());
    }

    @Test
    void decimalDivisionKeepsItsWholeScale() {
        StatementResult.Rows r = db.rows(ROOT, "SELECT CAST(1.10 AS DECIMAL(10,2)) / 3, "
                + "CAST(1.10 AS DECIMAL(10,2)) / 3 * 3, CAST('12345678.91' AS DECIMAL(10,2)) / 7");
        assertEquals(List.of(List.of("0.3666666666666666667", "1.1000000000000000001", "1763668.4157142857142857143")),
                r.rows(), r.schema().toString());
        SqlRequestException e = assertThrows(SqlRequestException.class,
                () -> db.run(ROOT, "SELECT CAST(1 AS DECIMAL(5,2)) / CAST(0 AS DECIMAL(5,2))"));
        assertTrue(e.getMessage().contains("Division by zero"), e.getMessage());
    }

    @Test
    void mathDomainErrorsReadAsSql() {
        SqlRequestException e = assertThrows(SqlRequestException.class, () -> db.run(ROOT, "SELECT ln(0)"));
        assertTrue(e.getMessage().contains("Cannot take logarithm of zero or negative number"), e.getMessage());
    }

    @Test
    void lengthOfBytesCountsBytes() {
        db.run(ROOT, "CREATE TABLE app.blobs (id INT PRIMARY KEY, b BYTES, t TEXT)");
        db.run(ROOT, "INSERT INTO app.blobs VALUES (1, X'00ff10', 'héllo')");
        assertEquals(List.of(List.of(3, 3, 5, 6)),
                db.rows(ROOT, "SELECT length(b), octet_length(b), length(t), octet_length(t) FROM app.blobs").rows());
        assertEquals(List.of(List.of(7, 7, 13)), db.rows(ROOT,
                "SELECT length('😀emoji😀'), char_length('😀emoji😀'), octet_length('😀emoji😀')").rows());
        assertEquals(List.of(List.of(1672567200123000L)), db.rows(ROOT,
                "SELECT date_trunc('millisecond', TIMESTAMP '2023-01-01 10:00:00.123456')").rows());
    }

    @Test
    void ilikeFoldsEveryLetter() {
        assertEquals(List.of(List.of(true, true, false, true)), db.rows(ROOT,
                "SELECT 'ÉCOLE' ILIKE 'école', 'ÄB' ILIKE 'äb%', 'ÄB' NOT ILIKE 'äB', 'x' NOT ILIKE 'y'").rows());
    }

    @Test
    void dayOfWeekCountsFromSundayZero() {
        assertEquals(List.of(List.of("0", "5", "7")), db.rows(ROOT, "SELECT extract(dow FROM TIMESTAMP '2024-03-17 10:00:00'), "
                + "extract(dow FROM TIMESTAMP '2024-03-15 10:00:00'), extract(isodow FROM TIMESTAMP '2024-03-17 10:00:00')")
                .rows());
    }

    @Test
    void integerSumsAreExactOrOverflow() {
        db.run(ROOT, "CREATE TABLE app.sums (id INT PRIMARY KEY, g TEXT, n INT, big BIGINT)");
        db.run(ROOT, "INSERT INTO app.sums VALUES (1, 'a', 2147483647, 9223372036854775807), "
                + "(2, 'a', 2147483647, 9223372036854775807), (3, 'b', -5, 1)");
        assertEquals(List.of(List.of("a", "4294967294", "2"), List.of("b", "-5", "1")), db.rows(ROOT,
                "SELECT g, SUM(n), COUNT(*) FROM app.sums GROUP BY g ORDER BY g").rows());
        assertEquals(List.of(List.of("4294967289", "2147483642")), db.rows(ROOT,
                "SELECT SUM(n), SUM(DISTINCT n) FROM app.sums").rows());
        assertEquals(List.of(List.of(6.148914691236517E18, 1.431655763E9)), db.rows(ROOT,
                "SELECT AVG(big), AVG(n) FROM app.sums").rows());
        SqlRequestException e = assertThrows(SqlRequestException.class,
                () -> db.run(ROOT, "SELECT SUM(big) FROM app.sums"));
        assertTrue(e.getMessage().contains("Integer overflow"), e.getMessage());
        assertEquals(List.of(List.of(5)), db.rows(ROOT, "SELECT abs(n) FROM app.sums WHERE id = 3").rows());
        db.run(ROOT, "INSERT INTO app.sums VALUES (4, 'c', -2147483648, 0)");
        SqlRequestException abs = assertThrows(SqlRequestException.class,
                () -> db.run(ROOT, "SELECT abs(n) FROM app.sums WHERE id = 4"));
        assertTrue(abs.getMessage().contains("Integer overflow"), abs.getMessage());
    }

    @Test
    void intervalResultsReadAsPostgresText() {
        StatementResult.Rows r = db.rows(ROOT, "SELECT INTERVAL '1' HOUR, INTERVAL '2' DAY, INTERVAL '1 day 2 hours', "
                + "INTERVAL '500 ms', INTERVAL '-90' MINUTE, INTERVAL '14' MONTH, INTERVAL '1' MONTH");
        assertEquals(List.of(List.of("01:00:00", "2 days", "1 day 02:00:00", "00:00:00.5", "-01:30:00",
                "1 year 2 mons", "1 mon")), r.rows());
        assertEquals(KalamDataType.TEXT, r.schema().get(0).dataType());
    }

    @Test
    void idFunctionsGiveANewValuePerCall() {
        List<Object> row = db.rows(ROOT, "SELECT SNOWFLAKE_ID(), SNOWFLAKE_ID(), UUID_V7(), UUID_V7()").rows().get(0);
        assertTrue(Long.parseLong((String) row.get(1)) > Long.parseLong((String) row.get(0)));
        assertTrue(!row.get(2).equals(row.get(3)));
    }

    @Test
    void constantErrorsAnswerAndDefaultsOfOldRowsStay() {
        SqlRequestException e = assertThrows(SqlRequestException.class, () -> db.run(SVC, "SELECT 1/0"));
        assertEquals(ErrorCode.SQL_EXECUTION_ERROR, e.error().code());
        db.run(ROOT, "CREATE TABLE app.defs (id INT PRIMARY KEY) WITH (TYPE = 'SHARED')");
        db.run(ROOT, "INSERT INTO app.defs (id) VALUES (1)");
        db.run(ROOT, "ALTER TABLE app.defs ADD COLUMN c INT DEFAULT 7");
        db.run(ROOT, "ALTER TABLE app.defs ALTER COLUMN c SET DEFAULT 9");
        db.run(ROOT, "INSERT INTO app.defs (id) VALUES (2)");
        assertEquals(List.of(List.of(1, 7), List.of(2, 9)), db.rows(ROOT, "SELECT id, c FROM app.defs").rows());
        db.run(ROOT, "ALTER TABLE app.defs ALTER COLUMN c DROP DEFAULT");
        assertEquals(List.of(List.of(1, 7), List.of(2, 9)), db.rows(ROOT, "SELECT id, c FROM app.defs").rows());
        db.run(ROOT, "INSERT INTO app.defs (id, c) SELECT 3, 30");
        assertEquals(List.of(List.of(1672570800000000L)), db.rows(ROOT,
                "SELECT TIMESTAMP '2023-01-01 10:00:00' + INTERVAL '1' HOUR").rows());
        assertEquals(List.of(List.of(30)), db.rows(ROOT, "SELECT c FROM app.defs WHERE id = 3").rows());
        assertEquals(List.of(List.of("cba", 1.0, "Float")), List.of(List.of(
                db.rows(ROOT, "SELECT reverse('abc')").rows().get(0).get(0),
                db.rows(ROOT, "SELECT trunc(1.9)").rows().get(0).get(0),
                db.rows(ROOT, "SELECT CAST(1.5 AS FLOAT)").schema().get(0).dataType().toJson())));
    }

    @Test
    void runtimeFailuresReadAsSqlErrorsWithoutJavaText() {
        db.run(ROOT, "INSERT INTO app.items (id, name, qty, price) VALUES (950, 'abc', 3, 2.5)");
        String row = " FROM app.items WHERE id = 950";
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("SELECT CAST('abc' AS INT)", "Cannot convert 'abc' to INT");
        expected.put("SELECT CAST(name AS INT)" + row, "Cannot convert 'abc' to INT");
        expected.put("SELECT CAST(name AS BIGINT) + 1" + row, "Cannot convert 'abc' to BIGINT");
        expected.put("SELECT CAST(name AS DOUBLE)" + row, "Cannot convert 'abc' to DOUBLE");
        expected.put("SELECT CAST(name AS DECIMAL(10,2))" + row, "Cannot convert the value to DECIMAL");
        expected.put("SELECT CAST(name AS BOOLEAN)" + row, "Cannot convert 'abc' to BOOLEAN");
        expected.put("SELECT CAST(name AS DATE)" + row, "Cannot convert 'abc' to DATE");
        expected.put("SELECT CAST(name AS TIMESTAMP)" + row, "Invalid TIMESTAMP 'abc'");
        expected.put("SELECT 1/0", "Division by zero");
        expected.put("SELECT 1 / 0", "Division by zero");
        expected.put("SELECT qty / 0" + row, "Division by zero");
        expected.put("SELECT qty % 0" + row, "Division by zero");
        expected.put("SELECT price / 0" + row, "Division by zero");
        for (Map.Entry<String, String> c : expected.entrySet()) {
            SqlRequestException e = assertThrows(SqlRequestException.class, () -> db.run(ROOT, c.getKey()), c.getKey());
            assertEquals(ErrorCode.SQL_EXECUTION_ERROR, e.error().code(), c.getKey());
            assertEquals(c.getValue(), e.error().getMessage(), c.getKey());
        }
        SqlRequestException again = assertThrows(SqlRequestException.class, () -> db.run(ROOT, "SELECT 1/0"));
        assertEquals("Division by zero", again.error().getMessage(), "a cached plan fails the same way again");
        SqlRequestException cast = assertThrows(SqlRequestException.class, () -> db.run(SVC, "SELECT CAST('x' AS INT)"));
        assertTrue(cast.error().isPreserved(), "a type conversion is shown to every role");
    }

    @Test
    void integerArithmeticThatOverflowsIsAnError() {
        db.run(ROOT, "CREATE TABLE app.nums (id BIGINT PRIMARY KEY, s SMALLINT, i INT, b BIGINT) WITH (TYPE = 'SHARED')");
        db.run(ROOT, "INSERT INTO app.nums (id, s, i, b) VALUES (1, 32767, 2147483647, 9223372036854775807)");
        String row = " FROM app.nums WHERE id = 1";
        for (String sql : List.of("SELECT 9223372036854775807 + 1", "SELECT -9223372036854775807 - 2",
                "SELECT 4611686018427387904 * 2", "SELECT i + i" + row, "SELECT s + s" + row, "SELECT b * 2" + row,
                "SELECT -b - 2" + row)) {
            SqlRequestException e = assertThrows(SqlRequestException.class, () -> db.run(ROOT, sql), sql);
            assertEquals(ErrorCode.SQL_EXECUTION_ERROR, e.error().code(), sql);
            assertEquals("Integer overflow", e.error().getMessage(), sql);
        }
        assertEquals(List.of(List.of("9223372036854775806", "2147483648", "-2147483649")),
                db.rows(ROOT, "SELECT b - 1, i + 1, -i - 2" + row).rows(), "integer literals make the sum a BIGINT");
    }

    @Test
    void truncKeepsItsArgumentTypeAndDecimalsExact() {
        db.run(ROOT, "INSERT INTO app.items (id, name, price, qty) VALUES (960, 't', 12.39, 7), (961, 'u', -12.39, -7)");
        StatementResult.Rows r = db.rows(ROOT, "SELECT trunc(price), trunc(price, 1), trunc(price, -1), trunc(qty), "
                + "trunc(-2.7), trunc(1234.567, 2), trunc(5) FROM app.items WHERE id IN (960, 961) ORDER BY id");
        assertEquals(List.of(KalamDataType.decimal(10, 2), KalamDataType.decimal(10, 2), KalamDataType.decimal(10, 2),
                KalamDataType.INT, KalamDataType.DOUBLE, KalamDataType.DOUBLE, KalamDataType.BIG_INT),
                r.schema().stream().map(SchemaField::dataType).toList());
        assertEquals(List.of(List.of("12.00", "12.30", "10.00", 7, -2.0, 1234.56, "5"),
                List.of("-12.00", "-12.30", "-10.00", -7, -2.0, 1234.56, "5")), r.rows());
    }

    @Test
    void reservedNamespacesAreNamedInLowercase() {
        for (String name : List.of("Default", "SYSTEM", "system")) {
            SqlRequestException e = assertThrows(SqlRequestException.class,
                    () -> db.run(ROOT, "CREATE NAMESPACE " + name), name);
            assertEquals(ErrorCode.SQL_EXECUTION_ERROR, e.error().code(), name);
            assertEquals("Namespace '" + name.toLowerCase(Locale.ROOT) + "' is reserved and cannot be used",
                    e.error().getMessage(), name);
        }
    }

    @Test
    void postgresIntervalStringsAndUnixSecondTimestamps() {
        String base = "SELECT TIMESTAMP '2023-01-01 10:00:00' ";
        long tenOClock = 1672567200000000L;
        assertEquals(List.of(List.of(tenOClock + 3_600_000_000L)), db.rows(ROOT, base + "+ INTERVAL '1 hour'").rows());
        assertEquals(List.of(List.of(tenOClock - 5_400_000_000L)), db.rows(ROOT, base + "- INTERVAL '90 min'").rows());
        assertEquals(List.of(List.of(tenOClock + 93_784_500_000L)),
                db.rows(ROOT, base + "+ INTERVAL '1 day 2 hours 3 minutes 4.5 seconds'").rows());
        assertEquals(List.of(List.of(tenOClock + 14L * 86_400_000_000L)),
                db.rows(ROOT, base + "+ INTERVAL '2 weeks'").rows());
        assertEquals(List.of(List.of(tenOClock + 500_000L)), db.rows(ROOT, base + "+ INTERVAL '500 ms'").rows());
        assertEquals(List.of(List.of(tenOClock - 3_600_000_000L)), db.rows(ROOT, base + "+ INTERVAL '-1 hour'").rows());
        assertEquals(db.rows(ROOT, base + "+ INTERVAL '14' MONTH").rows(),
                db.rows(ROOT, base + "+ INTERVAL '1 year 2 months'").rows());
        assertEquals(db.rows(ROOT, base + "+ INTERVAL '100' HOUR(3)").rows(),
                db.rows(ROOT, base + "+ INTERVAL '100 hours'").rows());
        assertEquals(List.of(List.of(tenOClock, tenOClock + 500_000L, tenOClock)), db.rows(ROOT,
                "SELECT to_timestamp(1672567200), to_timestamp(1672567200.5), to_timestamp_millis(1672567200000)").rows());
        assertEquals(1, db.rows(ROOT, "SELECT to_timestamp('2023-01-01 10:00:00', 'YYYY-MM-DD HH24:MI:SS')").rows().size());
        for (String bad : List.of("'1 fortnight'", "'1 year 2 days'", "'hour'", "'1 hour x'")) {
            SqlRequestException e = assertThrows(SqlRequestException.class,
                    () -> db.run(ROOT, base + "+ INTERVAL " + bad), bad);
            assertTrue(e.error().getMessage().contains("Illegal INTERVAL literal '"), e.error().getMessage());
        }
    }

    @Test
    void integerLiteralsInsideFunctionsAreBigint() {
        List<SchemaField> schema = db.rows(ROOT, "SELECT coalesce(NULL, 1), abs(-5), greatest(1, 2), least(1, 2), "
                + "nullif(1, 2), round(5), round(2.345, 2), mod(7, 2), sign(-3)").schema();
        assertEquals(List.of(KalamDataType.BIG_INT, KalamDataType.BIG_INT, KalamDataType.BIG_INT, KalamDataType.BIG_INT,
                KalamDataType.BIG_INT, KalamDataType.BIG_INT, KalamDataType.DOUBLE, KalamDataType.BIG_INT,
                KalamDataType.BIG_INT), schema.stream().map(SchemaField::dataType).toList());
        assertEquals(List.of(List.of("1", "5", "2", "1", "1", "5", 2.35, "1", "-1")), db.rows(ROOT, "SELECT coalesce(NULL, 1), "
                + "abs(-5), greatest(1, 2), least(1, 2), nullif(1, 2), round(5), round(2.345, 2), mod(7, 2), sign(-3)")
                .rows());
    }

    @Test
    void primaryKeyViolations() {
        db.run(ROOT, "INSERT INTO app.items (id, name) VALUES (10, 'a')");
        SqlRequestException dup = assertThrows(SqlRequestException.class,
                () -> db.run(ROOT, "INSERT INTO app.items (id, name) VALUES (10, 'b')"));
        assertEquals("Primary key violation: value '10' already exists in column 'id'", dup.error().getMessage());
        SqlRequestException batch = assertThrows(SqlRequestException.class,
                () -> db.run(ROOT, "INSERT INTO app.items (id, name) VALUES (11, 'b'), (11, 'c')"));
        assertEquals("Primary key violation: value '11' appears multiple times in the insert batch",
                batch.error().getMessage());
        SqlRequestException nn = assertThrows(SqlRequestException.class,
                () -> db.run(ROOT, "INSERT INTO app.items (id) VALUES (12)"));
        assertEquals("NOT NULL constraint violation: column 'name' cannot be NULL (row 1)", nn.error().getMessage());
    }

    @Test
    void userTablesAreIsolated() {
        db.run(ALICE, "INSERT INTO app.notes (body) VALUES ('alice note')");
        db.run(BOB, "INSERT INTO app.notes (body) VALUES ('bob note')");
        StatementResult.Rows a = db.rows(ALICE, "SELECT body, created_by FROM app.notes");
        assertEquals(List.of(List.of("alice note", "alice")), a.rows());
        assertEquals(List.of(List.of("bob note", "bob")), db.rows(BOB, "SELECT body, created_by FROM app.notes").rows());
        assertEquals(0, db.rows(ROOT, "SELECT * FROM app.notes").rows().size());
    }

    @Test
    void aggregatesJoinsAndNames() {
        db.run(ROOT, "INSERT INTO app.items (id, name) VALUES (500, 'j1'), (501, 'j2')");
        StatementResult.Rows r = db.rows(ROOT, "SELECT COUNT(*), 1, 2.5 FROM app.items");
        assertEquals("count(*)", r.schema().get(0).name());
        assertEquals("1", r.schema().get(1).name());
        assertEquals("Double", r.schema().get(2).dataType().toJson());
        assertEquals("BigInt", r.schema().get(0).dataType().toJson());
        StatementResult.Rows j = db.rows(ROOT, "SELECT a.id, b.name FROM app.items a JOIN app.items b ON a.id = b.id");
        assertTrue(j.rows().size() >= 1, () -> db.rows(ROOT, "EXPLAIN SELECT a.id, b.name FROM app.items a JOIN app.items b ON a.id = b.id").rows().toString());
    }

    @Test
    void pkLookupUsesTheIndex() {
        for (int i = 100; i < 150; i++) {
            db.run(ROOT, "INSERT INTO app.items (id, name) VALUES (" + i + ", 'n')");
        }
        long before = db.ctx.hot().rowsRead();
        db.rows(ROOT, "SELECT name FROM app.items WHERE id = 120");
        assertEquals(1, db.ctx.hot().rowsRead() - before);
    }

    @Test
    void systemTablesAreGuarded() {
        SqlRequestException e = assertThrows(SqlRequestException.class,
                () -> db.run(SVC, "SELECT * FROM app.items WHERE id IN (SELECT 1 FROM system.users)"));
        assertEquals(ErrorCode.PERMISSION_DENIED, e.error().code());
        assertEquals("Access denied: Role 'service' cannot access table 'system.users'. System tables require 'dba' "
                + "or 'system' role.", e.error().getMessage());
        assertTrue(db.rows(ROOT, "SELECT user_id FROM system.users").rows().size() >= 1);
    }

    @Test
    void missingTablesAreNotFound() {
        SqlRequestException e = assertThrows(SqlRequestException.class, () -> db.run(ROOT, "SELECT * FROM app.nope"));
        assertEquals(ErrorCode.TABLE_NOT_FOUND, e.error().code());
        assertEquals("Table 'app.nope' not found", e.error().getMessage());
        SqlRequestException ns = assertThrows(SqlRequestException.class, () -> db.run(ROOT, "SELECT * FROM zz.nope"));
        assertEquals("Namespace 'zz' does not exist", ns.error().getMessage());
    }
}
