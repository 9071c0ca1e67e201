package io.kalamdb.commons.types;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kalamdb.commons.errors.ErrorCode;
import io.kalamdb.commons.errors.KalamDbException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ValueCoercionTest {
    private static final KalamDataType DEC_10_2 = KalamDataType.decimal(10, 2);
    private static final KalamDataType DEC_5_2 = KalamDataType.decimal(5, 2);

    private static Object coerce(Object input, KalamDataType type) {
        return ValueCoercion.coerce(input, type, "c");
    }

    private static String failure(Object input, KalamDataType type, String column) {
        KalamDbException e = assertThrows(KalamDbException.class, () -> ValueCoercion.coerce(input, type, column));
        assertEquals(ErrorCode.SQL_EXECUTION_ERROR, e.code());
        assertTrue(e.isPreserved());
        return e.getMessage();
    }

    private static String paramFailure(Object input, KalamDataType type, int index) {
        KalamDbException e = assertThrows(KalamDbException.class,
                () -> ValueCoercion.coerceParam(input, type, index));
        assertEquals(ErrorCode.SQL_EXECUTION_ERROR, e.code());
        assertTrue(e.isPreserved());
        return e.getMessage();
    }

    @Test
    void nullStaysNullForEveryType() {
        for (KalamDataType.Kind kind : KalamDataType.Kind.values()) {
            KalamDataType type = kind == KalamDataType.Kind.DECIMAL ? DEC_10_2
                    : kind == KalamDataType.Kind.EMBEDDING ? KalamDataType.embedding(3)
                    : KalamDataType.fromJson(kind.jsonName());
            assertNull(coerce(null, type), kind.name());
            assertNull(ValueCoercion.coerceParam(null, type, 1), kind.name());
        }
    }

    // ---- BOOLEAN

    @Test
    void booleanAccepts() {
        assertEquals(true, coerce(true, KalamDataType.BOOLEAN));
        assertEquals(false, coerce(Boolean.FALSE, KalamDataType.BOOLEAN));
        assertEquals(true, coerce("true", KalamDataType.BOOLEAN));
        assertEquals(true, coerce("TRUE", KalamDataType.BOOLEAN));
        assertEquals(true, coerce("t", KalamDataType.BOOLEAN));
        assertEquals(true, coerce("T", KalamDataType.BOOLEAN));
        assertEquals(false, coerce("False", KalamDataType.BOOLEAN));
        assertEquals(false, coerce("f", KalamDataType.BOOLEAN));
        assertEquals(true, coerce(1, KalamDataType.BOOLEAN));
        assertEquals(false, coerce(0L, KalamDataType.BOOLEAN));
        assertEquals(true, coerce(BigInteger.ONE, KalamDataType.BOOLEAN));
    }

    @Test
    void booleanRejects() {
        assertEquals("Cannot convert 'yes' to BOOLEAN for column 'active'",
                failure("yes", KalamDataType.BOOLEAN, "active"));
        assertEquals("Cannot convert '2' to BOOLEAN for column 'active'", failure(2, KalamDataType.BOOLEAN, "active"));
        assertEquals("Cannot convert '1' to BOOLEAN for column 'active'", failure("1", KalamDataType.BOOLEAN, "active"));
        assertEquals("Cannot convert '1.5' to BOOLEAN for column 'active'",
                failure(1.5, KalamDataType.BOOLEAN, "active"));
    }

    // ---- integers

    @Test
    void integersInRange() {
        assertEquals((short) 32767, coerce(32767, KalamDataType.SMALL_INT));
        assertEquals((short) -32768, coerce(-32768L, KalamDataType.SMALL_INT));
        assertEquals(Integer.MAX_VALUE, coerce((long) Integer.MAX_VALUE, KalamDataType.INT));
        assertEquals(Integer.MIN_VALUE, coerce("-2147483648", KalamDataType.INT));
        assertEquals(Long.MAX_VALUE, coerce("9223372036854775807", KalamDataType.BIG_INT));
        assertEquals(Long.MIN_VALUE, coerce(BigInteger.valueOf(Long.MIN_VALUE), KalamDataType.BIG_INT));
        assertEquals(42L, coerce(" 42 ", KalamDataType.BIG_INT));
        assertEquals(42L, coerce("+42", KalamDataType.BIG_INT));
        assertEquals(5, coerce(5.0, KalamDataType.INT));
        assertEquals(5, coerce(5.0f, KalamDataType.INT));
        assertEquals(5, coerce(new BigDecimal("5.000"), KalamDataType.INT));
        assertEquals(5, coerce("5.0", KalamDataType.INT));
        assertEquals(1000L, coerce("1e3", KalamDataType.BIG_INT));
        assertEquals((short) 7, coerce((byte) 7, KalamDataType.SMALL_INT));
        assertEquals(9007199254741991L, coerce(9007199254741991L, KalamDataType.BIG_INT));
    }

    @Test
    void integersOutOfRange() {
        assertEquals("Value 40000 out of range for SMALLINT (column 'n')", failure(40000, KalamDataType.SMALL_INT, "n"));
        assertEquals("Value 40000 out of range for SMALLINT (column 'n')",
                failure("40000", KalamDataType.SMALL_INT, "n"));
        assertEquals("Value -32769 out of range for SMALLINT (column 'n')",
                failure(-32769L, KalamDataType.SMALL_INT, "n"));
        assertEquals("Value 40000 out of range for SMALLINT (column 'n')",
                failure(40000.0, KalamDataType.SMALL_INT, "n"));
        assertEquals("Value 2147483648 out of range for INT (column 'n')",
                failure(2147483648L, KalamDataType.INT, "n"));
        assertEquals("Value -2147483649 out of range for INT (column 'n')",
                failure("-2147483649", KalamDataType.INT, "n"));
        assertEquals("Value 9223372036854775808 out of range for BIGINT (column 'n')",
                failure("9223372036854775808", KalamDataType.BIG_INT, "n"));
        assertEquals("Value 9223372036854775808 out of range for BIGINT (column 'n')",
                failure(new BigInteger("9223372036854775808"), KalamDataType.BIG_INT, "n"));
        assertEquals("Value 1e30 out of range for BIGINT (column 'n')", failure("1e30", KalamDataType.BIG_INT, "n"));
        assertEquals("Value 10000000000000000000 out of range for BIGINT (column 'n')",
                failure(1e19, KalamDataType.BIG_INT, "n"));
    }

    @Test
    void integersRejectNonIntegers() {
        assertEquals("Cannot convert 'abc' to INT for column 'n'", failure("abc", KalamDataType.INT, "n"));
        assertEquals("Cannot convert '1.5' to INT for column 'n'", failure(1.5, KalamDataType.INT, "n"));
        assertEquals("Cannot convert '1.5' to INT for column 'n'", failure("1.5", KalamDataType.INT, "n"));
        assertEquals("Cannot convert '2.25' to BIGINT for column 'n'",
                failure(new BigDecimal("2.25"), KalamDataType.BIG_INT, "n"));
        assertEquals("Cannot convert 'true' to SMALLINT for column 'n'",
                failure(true, KalamDataType.SMALL_INT, "n"));
        assertEquals("Cannot convert 'NaN' to INT for column 'n'", failure(Double.NaN, KalamDataType.INT, "n"));
        assertEquals("Cannot convert '' to INT for column 'n'", failure("", KalamDataType.INT, "n"));
        assertEquals("Cannot convert '0x10' to INT for column 'n'", failure("0x10", KalamDataType.INT, "n"));
    }

    // ---- FLOAT / DOUBLE

    @Test
    void floatsAndDoubles() {
        assertEquals(1.5f, coerce(1.5, KalamDataType.FLOAT));
        assertEquals(3.0f, coerce(3, KalamDataType.FLOAT));
        assertEquals(0.25f, coerce("0.25", KalamDataType.FLOAT));
        assertEquals(2.5, coerce("2.5", KalamDataType.DOUBLE));
        assertEquals(2.5, coerce(new BigDecimal("2.5"), KalamDataType.DOUBLE));
        assertEquals(7.0, coerce(7L, KalamDataType.DOUBLE));
        assertEquals(0.1, coerce(0.1f, KalamDataType.DOUBLE));
        assertEquals(1e300, coerce("1e300", KalamDataType.DOUBLE));
        assertEquals(-0.5, coerce("-.5", KalamDataType.DOUBLE));
        assertEquals(Double.NaN, coerce("NaN", KalamDataType.DOUBLE));
        assertEquals(Double.POSITIVE_INFINITY, coerce("Infinity", KalamDataType.DOUBLE));
        assertEquals(Float.NEGATIVE_INFINITY, coerce("-inf", KalamDataType.FLOAT));
        assertEquals(Double.NaN, coerce(Double.NaN, KalamDataType.DOUBLE));
        assertEquals(Float.NaN, coerce(Double.NaN, KalamDataType.FLOAT));
        assertEquals("Cannot convert 'abc' to DOUBLE for column 'x'", failure("abc", KalamDataType.DOUBLE, "x"));
        assertEquals("Cannot convert '1.5f' to FLOAT for column 'x'", failure("1.5f", KalamDataType.FLOAT, "x"));
        assertEquals("Cannot convert 'true' to DOUBLE for column 'x'", failure(true, KalamDataType.DOUBLE, "x"));
        assertEquals("Value 1e39 out of range for FLOAT (column 'x')", failure("1e39", KalamDataType.FLOAT, "x"));
        assertEquals("Value 1e400 out of range for DOUBLE (column 'x')", failure("1e400", KalamDataType.DOUBLE, "x"));
        assertEquals("Value 1.0E300 out of range for FLOAT (column 'x')", failure(1e300, KalamDataType.FLOAT, "x"));
    }

    // ---- DECIMAL

    @Test
    void decimalScalesAndRoundsHalfUp() {
        assertEquals(new BigDecimal("100.50"), coerce(100.5, DEC_10_2));
        assertEquals(new BigDecimal("100.50"), coerce("100.5", DEC_10_2));
        assertEquals(new BigDecimal("7.00"), coerce(7, DEC_10_2));
        assertEquals(new BigDecimal("1.01"), coerce("1.005", DEC_10_2));
        assertEquals(new BigDecimal("1.00"), coerce("1.004999", DEC_10_2));
        assertEquals(new BigDecimal("-1.01"), coerce("-1.005", DEC_10_2));
        assertEquals(new BigDecimal("2.68"), coerce(2.675, DEC_10_2));
        assertEquals(new BigDecimal("0.00"), coerce("0.0000001", DEC_10_2));
        assertEquals(new BigDecimal("0.00"), coerce("1e-999999999", DEC_10_2));
        assertEquals(new BigDecimal("0.00"), coerce(0, DEC_10_2));
        assertEquals(new BigDecimal("999.99"), coerce("999.99", DEC_5_2));
        assertEquals(new BigDecimal("999.99"), coerce("999.994", DEC_5_2));
        assertEquals(new BigDecimal("12"), coerce("12.4", KalamDataType.decimal(2, 0)));
        assertEquals(new BigDecimal("0.5"), coerce(0.5, KalamDataType.decimal(1, 1)));
        assertEquals(new BigDecimal("12345.00"), coerce(new BigInteger("12345"), DEC_10_2));
        assertEquals(2, ((BigDecimal) coerce(new BigDecimal("5"), DEC_10_2)).scale());
    }

    @Test
    void decimalOverflow() {
        assertEquals("Value 12345.6 exceeds DECIMAL(5,2) (column 'price')", failure(12345.6, DEC_5_2, "price"));
        assertEquals("Value 12345.6 exceeds DECIMAL(5,2) (column 'price')", failure("12345.6", DEC_5_2, "price"));
        assertEquals("Value 1000 exceeds DECIMAL(5,2) (column 'price')", failure(1000, DEC_5_2, "price"));
        assertEquals("Value 999.995 exceeds DECIMAL(5,2) (column 'price')", failure("999.995", DEC_5_2, "price"));
        assertEquals("Value 1 exceeds DECIMAL(2,2) (column 'price')",
                failure(BigInteger.ONE, KalamDataType.decimal(2, 2), "price"));
        assertEquals("Value 1e999999999 exceeds DECIMAL(5,2) (column 'price')",
                failure("1e999999999", DEC_5_2, "price"));
        assertEquals("Cannot convert 'abc' to DECIMAL(5,2) for column 'price'", failure("abc", DEC_5_2, "price"));
        assertEquals("Cannot convert 'NaN' to DECIMAL(5,2) for column 'price'", failure(Double.NaN, DEC_5_2, "price"));
        assertEquals("Cannot convert 'true' to DECIMAL(5,2) for column 'price'", failure(true, DEC_5_2, "price"));
    }

    @Test
    void decimalStorageValueIsReturnedUnchanged() {
        BigDecimal stored = new BigDecimal("100.50");
        assertSame(stored, coerce(stored, DEC_10_2));
    }

    // ---- TEXT

    @Test
    void textAcceptsTextForms() {
        assertEquals("hello", coerce("hello", KalamDataType.TEXT));
        assertEquals("42", coerce(42, KalamDataType.TEXT));
        assertEquals("9007199254741991", coerce(9007199254741991L, KalamDataType.TEXT));
        assertEquals("2.5", coerce(2.5, KalamDataType.TEXT));
        assertEquals("3", coerce(3.0, KalamDataType.TEXT));
        assertEquals("100.50", coerce(new BigDecimal("100.50"), KalamDataType.TEXT));
        assertEquals("true", coerce(true, KalamDataType.TEXT));
        assertEquals("false", coerce(false, KalamDataType.TEXT));
        assertEquals("123456789012345678901234567890",
                coerce(new BigInteger("123456789012345678901234567890"), KalamDataType.TEXT));
        assertEquals("Cannot convert '\\x0102' to TEXT for column 't'",
                failure(new byte[] {1, 2}, KalamDataType.TEXT, "t"));
        String s = "same";
        assertSame(s, coerce(s, KalamDataType.TEXT));
    }

    // ---- JSON

    @Test
    void jsonIsNormalizedCompactWithKeyOrderKept() {
        assertEquals("{\"b\":1,\"a\":[1,2,{\"z\":null}]}",
                coerce("{ \"b\" : 1, \"a\" : [1, 2, {\"z\": null}] }", KalamDataType.JSON));
        assertEquals("{\"key\":\"initial\"}", coerce("{\"key\":\"initial\"}", KalamDataType.JSON));
        assertEquals("{\"price\":1.10,\"big\":12345678901234567890123}",
                coerce("{\"price\": 1.10, \"big\": 12345678901234567890123}", KalamDataType.JSON));
        assertEquals("\"text\"", coerce("\"text\"", KalamDataType.JSON));
        assertEquals("42", coerce(42, KalamDataType.JSON));
        assertEquals("true", coerce(true, KalamDataType.JSON));
        assertEquals("2.5", coerce(2.5, KalamDataType.JSON));
        assertEquals("[1,255]", coerce(new byte[] {1, (byte) 255}, KalamDataType.JSON));
    }

    @Test
    void invalidJson() {
        assertEquals("Invalid JSON for column 'doc': Unrecognized token 'x' at position 6",
                failure("{\"a\": x}", KalamDataType.JSON, "doc"));
        assertEquals("Invalid JSON for column 'doc': Unexpected end of input at position 6",
                failure("{\"a\":1", KalamDataType.JSON, "doc"));
        assertEquals("Invalid JSON for column 'doc': Unexpected end of input at position 0",
                failure("", KalamDataType.JSON, "doc"));
        assertEquals("Invalid JSON for column 'doc': Unexpected end of input at position 0",
                failure("   ", KalamDataType.JSON, "doc"));
        assertEquals("Invalid JSON for column 'doc': Trailing token at position 4",
                failure("[1] 2", KalamDataType.JSON, "doc"));
        assertEquals("Invalid JSON for column 'doc': Unexpected character at position 7",
                failure("{\"a\":1,}", KalamDataType.JSON, "doc"));
        assertEquals("Invalid JSON for column 'doc': Unrecognized token 'hello' at position 0",
                failure("hello", KalamDataType.JSON, "doc"));
        assertEquals("Cannot convert 'NaN' to JSON for column 'doc'", failure(Double.NaN, KalamDataType.JSON, "doc"));
    }

    // ---- BYTES

    @Test
    void bytes() {
        byte[] raw = {10, 11};
        assertSame(raw, coerce(raw, KalamDataType.BYTES));
        assertArrayEquals(new byte[] {0x0a, 0x0b}, (byte[]) coerce("\\x0a0b", KalamDataType.BYTES));
        assertArrayEquals(new byte[] {(byte) 0xAB}, (byte[]) coerce("\\XaB", KalamDataType.BYTES));
        assertArrayEquals(new byte[0], (byte[]) coerce("\\x", KalamDataType.BYTES));
        assertArrayEquals(new byte[] {1, 2, (byte) 255}, (byte[]) coerce("[1, 2, 255]", KalamDataType.BYTES));
        assertArrayEquals(new byte[] {1, 2, (byte) 255}, (byte[]) coerce("[1,2,255]", KalamDataType.BYTES));
        assertArrayEquals(new byte[0], (byte[]) coerce("[]", KalamDataType.BYTES));
        assertArrayEquals("[1, 256]".getBytes(), (byte[]) coerce("[1, 256]", KalamDataType.BYTES));
        assertArrayEquals("[1, -2]".getBytes(), (byte[]) coerce("[1, -2]", KalamDataType.BYTES));
        assertArrayEquals("[1,,2]".getBytes(), (byte[]) coerce("[1,,2]", KalamDataType.BYTES));
        assertArrayEquals("héllo".getBytes(StandardCharsets.UTF_8),
                (byte[]) coerce("héllo", KalamDataType.BYTES));
        assertEquals("Cannot convert '\\x0g' to BYTES for column 'b'", failure("\\x0g", KalamDataType.BYTES, "b"));
        assertEquals("Cannot convert '\\xabc' to BYTES for column 'b'", failure("\\xabc", KalamDataType.BYTES, "b"));
        assertEquals("Cannot convert '5' to BYTES for column 'b'", failure(5, KalamDataType.BYTES, "b"));
    }

    // ---- TIMESTAMP / DATETIME

    @Test
    void timestampFormats() {
        long tenAm = 1672567200000000L;
        assertEquals(tenAm, coerce("2023-01-01 10:00:00", KalamDataType.TIMESTAMP));
        assertEquals(tenAm, coerce("2023-01-01T10:00:00", KalamDataType.TIMESTAMP));
        assertEquals(tenAm, coerce("2023-01-01T10:00:00Z", KalamDataType.TIMESTAMP));
        assertEquals(tenAm, coerce("2023-01-01 10:00:00z", KalamDataType.TIMESTAMP));
        assertEquals(tenAm, coerce("2023-01-01 12:00:00+02:00", KalamDataType.TIMESTAMP));
        assertEquals(tenAm, coerce("2023-01-01T05:30:00-04:30", KalamDataType.TIMESTAMP));
        assertEquals(tenAm, coerce("2023-01-01 12:00:00 +0200", KalamDataType.TIMESTAMP));
        assertEquals(tenAm, coerce("2023-01-01 12:00:00+02", KalamDataType.TIMESTAMP));
        assertEquals(tenAm, coerce("2023-01-01 10:00", KalamDataType.TIMESTAMP));
        assertEquals(tenAm + 123456, coerce("2023-01-01 10:00:00.123456", KalamDataType.TIMESTAMP));
        assertEquals(tenAm + 500000, coerce("2023-01-01 10:00:00.5", KalamDataType.TIMESTAMP));
        assertEquals(tenAm + 123456, coerce("2023-01-01 10:00:00.123456789", KalamDataType.TIMESTAMP));
        assertEquals(1672531200000000L, coerce("2023-01-01", KalamDataType.TIMESTAMP));
        assertEquals(1672531200000000L, coerce("2023-01-01", KalamDataType.DATE_TIME));
        assertEquals(tenAm, coerce(tenAm, KalamDataType.TIMESTAMP));
        assertEquals(tenAm, coerce("1672567200000000", KalamDataType.TIMESTAMP));
        assertEquals(-1L, coerce(-1, KalamDataType.TIMESTAMP));
        assertEquals(0L, coerce("1970-01-01 00:00:00", KalamDataType.TIMESTAMP));
        assertEquals(tenAm, coerce(Instant.parse("2023-01-01T10:00:00Z"), KalamDataType.TIMESTAMP));
        assertEquals(951782400000000L, coerce("2000-02-29", KalamDataType.TIMESTAMP));
        Long stored = 1672567200000001L;
        assertSame(stored, coerce(stored, KalamDataType.TIMESTAMP));
    }

    @Test
    void invalidTimestamps() {
        assertEquals("Invalid TIMESTAMP '2023-13-01' for column 'ts'",
                failure("2023-13-01", KalamDataType.TIMESTAMP, "ts"));
        assertEquals("Invalid TIMESTAMP '2023-02-29' for column 'ts'",
                failure("2023-02-29", KalamDataType.TIMESTAMP, "ts"));
        assertEquals("Invalid TIMESTAMP '2023-01-01 24:00:00' for column 'ts'",
                failure("2023-01-01 24:00:00", KalamDataType.TIMESTAMP, "ts"));
        assertEquals("Invalid TIMESTAMP '2023-01-01 10:60:00' for column 'ts'",
                failure("2023-01-01 10:60:00", KalamDataType.TIMESTAMP, "ts"));
        assertEquals("Invalid TIMESTAMP '2023-01-01 10:00:00+19:00' for column 'ts'",
                failure("2023-01-01 10:00:00+19:00", KalamDataType.TIMESTAMP, "ts"));
        assertEquals("Invalid TIMESTAMP '2023-01-01 10:00:00.' for column 'ts'",
                failure("2023-01-01 10:00:00.", KalamDataType.TIMESTAMP, "ts"));
        assertEquals("Invalid TIMESTAMP '2023-1-1' for column 'ts'", failure("2023-1-1", KalamDataType.TIMESTAMP, "ts"));
        assertEquals("Invalid TIMESTAMP 'yesterday' for column 'ts'",
                failure("yesterday", KalamDataType.TIMESTAMP, "ts"));
        assertEquals("Invalid TIMESTAMP '2023-01-01 10:00:00 UTC' for column 'ts'",
                failure("2023-01-01 10:00:00 UTC", KalamDataType.TIMESTAMP, "ts"));
        assertEquals("Invalid TIMESTAMP '1.5' for column 'ts'", failure(1.5, KalamDataType.TIMESTAMP, "ts"));
        assertEquals("Invalid TIMESTAMP 'true' for column 'ts'", failure(true, KalamDataType.TIMESTAMP, "ts"));
        assertEquals("Invalid DATETIME '2023-13-01' for column 'dt'",
                failure("2023-13-01", KalamDataType.DATE_TIME, "dt"));
    }

    // ---- DATE / TIME

    @Test
    void dates() {
        assertEquals(19358, coerce("2023-01-01", KalamDataType.DATE));
        assertEquals(0, coerce("1970-01-01", KalamDataType.DATE));
        assertEquals(-1, coerce("1969-12-31", KalamDataType.DATE));
        assertEquals(19358, coerce(19358, KalamDataType.DATE));
        assertEquals(19358, coerce(19358L, KalamDataType.DATE));
        assertEquals(19358, coerce("19358", KalamDataType.DATE));
        assertEquals(19358, coerce(LocalDate.of(2023, 1, 1), KalamDataType.DATE));
        assertEquals("Invalid DATE '2023-02-30' for column 'd'", failure("2023-02-30", KalamDataType.DATE, "d"));
        assertEquals("Invalid DATE '2023-01-01 10:00:00' for column 'd'",
                failure("2023-01-01 10:00:00", KalamDataType.DATE, "d"));
        assertEquals("Invalid DATE 'abc' for column 'd'", failure("abc", KalamDataType.DATE, "d"));
        assertEquals("Value 3000000000 out of range for DATE (column 'd')",
                failure(3000000000L, KalamDataType.DATE, "d"));
    }

    @Test
    void times() {
        assertEquals(36000000000L, coerce("10:00:00", KalamDataType.TIME));
        assertEquals(36000000000L, coerce("10:00", KalamDataType.TIME));
        assertEquals(36000123456L, coerce("10:00:00.123456", KalamDataType.TIME));
        assertEquals(0L, coerce("00:00:00", KalamDataType.TIME));
        assertEquals(86399999999L, coerce("23:59:59.999999", KalamDataType.TIME));
        assertEquals(36000000000L, coerce(36000000000L, KalamDataType.TIME));
        assertEquals(36000000000L, coerce("36000000000", KalamDataType.TIME));
        assertEquals(36000000000L, coerce(LocalTime.of(10, 0), KalamDataType.TIME));
        assertEquals("Invalid TIME '25:00:00' for column 't'", failure("25:00:00", KalamDataType.TIME, "t"));
        assertEquals("Invalid TIME '10:00:00Z' for column 't'", failure("10:00:00Z", KalamDataType.TIME, "t"));
        assertEquals("Invalid TIME '1:00:00' for column 't'", failure("1:00:00", KalamDataType.TIME, "t"));
        assertEquals("Value 86400000000 out of range for TIME (column 't')",
                failure(86400000000L, KalamDataType.TIME, "t"));
        assertEquals("Value -1 out of range for TIME (column 't')", failure(-1, KalamDataType.TIME, "t"));
    }

    // ---- UUID

    @Test
    void uuids() {
        UUID expected = UUID.fromString("0190a0b2-7c3e-7d4f-9a1b-2c3d4e5f6a7b");
        assertEquals(expected, coerce("0190a0b2-7c3e-7d4f-9a1b-2c3d4e5f6a7b", KalamDataType.UUID));
        assertEquals(expected, coerce("0190A0B2-7C3E-7D4F-9A1B-2C3D4E5F6A7B", KalamDataType.UUID));
        assertEquals(expected, coerce("0190a0b27c3e7d4f9a1b2c3d4e5f6a7b", KalamDataType.UUID));
        assertSame(expected, coerce(expected, KalamDataType.UUID));
        assertEquals(new UUID(-1L, -1L), coerce("ffffffff-ffff-ffff-ffff-ffffffffffff", KalamDataType.UUID));
        assertEquals("Invalid UUID 'abc' for column 'id'", failure("abc", KalamDataType.UUID, "id"));
        assertEquals("Invalid UUID '0190a0b2-7c3e-7d4f-9a1b-2c3d4e5f6a7' for column 'id'",
                failure("0190a0b2-7c3e-7d4f-9a1b-2c3d4e5f6a7", KalamDataType.UUID, "id"));
        assertEquals("Invalid UUID '0190a0b27-c3e-7d4f-9a1b-2c3d4e5f6a7b' for column 'id'",
                failure("0190a0b27-c3e-7d4f-9a1b-2c3d4e5f6a7b", KalamDataType.UUID, "id"));
        assertEquals("Invalid UUID 'g190a0b27c3e7d4f9a1b2c3d4e5f6a7b' for column 'id'",
                failure("g190a0b27c3e7d4f9a1b2c3d4e5f6a7b", KalamDataType.UUID, "id"));
        assertEquals("Invalid UUID '12' for column 'id'", failure(12, KalamDataType.UUID, "id"));
    }

    // ---- EMBEDDING

    @Test
    void embeddings() {
        KalamDataType e3 = KalamDataType.embedding(3);
        assertArrayEquals(new float[] {0.1f, 0.2f, -3f}, (float[]) coerce("[0.1, 0.2, -3]", e3));
        assertArrayEquals(new float[] {0.1f, 0.2f, 3e-5f}, (float[]) coerce(" [0.1,0.2,3e-5] ", e3));
        float[] stored = {1, 2, 3};
        assertSame(stored, coerce(stored, e3));
        assertEquals("Embedding dimension mismatch for column 'v': expected 384, got 3",
                failure("[0.1, 0.2, 0.3]", KalamDataType.embedding(384), "v"));
        assertEquals("Embedding dimension mismatch for column 'v': expected 3, got 2",
                failure(new float[] {1, 2}, e3, "v"));
        assertEquals("Embedding dimension mismatch for column 'v': expected 3, got 0", failure("[]", e3, "v"));
        assertEquals("Cannot convert '[0.1, x, 0.3]' to EMBEDDING(3) for column 'v'",
                failure("[0.1, x, 0.3]", e3, "v"));
        assertEquals("Cannot convert '0.1, 0.2, 0.3' to EMBEDDING(3) for column 'v'",
                failure("0.1, 0.2, 0.3", e3, "v"));
        assertEquals("Cannot convert '[1, 2, 1e39]' to EMBEDDING(3) for column 'v'",
                failure("[1, 2, 1e39]", e3, "v"));
        assertEquals("Cannot convert '[1.0, NaN, 3.0]' to EMBEDDING(3) for column 'v'",
                failure(new float[] {1, Float.NaN, 3}, e3, "v"));
        assertEquals("Cannot convert '5' to EMBEDDING(3) for column 'v'", failure(5, e3, "v"));
    }

    // ---- FILE

    @Test
    void fileRefs() {
        String ref = "{\"id\":\"123\",\"sub\":\"f0001\",\"name\":\"a.txt\",\"size\":5,\"mime\":\"text/plain\","
                + "\"sha256\":\"abc\"}";
        assertEquals(ref, coerce(ref, KalamDataType.FILE));
        assertEquals(ref, coerce("{ \"id\": \"123\", \"sub\": \"f0001\", \"name\": \"a.txt\", \"size\": 5, "
                + "\"mime\": \"text/plain\", \"sha256\": \"abc\" }", KalamDataType.FILE));
        String extra = ref.substring(0, ref.length() - 1) + ",\"extra\":true}";
        assertEquals(extra, coerce(extra, KalamDataType.FILE));
        assertEquals("Invalid FileRef for column 'doc'", failure("{\"id\":\"1\"}", KalamDataType.FILE, "doc"));
        assertEquals("Invalid FileRef for column 'doc'", failure("not json", KalamDataType.FILE, "doc"));
        assertEquals("Invalid FileRef for column 'doc'", failure("[1]", KalamDataType.FILE, "doc"));
        assertEquals("Invalid FileRef for column 'doc'",
                failure(ref.replace("\"size\":5", "\"size\":\"5\""), KalamDataType.FILE, "doc"));
        assertEquals("Invalid FileRef for column 'doc'",
                failure(ref.replace("\"size\":5", "\"size\":-5"), KalamDataType.FILE, "doc"));
        assertEquals("Invalid FileRef for column 'doc'", failure(5, KalamDataType.FILE, "doc"));
    }

    // ---- idempotence

    @Test
    void storageValuesAreReturnedAsIs() {
        Short s = 300;
        Integer i = 70000;
        Long l = 9007199254741991L;
        Float f = 1.25f;
        Double d = 2.5;
        Integer days = 19358;
        assertSame(s, coerce(s, KalamDataType.SMALL_INT));
        assertSame(i, coerce(i, KalamDataType.INT));
        assertSame(l, coerce(l, KalamDataType.BIG_INT));
        assertSame(f, coerce(f, KalamDataType.FLOAT));
        assertSame(d, coerce(d, KalamDataType.DOUBLE));
        assertSame(days, coerce(days, KalamDataType.DATE));
        assertSame(Boolean.TRUE, coerce(Boolean.TRUE, KalamDataType.BOOLEAN));
        String json = "{\"a\":1}";
        assertEquals(json, coerce(coerce(json, KalamDataType.JSON), KalamDataType.JSON));
    }

    // ---- parameters and context-free messages

    @Test
    void parameterMessages() {
        assertEquals("Parameter $2 invalid: cannot convert 'abc' to INT", paramFailure("abc", KalamDataType.INT, 2));
        assertEquals("Parameter $1 invalid: value 40000 out of range for SMALLINT",
                paramFailure(40000L, KalamDataType.SMALL_INT, 1));
        assertEquals("Parameter $3 invalid: value 12345.6 exceeds DECIMAL(5,2)", paramFailure(12345.6, DEC_5_2, 3));
        assertEquals("Parameter $1 invalid: cannot convert '2023-13-01' to TIMESTAMP",
                paramFailure("2023-13-01", KalamDataType.TIMESTAMP, 1));
        assertEquals("Parameter $1 invalid: cannot convert 'abc' to UUID", paramFailure("abc", KalamDataType.UUID, 1));
        assertEquals("Parameter $1 invalid: invalid JSON: Unrecognized token 'abc' at position 0",
                paramFailure("abc", KalamDataType.JSON, 1));
        assertEquals("Parameter $4 invalid: embedding dimension mismatch: expected 384, got 2",
                paramFailure(JsonText.MAPPER.valueToTree(new double[] {0.5, 0.25}), KalamDataType.embedding(384), 4));
        assertEquals("Parameter $1 invalid: invalid FileRef", paramFailure("{}", KalamDataType.FILE, 1));
    }

    @Test
    void parametersFromJson() throws Exception {
        assertEquals(1672567200000000L, ValueCoercion.coerceParam(
                JsonText.MAPPER.readTree("\"2023-01-01 10:00:00\""), KalamDataType.TIMESTAMP, 1));
        assertEquals("{\"b\":1,\"a\":2}", ValueCoercion.coerceParam(
                JsonText.MAPPER.readTree("{\"b\":1,\"a\":2}"), KalamDataType.JSON, 1));
        assertArrayEquals(new byte[] {1, 2, (byte) 255}, (byte[]) ValueCoercion.coerceParam(
                JsonText.MAPPER.readTree("[1,2,255]"), KalamDataType.BYTES, 1));
        assertArrayEquals(new float[] {0.5f, 0.25f}, (float[]) ValueCoercion.coerceParam(
                JsonText.MAPPER.readTree("[0.5,0.25]"), KalamDataType.embedding(2), 1));
        assertEquals(new BigDecimal("0.10"), ValueCoercion.coerceParam(
                JsonText.MAPPER.readTree("0.1"), DEC_10_2, 1));
        assertEquals(5, ValueCoercion.coerceParam(JsonText.MAPPER.readTree("5"), KalamDataType.INT, 1));
        assertEquals(true, ValueCoercion.coerceParam(JsonText.MAPPER.readTree("true"), KalamDataType.BOOLEAN, 1));
        assertNull(ValueCoercion.coerceParam(JsonText.MAPPER.readTree("null"), KalamDataType.INT, 1));
        assertEquals("[1,2]", ValueCoercion.coerceParam(List.of(1, 2), KalamDataType.JSON, 1));
        assertEquals("{\"k\":\"v\"}", ValueCoercion.coerceParam(Map.of("k", "v"), KalamDataType.JSON, 1));
        assertEquals(9007199254741991L, ValueCoercion.coerceParam(9007199254741991L, KalamDataType.BIG_INT, 1));
        assertEquals("Parameter $1 invalid: value 12345678901234567890 out of range for BIGINT",
                paramFailure(JsonText.MAPPER.readTree("12345678901234567890"), KalamDataType.BIG_INT, 1));
    }

    @Test
    void contextFreeMessagesNameNoColumn() {
        KalamDbException e = assertThrows(KalamDbException.class,
                () -> ValueCoercion.coerce("abc", KalamDataType.INT, null));
        assertEquals("Cannot convert 'abc' to INT", e.getMessage());
    }

    @Test
    void longValuesAreShortenedInMessages() {
        String longText = "x".repeat(1000);
        String message = failure(longText, KalamDataType.INT, "n");
        assertEquals("Cannot convert '" + "x".repeat(200) + "...' to INT for column 'n'", message);
    }
}
