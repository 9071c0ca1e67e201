package io.kalamdb.core.sql.calcite;

import io.kalamdb.commons.types.KalamDataType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.util.UUID;
import org.apache.calcite.avatica.util.ByteString;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Maps KalamDB types and storage values to Calcite's and back. Calcite's runtime keeps TIMESTAMP as epoch
 * milliseconds, TIME as milliseconds of the day and DATE as days; KalamDB stores µs. Table scans therefore yield
 * times as µs longs, which {@link TableValuesRewriter} carries exactly wherever a plan only passes them along; values
 * computed by Calcite's time functions are milliseconds. UUID, JSON, FILE and EMBEDDING travel as text.
 */
public final class CalciteTypes {
    private CalciteTypes() {
    }

    public static RelDataType toRel(RelDataTypeFactory f, KalamDataType type, boolean nullable) {
        RelDataType t;
        switch (type.kind()) {
            case BOOLEAN: t = f.createSqlType(SqlTypeName.BOOLEAN); break;
            case SMALL_INT: t = f.createSqlType(SqlTypeName.SMALLINT); break;
            case INT: t = f.createSqlType(SqlTypeName.INTEGER); break;
            case BIG_INT: t = f.createSqlType(SqlTypeName.BIGINT); break;
            case FLOAT: t = f.createSqlType(SqlTypeName.REAL); break;
            case DOUBLE: t = f.createSqlType(SqlTypeName.DOUBLE); break;
            case DECIMAL: t = f.createSqlType(SqlTypeName.DECIMAL, type.precision(), type.scale()); break;
            case BYTES: t = f.createSqlType(SqlTypeName.VARBINARY); break;
            case TIMESTAMP:
            case DATE_TIME: t = f.createSqlType(SqlTypeName.TIMESTAMP, 6); break;
            case DATE: t = f.createSqlType(SqlTypeName.DATE); break;
            case TIME: t = f.createSqlType(SqlTypeName.TIME, 6); break;
            default: t = f.createSqlType(SqlTypeName.VARCHAR); break;
        }
        return f.createTypeWithNullability(t, nullable);
    }

    /** The SQL type spec of a column type, for CASTs built on the tree. */
    public static SqlDataTypeSpec typeSpec(KalamDataType type) {
        SqlParserPos pos = SqlParserPos.ZERO;
        SqlBasicTypeNameSpec name;
        switch (type.kind()) {
            case BOOLEAN: name = new SqlBasicTypeNameSpec(SqlTypeName.BOOLEAN, pos); break;
            case SMALL_INT: name = new SqlBasicTypeNameSpec(SqlTypeName.SMALLINT, pos); break;
            case INT: name = new SqlBasicTypeNameSpec(SqlTypeName.INTEGER, pos); break;
            case BIG_INT: name = new SqlBasicTypeNameSpec(SqlTypeName.BIGINT, pos); break;
            case FLOAT: name = new SqlBasicTypeNameSpec(SqlTypeName.REAL, pos); break;
            case DOUBLE: name = new SqlBasicTypeNameSpec(SqlTypeName.DOUBLE, pos); break;
            case DECIMAL: name = new SqlBasicTypeNameSpec(SqlTypeName.DECIMAL, type.precision(), type.scale(), pos);
                break;
            case BYTES: name = new SqlBasicTypeNameSpec(SqlTypeName.VARBINARY, pos); break;
            case TIMESTAMP:
            case DATE_TIME: name = new SqlBasicTypeNameSpec(SqlTypeName.TIMESTAMP, 6, pos); break;
            case DATE: name = new SqlBasicTypeNameSpec(SqlTypeName.DATE, pos); break;
            case TIME: name = new SqlBasicTypeNameSpec(SqlTypeName.TIME, 6, pos); break;
            default: name = new SqlBasicTypeNameSpec(SqlTypeName.VARCHAR, pos); break;
        }
        return new SqlDataTypeSpec(name, pos);
    }

