package io.kalamdb.commons.types;

import io.kalamdb.commons.errors.KalamDbException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Maps SQL type names, as written in DDL and casts, to {@link KalamDataType} (spec sql.md §12.1).
 *
 * <p>The type name is given as its words joined by single spaces in any case ({@code "double precision"},
 * {@code "TIMESTAMP WITH TIME ZONE"}); the numbers in parentheses come separately ({@code DECIMAL(10,2)} →
 * {@code [10, 2]}). Every rejection is a {@link KalamDbException#userError(String)}.
 */
public final class SqlTypes {
    /** Precision of a bare {@code DECIMAL}. */
    public static final int DEFAULT_DECIMAL_PRECISION = 38;
    /** Scale of a bare {@code DECIMAL}. */
    public static final int DEFAULT_DECIMAL_SCALE = 10;
    /** Largest DECIMAL precision. */
    public static final int MAX_DECIMAL_PRECISION = 38;
    /** Largest EMBEDDING dimension. */
    public static final int MAX_EMBEDDING_DIMENSION = 8192;
    /** Largest fractional-seconds precision accepted (and ignored) in {@code TIMESTAMP(p)} / {@code TIME(p)}. */
    public static final int MAX_TIME_PRECISION = 9;

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private SqlTypes() {
    }

    /**
     * Resolves a SQL type.
     *
     * @param typeName the type words as written, e.g. {@code "BIGINT"}, {@code "character varying"}
     * @param params   the numbers in parentheses, or an empty list (null is treated as empty)
     * @return the data type; SERIAL names give {@link KalamDataType#BIG_INT} (see {@link #isSerial(String)})
     * @throws KalamDbException a user error for unsupported names and invalid parameters
     */
    public static KalamDataType parse(String typeName, List<Integer> params) {
        String name = normalize(typeName);
        List<Integer> p = params == null ? List.of() : params;
        switch (name) {
            case "BOOLEAN":
            case "BOOL":
                return noParams(name, p, KalamDataType.BOOLEAN);
            case "SMALLINT":
            case "INT2":
                return noParams(name, p, KalamDataType.SMALL_INT);
            case "INT":
            case "INTEGER":
            case "INT4":
            case "MEDIUMINT":
                return noParams(name, p, KalamDataType.INT);
            case "BIGINT":
            case "INT8":
            case "INT64":
            case "SERIAL":
            case "SERIAL2":
            case "SERIAL4":
            case "SERIAL8":
            case "SMALLSERIAL":
            case "BIGSERIAL":
                return noParams(name, p, KalamDataType.BIG_INT);
            case "FLOAT":
            case "REAL":
            case "FLOAT4":
                return noParams(name, p, KalamDataType.FLOAT);
            case "DOUBLE":
            case "DOUBLE PRECISION":
            case "FLOAT8":
            case "FLOAT64":
                return noParams(name, p, KalamDataType.DOUBLE);
            case "DECIMAL":
            case "NUMERIC":
                return decimal(name, p);
            case "VARCHAR":
            case "CHAR":
            case "CHARACTER VARYING":
            case "NVARCHAR":
                return length(name, p);
            case "TEXT":
            case "STRING":
            case "CLOB":
                return noParams(name, p, KalamDataType.TEXT);
            case "BYTES":
            case "BINARY":
            case "VARBINARY":
            case "BLOB":
            case "BYTEA":
                return noParams(name, p, KalamDataType.BYTES);
            case "JSON":
            case "JSONB":
                return noParams(name, p, KalamDataType.JSON);
            case "TIMESTAMP":
            case "TIMESTAMP WITHOUT TIME ZONE":
            case "TIMESTAMP WITH TIME ZONE":
            case "TIMESTAMPTZ":
                return timePrecision(name, p, KalamDataType.TIMESTAMP);
            case "DATETIME":
                return noParams(name, p, KalamDataType.DATE_TIME);
            case "DATE":
                return noParams(name, p, KalamDataType.DATE);
            case "TIME":
                return timePrecision(name, p, KalamDataType.TIME);
            case "UUID":
                return noParams(name, p, KalamDataType.UUID);
            case "EMBEDDING":
                return embedding(p);
            case "FILE":
                return noParams(name, p, KalamDataType.FILE);
            case "TINYINT":
                throw KalamDbException.userError("Unsupported SQL data type: TINYINT (use SMALLINT)");
            default:
                throw unsupported(name);
        }
    }

    /** Whether the name is one of SERIAL, SERIAL2, SERIAL4, SERIAL8, SMALLSERIAL, BIGSERIAL (any case). */
    public static boolean isSerial(String typeName) {
        switch (normalize(typeName)) {
            case "SERIAL":
            case "SERIAL2":
            case "SERIAL4":
            case "SERIAL8":
            case "SMALLSERIAL":
            case "BIGSERIAL":
                return true;
            default:
                return false;
        }
    }

    private static String normalize(String typeName) {
        if (typeName == null) {
            return "";
        }
        String trimmed = typeName.trim();
        if (trimmed.isEmpty()) {
            return trimmed;
        }
        return String.join(" ", WHITESPACE.split(trimmed)).toUpperCase(Locale.ROOT);
    }

    private static KalamDataType noParams(String name, List<Integer> params, KalamDataType type) {
        if (!params.isEmpty()) {
            throw unsupported(withParams(name, params));
        }
        return type;
    }

    private static KalamDataType length(String name, List<Integer> params) {
        if (params.size() > 1) {
            throw unsupported(withParams(name, params));
        }
        if (params.size() == 1 && (params.get(0) == null || params.get(0) < 1)) {
            throw KalamDbException.userError(name + " length must be at least 1, got " + params.get(0));
        }
        return KalamDataType.TEXT;
    }

    private static KalamDataType timePrecision(String name, List<Integer> params, KalamDataType type) {
        if (params.size() > 1) {
            throw unsupported(withParams(name, params));
        }
        if (params.size() == 1) {
            Integer precision = params.get(0);
            if (precision == null || precision < 0 || precision > MAX_TIME_PRECISION) {
                throw KalamDbException.userError(name + " precision must be between 0 and " + MAX_TIME_PRECISION
                        + ", got " + precision);
            }
        }
        return type;
    }

    private static KalamDataType decimal(String name, List<Integer> params) {
        if (params.isEmpty()) {
            return KalamDataType.decimal(DEFAULT_DECIMAL_PRECISION, DEFAULT_DECIMAL_SCALE);
        }
        if (params.size() > 2) {
            throw unsupported(withParams(name, params));
        }
        Integer precision = params.get(0);
        Integer scale = params.size() == 2 ? params.get(1) : Integer.valueOf(0);
        if (precision == null || precision < 1 || precision > MAX_DECIMAL_PRECISION) {
            throw KalamDbException.userError(name + " precision must be between 1 and " + MAX_DECIMAL_PRECISION
                    + ", got " + precision);
        }
        if (scale == null || scale < 0 || scale > precision) {
            throw KalamDbException.userError(name + " scale must be between 0 and the precision " + precision
                    + ", got " + scale);
        }
        return KalamDataType.decimal(precision, scale);
    }

    private static KalamDataType embedding(List<Integer> params) {
        if (params.isEmpty()) {
            throw KalamDbException.userError("EMBEDDING requires a dimension, e.g. EMBEDDING(384)");
        }
        if (params.size() > 1) {
            throw unsupported(withParams("EMBEDDING", params));
        }
        Integer dimension = params.get(0);
        if (dimension == null || dimension < 1 || dimension > MAX_EMBEDDING_DIMENSION) {
            throw KalamDbException.userError("EMBEDDING dimension must be between 1 and " + MAX_EMBEDDING_DIMENSION
                    + ", got " + dimension);
        }
        return KalamDataType.embedding(dimension);
    }

    private static String withParams(String name, List<Integer> params) {
        StringBuilder sb = new StringBuilder(name).append('(');
        for (int i = 0; i < params.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(params.get(i));
        }
        return sb.append(')').toString();
    }

    private static KalamDbException unsupported(String name) {
        return KalamDbException.userError("Unsupported SQL data type: " + name);
    }
}
