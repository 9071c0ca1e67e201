package io.kalamdb.commons.types;

import static io.kalamdb.commons.types.CoercionErrors.cannotConvert;
import static io.kalamdb.commons.types.CoercionErrors.dimensionMismatch;
import static io.kalamdb.commons.types.CoercionErrors.exceeds;
import static io.kalamdb.commons.types.CoercionErrors.invalidFileRef;
import static io.kalamdb.commons.types.CoercionErrors.invalidJson;
import static io.kalamdb.commons.types.CoercionErrors.invalidValue;
import static io.kalamdb.commons.types.CoercionErrors.outOfRange;
import static io.kalamdb.commons.types.ValueText.display;
import static io.kalamdb.commons.types.ValueText.hexDecode;
import static io.kalamdb.commons.types.ValueText.isDecimalNumber;
import static io.kalamdb.commons.types.ValueText.isFixedInteger;
import static io.kalamdb.commons.types.ValueText.isInteger;
import static io.kalamdb.commons.types.ValueText.numberText;
import static io.kalamdb.commons.types.ValueText.parseByteList;
import static io.kalamdb.commons.types.ValueText.parseFloatList;
import static io.kalamdb.commons.types.ValueText.parseUuid;
import static io.kalamdb.commons.types.ValueText.plain;
import static io.kalamdb.commons.types.ValueText.shorten;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.kalamdb.commons.errors.KalamDbException;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Converts literal and parameter values into the storage value of a column type (spec sql.md §12.3). The storage
 * representation of each type is described in the package documentation.
 *
 * <p>Accepted inputs: {@code null}, {@link Boolean}, {@link Byte}/{@link Short}/{@link Integer}/{@link Long},
 * {@link Float}/{@link Double}, {@link BigDecimal}, {@link BigInteger}, {@link String}, {@code byte[]} (hex
 * literals), {@link UUID}, {@code float[]}, {@code java.time} values for temporal targets, and storage values of the
 * target type, which are returned unchanged. Every failure is a {@link KalamDbException#userError(String)} whose
 * message names the column (or the parameter).
 */
public final class ValueCoercion {
    private static final double TWO_POW_63 = 0x1p63;

    private ValueCoercion() {
    }

    /**
     * Converts {@code input} into the storage value of {@code target}.
     *
     * @param input  the value (null stays null; NOT NULL is the caller's concern)
     * @param target the column type
     * @param column the column name used in error messages; null for a context-free conversion (e.g. CAST), whose
     *               messages name no column
     * @return the storage value, of the class listed in the package documentation
     * @throws KalamDbException a user error with the message of sql.md §12.3
     */
    public static Object coerce(Object input, KalamDataType target, String column) {
        return convert(input, target, column, 0);
    }

    /**
     * Converts a bound request parameter into the storage value of {@code target} (spec http-api.md §5.8).
     * The parameter may be a Jackson {@link JsonNode} or the plain Java form Jackson reads JSON into (null, Boolean,
     * Integer/Long/BigInteger, Double/BigDecimal, String, List, Map). Objects and arrays are coerced as their compact
     * JSON text.
     *
     * @param jsonParam  the parameter value
     * @param target     the type it is coerced to
     * @param paramIndex the 1-based parameter number: {@code 2} for {@code $2}
     * @return the storage value
     * @throws KalamDbException a user error such as {@code Parameter $2 invalid: cannot convert 'abc' to INT}
     */
    public static Object coerceParam(Object jsonParam, KalamDataType target, int paramIndex) {
        Object value;
        try {
            value = fromJsonParam(jsonParam);
        } catch (IOException e) {
            throw KalamDbException.userError("Parameter $" + paramIndex + " invalid: cannot convert value to "
                    + target.sqlName());
        }
        return convert(value, target, null, Math.max(paramIndex, 1));
    }

    private static Object convert(Object v, KalamDataType t, String c, int p) {
        if (v == null) {
            return null;
        }
        switch (t.kind()) {
            case BOOLEAN:
                return toBoolean(v, t, c, p);
            case SMALL_INT: {
                if (v instanceof Short) {
                    return v;
                }
                long l = toLong(v, t, c, p);
                if (l < Short.MIN_VALUE || l > Short.MAX_VALUE) {
                    throw outOfRange(Long.toString(l), t, c, p);
                }
                return (short) l;
            }
            case INT: {
                if (v instanceof Integer) {
                    return v;
                }
                long l = toLong(v, t, c, p);
                if (l < Integer.MIN_VALUE || l > Integer.MAX_VALUE) {
                    throw outOfRange(Long.toString(l), t, c, p);
                }
                return (int) l;
            }
            case BIG_INT:
                return v instanceof Long ? v : Long.valueOf(toLong(v, t, c, p));
            case FLOAT:
                return toFloat(v, t, c, p);
            case DOUBLE:
                return toDouble(v, t, c, p);
            case DECIMAL:
                return toDecimal(v, t, c, p);
            case TEXT:
                return toText(v, t, c, p);
            case BYTES:
                return toBytes(v, t, c, p);
            case JSON:
                return toJson(v, t, c, p);
            case TIMESTAMP:
            case DATE_TIME:
                return toTimestamp(v, t, c, p);
            case DATE:
                return toDate(v, t, c, p);
            case TIME:
                return toTime(v, t, c, p);
            case UUID:
                return toUuid(v, t, c, p);
            case EMBEDDING:
                return toEmbedding(v, t, c, p);
            case FILE:
                return toFileRef(v, c, p);
            default:
                throw cannotConvert(display(v), t, c, p);
        }
    }

    // ---- BOOLEAN ----------------------------------------------------------------------------------------------

    private static Boolean toBoolean(Object v, KalamDataType t, String c, int p) {
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof String s) {
            String tr = s.trim();
            if (tr.equalsIgnoreCase("true") || tr.equalsIgnoreCase("t")) {
                return Boolean.TRUE;
            }
            if (tr.equalsIgnoreCase("false") || tr.equalsIgnoreCase("f")) {
                return Boolean.FALSE;
            }
        } else if (isFixedInteger(v)) {
            long l = ((Number) v).longValue();
            if (l == 0 || l == 1) {
                return l == 1;
            }
        } else if (v instanceof BigInteger bi) {
            if (bi.signum() == 0 || bi.equals(BigInteger.ONE)) {
                return bi.signum() != 0;
            }
        }
        throw cannotConvert(display(v), t, c, p);
    }

    // ---- SMALLINT / INT / BIGINT ------------------------------------------------------------------------------

    private static long toLong(Object v, KalamDataType t, String c, int p) {
        if (isFixedInteger(v)) {
            return ((Number) v).longValue();
        }
        if (v instanceof BigInteger bi) {
            if (bi.bitLength() < 64) {
                return bi.longValue();
            }
            throw outOfRange(bi.toString(), t, c, p);
        }
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (!Double.isFinite(d) || d != Math.rint(d)) {
                throw cannotConvert(display(v), t, c, p);
            }
            if (d >= -TWO_POW_63 && d < TWO_POW_63) {
                return (long) d;
            }
            throw outOfRange(plain(BigDecimal.valueOf(d)), t, c, p);
        }
        if (v instanceof BigDecimal bd) {
            return decimalToLong(bd, plain(bd), t, c, p);
        }
        if (v instanceof String s) {
            String tr = s.trim();
            if (isInteger(tr)) {
                try {
                    return Long.parseLong(tr);
                } catch (NumberFormatException e) {
                    throw outOfRange(shorten(tr), t, c, p);
                }
            }
            if (isDecimalNumber(tr)) {
                BigDecimal bd;
                try {
                    bd = new BigDecimal(tr);
                } catch (NumberFormatException e) {
                    throw cannotConvert(display(s), t, c, p);
                }
                return decimalToLong(bd, shorten(tr), t, c, p);
            }
        }
        throw cannotConvert(display(v), t, c, p);
    }

    private static long decimalToLong(BigDecimal bd, String shown, KalamDataType t, String c, int p) {
        if (bd.signum() == 0) {
            return 0;
        }
        if (bd.scale() > 0 && bd.stripTrailingZeros().scale() > 0) {
            throw cannotConvert(shown, t, c, p);
        }
        if ((long) bd.precision() - bd.scale() > 19) {
            throw outOfRange(shown, t, c, p);
        }
        try {
            return bd.longValueExact();
        } catch (ArithmeticException e) {
            throw outOfRange(shown, t, c, p);
        }
    }

    // ---- FLOAT / DOUBLE ---------------------------------------------------------------------------------------

    private static Float toFloat(Object v, KalamDataType t, String c, int p) {
        if (v instanceof Float f) {
            return f;
        }
        if (v instanceof Double d) {
            double x = d;
            float f = (float) x;
            if (Float.isInfinite(f) && Double.isFinite(x)) {
                throw outOfRange(display(v), t, c, p);
            }
            return f;
        }
        if (v instanceof Number n) {
            float f = n.floatValue();
            if (Float.isInfinite(f)) {
                throw outOfRange(display(v), t, c, p);
            }
            return f;
        }
        if (v instanceof String s) {
            String tr = s.trim();
            double special = specialFloat(tr);
            if (!Double.isFinite(special)) {
                return (float) special;
            }
            if (isDecimalNumber(tr)) {
                float f = Float.parseFloat(tr);
                if (Float.isInfinite(f)) {
                    throw outOfRange(shorten(tr), t, c, p);
                }
                return f;
            }
        }
        throw cannotConvert(display(v), t, c, p);
    }

    private static Double toDouble(Object v, KalamDataType t, String c, int p) {
        if (v instanceof Double d) {
            return d;
        }
        if (v instanceof Float f) {
            float x = f;
            return Float.isFinite(x) ? Double.parseDouble(Float.toString(x)) : (double) x;
        }
        if (v instanceof Number n) {
            double d = n.doubleValue();
            if (Double.isInfinite(d)) {
                throw outOfRange(display(v), t, c, p);
            }
            return d;
        }
        if (v instanceof String s) {
            String tr = s.trim();
            double special = specialFloat(tr);
            if (!Double.isFinite(special)) {
                return special;
            }
            if (isDecimalNumber(tr)) {
                double d = Double.parseDouble(tr);
                if (Double.isInfinite(d)) {
                    throw outOfRange(shorten(tr), t, c, p);
                }
                return d;
            }
        }
        throw cannotConvert(display(v), t, c, p);
    }

    /** NaN or ±Infinity for the words {@code NaN}, {@code Infinity}, {@code inf} (any case, signed); else 0. */
    private static double specialFloat(String s) {
        int start = s.startsWith("+") || s.startsWith("-") ? 1 : 0;
        String word = s.substring(start);
        if (start == 0 && word.equalsIgnoreCase("nan")) {
            return Double.NaN;
        }
        if (word.equalsIgnoreCase("infinity") || word.equalsIgnoreCase("inf")) {
            return s.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        return 0;
    }

    // ---- DECIMAL ----------------------------------------------------------------------------------------------

    private static BigDecimal toDecimal(Object v, KalamDataType t, String c, int p) {
        BigDecimal bd;
        String shown = null;
        if (v instanceof BigDecimal b) {
            if (b.scale() == t.scale() && b.precision() <= t.precision()) {
                return b;
            }
            bd = b;
        } else if (isFixedInteger(v)) {
            bd = BigDecimal.valueOf(((Number) v).longValue());
        } else if (v instanceof BigInteger bi) {
            bd = new BigDecimal(bi);
        } else if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (!Double.isFinite(d)) {
                throw cannotConvert(display(v), t, c, p);
            }
            bd = v instanceof Float f ? new BigDecimal(Float.toString(f)) : BigDecimal.valueOf(d);
        } else if (v instanceof String s) {
            String tr = s.trim();
            if (!isDecimalNumber(tr)) {
                throw cannotConvert(display(s), t, c, p);
            }
            try {
                bd = new BigDecimal(tr);
            } catch (NumberFormatException e) {
                throw cannotConvert(display(s), t, c, p);
            }
            shown = shorten(tr);
        } else {
            throw cannotConvert(display(v), t, c, p);
        }
        return fitDecimal(bd, shown, t, c, p);
    }

    private static BigDecimal fitDecimal(BigDecimal bd, String shown, KalamDataType t, String c, int p) {
        int precision = t.precision();
        int scale = t.scale();
        if (bd.signum() == 0) {
            return BigDecimal.valueOf(0, scale);
        }
        long integerDigits = (long) bd.precision() - bd.scale();
        if (integerDigits > precision - scale) {
            throw exceeds(shown != null ? shown : shorten(plain(bd)), t, c, p);
        }
        if (integerDigits < -scale - 1) {
            return BigDecimal.valueOf(0, scale);
        }
        BigDecimal rounded = bd.setScale(scale, RoundingMode.HALF_UP);
        if (rounded.precision() > precision) {
            throw exceeds(shown != null ? shown : shorten(plain(bd)), t, c, p);
        }
        return rounded;
    }

    // ---- TEXT -------------------------------------------------------------------------------------------------

    private static String toText(Object v, KalamDataType t, String c, int p) {
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof Boolean || isFixedInteger(v) || v instanceof BigInteger || v instanceof UUID) {
            return v.toString();
        }
        if (v instanceof BigDecimal bd) {
            return plain(bd);
        }
        if (v instanceof Double || v instanceof Float) {
            return numberText((Number) v);
        }
        throw cannotConvert(display(v), t, c, p);
    }

    // ---- BYTES ------------------------------------------------------------------------------------------------

    private static byte[] toBytes(Object v, KalamDataType t, String c, int p) {
        if (v instanceof byte[] b) {
            return b;
        }
        if (v instanceof String s) {
            if (s.length() >= 2 && s.charAt(0) == '\\' && (s.charAt(1) == 'x' || s.charAt(1) == 'X')) {
                byte[] decoded = hexDecode(s, 2);
                if (decoded == null) {
                    throw cannotConvert(display(s), t, c, p);
                }
                return decoded;
            }
            String tr = s.trim();
            if (tr.length() >= 2 && tr.charAt(0) == '[' && tr.charAt(tr.length() - 1) == ']') {
                byte[] listed = parseByteList(tr);
                if (listed != null) {
                    return listed;
                }
            }
            return s.getBytes(StandardCharsets.UTF_8);
        }
        if (v instanceof UUID u) {
            return uuidBytes(u);
        }
        throw cannotConvert(display(v), t, c, p);
    }

    // ---- JSON -------------------------------------------------------------------------------------------------

    private static String toJson(Object v, KalamDataType t, String c, int p) {
        if (v instanceof String s) {
            try {
                JsonNode node = JsonText.parse(s);
                if (node == null) {
                    throw invalidJson(JsonText.NO_CONTENT, c, p);
                }
                return JsonText.write(node);
            } catch (JsonProcessingException e) {
                throw invalidJson(JsonText.reason(e), c, p);
            }
        }
        if (v instanceof Boolean || isFixedInteger(v) || v instanceof BigInteger) {
            return v.toString();
        }
        if (v instanceof BigDecimal bd) {
            return plain(bd);
        }
        if (v instanceof Double || v instanceof Float) {
            if (!Double.isFinite(((Number) v).doubleValue())) {
                throw cannotConvert(display(v), t, c, p);
            }
            return numberText((Number) v);
        }
        if (v instanceof UUID u) {
            return "\"" + u + "\"";
        }
        if (v instanceof byte[] b) {
            StringBuilder sb = new StringBuilder(b.length * 4 + 2).append('[');
            for (int i = 0; i < b.length; i++) {
                if (i > 0) {
                    sb.append(',');
                }
                sb.append(b[i] & 0xFF);
            }
            return sb.append(']').toString();
        }
        if (v instanceof float[] f) {
            StringBuilder sb = new StringBuilder(f.length * 8 + 2).append('[');
            for (int i = 0; i < f.length; i++) {
                if (i > 0) {
                    sb.append(',');
                }
                sb.append(Float.isFinite(f[i]) ? Float.toString(f[i]) : "null");
            }
            return sb.append(']').toString();
        }
        throw cannotConvert(display(v), t, c, p);
    }

    // ---- TIMESTAMP / DATETIME / DATE / TIME -------------------------------------------------------------------

    private static Long toTimestamp(Object v, KalamDataType t, String c, int p) {
        if (v instanceof Long l) {
            return l;
        }
        if (v instanceof Number n) {
            Long l = numberToLong(n);
            if (l == null) {
                throw invalidValue(display(v), t, c, p);
            }
            return l;
        }
        if (v instanceof String s) {
            String tr = s.trim();
            try {
                if (isInteger(tr)) {
                    return Long.parseLong(tr);
                }
                return Temporals.parseTimestampMicros(tr);
            } catch (NumberFormatException | DateTimeException e) {
                throw invalidValue(display(s), t, c, p);
            }
        }
        if (v instanceof Instant i) {
            return instantMicros(i, v, t, c, p);
        }
        if (v instanceof OffsetDateTime o) {
            return instantMicros(o.toInstant(), v, t, c, p);
        }
        if (v instanceof ZonedDateTime z) {
            return instantMicros(z.toInstant(), v, t, c, p);
        }
        if (v instanceof LocalDateTime ldt) {
            return instantMicros(ldt.toInstant(ZoneOffset.UTC), v, t, c, p);
        }
        if (v instanceof LocalDate ld) {
            return instantMicros(ld.atStartOfDay().toInstant(ZoneOffset.UTC), v, t, c, p);
        }
        throw invalidValue(display(v), t, c, p);
    }

    private static long instantMicros(Instant i, Object v, KalamDataType t, String c, int p) {
        try {
            return Math.addExact(Math.multiplyExact(i.getEpochSecond(), Temporals.MICROS_PER_SECOND),
                    i.getNano() / 1000);
        } catch (ArithmeticException e) {
            throw outOfRange(display(v), t, c, p);
        }
    }

    private static Integer toDate(Object v, KalamDataType t, String c, int p) {
        if (v instanceof Integer i) {
            return i;
        }
        if (v instanceof LocalDate ld) {
            return daysInRange(ld.toEpochDay(), v, t, c, p);
        }
        if (v instanceof Number n) {
            Long l = numberToLong(n);
            if (l == null) {
                throw invalidValue(display(v), t, c, p);
            }
            return daysInRange(l, v, t, c, p);
        }
        if (v instanceof String s) {
            String tr = s.trim();
            try {
                if (isInteger(tr)) {
                    return daysInRange(Long.parseLong(tr), tr, t, c, p);
                }
                return Temporals.parseDateDays(tr);
            } catch (NumberFormatException | DateTimeException e) {
                throw invalidValue(display(s), t, c, p);
            }
        }
        throw invalidValue(display(v), t, c, p);
    }

    private static Integer daysInRange(long days, Object v, KalamDataType t, String c, int p) {
        if (days < Integer.MIN_VALUE || days > Integer.MAX_VALUE) {
            throw outOfRange(display(v).trim(), t, c, p);
        }
        return (int) days;
    }

    private static Long toTime(Object v, KalamDataType t, String c, int p) {
        if (v instanceof LocalTime lt) {
            return lt.toNanoOfDay() / 1000;
        }
        long micros;
        if (v instanceof Number n) {
            Long l = numberToLong(n);
            if (l == null) {
                throw invalidValue(display(v), t, c, p);
            }
            micros = l;
        } else if (v instanceof String s) {
            String tr = s.trim();
            try {
                if (!isInteger(tr)) {
                    return Temporals.parseTimeMicros(tr);
                }
                micros = Long.parseLong(tr);
            } catch (NumberFormatException | DateTimeException e) {
                throw invalidValue(display(s), t, c, p);
            }
        } else {
            throw invalidValue(display(v), t, c, p);
        }
        if (micros < 0 || micros >= Temporals.MICROS_PER_DAY) {
            throw outOfRange(display(v).trim(), t, c, p);
        }
        return v instanceof Long l ? l : Long.valueOf(micros);
    }

    /** The exact long value of an integral number; null when it has a fraction, is not finite or is too large. */
    private static Long numberToLong(Number n) {
        if (n instanceof Long l) {
            return l;
        }
        if (isFixedInteger(n)) {
            return n.longValue();
        }
        if (n instanceof BigInteger bi) {
            return bi.bitLength() < 64 ? Long.valueOf(bi.longValue()) : null;
        }
        if (n instanceof BigDecimal bd) {
            if (bd.signum() == 0) {
                return 0L;
            }
            if ((long) bd.precision() - bd.scale() > 19) {
                return null;
            }
            try {
                return bd.longValueExact();
            } catch (ArithmeticException e) {
                return null;
            }
        }
        double d = n.doubleValue();
        if (Double.isFinite(d) && d == Math.rint(d) && d >= -TWO_POW_63 && d < TWO_POW_63) {
            return (long) d;
        }
        return null;
    }

    // ---- UUID -------------------------------------------------------------------------------------------------

    private static UUID toUuid(Object v, KalamDataType t, String c, int p) {
        if (v instanceof UUID u) {
            return u;
        }
        if (v instanceof String s) {
            UUID u = parseUuid(s.trim());
            if (u != null) {
                return u;
            }
        } else if (v instanceof byte[] b && b.length == 16) {
            long msb = 0;
            long lsb = 0;
            for (int i = 0; i < 8; i++) {
                msb = msb << 8 | (b[i] & 0xFF);
                lsb = lsb << 8 | (b[i + 8] & 0xFF);
            }
            return new UUID(msb, lsb);
        }
        throw invalidValue(display(v), t, c, p);
    }

    private static byte[] uuidBytes(UUID u) {
        byte[] out = new byte[16];
        long msb = u.getMostSignificantBits();
        long lsb = u.getLeastSignificantBits();
        for (int i = 7; i >= 0; i--) {
            out[i] = (byte) msb;
            out[i + 8] = (byte) lsb;
            msb >>>= 8;
            lsb >>>= 8;
        }
        return out;
    }

    // ---- EMBEDDING --------------------------------------------------------------------------------------------

    private static float[] toEmbedding(Object v, KalamDataType t, String c, int p) {
        float[] values;
        if (v instanceof float[] f) {
            values = f;
            for (float x : f) {
                if (!Float.isFinite(x)) {
                    throw cannotConvert(display(v), t, c, p);
                }
            }
        } else if (v instanceof double[] d) {
            values = new float[d.length];
            for (int i = 0; i < d.length; i++) {
                values[i] = (float) d[i];
                if (!Float.isFinite(values[i])) {
                    throw cannotConvert(display(v), t, c, p);
                }
            }
        } else if (v instanceof String s) {
            values = parseFloatList(s.trim());
            if (values == null) {
                throw cannotConvert(display(s), t, c, p);
            }
        } else if (v instanceof List<?> list) {
            values = new float[list.size()];
            for (int i = 0; i < values.length; i++) {
                Object e = list.get(i);
                if (!(e instanceof Number) || !Float.isFinite(values[i] = ((Number) e).floatValue())) {
                    throw cannotConvert(display(v), t, c, p);
                }
            }
        } else {
            throw cannotConvert(display(v), t, c, p);
        }
        if (values.length != t.dimension()) {
            throw dimensionMismatch(t.dimension(), values.length, c, p);
        }
        return values;
    }

    // ---- FILE -------------------------------------------------------------------------------------------------

    private static String toFileRef(Object v, String c, int p) {
        if (v instanceof String s) {
            try {
                JsonNode node = JsonText.parse(s);
                if (node != null && isFileRef(node)) {
                    return JsonText.write(node);
                }
            } catch (JsonProcessingException e) {
                throw invalidFileRef(c, p);
            }
        }
        throw invalidFileRef(c, p);
    }

    private static boolean isFileRef(JsonNode node) {
        if (!node.isObject()) {
            return false;
        }
        JsonNode id = node.get("id");
        JsonNode size = node.get("size");
        return id != null && (id.isTextual() && !id.textValue().isEmpty() || id.isIntegralNumber())
                && isText(node.get("sub")) && isText(node.get("name")) && isText(node.get("mime"))
                && isText(node.get("sha256"))
                && size != null && size.isIntegralNumber() && size.canConvertToLong() && size.longValue() >= 0;
    }

    private static boolean isText(JsonNode node) {
        return node != null && node.isTextual();
    }

    // ---- parameters -------------------------------------------------------------------------------------------

    private static Object fromJsonParam(Object param) throws IOException {
        if (param instanceof JsonNode node) {
            if (node.isNull() || node.isMissingNode()) {
                return null;
            }
            if (node.isBoolean()) {
                return node.booleanValue();
            }
            if (node.isIntegralNumber()) {
                return node.canConvertToLong() ? (Object) node.longValue() : node.bigIntegerValue();
            }
            if (node.isFloatingPointNumber()) {
                return node.isBigDecimal() ? (Object) node.decimalValue() : (Object) node.doubleValue();
            }
            if (node.isTextual()) {
                return node.textValue();
            }
            if (node.isBinary()) {
                return node.binaryValue();
            }
            return JsonText.write(node);
        }
        if (param instanceof List<?> || param instanceof Map<?, ?>) {
            return JsonText.write(param);
        }
        return param;
    }
}
