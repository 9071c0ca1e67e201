package io.kalamdb.commons.models;

import io.kalamdb.commons.enums.TableType;
import io.kalamdb.commons.ids.TableId;
import java.util.List;

/**
 * One version of a table's definition (spec storage.md §13.3). {@code tableUid} is assigned at CREATE from a
 * persistent counter and never reused; it prefixes every hot key of the table. {@code nextColumnId} is the id the
 * next added column gets. Views are {@link ViewDefinition}s.
 */
public record TableDefinition(TableId tableId, long tableUid, TableType tableType, int schemaVersion,
                              List<ColumnDefinition> columns, TableOptions options, String comment,
                              long createdAt, long updatedAt, int nextColumnId) {

    /** The primary-key column, or null (STREAM tables may have none). */
    public ColumnDefinition primaryKey() {
        for (ColumnDefinition c : columns) {
            if (c.isPrimaryKey()) {
                return c;
            }
        }
        return null;
    }

    /** The column named {@code name}, matched case-insensitively, or null. */
    public ColumnDefinition column(String name) {
        for (ColumnDefinition c : columns) {
            if (c.columnName().equalsIgnoreCase(name)) {
                return c;
            }
        }
        return null;
    }
}