    /** A storage value as a table scan yields it: like {@link #toCalcite}, but times stay µs longs. */
    public static Object scanValue(KalamDataType type, Object value) {
        switch (type.kind()) {
            case TIMESTAMP:
            case DATE_TIME:
            case TIME: return value;
            default: return toCalcite(type, value);
        }
    }

    /** A storage value as Calcite's runtime holds it. */
    public static Object toCalcite(KalamDataType type, Object value) {
        if (value == null) {
            return null;
        }
        switch (type.kind()) {
            case BYTES: return new ByteString((byte[]) value);
            case TIMESTAMP:
            case DATE_TIME: return Math.floorDiv((Long) value, 1000L);
            case TIME: return (int) Math.floorDiv((Long) value, 1000L);
            case UUID: return value.toString();
            case EMBEDDING: return embeddingText((float[]) value);
            default: return value;
        }
    }

    /** A Calcite runtime value of a result column back to the storage value of {@code type}. */
    public static Object fromCalcite(KalamDataType type, Object value) {
        if (value == null) {
            return null;
        }
        switch (type.kind()) {
            case BOOLEAN: return value;
            case SMALL_INT: return ((Number) value).shortValue();
            case INT: return ((Number) value).intValue();
            case BIG_INT: return ((Number) value).longValue();
            case FLOAT: return ((Number) value).floatValue();
            case DOUBLE: return ((Number) value).doubleValue();
            case DECIMAL: {
                BigDecimal d = value instanceof BigDecimal b ? b : new BigDecimal(value.toString());
                return d.setScale(type.scale(), RoundingMode.HALF_UP);
            }
            case BYTES: return value instanceof ByteString b ? b.getBytes() : value;
            case TIMESTAMP:
            case DATE_TIME: return millis(value) * 1000L;
            case DATE: return ((Number) value).intValue();
            case TIME: return ((Number) value).longValue() * 1000L;
            case UUID: return value instanceof UUID ? value : UUID.fromString(value.toString());
            case EMBEDDING: return value instanceof float[] ? value : parseEmbedding(value.toString());
            default: return value.toString();
        }
    }

    private static long millis(Object value) {
        if (value instanceof Timestamp ts) {
            return ts.getTime();
        }
        return ((Number) value).longValue();
    }

    /** The KalamDB type reported for a computed result column of Calcite type {@code t} (spec http-api.md §5.4). */
    public static KalamDataType fromRel(RelDataType t) {
        switch (t.getSqlTypeName()) {
            case BOOLEAN: return KalamDataType.BOOLEAN;
            case TINYINT:
            case SMALLINT: return KalamDataType.SMALL_INT;
            case INTEGER: return KalamDataType.INT;
            case BIGINT: return KalamDataType.BIG_INT;
            case REAL: return KalamDataType.FLOAT;
            case FLOAT:
            case DOUBLE: return KalamDataType.DOUBLE;
            case DECIMAL: return KalamDataType.decimal(Math.min(38, t.getPrecision()), Math.max(0, t.getScale()));
            case BINARY:
            case VARBINARY: return KalamDataType.BYTES;
            case TIMESTAMP:
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE: return KalamDataType.TIMESTAMP;
            case DATE: return KalamDataType.DATE;
            case TIME: return KalamDataType.TIME;
            default: return KalamDataType.TEXT;
        }
    }

    static String embeddingText(float[] v) {
        StringBuilder sb = new StringBuilder(v.length * 8 + 2).append('[');
        for (int i = 0; i < v.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(v[i]);
        }
        return sb.append(']').toString();
    }

    static float[] parseEmbedding(String text) {
        String body = text.trim();
        if (body.startsWith("[")) {
            body = body.substring(1, body.length() - 1);
        }
        if (body.isBlank()) {
            return new float[0];
        }
        String[] parts = body.split(",");
        float[] out = new float[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = Float.parseFloat(parts[i].trim());
        }
        return out;
    }
}
