package io.kalamdb.core.sql.calcite;

import io.kalamdb.commons.errors.ErrorCode;
import io.kalamdb.commons.errors.KalamDbException;
import io.kalamdb.commons.types.KalamDataType;
import io.kalamdb.commons.types.ValueCoercion;
import io.kalamdb.core.sql.Utf8;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.apache.calcite.linq4j.function.Strict;
import org.apache.calcite.schema.impl.ScalarFunctionImpl;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeTransforms;
import org.apache.calcite.sql.validate.SqlUserDefinedFunction;

/**
 * The internal functions that plan rewrites ({@link TableValuesRewriter}, {@link IntervalResults}) insert into
 * plans, and their implementations, which the compiled plans call. They are never visible to SQL: no operator table
 * lists them. All are strict: a NULL argument gives NULL without a call.
 */
public final class PlanFunctions {
    private static final SqlReturnTypeInference TEXT = ReturnTypes.VARCHAR.andThen(SqlTypeTransforms.TO_NULLABLE);

    static final SqlUserDefinedFunction MICROS_TO_MILLIS = function("KALAM_MICROS_TO_MILLIS", "microsToMillis",
            ReturnTypes.BIGINT_NULLABLE, SqlTypeName.BIGINT);
    static final SqlUserDefinedFunction MICROS_TO_MILLIS_OF_DAY = function("KALAM_MICROS_TO_MILLIS_OF_DAY",
            "microsToMillisOfDay", ReturnTypes.INTEGER_NULLABLE, SqlTypeName.BIGINT);
    static final SqlUserDefinedFunction SUB_MILLIS = function("KALAM_SUB_MILLIS", "subMillis",
            ReturnTypes.BIGINT_NULLABLE, SqlTypeName.BIGINT);
    static final SqlUserDefinedFunction CHARACTERS = function("KALAM_CHARACTERS", "characters",
            ReturnTypes.INTEGER_NULLABLE, SqlTypeName.VARCHAR);
    static final SqlUserDefinedFunction UTF8_BYTES = function("KALAM_UTF8_BYTES", "utf8Bytes",
            ReturnTypes.INTEGER_NULLABLE, SqlTypeName.VARCHAR);
    static final SqlUserDefinedFunction CHECKED_LONG = function("KALAM_CHECKED_LONG", "checkedLong",
            ReturnTypes.BIGINT_NULLABLE, SqlTypeName.DECIMAL);
    static final SqlUserDefinedFunction CHECKED_ABS = function("KALAM_CHECKED_ABS", "checkedAbs",
            ReturnTypes.BIGINT_NULLABLE, SqlTypeName.BIGINT, SqlTypeName.BIGINT);
    static final SqlUserDefinedFunction MICROS_TEXT = function("KALAM_MICROS_TEXT", "microsText", TEXT,
            SqlTypeName.BIGINT);
    static final SqlUserDefinedFunction MICROS_OF_DAY_TEXT = function("KALAM_MICROS_OF_DAY_TEXT", "microsOfDayText",
            TEXT, SqlTypeName.BIGINT);
    static final SqlUserDefinedFunction TEXT_TO_MICROS = function("KALAM_TEXT_TO_MICROS", "textToMicros",
            ReturnTypes.BIGINT_NULLABLE, SqlTypeName.VARCHAR);
    static final SqlUserDefinedFunction TEXT_TO_MICROS_OF_DAY = function("KALAM_TEXT_TO_MICROS_OF_DAY",
            "textToMicrosOfDay", ReturnTypes.BIGINT_NULLABLE, SqlTypeName.VARCHAR);
    static final SqlUserDefinedFunction DECIMAL_DIVIDE = function("KALAM_DECIMAL_DIVIDE", "decimalDivide",
            ReturnTypes.ARG0_NULLABLE, SqlTypeName.DECIMAL, SqlTypeName.DECIMAL, SqlTypeName.INTEGER);
    static final SqlUserDefinedFunction INTERVAL_TEXT = function("KALAM_INTERVAL_TEXT", "dayTimeText", TEXT,
            SqlTypeName.BIGINT);
    static final SqlUserDefinedFunction INTERVAL_MONTHS_TEXT = function("KALAM_INTERVAL_MONTHS_TEXT",
            "yearMonthText", TEXT, SqlTypeName.INTEGER);

    private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    private PlanFunctions() {
    }

    /** Calcite's millisecond TIMESTAMP of a µs value. */
    @Strict
    public static long microsToMillis(long micros) {
        return Math.floorDiv(micros, 1000L);
    }

    /** Calcite's milliseconds-of-day TIME of a µs-of-day value. */
    @Strict
    public static int microsToMillisOfDay(long micros) {
        return (int) Math.floorDiv(micros, 1000L);
    }

    /** The length of text in characters (code points: an emoji is one), as PostgreSQL counts it. */
    @Strict
    public static int characters(String text) {
        return text.codePointCount(0, text.length());
    }

    /** The length of text in bytes of UTF-8, as PostgreSQL's octet_length counts it. */
    @Strict
    public static int utf8Bytes(String text) {
        return Utf8.length(text);
    }

