package io.kalamdb.commons.types;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A column or expression type (spec sql.md §12.1). Its JSON form is the {@code data_type} of the SQL envelope:
 * a plain name such as {@code "BigInt"}, or {@code {"Decimal":{"precision":10,"scale":2}}} /
 * {@code {"Embedding":384}}.
 */
public record KalamDataType(Kind kind, int precision, int scale, int dimension) {
    /** The type families. */
    public enum Kind {
        BOOLEAN("Boolean", "BOOLEAN"),
        SMALL_INT("SmallInt", "SMALLINT"),
        INT("Int", "INT"),
        BIG_INT("BigInt", "BIGINT"),
        FLOAT("Float", "FLOAT"),
        DOUBLE("Double", "DOUBLE"),
        DECIMAL("Decimal", "DECIMAL"),
        TEXT("Text", "TEXT"),
        BYTES("Bytes", "BYTES"),
        JSON("Json", "JSON"),
        TIMESTAMP("Timestamp", "TIMESTAMP"),
        DATE_TIME("DateTime", "DATETIME"),
        DATE("Date", "DATE"),
        TIME("Time", "TIME"),
        UUID("Uuid", "UUID"),
        EMBEDDING("Embedding", "EMBEDDING"),
        FILE("File", "FILE");

        private final String jsonName;
        private final String sqlName;

        Kind(String jsonName, String sqlName) {
            this.jsonName = jsonName;
            this.sqlName = sqlName;
        }

        public String jsonName() {
            return jsonName;
        }

        public String sqlName() {
            return sqlName;
        }
    }

    public static final KalamDataType BOOLEAN = simple(Kind.BOOLEAN);
    public static final KalamDataType SMALL_INT = simple(Kind.SMALL_INT);
    public static final KalamDataType INT = simple(Kind.INT);
    public static final KalamDataType BIG_INT = simple(Kind.BIG_INT);
    public static final KalamDataType FLOAT = simple(Kind.FLOAT);
    public static final KalamDataType DOUBLE = simple(Kind.DOUBLE);
    public static final KalamDataType TEXT = simple(Kind.TEXT);
    public static final KalamDataType BYTES = simple(Kind.BYTES);
    public static final KalamDataType JSON = simple(Kind.JSON);
    public static final KalamDataType TIMESTAMP = simple(Kind.TIMESTAMP);
    public static final KalamDataType DATE_TIME = simple(Kind.DATE_TIME);
    public static final KalamDataType DATE = simple(Kind.DATE);
    public static final KalamDataType TIME = simple(Kind.TIME);
    public static final KalamDataType UUID = simple(Kind.UUID);
    public static final KalamDataType FILE = simple(Kind.FILE);

    public KalamDataType {
        Objects.requireNonNull(kind, "kind");
    }

    private static KalamDataType simple(Kind kind) {
        return new KalamDataType(kind, 0, 0, 0);
    }

    public static KalamDataType decimal(int precision, int scale) {
        return new KalamDataType(Kind.DECIMAL, precision, scale, 0);
    }

    public static KalamDataType embedding(int dimension) {
        return new KalamDataType(Kind.EMBEDDING, 0, 0, dimension);
    }

    /** The {@code data_type} JSON value: a String, or a one-entry Map for Decimal and Embedding. */
    @JsonValue
    public Object toJson() {
        switch (kind) {
            case DECIMAL:
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("precision", precision);
                p.put("scale", scale);
                return Map.of("Decimal", p);
            case EMBEDDING:
                return Map.of("Embedding", dimension);
            default:
                return kind.jsonName();
        }
    }

    /** Reads the JSON form written by {@link #toJson()}. */
    @JsonCreator
    public static KalamDataType fromJson(Object json) {
        if (json instanceof String name) {
            for (Kind k : Kind.values()) {
                if (k.jsonName().equals(name) && k != Kind.DECIMAL && k != Kind.EMBEDDING) {
                    return simple(k);
                }
            }
        } else if (json instanceof Map<?, ?> map && map.size() == 1) {
            Object dec = map.get("Decimal");
            if (dec instanceof Map<?, ?> d) {
                return decimal(((Number) d.get("precision")).intValue(), ((Number) d.get("scale")).intValue());
            }
            Object emb = map.get("Embedding");
            if (emb instanceof Number n) {
                return embedding(n.intValue());
            }
        }
        throw new IllegalArgumentException("Unknown data_type " + json);
    }

    /** The SQL name shown by DESCRIBE, e.g. {@code BIGINT}, {@code DECIMAL(10,2)}, {@code EMBEDDING(384)}. */
    public String sqlName() {
        switch (kind) {
            case DECIMAL:
                return "DECIMAL(" + precision + "," + scale + ")";
            case EMBEDDING:
                return "EMBEDDING(" + dimension + ")";
            default:
                return kind.sqlName();
        }
    }

    /**
     * The Java class of this type's storage values (see the package documentation), e.g. {@code Long.class} for
     * BIGINT and TIMESTAMP, {@code float[].class} for EMBEDDING.
     */
    public Class<?> storageClass() {
        switch (kind) {
            case BOOLEAN:
                return Boolean.class;
            case SMALL_INT:
                return Short.class;
            case INT:
            case DATE:
                return Integer.class;
            case BIG_INT:
            case TIMESTAMP:
            case DATE_TIME:
            case TIME:
                return Long.class;
            case FLOAT:
                return Float.class;
            case DOUBLE:
                return Double.class;
            case DECIMAL:
                return BigDecimal.class;
            case BYTES:
                return byte[].class;
            case UUID:
                return UUID.class;
            case EMBEDDING:
                return float[].class;
            default:
                return String.class;
        }
    }

    @Override
    public String toString() {
        return sqlName();
    }
}
