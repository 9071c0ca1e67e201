package io.kalamdb.core.sql.ddl;

import io.kalamdb.commons.models.ColumnDefinition;
import io.kalamdb.commons.models.TableDefinition;
import io.kalamdb.commons.models.TableOptions;
import java.util.List;

/**
 * What one ALTER TABLE operation does: its normalised text ({@code {change}} of the result message) and the
 * table's columns, options and next column id afterwards. {@code changed} is false for a no-op.
 */
record AlterOutcome(String change, List<ColumnDefinition> columns, TableOptions options, int nextColumnId,
                    boolean changed) {

    static AlterOutcome unchanged(String change, TableDefinition def) {
        return new AlterOutcome(change, def.columns(), def.options(), def.nextColumnId(), false);
    }

    static AlterOutcome columns(String change, TableDefinition def, List<ColumnDefinition> columns) {
        return new AlterOutcome(change, columns, def.options(), def.nextColumnId(), true);
    }

    static AlterOutcome options(String change, TableDefinition def, TableOptions options) {
        return new AlterOutcome(change, def.columns(), options, def.nextColumnId(), !options.equals(def.options()));
    }
}
