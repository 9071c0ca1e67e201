package io.kalamdb.core.sql.ddl;

import io.kalamdb.commons.models.ColumnDefault;
import io.kalamdb.commons.models.ColumnDefinition;
import io.kalamdb.commons.types.KalamDataType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The system columns {@code _seq} and {@code _deleted} (spec storage.md §2), always after the user columns, and the
 * reserved column names of spec sql.md §1.
 */
final class SystemColumns {
    static final Set<String> RESERVED_NAMES = Set.of("_seq", "_deleted", "_id", "_row_id", "_rowid", "_key",
            "_updated", "_created", "_timestamp", "_version", "_hash");

    private SystemColumns() {
    }

    static boolean isReserved(String name) {
        return RESERVED_NAMES.contains(name.toLowerCase(Locale.ROOT));
    }

    static boolean isSystem(String name) {
        return ColumnDefinition.SEQ.equalsIgnoreCase(name) || ColumnDefinition.DELETED.equalsIgnoreCase(name);
    }

    /** {@code _seq BIGINT NOT NULL} with the given id and position. */
    static ColumnDefinition seq(int columnId, int ordinal) {
        return new ColumnDefinition(columnId, ColumnDefinition.SEQ, ordinal, KalamDataType.BIG_INT, false, false,
                null, null);
    }

    /** {@code _deleted BOOLEAN NOT NULL DEFAULT false} with the given id and position. */
    static ColumnDefinition deleted(int columnId, int ordinal) {
        return new ColumnDefinition(columnId, ColumnDefinition.DELETED, ordinal, KalamDataType.BOOLEAN, false, false,
                ColumnDefault.literal(Boolean.FALSE), null);
    }

    /** The user columns of a definition, in order. */
    static List<ColumnDefinition> userColumns(List<ColumnDefinition> columns) {
        List<ColumnDefinition> out = new ArrayList<>(columns.size());
        for (ColumnDefinition c : columns) {
            if (!c.isSystemColumn()) {
                out.add(c);
            }
        }
        return out;
    }

    /**
     * Lays out a column list: the user columns in the given order, then the system columns of {@code previous}
     * (keeping their ids), with ordinal positions 1..n.
     */
    static List<ColumnDefinition> layout(List<ColumnDefinition> userColumns, List<ColumnDefinition> previous) {
        List<ColumnDefinition> out = new ArrayList<>(userColumns.size() + 2);
        for (ColumnDefinition c : userColumns) {
            out.add(withOrdinal(c, out.size() + 1));
        }
        for (ColumnDefinition c : previous) {
            if (c.isSystemColumn()) {
                out.add(withOrdinal(c, out.size() + 1));
            }
        }
        return List.copyOf(out);
    }

    private static ColumnDefinition withOrdinal(ColumnDefinition c, int ordinal) {
        if (c.ordinalPosition() == ordinal) {
            return c;
        }
        return new ColumnDefinition(c.columnId(), c.columnName(), ordinal, c.dataType(), c.isNullable(),
                c.isPrimaryKey(), c.defaultValue(), c.comment());
    }
}
