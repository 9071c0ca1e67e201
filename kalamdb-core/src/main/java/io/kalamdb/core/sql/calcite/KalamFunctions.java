package io.kalamdb.core.sql.calcite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kalamdb.commons.ids.SnowflakeGenerator;
import io.kalamdb.commons.types.Ids;
import java.io.IOException;
import java.lang.reflect.Method;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.Locale;
import org.apache.calcite.linq4j.function.NonDeterministic;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.impl.ScalarFunctionImpl;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlOperandMetadata;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.apache.calcite.sql.validate.SqlUserDefinedFunction;

/**
 * KalamDB's SQL functions (spec sql.md §7.1–§7.2) as Calcite user-defined functions: id generators, NOW(), the
 * JSON operators and functions, and the time helpers Calcite's libraries lack. A JSON path is up to three keys or
 * array indexes.
 */
public final class KalamFunctions {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static volatile SnowflakeGenerator snowflake;

    private KalamFunctions() {
    }

    /** The process-wide generator behind {@code SNOWFLAKE_ID()} (the same one that assigns {@code _seq}). */
    public static void useGenerator(SnowflakeGenerator generator) {
        snowflake = generator;
    }

    static void register(SchemaPlus root) {
        add(root, "NOW", "now");
        add(root, "JSON_GET", "jsonGet");
        add(root, "JSON_GET_JSON", "jsonGet");
        add(root, "JSON_GET_STR", "jsonGetStr");
        add(root, "JSON_AS_TEXT", "jsonAsText");
        add(root, "JSON_GET_INT", "jsonGetInt");
        add(root, "JSON_GET_FLOAT", "jsonGetFloat");
        add(root, "JSON_GET_BOOL", "jsonGetBool");
        add(root, "JSON_LENGTH", "jsonLength");
        add(root, "JSON_CONTAINS", "jsonContains");
        add(root, "JSON_OBJECT_KEYS", "jsonObjectKeys");
        add(root, "DATE_TRUNC", "dateTrunc");
        add(root, "TO_TIMESTAMP", "toTimestampSeconds");
        add(root, "TO_TIMESTAMP_MILLIS", "toTimestampMillis");
        add(root, "TO_TIMESTAMP_MICROS", "toTimestampMicros");
        add(root, "STARTS_WITH", "startsWith");
        add(root, "ENDS_WITH", "endsWith");
        add(root, "STRPOS", "strpos");
        add(root, "REVERSE", "reverse");
    }

    /** The id generators. */
    public static final Set<String> ID_FUNCTIONS = Set.of("SNOWFLAKE_ID", "UUID_V7", "ULID");

    /**
     * {@code trunc(x [, n])}: x cut toward zero to n decimal places (none by default; a negative n cuts digits left of
     * the point), of x's own type, as in PostgreSQL. It is Calcite's {@code TRUNCATE} under that name, which keeps
     * DECIMAL exact and integers integers (the runtime knows a {@code TRUNC} that is {@code TRUNCATE}).
     */
    private static final SqlFunction TRUNC = SqlStdOperatorTable.TRUNCATE.withName("TRUNC");

    /**
     * The operators that are not schema functions: {@link #TRUNC}, and the id generators as non-deterministic
     * operators. Each id-generator call site gets a distinct hidden argument from the preparer, so Calcite never
     * merges two calls of one row into one value.
     */
    static SqlOperatorTable operators() {
        return SqlOperatorTables.of(idFunction("SNOWFLAKE_ID", "snowflakeId", ReturnTypes.BIGINT),
                idFunction("UUID_V7", "uuidV7", ReturnTypes.VARCHAR), idFunction("ULID", "ulid", ReturnTypes.VARCHAR),
                TRUNC);
    }

    private static SqlUserDefinedFunction idFunction(String name, String method, SqlReturnTypeInference type) {
        SqlOperandMetadata callSite = OperandTypes.operandMetadata(List.of(SqlTypeFamily.INTEGER),
                f -> List.of(f.createSqlType(SqlTypeName.INTEGER)), i -> "call_site", i -> false);
        return new SqlUserDefinedFunction(new SqlIdentifier(name, SqlParserPos.ZERO), SqlKind.OTHER_FUNCTION, type,
                null, callSite, ScalarFunctionImpl.create(KalamFunctions.class, method)) {
            @Override
            public boolean isDeterministic() {
                return false;
            }
        };
    }

    private static void add(SchemaPlus root, String name, String method) {
        for (Method m : KalamFunctions.class.getMethods()) {
            if (m.getName().equals(method)) {
                root.add(name, ScalarFunctionImpl.create(m));
            }
        }
    }

    @NonDeterministic
    public static long snowflakeId(int callSite) {
        return snowflake.nextId();
    }

    @NonDeterministic
    public static String uuidV7(int callSite) {
        return Ids.uuidV7();
    }

    @NonDeterministic
    public static String ulid(int callSite) {
        return Ids.ulid();
    }

    /** The statement's start time. */
    @NonDeterministic
    public static Timestamp now() {
        return new Timestamp(QueryScope.current().nowMicros() / 1000L);
    }

    public static String jsonGet(String doc, Object k1) {
        return text(path(doc, k1));
    }

    public static String jsonGet(String doc, Object k1, Object k2) {
        return text(path(doc, k1, k2));
    }

    public static String jsonGet(String doc, Object k1, Object k2, Object k3) {
        return text(path(doc, k1, k2, k3));
    }

    public static String jsonGetStr(String doc, Object k1) {
        return str(path(doc, k1));
    }

    public static String jsonGetStr(String doc, Object k1, Object k2) {
        return str(path(doc, k1, k2));
    }

    public static String jsonGetStr(String doc, Object k1, Object k2, Object k3) {
        return str(path(doc, k1, k2, k3));
    }

