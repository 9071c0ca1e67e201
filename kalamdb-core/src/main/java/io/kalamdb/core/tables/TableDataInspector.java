package io.kalamdb.core.tables;

import io.kalamdb.commons.models.TableDefinition;

/**
 * Questions DDL asks about a table's stored data (spec sql.md §4), answered over every scope, hot and cold.
 * Row counts are numbers of visible (latest, not deleted) rows.
 */
public interface TableDataInspector {
    /** True when the table has at least one visible row in any scope. */
    boolean hasRows(TableDefinition table);

    /** The number of visible rows whose column {@code columnId} is NULL (absent in older records counts as its default). */
    long countNulls(TableDefinition table, int columnId);

    /** The number of visible rows whose column {@code columnId} holds text that is not valid JSON. */
    long countInvalidJson(TableDefinition table, int columnId);
}
