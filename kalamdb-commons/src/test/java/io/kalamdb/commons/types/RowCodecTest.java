package io.kalamdb.commons.types;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kalamdb.commons.errors.ErrorCode;
import io.kalamdb.commons.errors.KalamDbException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RowCodecTest {
    private static final UUID ID = UUID.fromString("0190a0b2-7c3e-7d4f-9a1b-2c3d4e5f6a7b");

    @Test
    void roundTripsOneValueOfEveryTypeAndNulls() {
        int[] ids = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 300, 70000};
        Object[] values = {
            true,                                           // BOOLEAN
            (short) -32768,                                 // SMALLINT
            Integer.MIN_VALUE,                              // INT
            9007199254741991L,                              // BIGINT
            1.25f,                                          // FLOAT
            -0.0,                                           // DOUBLE
            new BigDecimal("100.50"),                       // DECIMAL(10,2)
            "héllo wörld ✓ 😀",                             // TEXT
            new byte[] {0, 1, (byte) 255},                  // BYTES
            "{\"a\":[1,2]}",                                // JSON
            1672567200000000L,                              // TIMESTAMP
            -1L,                                            // DATETIME
            19358,                                          // DATE
            36000000000L,                                   // TIME
            ID,                                             // UUID
            new float[] {0.1f, -2.5f, Float.MIN_VALUE},     // EMBEDDING(3)
            "{\"id\":\"1\",\"sub\":\"f0001\"}",             // FILE
            null,
            false,
            new BigDecimal("-12345678901234567890123456789.0123456789"), // DECIMAL(38,10), beyond 64 bits
            Double.NaN,
            null,
        };
        byte[] bytes = RowCodec.encode(7, false, ids, values);
        RowRecord r = RowCodec.decode(bytes);
        assertEquals(7, r.schemaVersion());
        assertFalse(r.deleted());
        assertArrayEquals(ids, r.columnIds());
        assertEquals(values.length, r.values().length);
        for (int i = 0; i < values.length; i++) {
            Object expected = values[i];
            Object actual = r.values()[i];
            if (expected == null) {
                assertNull(actual, "column " + ids[i]);
            } else {
                assertEquals(expected.getClass(), actual.getClass(), "column " + ids[i]);
                assertTrue(Arrays.deepEquals(new Object[] {expected}, new Object[] {actual}), "column " + ids[i]);
            }
        }
        assertEquals(2, ((BigDecimal) r.valueOf(7)).scale());
        assertEquals(10, ((BigDecimal) r.valueOf(20)).scale());
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits((Double) r.valueOf(6)));
        assertEquals(new RowRecord(7, false, ids, values), r);
        assertEquals(new RowRecord(7, false, ids, values).hashCode(), r.hashCode());
    }

    @Test
    void absentAndNullColumns() {
        RowRecord r = RowCodec.decode(RowCodec.encode(3, false, new int[] {1, 2}, new Object[] {"a", null}));
        assertTrue(r.has(1));
        assertTrue(r.has(2));
        assertFalse(r.has(3));
        assertEquals("a", r.valueOf(1));
        assertNull(r.valueOf(2));
        assertNull(r.valueOf(3));
        assertArrayEquals(new Object[] {null, "a", null}, RowCodec.project(r, new int[] {3, 1, 2}));
        assertArrayEquals(new Object[] {"a", null}, RowCodec.project(r, new int[] {1, 2}));
        assertArrayEquals(new Object[] {"dflt", "a", null},
                RowCodec.project(r, new int[] {3, 1, 2}, new Object[] {"dflt", "unused", "unused"}));
    }

    @Test
    void tombstonesAndEmptyRows() {
        byte[] bytes = RowCodec.encode(1, true, new int[0], new Object[0]);
        assertEquals(4, bytes.length);
        assertTrue(RowCodec.isDeleted(bytes));
        RowRecord r = RowCodec.decode(bytes);
        assertTrue(r.deleted());
        assertEquals(0, r.size());
        assertFalse(RowCodec.isDeleted(RowCodec.encode(1, false, new int[] {1}, new Object[] {1})));
    }

    @Test
    void encodingIsCompactAndExact() {
        byte[] bytes = RowCodec.encode(1, false, new int[] {1, 2, 3}, new Object[] {42L, "abc", null});
        // format, flags, version, count, (id, tag, 8) + (id, tag, len, 3) + (id, tag)
        assertEquals(4 + 10 + 6 + 2, bytes.length);
    }

    @Test
    void largeIdsVersionsAndStrings() {
        String big = "x".repeat(70000) + "é";
        int[] ids = {Integer.MAX_VALUE, 0};
        Object[] values = {big, new byte[200]};
        RowRecord r = RowCodec.decode(RowCodec.encode(Integer.MAX_VALUE, false, ids, values));
        assertEquals(Integer.MAX_VALUE, r.schemaVersion());
        assertEquals(big, r.valueOf(Integer.MAX_VALUE));
        assertArrayEquals(new byte[200], (byte[]) r.valueOf(0));
    }

    @Test
    void unpairedSurrogateIsWrittenLikeGetBytes() {
        String s = "a\uD800b";
        RowRecord r = RowCodec.decode(RowCodec.encode(1, false, new int[] {1}, new Object[] {s}));
        assertEquals(new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8), r.valueOf(1));
    }

    @Test
    void corruptInputIsAnInternalError() {
        byte[] good = RowCodec.encode(1, false, new int[] {1}, new Object[] {"hello"});
        byte[] truncated = Arrays.copyOf(good, good.length - 2);
        KalamDbException e = assertThrows(KalamDbException.class, () -> RowCodec.decode(truncated));
        assertEquals(ErrorCode.INTERNAL_ERROR, e.code());
        byte[] badTag = good.clone();
        badTag[5] = 99;
        assertThrows(KalamDbException.class, () -> RowCodec.decode(badTag));
        assertThrows(KalamDbException.class, () -> RowCodec.decode(new byte[] {9, 0, 0, 0}));
        assertThrows(KalamDbException.class, () -> RowCodec.decode(new byte[0]));
    }

    @Test
    void rejectsNonStorageValues() {
        KalamDbException e = assertThrows(KalamDbException.class,
                () -> RowCodec.encode(1, false, new int[] {1}, new Object[] {new Object()}));
        assertEquals(ErrorCode.INTERNAL_ERROR, e.code());
        assertThrows(KalamDbException.class, () -> RowCodec.encode(1, false, new int[] {1, 2}, new Object[] {1}));
    }
}
