package io.kalamdb.core.sql.ddl;

import io.kalamdb.commons.errors.KalamDbException;
import io.kalamdb.commons.ids.IdentifierRules;
import io.kalamdb.commons.models.ColumnDefault;
import io.kalamdb.commons.models.ColumnDefinition;
import io.kalamdb.commons.models.TableDefinition;
import io.kalamdb.commons.types.KalamDataType;
import io.kalamdb.commons.types.SqlTypes;
import io.kalamdb.core.AppContext;
import io.kalamdb.core.sql.parser.ddl.AddColumn;
import io.kalamdb.core.sql.parser.ddl.ColumnSpec;
import io.kalamdb.core.sql.parser.ddl.DropColumn;
import io.kalamdb.core.sql.parser.ddl.RenameColumn;
import io.kalamdb.core.sql.parser.ddl.TypeSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * ALTER TABLE operations that add, drop or rename a column (spec sql.md §4). Column ids are never reused: an added
 * column takes {@code nextColumnId}, after the last user column and before {@code _seq}/{@code _deleted}.
 */
final class ColumnAlterations {
    private ColumnAlterations() {
    }

    static AlterOutcome add(AppContext ctx, TableDefinition def, AddColumn op) {
        ColumnSpec spec = op.column();
        if (op.positioned()) {
            throw KalamDbException.userError("Column positioning (FIRST/AFTER) is not supported");
        }
        String name = spec.name();
        if (SystemColumns.isSystem(name)) {
            throw systemColumn(name);
        }
        ColumnRules.checkName(name);
        if (def.column(name) != null) {
            throw duplicate(name);
        }
        if (spec.primaryKey()) {
            throw KalamDbException.userError(def.primaryKey() != null ? "Multiple PRIMARY KEY definitions found"
                    : "Cannot add PRIMARY KEY column '" + name + "' to an existing table");
        }
        ResolvedColumn resolved = ColumnRules.resolve(spec);
        boolean notNull = Boolean.TRUE.equals(spec.notNull());
        ColumnDefault value = resolved.defaultValue();
        boolean literalDefault = value != null && !value.isFunction() && value.literal() != null;
        if (notNull && !literalDefault && ctx.tableData().hasRows(def)) {
            throw KalamDbException.userError("Cannot add NOT NULL column '" + name
                    + "' without a DEFAULT to a table that already has rows");
        }
        ColumnDefinition added = new ColumnDefinition(def.nextColumnId(), name, 0, resolved.type(), !notNull, false,
                value, spec.comment());
        List<ColumnDefinition> user = SystemColumns.userColumns(def.columns());
        user.add(added);
        String change = "ADD COLUMN " + name + " " + resolved.type().sqlName() + (notNull ? " NOT NULL" : "")
                + (value != null ? " DEFAULT " + value.describe() : "");
        return new AlterOutcome(change, SystemColumns.layout(user, def.columns()), def.options(),
                def.nextColumnId() + 1, true);
    }

    static AlterOutcome drop(TableDefinition def, DropColumn op) {
        ColumnDefinition column = existing(def, op.column());
        if (column.isPrimaryKey()) {
            throw KalamDbException.userError("Cannot drop primary key column '" + column.columnName() + "'");
        }
        List<ColumnDefinition> user = SystemColumns.userColumns(def.columns());
        if (user.size() == 1) {
            throw KalamDbException.userError("Table must have at least one column");
        }
        user.removeIf(c -> c.columnId() == column.columnId());
        return AlterOutcome.columns("DROP COLUMN " + column.columnName(), def,
                SystemColumns.layout(user, def.columns()));
    }

    static AlterOutcome rename(TableDefinition def, RenameColumn op) {
        ColumnDefinition column = existing(def, op.from());
        String to = op.to();
        if (SystemColumns.isReserved(to)) {
            throw systemColumn(to);
        }
        IdentifierRules.violation(to).ifPresent(problem -> {
            throw KalamDbException.userError(problem);
        });
        String change = "RENAME COLUMN " + column.columnName() + " TO " + to;
        if (column.columnName().equals(to)) {
            return AlterOutcome.unchanged(change, def);
        }
        ColumnDefinition other = def.column(to);
        if (other != null && other.columnId() != column.columnId()) {
            throw duplicate(to);
        }
        return AlterOutcome.columns(change, def, replace(def, rename(column, to)));
    }

    /** The user column named {@code name}: system columns and unknown names are refused. */
    static ColumnDefinition existing(TableDefinition def, String name) {
        if (SystemColumns.isSystem(name)) {
            throw systemColumn(name);
        }
        ColumnDefinition column = def.column(name);
        if (column == null) {
            throw KalamDbException.userError("Column '" + name + "' does not exist in table " + def.tableId());
        }
        return column;
    }

    /** The table's columns with {@code changed} in place of the column of the same id. */
    static List<ColumnDefinition> replace(TableDefinition def, ColumnDefinition changed) {
        List<ColumnDefinition> out = new ArrayList<>(def.columns().size());
        for (ColumnDefinition c : def.columns()) {
            out.add(c.columnId() == changed.columnId() ? changed : c);
        }
        return List.copyOf(out);
    }

    static ColumnDefinition with(ColumnDefinition c, KalamDataType type, boolean nullable, ColumnDefault value) {
        return new ColumnDefinition(c.columnId(), c.columnName(), c.ordinalPosition(), type, nullable,
                c.isPrimaryKey(), value, c.comment());
    }

    static KalamDataType type(TypeSpec spec) {
        return SqlTypes.parse(spec.typeName(), spec.params());
    }

    private static ColumnDefinition rename(ColumnDefinition c, String name) {
        return new ColumnDefinition(c.columnId(), name, c.ordinalPosition(), c.dataType(), c.isNullable(),
                c.isPrimaryKey(), c.defaultValue(), c.comment());
    }

    static KalamDbException systemColumn(String name) {
        return KalamDbException.userError("Cannot alter system column '" + name + "'");
    }

    private static KalamDbException duplicate(String name) {
        return KalamDbException.userError("Duplicate column name '" + name + "'. Column names are case-insensitive.");
    }
}
