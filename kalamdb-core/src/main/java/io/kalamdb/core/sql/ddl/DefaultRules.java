package io.kalamdb.core.sql.ddl;

import io.kalamdb.commons.errors.KalamDbException;
import io.kalamdb.commons.models.ColumnDefault;
import io.kalamdb.commons.types.KalamDataType;
import io.kalamdb.commons.types.KalamDataType.Kind;
import io.kalamdb.commons.types.ValueCoercion;
import io.kalamdb.core.sql.parser.ddl.DefaultSpec;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * DEFAULT expressions (spec sql.md §3.2): the supported functions with the column types they fit, and literals,
 * which must coerce to the column type (checked here, at DDL time). The literal is stored as written.
 */
final class DefaultRules {
    private static final Map<String, Set<Kind>> FUNCTION_TYPES = Map.of(
            "SNOWFLAKE_ID", EnumSet.of(Kind.BIG_INT),
            "UUID_V7", EnumSet.of(Kind.TEXT, Kind.UUID),
            "ULID", EnumSet.of(Kind.TEXT),
            "NOW", EnumSet.of(Kind.TIMESTAMP, Kind.DATE_TIME, Kind.DATE),
            "CURRENT_DATE", EnumSet.of(Kind.DATE),
            "CURRENT_USER", EnumSet.of(Kind.TEXT));

    private static final Map<String, String> FUNCTION_TYPE_TEXT = Map.of(
            "SNOWFLAKE_ID", "a BIGINT",
            "UUID_V7", "a TEXT or UUID",
            "ULID", "a TEXT",
            "NOW", "a TIMESTAMP, DATETIME or DATE",
            "CURRENT_DATE", "a DATE",
            "CURRENT_USER", "a TEXT");

    private DefaultRules() {
    }

    /** The stored default of {@code spec} for a column of {@code type}; null when there is none. */
    static ColumnDefault resolve(DefaultSpec spec, KalamDataType type, String column) {
        if (spec == null) {
            return null;
        }
        switch (spec.kind()) {
            case FUNCTION:
                return function(spec.function(), type);
            case LITERAL:
                return literal(spec.literal(), type, column);
            default:
                throw KalamDbException.userError("Unsupported DEFAULT expression '" + spec.text() + "'");
        }
    }

    /** Checks that an existing default still fits the column after a type change. */
    static void check(ColumnDefault value, KalamDataType type, String column) {
        if (value == null) {
            return;
        }
        if (value.isFunction()) {
            function(value.function(), type);
        } else {
            literal(value.literal(), type, column);
        }
    }

    private static ColumnDefault function(String name, KalamDataType type) {
        Set<Kind> allowed = FUNCTION_TYPES.get(name);
        if (allowed == null) {
            throw KalamDbException.userError("Unsupported DEFAULT expression '" + name + "()'");
        }
        if (!allowed.contains(type.kind())) {
            throw KalamDbException.userError("DEFAULT " + name + "() requires " + FUNCTION_TYPE_TEXT.get(name)
                    + " column");
        }
        return ColumnDefault.function(name);
    }

    private static ColumnDefault literal(Object value, KalamDataType type, String column) {
        if (value != null) {
            ValueCoercion.coerce(value, type, column);
        }
        return ColumnDefault.literal(value);
    }
}
