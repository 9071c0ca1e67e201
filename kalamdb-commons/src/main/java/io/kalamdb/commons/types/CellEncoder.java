package io.kalamdb.commons.types;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;

/**
 * Turns a storage value into its JSON cell (spec http-api.md §5.5), as a plain Java object that Jackson writes
 * directly: {@code null}, {@link Boolean}, {@link Integer}, {@link Long}, {@link Float}, {@link Double},
 * {@link String}, {@code int[]} (bytes) or {@code float[]} (embeddings).
 */
public final class CellEncoder {
    private CellEncoder() {
    }

    /**
     * Encodes one cell.
     *
     * @param type         the column or expression type
     * @param storageValue the storage value (see the package documentation), or null
     * @return the JSON cell value
     */
    public static Object encode(KalamDataType type, Object storageValue) {
        if (storageValue == null) {
            return null;
        }
        switch (type.kind()) {
            case BOOLEAN:
                return storageValue;
            case SMALL_INT:
            case INT:
                return storageValue instanceof Integer ? storageValue : Integer.valueOf(asNumber(storageValue).intValue());
            case BIG_INT:
                return storageValue instanceof BigDecimal bd ? bd.toBigInteger().toString() : storageValue.toString();
            case FLOAT:
                return finiteFloat(storageValue);
            case DOUBLE:
                return finiteDouble(storageValue);
            case DECIMAL:
                return decimalText(storageValue, type.scale());
            case TEXT:
            case JSON:
            case FILE:
                return storageValue instanceof String ? storageValue : storageValue.toString();
            case BYTES:
                return bytes(storageValue);
            case TIMESTAMP:
            case DATE_TIME:
            case TIME:
                return storageValue instanceof Long ? storageValue : Long.valueOf(asNumber(storageValue).longValue());
            case DATE:
                return storageValue instanceof Integer ? storageValue : Integer.valueOf(asNumber(storageValue).intValue());
            case UUID:
                return storageValue instanceof UUID u ? u.toString() : storageValue.toString().toLowerCase(Locale.ROOT);
            case EMBEDDING:
                return storageValue;
            default:
                return storageValue.toString();
        }
    }

    private static Number asNumber(Object value) {
        if (value instanceof Number n) {
            return n;
        }
        return Long.valueOf(value.toString());
    }

    private static Object finiteFloat(Object value) {
        if (value instanceof Float f) {
            return Float.isFinite(f) ? f : null;
        }
        float f = asNumber(value).floatValue();
        return Float.isFinite(f) ? Float.valueOf(f) : null;
    }

    private static Object finiteDouble(Object value) {
        if (value instanceof Double d) {
            return Double.isFinite(d) ? d : null;
        }
        if (value instanceof Float f) {
            return Float.isFinite(f) ? f : null;
        }
        double d = asNumber(value).doubleValue();
        return Double.isFinite(d) ? Double.valueOf(d) : null;
    }

    private static String decimalText(Object value, int scale) {
        BigDecimal bd = value instanceof BigDecimal b ? b : new BigDecimal(value.toString());
        if (bd.scale() != scale) {
            bd = bd.setScale(scale, RoundingMode.HALF_UP);
        }
        return bd.toPlainString();
    }

    private static int[] bytes(Object value) {
        byte[] b = value instanceof byte[] raw ? raw : value.toString().getBytes(StandardCharsets.UTF_8);
        int[] out = new int[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = b[i] & 0xFF;
        }
        return out;
    }
}
