package io.kalamdb.core.sql.ddl;

import io.kalamdb.commons.errors.KalamDbException;
import io.kalamdb.commons.ids.IdentifierRules;
import io.kalamdb.commons.models.ColumnDefault;
import io.kalamdb.commons.types.KalamDataType;
import io.kalamdb.commons.types.KalamDataType.Kind;
import io.kalamdb.commons.types.SqlTypes;
import io.kalamdb.core.sql.parser.ddl.ColumnSpec;
import io.kalamdb.core.sql.parser.ddl.DefaultSpec;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Validation of one written column (spec sql.md §1, §3.2): its name, its type, the constraints the dialect refuses,
 * identity ({@code AUTO_INCREMENT}, {@code GENERATED … AS IDENTITY}, SERIAL types) and its DEFAULT.
 */
final class ColumnRules {
    private static final Set<Kind> INTEGER_KINDS = EnumSet.of(Kind.SMALL_INT, Kind.INT, Kind.BIG_INT);
    private static final Set<Kind> PRIMARY_KEY_KINDS = EnumSet.of(Kind.SMALL_INT, Kind.INT, Kind.BIG_INT, Kind.TEXT,
            Kind.UUID, Kind.DATE, Kind.TIMESTAMP, Kind.DATE_TIME, Kind.DECIMAL);
    private static final Map<String, String> REFUSALS = Map.of(
            "UNIQUE", "UNIQUE constraints are not supported (only the PRIMARY KEY is unique)",
            "CHECK", "CHECK constraints are not supported",
            "REFERENCES", "REFERENCES constraints are not supported",
            "FOREIGN KEY", "FOREIGN KEY constraints are not supported");

    private ColumnRules() {
    }

    /** Reserved names first ({@code Column name '_seq' is reserved …}), then the identifier rules. */
    static void checkName(String name) {
        if (SystemColumns.isReserved(name)) {
            throw KalamDbException.userError("Column name '" + name + "' is reserved and cannot be used");
        }
        IdentifierRules.violation(name).ifPresent(problem -> {
            throw KalamDbException.userError(problem);
        });
    }

    /** The refusal message of a constraint kind ({@code UNIQUE}, {@code CHECK}, {@code REFERENCES}, …). */
    static KalamDbException refused(String kind) {
        return KalamDbException.userError(REFUSALS.get(kind));
    }

    static ResolvedColumn resolve(ColumnSpec spec) {
        if (!spec.refusedConstraints().isEmpty()) {
            throw refused(spec.refusedConstraints().get(0));
        }
        KalamDataType type = SqlTypes.parse(spec.type().typeName(), spec.type().params());
        boolean identity = spec.identity() || SqlTypes.isSerial(spec.type().typeName());
        if (!identity) {
            return new ResolvedColumn(type, DefaultRules.resolve(spec.defaultValue(), type, spec.name()));
        }
        if (!INTEGER_KINDS.contains(type.kind())) {
            throw KalamDbException.userError("AUTO_INCREMENT requires an integer column");
        }
        DefaultSpec written = spec.defaultValue();
        if (written != null && !(written.kind() == DefaultSpec.Kind.FUNCTION
                && "SNOWFLAKE_ID".equals(written.function()))) {
            throw KalamDbException.userError("Column '" + spec.name()
                    + "' cannot have both a DEFAULT and AUTO_INCREMENT");
        }
        return new ResolvedColumn(KalamDataType.BIG_INT, ColumnDefault.function("SNOWFLAKE_ID"));
    }

    /** {@code PRIMARY KEY column 'doc' cannot have type JSON} for a type a primary key cannot have. */
    static void checkPrimaryKeyType(String column, KalamDataType type) {
        if (!PRIMARY_KEY_KINDS.contains(type.kind())) {
            throw KalamDbException.userError("PRIMARY KEY column '" + column + "' cannot have type " + type.sqlName());
        }
    }
}
