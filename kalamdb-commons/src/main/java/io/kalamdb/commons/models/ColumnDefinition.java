package io.kalamdb.commons.models;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.kalamdb.commons.types.KalamDataType;

/**
 * One column of a table version (spec storage.md §13.3). {@code columnId} is stable and never reused;
 * {@code ordinalPosition} is 1-based; the system columns {@code _seq} and {@code _deleted} are included, last.
 */
public record ColumnDefinition(int columnId, String columnName, int ordinalPosition, KalamDataType dataType,
                               boolean isNullable, boolean isPrimaryKey, ColumnDefault defaultValue,
                               String comment) {
    public static final String SEQ = "_seq";
    public static final String DELETED = "_deleted";

    @JsonIgnore
    public boolean isSystemColumn() {
        return SEQ.equals(columnName) || DELETED.equals(columnName);
    }
}