    /** An exact integer sum as BIGINT; beyond BIGINT it is {@code Integer overflow}. */
    @Strict
    public static long checkedLong(BigDecimal sum) {
        if (sum.compareTo(LONG_MIN) < 0 || sum.compareTo(LONG_MAX) > 0) {
            throw new KalamDbException(ErrorCode.SQL_EXECUTION_ERROR, "Integer overflow");
        }
        return sum.longValue();
    }

    /** {@code abs(value)} of an integer type whose smallest value is {@code min}: abs(min) is an overflow. */
    @Strict
    public static long checkedAbs(long value, long min) {
        if (value == min) {
            throw new KalamDbException(ErrorCode.SQL_EXECUTION_ERROR, "Integer overflow");
        }
        return Math.abs(value);
    }

    /** The µs below the millisecond of a µs value (0–999, also before 1970). */
    @Strict
    public static long subMillis(long micros) {
        return Math.floorMod(micros, 1000L);
    }

    /** A µs timestamp as PostgreSQL writes it: {@code 2024-01-01 10:00:00.5} (fraction without trailing zeros). */
    @Strict
    public static String microsText(long micros) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                (int) Math.floorMod(micros, 1_000_000L) * 1000, ZoneOffset.UTC);
        return t.toLocalDate() + " " + timeText(t.toLocalTime());
    }

    /** µs since midnight as PostgreSQL writes a TIME: {@code 10:00:00.25}. */
    @Strict
    public static String microsOfDayText(long micros) {
        return timeText(LocalTime.ofNanoOfDay(micros * 1000L));
    }

    /** Text as a TIMESTAMP column reads it, in µs ({@code Invalid TIMESTAMP 'x'} otherwise). */
    @Strict
    public static long textToMicros(String text) {
        return (Long) ValueCoercion.coerce(text, KalamDataType.TIMESTAMP, null);
    }

    /** Text as a TIME column reads it, in µs since midnight. */
    @Strict
    public static long textToMicrosOfDay(String text) {
        return (Long) ValueCoercion.coerce(text, KalamDataType.TIME, null);
    }

    /** {@code a / b} to {@code scale} digits, half-up; dividing by zero is an error. */
    @Strict
    public static BigDecimal decimalDivide(BigDecimal a, BigDecimal b, int scale) {
        if (b.signum() == 0) {
            throw KalamDbException.userError("Division by zero");
        }
        return a.divide(b, scale, RoundingMode.HALF_UP);
    }

    /** A day-time interval of {@code millis} as PostgreSQL writes it: {@code 1 day 02:00:00}, {@code 00:00:00.5}. */
    @Strict
    public static String dayTimeText(long millis) {
        StringBuilder sb = new StringBuilder();
        long rest = Math.abs(millis);
        long days = rest / 86_400_000L;
        rest %= 86_400_000L;
        String sign = millis < 0 ? "-" : "";
        if (days > 0) {
            sb.append(sign).append(days).append(days == 1 ? " day" : " days");
            if (rest == 0) {
                return sb.toString();
            }
            sb.append(' ');
        }
        sb.append(sign).append(String.format("%02d:%02d:%02d", rest / 3_600_000L, rest / 60_000L % 60,
                rest / 1000L % 60));
        long ms = rest % 1000L;
        if (ms > 0) {
            sb.append('.').append(String.format("%03d", ms).replaceAll("0+$", ""));
        }
        return sb.toString();
    }

    /** A year-month interval of {@code months} as PostgreSQL writes it: {@code 1 year 2 mons}. */
    @Strict
    public static String yearMonthText(int months) {
        int rest = Math.abs(months);
        String sign = months < 0 ? "-" : "";
        int years = rest / 12;
        int mons = rest % 12;
        if (years == 0) {
            return sign + mons + (mons == 1 ? " mon" : " mons");
        }
        String text = sign + years + (years == 1 ? " year" : " years");
        return mons == 0 ? text : text + " " + sign + mons + (mons == 1 ? " mon" : " mons");
    }

    private static String timeText(LocalTime t) {
        String hms = String.format("%02d:%02d:%02d", t.getHour(), t.getMinute(), t.getSecond());
        int us = t.getNano() / 1000;
        return us == 0 ? hms : hms + "." + String.format("%06d", us).replaceAll("0+$", "");
    }

    private static SqlUserDefinedFunction function(String name, String method, SqlReturnTypeInference type,
                                                   SqlTypeName... parameters) {
        List<SqlTypeFamily> families = Arrays.stream(parameters).map(SqlTypeName::getFamily)
                .map(f -> f == null ? SqlTypeFamily.ANY : f).toList();
        return new SqlUserDefinedFunction(new SqlIdentifier(name, SqlParserPos.ZERO), SqlKind.OTHER_FUNCTION, type,
                null, OperandTypes.operandMetadata(families, tf -> Arrays.stream(parameters)
                        .map(tf::createSqlType).toList(), i -> "arg" + i, i -> false),
                ScalarFunctionImpl.create(PlanFunctions.class, method));
    }
}
