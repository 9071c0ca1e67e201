package io.kalamdb.commons.types;

import java.util.Arrays;

/**
 * One decoded row version (spec storage.md §4.3): the schema version it was written under, its tombstone flag and
 * its user column values keyed by column id. {@code values[i]} belongs to {@code columnIds[i]}. The arrays are
 * shared, not copied.
 *
 * @param schemaVersion the table schema version at write time
 * @param deleted       whether this version is a tombstone
 * @param columnIds     the column ids written, in write order
 * @param values        the storage values, parallel to {@code columnIds}; null for SQL NULL
 */
public record RowRecord(int schemaVersion, boolean deleted, int[] columnIds, Object[] values) {
    /** Checks that the arrays are parallel. */
    public RowRecord {
        if (columnIds.length != values.length) {
            throw new IllegalArgumentException("columnIds and values differ in length: " + columnIds.length
                    + " vs " + values.length);
        }
    }

    /** The value of a column, or null when it is NULL or absent (see {@link #has(int)}). */
    public Object valueOf(int columnId) {
        int i = indexOf(columnId);
        return i < 0 ? null : values[i];
    }

    /** Whether the record holds the column (possibly as NULL); false means it was written before the column existed. */
    public boolean has(int columnId) {
        return indexOf(columnId) >= 0;
    }

    /** The position of a column id in {@link #columnIds()}, or -1. */
    public int indexOf(int columnId) {
        int[] ids = columnIds;
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] == columnId) {
                return i;
            }
        }
        return -1;
    }

    /** The number of columns held. */
    public int size() {
        return columnIds.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RowRecord r && schemaVersion == r.schemaVersion && deleted == r.deleted
                && Arrays.equals(columnIds, r.columnIds) && Arrays.deepEquals(values, r.values);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * schemaVersion + Boolean.hashCode(deleted)) + Arrays.hashCode(columnIds))
                + Arrays.deepHashCode(values);
    }

    @Override
    public String toString() {
        return "RowRecord[schemaVersion=" + schemaVersion + ", deleted=" + deleted + ", columnIds="
                + Arrays.toString(columnIds) + ", values=" + Arrays.deepToString(values) + "]";
    }
}
