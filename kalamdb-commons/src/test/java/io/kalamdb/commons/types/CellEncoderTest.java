package io.kalamdb.commons.types;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CellEncoderTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String json(KalamDataType type, Object storageValue) throws Exception {
        return JSON.writeValueAsString(CellEncoder.encode(type, storageValue));
    }

    @Test
    void nullIsNullForEveryType() {
        for (KalamDataType.Kind kind : KalamDataType.Kind.values()) {
            KalamDataType type = new KalamDataType(kind, 10, 2, 3);
            assertNull(CellEncoder.encode(type, null), kind.name());
        }
    }

    @Test
    void everyTypeEncodesAsTheContractSays() throws Exception {
        assertEquals("true", json(KalamDataType.BOOLEAN, true));
        assertEquals("123", json(KalamDataType.SMALL_INT, (short) 123));
        assertEquals(Integer.valueOf(123), CellEncoder.encode(KalamDataType.SMALL_INT, (short) 123));
        assertEquals("-7", json(KalamDataType.INT, -7));
        assertEquals("\"9007199254741991\"", json(KalamDataType.BIG_INT, 9007199254741991L));
        assertEquals("\"-9223372036854775808\"", json(KalamDataType.BIG_INT, Long.MIN_VALUE));
        assertEquals("123.45", json(KalamDataType.FLOAT, 123.45f));
        assertEquals("123.45", json(KalamDataType.DOUBLE, 123.45));
        assertEquals("\"100.50\"", json(KalamDataType.decimal(10, 2), new BigDecimal("100.50")));
        assertEquals("\"7\"", json(KalamDataType.decimal(10, 0), new BigDecimal("7")));
        assertEquals("\"0.000000000010\"", json(KalamDataType.decimal(38, 12), new BigDecimal("1.0E-11")));
        assertEquals("\"hello\"", json(KalamDataType.TEXT, "hello"));
        assertEquals("\"{\\\"key\\\":\\\"initial\\\"}\"", json(KalamDataType.JSON, "{\"key\":\"initial\"}"));
        assertEquals("\"{\\\"id\\\":\\\"1\\\"}\"", json(KalamDataType.FILE, "{\"id\":\"1\"}"));
        assertEquals("[1,2,255]", json(KalamDataType.BYTES, new byte[] {1, 2, (byte) 255}));
        assertEquals("[]", json(KalamDataType.BYTES, new byte[0]));
        assertEquals("1672567200000000", json(KalamDataType.TIMESTAMP, 1672567200000000L));
        assertEquals("1672567200000000", json(KalamDataType.DATE_TIME, 1672567200000000L));
        assertEquals("19358", json(KalamDataType.DATE, 19358));
        assertEquals("36000000000", json(KalamDataType.TIME, 36000000000L));
        assertEquals("\"0190a0b2-7c3e-7d4f-9a1b-2c3d4e5f6a7b\"",
                json(KalamDataType.UUID, UUID.fromString("0190A0B2-7C3E-7D4F-9A1B-2C3D4E5F6A7B")));
        assertEquals("[0.1,0.2]", json(KalamDataType.embedding(2), new float[] {0.1f, 0.2f}));
    }

    @Test
    void nonFiniteFloatsBecomeNull() {
        assertNull(CellEncoder.encode(KalamDataType.DOUBLE, Double.NaN));
        assertNull(CellEncoder.encode(KalamDataType.DOUBLE, Double.POSITIVE_INFINITY));
        assertNull(CellEncoder.encode(KalamDataType.DOUBLE, Double.NEGATIVE_INFINITY));
        assertNull(CellEncoder.encode(KalamDataType.FLOAT, Float.NaN));
        assertNull(CellEncoder.encode(KalamDataType.FLOAT, Float.POSITIVE_INFINITY));
        assertNull(CellEncoder.encode(KalamDataType.FLOAT, Float.NEGATIVE_INFINITY));
        assertEquals(0.0, CellEncoder.encode(KalamDataType.DOUBLE, 0.0));
    }

    @Test
    void storageValuesPassThroughWithoutCopies() {
        Long micros = 1672567200000000L;
        float[] embedding = {1f, 2f};
        Integer n = 5;
        assertEquals(micros, CellEncoder.encode(KalamDataType.TIMESTAMP, micros));
        assertEquals(embedding, CellEncoder.encode(KalamDataType.embedding(2), embedding));
        assertEquals(n, CellEncoder.encode(KalamDataType.INT, n));
        assertArrayEquals(new int[] {0, 128, 255},
                (int[]) CellEncoder.encode(KalamDataType.BYTES, new byte[] {0, (byte) 128, (byte) 255}));
    }

    @Test
    void roundTripExamplesOfTheSpec() throws Exception {
        assertEquals("1672567200000000", json(KalamDataType.TIMESTAMP,
                ValueCoercion.coerce("2023-01-01 10:00:00", KalamDataType.TIMESTAMP, "ts")));
        assertEquals("19358", json(KalamDataType.DATE, ValueCoercion.coerce("2023-01-01", KalamDataType.DATE, "d")));
        assertEquals("36000000000", json(KalamDataType.TIME, ValueCoercion.coerce("10:00:00", KalamDataType.TIME, "t")));
        KalamDataType dec = KalamDataType.decimal(10, 2);
        assertEquals("\"100.50\"", json(dec, ValueCoercion.coerce(100.5, dec, "p")));
        assertEquals("\"9007199254741991\"", json(KalamDataType.BIG_INT,
                ValueCoercion.coerce(9007199254741991L, KalamDataType.BIG_INT, "b")));
        assertEquals("\"9007199254741991\"", json(KalamDataType.BIG_INT,
                ValueCoercion.coerce("9007199254741991", KalamDataType.BIG_INT, "b")));
        assertEquals(Arrays.toString(new int[] {10, 11}), Arrays.toString((int[]) CellEncoder.encode(
                KalamDataType.BYTES, ValueCoercion.coerce("\\x0a0b", KalamDataType.BYTES, "b"))));
    }
}
