package io.kalamdb.core.sql.ddl;

import io.kalamdb.commons.errors.KalamDbException;
import io.kalamdb.commons.models.ColumnDefinition;
import io.kalamdb.commons.models.TableDefinition;
import io.kalamdb.commons.types.KalamDataType;
import io.kalamdb.commons.types.KalamDataType.Kind;
import io.kalamdb.core.AppContext;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The column type changes ALTER TABLE allows (spec sql.md §4): identity; SMALLINT→INT→BIGINT; INT/SMALLINT→DOUBLE;
 * FLOAT→DOUBLE; any non-binary type→TEXT; TEXT→JSON when every stored value is valid JSON;
 * DECIMAL(p,s)→DECIMAL(p2,s) with p2 ≥ p.
 */
final class TypeChanges {
    private static final Map<Kind, Set<Kind>> WIDENINGS = Map.of(
            Kind.SMALL_INT, EnumSet.of(Kind.INT, Kind.BIG_INT, Kind.DOUBLE),
            Kind.INT, EnumSet.of(Kind.BIG_INT, Kind.DOUBLE),
            Kind.FLOAT, EnumSet.of(Kind.DOUBLE));

    private TypeChanges() {
    }

    /** Fails with {@code Unsupported type change for column 'c': TEXT to INT} unless the change is allowed. */
    static void check(AppContext ctx, TableDefinition def, ColumnDefinition column, KalamDataType to) {
        KalamDataType from = column.dataType();
        if (from.equals(to)) {
            return;
        }
        if (column.isPrimaryKey() && !(isInteger(from) && isInteger(to))) {
            throw KalamDbException.userError("Unsupported type change for column '" + column.columnName() + "': "
                    + from.sqlName() + " to " + to.sqlName() + " (primary key values are indexed by type)");
        }
        if (allowedWithoutData(from, to)) {
            return;
        }
        if (from.kind() == Kind.TEXT && to.kind() == Kind.JSON) {
            long invalid = ctx.tableData().countInvalidJson(def, column.columnId());
            if (invalid > 0) {
                throw KalamDbException.userError("Cannot change column '" + column.columnName() + "' to JSON: "
                        + invalid + " row(s) contain invalid JSON");
            }
            return;
        }
        throw KalamDbException.userError("Unsupported type change for column '" + column.columnName() + "': "
                + from.sqlName() + " to " + to.sqlName());
    }

    private static boolean isInteger(KalamDataType t) {
        return t.kind() == Kind.SMALL_INT || t.kind() == Kind.INT || t.kind() == Kind.BIG_INT;
    }

    private static boolean allowedWithoutData(KalamDataType from, KalamDataType to) {
        if (to.kind() == Kind.TEXT) {
            return from.kind() != Kind.BYTES;
        }
        if (from.kind() == Kind.DECIMAL && to.kind() == Kind.DECIMAL) {
            return to.scale() == from.scale() && to.precision() >= from.precision();
        }
        Set<Kind> targets = WIDENINGS.get(from.kind());
        return targets != null && targets.contains(to.kind());
    }
}
