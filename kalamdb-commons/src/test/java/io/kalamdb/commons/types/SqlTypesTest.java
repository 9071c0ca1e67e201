package io.kalamdb.commons.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kalamdb.commons.errors.ErrorCode;
import io.kalamdb.commons.errors.KalamDbException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SqlTypesTest {
    private static KalamDataType parse(String name, Integer... params) {
        return SqlTypes.parse(name, List.of(params));
    }

    private static String rejection(String name, Integer... params) {
        KalamDbException e = assertThrows(KalamDbException.class, () -> parse(name, params));
        assertEquals(ErrorCode.SQL_EXECUTION_ERROR, e.code());
        assertTrue(e.isPreserved());
        return e.getMessage();
    }

    @ParameterizedTest
    @CsvSource({
        "BOOLEAN, BOOLEAN", "bool, BOOLEAN",
        "SMALLINT, SMALLINT", "int2, SMALLINT",
        "INT, INT", "Integer, INT", "INT4, INT", "mediumint, INT",
        "BIGINT, BIGINT", "int8, BIGINT", "INT64, BIGINT",
        "SERIAL, BIGINT", "serial2, BIGINT", "SERIAL4, BIGINT", "SERIAL8, BIGINT", "SmallSerial, BIGINT",
        "BIGSERIAL, BIGINT",
        "FLOAT, FLOAT", "real, FLOAT", "FLOAT4, FLOAT",
        "DOUBLE, DOUBLE", "double precision, DOUBLE", "FLOAT8, DOUBLE", "float64, DOUBLE",
        "TEXT, TEXT", "varchar, TEXT", "CHAR, TEXT", "character varying, TEXT", "NVARCHAR, TEXT", "STRING, TEXT",
        "clob, TEXT",
        "BYTES, BYTES", "binary, BYTES", "VARBINARY, BYTES", "BLOB, BYTES", "bytea, BYTES",
        "JSON, JSON", "jsonb, JSON",
        "TIMESTAMP, TIMESTAMP", "timestamp without time zone, TIMESTAMP", "TIMESTAMP WITH TIME ZONE, TIMESTAMP",
        "timestamptz, TIMESTAMP",
        "DATETIME, DATETIME", "date, DATE", "TIME, TIME", "uuid, UUID", "FILE, FILE"
    })
    void mapsEveryNameOfTheTable(String name, String describe) {
        assertEquals(describe, parse(name).sqlName());
    }

    @Test
    void dataTypeJsonNames() {
        assertEquals("Boolean", parse("BOOL").toJson());
        assertEquals("SmallInt", parse("INT2").toJson());
        assertEquals("Int", parse("INTEGER").toJson());
        assertEquals("BigInt", parse("BIGSERIAL").toJson());
        assertEquals("Float", parse("REAL").toJson());
        assertEquals("Double", parse("DOUBLE PRECISION").toJson());
        assertEquals("Text", parse("VARCHAR", 20).toJson());
        assertEquals("Bytes", parse("BYTEA").toJson());
        assertEquals("Json", parse("JSONB").toJson());
        assertEquals("Timestamp", parse("TIMESTAMPTZ").toJson());
        assertEquals("DateTime", parse("DATETIME").toJson());
        assertEquals("Date", parse("DATE").toJson());
        assertEquals("Time", parse("TIME", 3).toJson());
        assertEquals("Uuid", parse("UUID").toJson());
        assertEquals("File", parse("FILE").toJson());
    }

    @Test
    void extraWhitespaceBetweenWordsIsIgnored() {
        assertEquals(KalamDataType.DOUBLE, parse("  double   precision "));
        assertEquals(KalamDataType.TIMESTAMP, parse("timestamp\twith time  zone"));
    }

    @Test
    void textLengthIsAcceptedAndIgnored() {
        assertEquals(KalamDataType.TEXT, parse("VARCHAR", 20));
        assertEquals(KalamDataType.TEXT, parse("CHAR", 1));
        assertEquals(KalamDataType.TEXT, parse("character varying", 255));
        assertEquals(KalamDataType.TEXT, parse("NVARCHAR", 10));
        assertEquals("VARCHAR length must be at least 1, got 0", rejection("varchar", 0));
        assertEquals("Unsupported SQL data type: TEXT(10)", rejection("text", 10));
    }

    @Test
    void timePrecisions() {
        assertEquals(KalamDataType.TIMESTAMP, parse("TIMESTAMP", 3));
        assertEquals(KalamDataType.TIMESTAMP, parse("TIMESTAMP WITHOUT TIME ZONE", 6));
        assertEquals(KalamDataType.TIMESTAMP, parse("TIMESTAMPTZ", 0));
        assertEquals(KalamDataType.TIME, parse("time", 6));
        assertEquals("TIMESTAMP precision must be between 0 and 9, got 10", rejection("TIMESTAMP", 10));
        assertEquals("TIME precision must be between 0 and 9, got -1", rejection("TIME", -1));
        assertEquals("Unsupported SQL data type: TIMESTAMP(3,2)", rejection("TIMESTAMP", 3, 2));
    }

    @Test
    void decimalRules() {
        assertEquals(KalamDataType.decimal(38, 10), parse("DECIMAL"));
        assertEquals(KalamDataType.decimal(38, 10), parse("numeric"));
        assertEquals(KalamDataType.decimal(10, 0), parse("DECIMAL", 10));
        assertEquals(KalamDataType.decimal(10, 2), parse("DECIMAL", 10, 2));
        assertEquals(KalamDataType.decimal(5, 5), parse("NUMERIC", 5, 5));
        assertEquals(KalamDataType.decimal(1, 0), parse("NUMERIC", 1));
        assertEquals(KalamDataType.decimal(38, 38), parse("DECIMAL", 38, 38));
        assertEquals("DECIMAL(10,2)", parse("decimal", 10, 2).sqlName());
        assertEquals("DECIMAL precision must be between 1 and 38, got 0", rejection("DECIMAL", 0));
        assertEquals("DECIMAL precision must be between 1 and 38, got 39", rejection("DECIMAL", 39, 2));
        assertEquals("NUMERIC scale must be between 0 and the precision 5, got 6", rejection("numeric", 5, 6));
        assertEquals("DECIMAL scale must be between 0 and the precision 5, got -1", rejection("DECIMAL", 5, -1));
        assertEquals("Unsupported SQL data type: DECIMAL(1,2,3)", rejection("DECIMAL", 1, 2, 3));
    }

    @Test
    void embeddingRules() {
        assertEquals(KalamDataType.embedding(384), parse("EMBEDDING", 384));
        assertEquals(KalamDataType.embedding(1), parse("embedding", 1));
        assertEquals(KalamDataType.embedding(8192), parse("EMBEDDING", 8192));
        assertEquals("EMBEDDING(384)", parse("EMBEDDING", 384).sqlName());
        assertEquals("EMBEDDING dimension must be between 1 and 8192, got 0", rejection("EMBEDDING", 0));
        assertEquals("EMBEDDING dimension must be between 1 and 8192, got 8193", rejection("EMBEDDING", 8193));
        assertEquals("EMBEDDING requires a dimension, e.g. EMBEDDING(384)", rejection("EMBEDDING"));
        assertEquals("Unsupported SQL data type: EMBEDDING(3,4)", rejection("EMBEDDING", 3, 4));
    }

    @Test
    void tinyintSuggestsSmallint() {
        assertEquals("Unsupported SQL data type: TINYINT (use SMALLINT)", rejection("TINYINT"));
        assertEquals("Unsupported SQL data type: TINYINT (use SMALLINT)", rejection("tinyint"));
        assertEquals("Unsupported SQL data type: TINYINT (use SMALLINT)", rejection("TINYINT", 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"INT1", "INT UNSIGNED", "BIGINT UNSIGNED", "TINYINT UNSIGNED", "SMALLINT UNSIGNED",
        "UNSIGNED", "INTERVAL", "ARRAY", "INT ARRAY", "ENUM", "SET", "STRUCT", "MAP", "GEOMETRY", "POINT", "MONEY",
        "TIME WITH TIME ZONE", "CHARACTER", "VARCHAR2", "XML", "SERIAL16", "DOUBLE PRECISION UNSIGNED"})
    void rejectsNamesOutsideTheTable(String name) {
        assertEquals("Unsupported SQL data type: " + name, rejection(name));
    }

    @Test
    void rejectionUsesTheUpperCaseNameAsWritten() {
        assertEquals("Unsupported SQL data type: INT UNSIGNED", rejection("int unsigned"));
        assertEquals("Unsupported SQL data type: GEOMETRY", rejection("Geometry"));
        assertEquals("Unsupported SQL data type: ENUM", rejection("enum", 1, 2));
    }

    @Test
    void parametersOnTypesWithoutThemAreRejected() {
        assertEquals("Unsupported SQL data type: INT(11)", rejection("int", 11));
        assertEquals("Unsupported SQL data type: FLOAT(24)", rejection("FLOAT", 24));
        assertEquals("Unsupported SQL data type: BOOLEAN(1)", rejection("BOOLEAN", 1));
        assertEquals("Unsupported SQL data type: BINARY(16)", rejection("binary", 16));
        assertEquals("Unsupported SQL data type: DATETIME(6)", rejection("DATETIME", 6));
    }

    @Test
    void nullParamsMeanNone() {
        assertEquals(KalamDataType.decimal(38, 10), SqlTypes.parse("DECIMAL", null));
    }

    @Test
    void serialNames() {
        for (String s : List.of("SERIAL", "serial2", "Serial4", "SERIAL8", "smallserial", "BIGSERIAL")) {
            assertTrue(SqlTypes.isSerial(s), s);
            assertEquals(KalamDataType.BIG_INT, parse(s));
        }
        for (String s : List.of("BIGINT", "INT", "SERIAL16", "", "TEXT")) {
            assertFalse(SqlTypes.isSerial(s), s);
        }
        assertFalse(SqlTypes.isSerial(null));
    }
}