    public static String jsonAsText(String doc, Object k1) {
        return asText(path(doc, k1));
    }

    public static String jsonAsText(String doc, Object k1, Object k2) {
        return asText(path(doc, k1, k2));
    }

    public static Long jsonGetInt(String doc, Object k1) {
        JsonNode n = path(doc, k1);
        return n != null && n.isIntegralNumber() ? n.longValue() : null;
    }

    public static Long jsonGetInt(String doc, Object k1, Object k2) {
        JsonNode n = path(doc, k1, k2);
        return n != null && n.isIntegralNumber() ? n.longValue() : null;
    }

    public static Double jsonGetFloat(String doc, Object k1) {
        JsonNode n = path(doc, k1);
        return n != null && n.isNumber() ? n.doubleValue() : null;
    }

    public static Boolean jsonGetBool(String doc, Object k1) {
        JsonNode n = path(doc, k1);
        return n != null && n.isBoolean() ? n.booleanValue() : null;
    }

    public static Long jsonLength(String doc) {
        JsonNode n = parse(doc);
        return n != null && n.isContainerNode() ? (long) n.size() : null;
    }

    public static Boolean jsonContains(String doc, Object k1) {
        return doc == null ? null : path(doc, k1) != null;
    }

    public static Boolean jsonContains(String doc, Object k1, Object k2) {
        return doc == null ? null : path(doc, k1, k2) != null;
    }

    public static String jsonObjectKeys(String doc) {
        return keys(parse(doc));
    }

    public static String jsonObjectKeys(String doc, Object k1) {
        return keys(path(doc, k1));
    }

    /**
     * {@code date_trunc(unit, ts)} for millisecond, microsecond (the runtime value is whole milliseconds already),
     * second, minute, hour, day, week, month, quarter, year.
     */
    public static Timestamp dateTrunc(String unit, Timestamp ts) {
        if (unit == null || ts == null) {
            return null;
        }
        LocalDateTime t = ts.toInstant().atOffset(ZoneOffset.UTC).toLocalDateTime();
        LocalDateTime r;
        switch (unit.toLowerCase(Locale.ROOT)) {
            case "microsecond":
            case "microseconds":
            case "millisecond":
            case "milliseconds": r = t.withNano(t.getNano() / 1_000_000 * 1_000_000); break;
            case "second": r = t.withNano(0); break;
            case "minute": r = t.withSecond(0).withNano(0); break;
            case "hour": r = t.withMinute(0).withSecond(0).withNano(0); break;
            case "day": r = t.toLocalDate().atStartOfDay(); break;
            case "week": r = t.toLocalDate().with(DayOfWeek.MONDAY).atStartOfDay(); break;
            case "month": r = t.toLocalDate().withDayOfMonth(1).atStartOfDay(); break;
            case "quarter": r = t.toLocalDate().withDayOfMonth(1)
                    .withMonth(((t.getMonthValue() - 1) / 3) * 3 + 1).atStartOfDay(); break;
            case "year": r = t.toLocalDate().withDayOfYear(1).atStartOfDay(); break;
            default: throw new IllegalArgumentException("Unsupported date_trunc unit '" + unit + "'");
        }
        return Timestamp.from(r.toInstant(ZoneOffset.UTC));
    }

    /** {@code to_timestamp(seconds)}: Unix seconds, fractions kept to the millisecond. */
    public static Timestamp toTimestampSeconds(double seconds) {
        return new Timestamp(Math.round(seconds * 1000d));
    }

    public static Timestamp toTimestampMillis(long millis) {
        return new Timestamp(millis);
    }

    public static Timestamp toTimestampMicros(long micros) {
        return new Timestamp(Math.floorDiv(micros, 1000L));
    }

    public static Boolean startsWith(String s, String prefix) {
        return s == null || prefix == null ? null : s.startsWith(prefix);
    }

    public static Boolean endsWith(String s, String suffix) {
        return s == null || suffix == null ? null : s.endsWith(suffix);
    }

    public static String reverse(String s) {
        return s == null ? null : new StringBuilder(s).reverse().toString();
    }

    public static Integer strpos(String s, String sub) {
        return s == null || sub == null ? null : s.indexOf(sub) + 1;
    }

    private static JsonNode parse(String doc) {
        if (doc == null) {
            return null;
        }
        try {
            return MAPPER.readTree(doc);
        } catch (IOException e) {
            return null;
        }
    }

    private static JsonNode path(String doc, Object... keys) {
        JsonNode n = parse(doc);
        for (Object k : keys) {
            if (n == null || k == null) {
                return null;
            }
            if (k instanceof Number num && n.isArray()) {
                n = n.get(num.intValue());
            } else if (n.isObject()) {
                n = n.get(k.toString());
            } else if (n.isArray() && k.toString().matches("-?\\d+")) {
                n = n.get(Integer.parseInt(k.toString()));
            } else {
                return null;
            }
        }
        return n == null || n.isMissingNode() ? null : n;
    }

    private static String text(JsonNode n) {
        return n == null ? null : n.toString();
    }

    private static String str(JsonNode n) {
        return n != null && n.isTextual() ? n.textValue() : null;
    }

    private static String asText(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        return n.isTextual() ? n.textValue() : n.toString();
    }

    private static String keys(JsonNode n) {
        if (n == null || !n.isObject()) {
            return null;
        }
        StringBuilder sb = new StringBuilder("[");
        Iterator<String> it = n.fieldNames();
        boolean first = true;
        while (it.hasNext()) {
            if (!first) {
                sb.append(',');
            }
            first = false;
            sb.append(MAPPER.valueToTree(it.next()).toString());
        }
        return sb.append(']').toString();
    }
}
