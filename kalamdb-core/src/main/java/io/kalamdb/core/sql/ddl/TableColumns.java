package io.kalamdb.core.sql.ddl;

import io.kalamdb.commons.enums.TableType;
import io.kalamdb.commons.errors.KalamDbException;
import io.kalamdb.commons.models.ColumnDefinition;
import io.kalamdb.core.sql.parser.ddl.ColumnSpec;
import io.kalamdb.core.sql.parser.ddl.TableConstraint;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The column list of a new table (spec sql.md §3.2, storage.md §2): the written columns with ids 1..n, the one
 * primary key (forced NOT NULL), then {@code _seq} and {@code _deleted}.
 */
final class TableColumns {
    private TableColumns() {
    }

    static List<ColumnDefinition> build(TableType type, List<ColumnSpec> specs, List<TableConstraint> constraints) {
        if (specs.isEmpty()) {
            throw KalamDbException.userError("Table must have at least one column");
        }
        List<ResolvedColumn> resolved = new ArrayList<>(specs.size());
        Set<String> seen = new HashSet<>();
        for (ColumnSpec spec : specs) {
            ColumnRules.checkName(spec.name());
            if (!seen.add(spec.name().toLowerCase(Locale.ROOT))) {
                throw KalamDbException.userError("Duplicate column name '" + spec.name()
                        + "'. Column names are case-insensitive.");
            }
            resolved.add(ColumnRules.resolve(spec));
        }
        String primaryKey = primaryKey(type, specs, constraints);
        List<ColumnDefinition> columns = new ArrayList<>(specs.size() + 2);
        for (int i = 0; i < specs.size(); i++) {
            ColumnSpec spec = specs.get(i);
            ResolvedColumn r = resolved.get(i);
            boolean isPk = spec.name().equalsIgnoreCase(primaryKey);
            if (isPk) {
                ColumnRules.checkPrimaryKeyType(spec.name(), r.type());
            }
            boolean nullable = !isPk && !Boolean.TRUE.equals(spec.notNull());
            columns.add(new ColumnDefinition(i + 1, spec.name(), i + 1, r.type(), nullable, isPk, r.defaultValue(),
                    spec.comment()));
        }
        int n = specs.size();
        columns.add(SystemColumns.seq(n + 1, n + 1));
        columns.add(SystemColumns.deleted(n + 2, n + 2));
        return List.copyOf(columns);
    }

    /** The name of the primary-key column as declared, or null (STREAM tables only). */
    private static String primaryKey(TableType type, List<ColumnSpec> specs, List<TableConstraint> constraints) {
        String name = null;
        int declarations = 0;
        for (TableConstraint c : constraints) {
            if (c.kind() != TableConstraint.Kind.PRIMARY_KEY) {
                throw ColumnRules.refused(c.kind().sql());
            }
        }
        for (ColumnSpec spec : specs) {
            if (spec.primaryKey()) {
                declarations++;
                name = spec.name();
            }
        }
        for (TableConstraint c : constraints) {
            declarations++;
            if (declarations > 1) {
                break;
            }
            if (c.columns().size() > 1) {
                throw KalamDbException.userError("Composite PRIMARY KEYs are not supported yet");
            }
            name = c.columns().get(0);
            if (!declared(specs, name)) {
                throw KalamDbException.userError("PRIMARY KEY column '" + name + "' not found in column list");
            }
        }
        if (declarations > 1) {
            throw KalamDbException.userError("Multiple PRIMARY KEY definitions found");
        }
        if (name == null && type != TableType.STREAM) {
            throw KalamDbException.userError((type == TableType.USER ? "User" : "Shared")
                    + " tables require a PRIMARY KEY column");
        }
        return name;
    }

    private static boolean declared(List<ColumnSpec> specs, String name) {
        for (ColumnSpec spec : specs) {
            if (spec.name().equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }
}
