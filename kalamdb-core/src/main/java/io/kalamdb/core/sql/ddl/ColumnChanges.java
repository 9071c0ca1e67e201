package io.kalamdb.core.sql.ddl;

import io.kalamdb.commons.errors.KalamDbException;
import io.kalamdb.commons.models.ColumnDefault;
import io.kalamdb.commons.models.ColumnDefinition;
import io.kalamdb.commons.models.TableDefinition;
import io.kalamdb.commons.types.KalamDataType;
import io.kalamdb.core.AppContext;
import io.kalamdb.core.sql.parser.ddl.DefaultSpec;
import io.kalamdb.core.sql.parser.ddl.ModifyColumn;
import java.util.Objects;

/**
 * ALTER TABLE operations that change one column in place (spec sql.md §4): its type (MODIFY / ALTER … TYPE), its
 * nullability and its DEFAULT. Setting the current value is a no-op.
 */
final class ColumnChanges {
    private ColumnChanges() {
    }

    static AlterOutcome modify(AppContext ctx, TableDefinition def, ModifyColumn op) {
        ColumnDefinition column = ColumnAlterations.existing(def, op.column());
        KalamDataType type = ColumnAlterations.type(op.type());
        String name = column.columnName();
        String change = (op.alterSyntax() ? "ALTER COLUMN " + name + " TYPE " : "MODIFY COLUMN " + name + " ")
                + type.sqlName() + nullabilityText(op.notNull());
        TypeChanges.check(ctx, def, column, type);
        if (column.isPrimaryKey()) {
            ColumnRules.checkPrimaryKeyType(name, type);
        }
        DefaultRules.check(column.defaultValue(), type, name);
        boolean nullable = column.isNullable();
        if (Boolean.TRUE.equals(op.notNull()) && nullable) {
            requireNoNulls(ctx, def, column);
            nullable = false;
        } else if (Boolean.FALSE.equals(op.notNull())) {
            requireNotPrimaryKey(column);
            nullable = true;
        }
        if (type.equals(column.dataType()) && nullable == column.isNullable()) {
            return AlterOutcome.unchanged(change, def);
        }
        return AlterOutcome.columns(change, def,
                ColumnAlterations.replace(def, ColumnAlterations.with(column, type, nullable, column.defaultValue())));
    }

    static AlterOutcome setNotNull(AppContext ctx, TableDefinition def, String columnName) {
        ColumnDefinition column = ColumnAlterations.existing(def, columnName);
        String change = "ALTER COLUMN " + column.columnName() + " SET NOT NULL";
        if (!column.isNullable()) {
            return AlterOutcome.unchanged(change, def);
        }
        requireNoNulls(ctx, def, column);
        return AlterOutcome.columns(change, def, ColumnAlterations.replace(def,
                ColumnAlterations.with(column, column.dataType(), false, column.defaultValue())));
    }

    static AlterOutcome dropNotNull(TableDefinition def, String columnName) {
        ColumnDefinition column = ColumnAlterations.existing(def, columnName);
        String change = "ALTER COLUMN " + column.columnName() + " DROP NOT NULL";
        requireNotPrimaryKey(column);
        if (column.isNullable()) {
            return AlterOutcome.unchanged(change, def);
        }
        return AlterOutcome.columns(change, def, ColumnAlterations.replace(def,
                ColumnAlterations.with(column, column.dataType(), true, column.defaultValue())));
    }

    static AlterOutcome setDefault(TableDefinition def, String columnName, DefaultSpec spec) {
        ColumnDefinition column = ColumnAlterations.existing(def, columnName);
        ColumnDefault value = DefaultRules.resolve(spec, column.dataType(), column.columnName());
        String change = "ALTER COLUMN " + column.columnName() + " SET DEFAULT " + value.describe();
        if (same(column.defaultValue(), value)) {
            return AlterOutcome.unchanged(change, def);
        }
        return AlterOutcome.columns(change, def, ColumnAlterations.replace(def,
                ColumnAlterations.with(column, column.dataType(), column.isNullable(), value)));
    }

    static AlterOutcome dropDefault(TableDefinition def, String columnName) {
        ColumnDefinition column = ColumnAlterations.existing(def, columnName);
        String change = "ALTER COLUMN " + column.columnName() + " DROP DEFAULT";
        if (column.defaultValue() == null) {
            return AlterOutcome.unchanged(change, def);
        }
        return AlterOutcome.columns(change, def, ColumnAlterations.replace(def,
                ColumnAlterations.with(column, column.dataType(), column.isNullable(), null)));
    }

    private static void requireNoNulls(AppContext ctx, TableDefinition def, ColumnDefinition column) {
        long nulls = ctx.tableData().countNulls(def, column.columnId());
        if (nulls > 0) {
            throw KalamDbException.userError("Cannot set NOT NULL on column '" + column.columnName() + "': " + nulls
                    + " row(s) contain NULL");
        }
    }

    private static void requireNotPrimaryKey(ColumnDefinition column) {
        if (column.isPrimaryKey()) {
            throw KalamDbException.userError("Primary key column '" + column.columnName() + "' cannot be nullable");
        }
    }

    /** Stored defaults compare by kind and text, so a literal read back as Integer equals the Long written. */
    private static boolean same(ColumnDefault a, ColumnDefault b) {
        if (a == null || b == null) {
            return a == b;
        }
        return a.isFunction() == b.isFunction() && Objects.equals(a.describe(), b.describe());
    }

    private static String nullabilityText(Boolean notNull) {
        if (notNull == null) {
            return "";
        }
        return notNull ? " NOT NULL" : " NULL";
    }
}
