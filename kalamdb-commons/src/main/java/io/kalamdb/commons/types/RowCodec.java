package io.kalamdb.commons.types;

import io.kalamdb.commons.errors.KalamDbException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The binary row record stored as the value of hot row versions (spec storage.md §4.3).
 *
 * <p>Layout (big-endian): a format byte ({@value #FORMAT}), a flags byte (bit 0 = tombstone), the schema version
 * and the column count as unsigned varints, then per column its id as an unsigned varint, a one-byte type tag and
 * the payload. Values describe themselves, so decoding needs no schema:
 * <table>
 * <caption>Value tags</caption>
 * <tr><th>tag</th><th>Java value</th><th>payload</th></tr>
 * <tr><td>0</td><td>null</td><td>none</td></tr>
 * <tr><td>1 / 2</td><td>Boolean false / true</td><td>none</td></tr>
 * <tr><td>3</td><td>Short</td><td>2 bytes</td></tr>
 * <tr><td>4</td><td>Integer</td><td>4 bytes</td></tr>
 * <tr><td>5</td><td>Long</td><td>8 bytes</td></tr>
 * <tr><td>6</td><td>Float</td><td>4 bytes (IEEE bits)</td></tr>
 * <tr><td>7</td><td>Double</td><td>8 bytes (IEEE bits)</td></tr>
 * <tr><td>8</td><td>BigDecimal of up to 18 digits</td><td>zigzag varint scale, 8-byte unscaled value</td></tr>
 * <tr><td>9</td><td>BigDecimal</td><td>zigzag varint scale, varint length, two's-complement unscaled bytes</td></tr>
 * <tr><td>10</td><td>String</td><td>varint length, UTF-8</td></tr>
 * <tr><td>11</td><td>byte[]</td><td>varint length, bytes</td></tr>
 * <tr><td>12</td><td>UUID</td><td>16 bytes</td></tr>
 * <tr><td>13</td><td>float[]</td><td>varint count, 4 bytes each</td></tr>
 * </table>
 * Encoding makes one exact-size allocation (the result), apart from the unscaled value of a DECIMAL.
 */
public final class RowCodec {
    /** The format byte written first. */
    public static final byte FORMAT = 1;

    private static final byte T_NULL = 0;
    private static final byte T_FALSE = 1;
    private static final byte T_TRUE = 2;
    private static final byte T_SHORT = 3;
    private static final byte T_INT = 4;
    private static final byte T_LONG = 5;
    private static final byte T_FLOAT = 6;
    private static final byte T_DOUBLE = 7;
    private static final byte T_DECIMAL64 = 8;
    private static final byte T_DECIMAL = 9;
    private static final byte T_STRING = 10;
    private static final byte T_BYTES = 11;
    private static final byte T_UUID = 12;
    private static final byte T_FLOATS = 13;

    private static final int FLAG_DELETED = 1;
    private static final int MAX_COMPACT_DECIMAL_DIGITS = 18;

    private RowCodec() {
    }

    /**
     * Encodes a row version.
     *
     * @param schemaVersion the schema version at write time
     * @param deleted       tombstone flag
     * @param columnIds     the column ids, one per value
     * @param values        storage values (see the package documentation), null for NULL
     * @return the record bytes
     */
    public static byte[] encode(int schemaVersion, boolean deleted, int[] columnIds, Object[] values) {
        if (columnIds.length != values.length) {
            throw KalamDbException.internal("Row record has " + columnIds.length + " column ids but "
                    + values.length + " values", null);
        }
        int size = 2 + varintSize(schemaVersion) + varintSize(columnIds.length);
        for (int i = 0; i < columnIds.length; i++) {
            size += varintSize(columnIds[i]) + 1 + payloadSize(values[i]);
        }
        ByteBuffer buf = ByteBuffer.allocate(size);
        buf.put(FORMAT);
        buf.put((byte) (deleted ? FLAG_DELETED : 0));
        putVarint(buf, schemaVersion);
        putVarint(buf, columnIds.length);
        for (int i = 0; i < columnIds.length; i++) {
            putVarint(buf, columnIds[i]);
            putValue(buf, values[i]);
        }
        return buf.array();
    }

    /** Decodes a record written by {@link #encode}. */
    public static RowRecord decode(byte[] bytes) {
        try {
            ByteBuffer buf = ByteBuffer.wrap(bytes);
            byte format = buf.get();
            if (format != FORMAT) {
                throw corrupt("unknown format " + format, null);
            }
            boolean deleted = (buf.get() & FLAG_DELETED) != 0;
            int schemaVersion = getVarint(buf);
            int count = getVarint(buf);
            if (count < 0 || count > buf.remaining() / 2) {
                throw corrupt("bad column count " + count, null);
            }
            int[] ids = new int[count];
            Object[] values = new Object[count];
            for (int i = 0; i < count; i++) {
                ids[i] = getVarint(buf);
                values[i] = getValue(buf);
            }
            if (buf.hasRemaining()) {
                throw corrupt(buf.remaining() + " trailing bytes", null);
            }
            return new RowRecord(schemaVersion, deleted, ids, values);
        } catch (BufferUnderflowException | IllegalArgumentException | ArithmeticException e) {
            throw corrupt("truncated or malformed", e);
        }
    }

    /** Reads only the tombstone flag of an encoded record. */
    public static boolean isDeleted(byte[] bytes) {
        if (bytes.length < 2 || bytes[0] != FORMAT) {
            throw corrupt("unknown format", null);
        }
        return (bytes[1] & FLAG_DELETED) != 0;
    }

    /**
     * The values of the wanted columns, in the wanted order; a column absent from the record gives null.
     *
     * @param r               a decoded record
     * @param wantedColumnIds the column ids to read
     * @return a new array parallel to {@code wantedColumnIds}
     */
    public static Object[] project(RowRecord r, int[] wantedColumnIds) {
        return project(r, wantedColumnIds, null);
    }

    /**
     * Like {@link #project(RowRecord, int[])}, but a column absent from the record (written before the column was
     * added) reads {@code absentDefaults[i]}, the literal ADD COLUMN default, when {@code absentDefaults} is not null.
     */
    public static Object[] project(RowRecord r, int[] wantedColumnIds, Object[] absentDefaults) {
        int[] ids = r.columnIds();
        Object[] values = r.values();
        Object[] out = new Object[wantedColumnIds.length];
        for (int i = 0; i < wantedColumnIds.length; i++) {
            int id = wantedColumnIds[i];
            int at = i < ids.length && ids[i] == id ? i : r.indexOf(id);
            if (at >= 0) {
                out[i] = values[at];
            } else if (absentDefaults != null) {
                out[i] = absentDefaults[i];
            }
        }
        return out;
    }

    // ---- sizes ------------------------------------------------------------------------------------------------

    private static int payloadSize(Object v) {
        if (v == null || v instanceof Boolean) {
            return 0;
        }
        if (v instanceof Integer || v instanceof Float) {
            return 4;
        }
        if (v instanceof Long || v instanceof Double) {
            return 8;
        }
        if (v instanceof String s) {
            int len = utf8Length(s);
            return varintSize(len) + len;
        }
        if (v instanceof BigDecimal bd) {
            int scaleSize = varintSize(zigzag(bd.scale()));
            if (bd.precision() <= MAX_COMPACT_DECIMAL_DIGITS) {
                return scaleSize + 8;
            }
            int len = bd.unscaledValue().bitLength() / 8 + 1;
            return scaleSize + varintSize(len) + len;
        }
        if (v instanceof byte[] b) {
            return varintSize(b.length) + b.length;
        }
        if (v instanceof UUID) {
            return 16;
        }
        if (v instanceof float[] f) {
            return varintSize(f.length) + 4 * f.length;
        }
        if (v instanceof Short) {
            return 2;
        }
        throw KalamDbException.internal("Unsupported storage value class " + v.getClass().getSimpleName(), null);
    }

    // ---- writing ----------------------------------------------------------------------------------------------

    private static void putValue(ByteBuffer buf, Object v) {
        if (v == null) {
            buf.put(T_NULL);
        } else if (v instanceof Long l) {
            buf.put(T_LONG).putLong(l);
        } else if (v instanceof String s) {
            buf.put(T_STRING);
            putUtf8(buf, s);
        } else if (v instanceof Integer i) {
            buf.put(T_INT).putInt(i);
        } else if (v instanceof Boolean b) {
            buf.put(b ? T_TRUE : T_FALSE);
        } else if (v instanceof Double d) {
            buf.put(T_DOUBLE).putLong(Double.doubleToRawLongBits(d));
        } else if (v instanceof Float f) {
            buf.put(T_FLOAT).putInt(Float.floatToRawIntBits(f));
        } else if (v instanceof Short s) {
            buf.put(T_SHORT).putShort(s);
        } else if (v instanceof BigDecimal bd) {
            BigInteger unscaled = bd.unscaledValue();
            if (bd.precision() <= MAX_COMPACT_DECIMAL_DIGITS) {
                buf.put(T_DECIMAL64);
                putVarint(buf, zigzag(bd.scale()));
                buf.putLong(unscaled.longValue());
            } else {
                byte[] raw = unscaled.toByteArray();
                buf.put(T_DECIMAL);
                putVarint(buf, zigzag(bd.scale()));
                putVarint(buf, raw.length);
                buf.put(raw);
            }
        } else if (v instanceof byte[] b) {
            buf.put(T_BYTES);
            putVarint(buf, b.length);
            buf.put(b);
        } else if (v instanceof UUID u) {
            buf.put(T_UUID).putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits());
        } else if (v instanceof float[] f) {
            buf.put(T_FLOATS);
            putVarint(buf, f.length);
            for (float x : f) {
                buf.putInt(Float.floatToRawIntBits(x));
            }
        } else {
            throw KalamDbException.internal("Unsupported storage value class " + v.getClass().getSimpleName(), null);
        }
    }

    private static int zigzag(int n) {
        return (n << 1) ^ (n >> 31);
    }

    private static int unzigzag(int n) {
        return (n >>> 1) ^ -(n & 1);
    }

    private static int varintSize(int v) {
        if ((v & ~0x7F) == 0) {
            return 1;
        }
        if ((v & ~0x3FFF) == 0) {
            return 2;
        }
        if ((v & ~0x1FFFFF) == 0) {
            return 3;
        }
        if ((v & ~0xFFFFFFF) == 0) {
            return 4;
        }
        return 5;
    }

    private static void putVarint(ByteBuffer buf, int v) {
        while ((v & ~0x7F) != 0) {
            buf.put((byte) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        buf.put((byte) v);
    }

    /** UTF-8 length as {@link String#getBytes} would produce it (an unpaired surrogate becomes {@code '?'}). */
    private static int utf8Length(String s) {
        int n = s.length();
        int len = n;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                continue;
            }
            if (c < 0x800) {
                len += 1;
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                len += 2;
                i++;
            } else if (!Character.isSurrogate(c)) {
                len += 2;
            }
        }
        return len;
    }

    private static void putUtf8(ByteBuffer buf, String s) {
        int len = utf8Length(s);
        putVarint(buf, len);
        byte[] a = buf.array();
        int p = buf.position();
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                a[p++] = (byte) c;
            } else if (c < 0x800) {
                a[p++] = (byte) (0xC0 | c >> 6);
                a[p++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                a[p++] = (byte) (0xF0 | cp >> 18);
                a[p++] = (byte) (0x80 | cp >> 12 & 0x3F);
                a[p++] = (byte) (0x80 | cp >> 6 & 0x3F);
                a[p++] = (byte) (0x80 | cp & 0x3F);
            } else if (Character.isSurrogate(c)) {
                a[p++] = '?';
            } else {
                a[p++] = (byte) (0xE0 | c >> 12);
                a[p++] = (byte) (0x80 | c >> 6 & 0x3F);
                a[p++] = (byte) (0x80 | c & 0x3F);
            }
        }
        buf.position(p);
    }

    // ---- reading ----------------------------------------------------------------------------------------------

    private static Object getValue(ByteBuffer buf) {
        byte tag = buf.get();
        switch (tag) {
            case T_NULL:
                return null;
            case T_FALSE:
                return Boolean.FALSE;
            case T_TRUE:
                return Boolean.TRUE;
            case T_SHORT:
                return buf.getShort();
            case T_INT:
                return buf.getInt();
            case T_LONG:
                return buf.getLong();
            case T_FLOAT:
                return Float.intBitsToFloat(buf.getInt());
            case T_DOUBLE:
                return Double.longBitsToDouble(buf.getLong());
            case T_DECIMAL64: {
                int scale = unzigzag(getVarint(buf));
                return BigDecimal.valueOf(buf.getLong(), scale);
            }
            case T_DECIMAL: {
                int scale = unzigzag(getVarint(buf));
                byte[] raw = new byte[getLength(buf)];
                buf.get(raw);
                return new BigDecimal(new BigInteger(raw), scale);
            }
            case T_STRING: {
                int len = getLength(buf);
                String s = new String(buf.array(), buf.arrayOffset() + buf.position(), len, StandardCharsets.UTF_8);
                buf.position(buf.position() + len);
                return s;
            }
            case T_BYTES: {
                byte[] b = new byte[getLength(buf)];
                buf.get(b);
                return b;
            }
            case T_UUID:
                return new UUID(buf.getLong(), buf.getLong());
            case T_FLOATS: {
                int n = getVarint(buf);
                if (n < 0 || n > buf.remaining() / 4) {
                    throw corrupt("bad embedding length " + n, null);
                }
                float[] f = new float[n];
                for (int i = 0; i < n; i++) {
                    f[i] = Float.intBitsToFloat(buf.getInt());
                }
                return f;
            }
            default:
                throw corrupt("unknown value tag " + tag, null);
        }
    }

    private static int getLength(ByteBuffer buf) {
        int len = getVarint(buf);
        if (len < 0 || len > buf.remaining()) {
            throw corrupt("bad length " + len, null);
        }
        return len;
    }

    private static int getVarint(ByteBuffer buf) {
        int result = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            byte b = buf.get();
            result |= (b & 0x7F) << shift;
            if (b >= 0) {
                return result;
            }
        }
        throw corrupt("varint too long", null);
    }

    private static KalamDbException corrupt(String detail, Throwable cause) {
        return KalamDbException.internal("Corrupt row record: " + detail, cause);
    }
}
