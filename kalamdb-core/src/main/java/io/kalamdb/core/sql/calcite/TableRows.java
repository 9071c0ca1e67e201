package io.kalamdb.core.sql.calcite;

import io.kalamdb.commons.models.ColumnDefault;
import io.kalamdb.commons.models.ColumnDefinition;
import io.kalamdb.commons.models.TableDefinition;
import io.kalamdb.commons.types.KalamDataType;
import io.kalamdb.commons.types.RowRecord;
import io.kalamdb.commons.types.ValueCoercion;
import io.kalamdb.core.tables.RowVersion;
import java.util.List;
import java.util.Map;

/**
 * Turns stored row versions of one table version into rows of storage values in column order, applying schema
 * evolution: a column id absent from an older record reads its literal DEFAULT, else NULL; {@code _seq} and
 * {@code _deleted} come from the version itself. Built once per table version and shared.
 */
public final class TableRows {
    private final TableDefinition def;
    private final int[] columnIds;
    private final KalamDataType[] types;
    private final Object[] absentValues;
    private final Class<?>[] storageClasses;
    private final String[] names;
    private final int seqIndex;
    private final int deletedIndex;
    private final int pkIndex;

    /** Rows of a table version whose older records read the columns' current literal defaults. */
    public TableRows(TableDefinition def) {
        this(def, Map.of());
    }

    /**
     * Rows of a table version; {@code addedDefaults} (column id → the DEFAULT it had when it was added) decides what
     * records written before a column existed read for it.
     */
    public TableRows(TableDefinition def, Map<Integer, ColumnDefault> addedDefaults) {
        this.def = def;
        List<ColumnDefinition> cols = def.columns();
        columnIds = new int[cols.size()];
        types = new KalamDataType[cols.size()];
        absentValues = new Object[cols.size()];
        storageClasses = new Class<?>[cols.size()];
        names = new String[cols.size()];
        int seq = -1;
        int deleted = -1;
        int pk = -1;
        for (int i = 0; i < cols.size(); i++) {
            ColumnDefinition c = cols.get(i);
            columnIds[i] = c.columnId();
            types[i] = c.dataType();
            storageClasses[i] = c.dataType().storageClass();
            names[i] = c.columnName();
            ColumnDefault initial = addedDefaults.containsKey(c.columnId()) ? addedDefaults.get(c.columnId())
                    : c.defaultValue();
            if (initial != null && !initial.isFunction() && initial.literal() != null && !c.isSystemColumn()) {
                absentValues[i] = ValueCoercion.coerce(initial.literal(), c.dataType(), c.columnName());
            }
            if (ColumnDefinition.SEQ.equals(c.columnName())) {
                seq = i;
            } else if (ColumnDefinition.DELETED.equals(c.columnName())) {
                deleted = i;
            }
            if (c.isPrimaryKey()) {
                pk = i;
            }
        }
        this.seqIndex = seq;
        this.deletedIndex = deleted;
        this.pkIndex = pk;
    }

    public TableDefinition definition() {
        return def;
    }

    public int columnCount() {
        return columnIds.length;
    }

    public KalamDataType type(int index) {
        return types[index];
    }

    public int columnId(int index) {
        return columnIds[index];
    }

    public int seqIndex() {
        return seqIndex;
    }

    public int deletedIndex() {
        return deletedIndex;
    }

    /** Index of the primary-key column, or -1. */
    public int pkIndex() {
        return pkIndex;
    }

    /** The storage value of column {@code index} in a version. */
    public Object value(RowVersion v, int index) {
        if (index == seqIndex) {
            return v.seq();
        }
        if (index == deletedIndex) {
            return v.record().deleted();
        }
        RowRecord r = v.record();
        if (!r.has(columnIds[index])) {
            return absentValues[index];
        }
        Object value = r.valueOf(columnIds[index]);
        if (value != null && !storageClasses[index].isInstance(value)) {
            // written before an ALTER … MODIFY changed the column's type
            value = ValueCoercion.coerce(value, types[index], names[index]);
        }
        return value;
    }

    /** Every user column's storage value of a version, in column order (system columns included). */
    public Object[] values(RowVersion v) {
        Object[] out = new Object[columnIds.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = value(v, i);
        }
        return out;
    }

    /** The row a table scan yields for a version, see {@link CalciteTypes#scanValue}. */
    public Object[] scanRow(RowVersion v) {
        Object[] out = new Object[columnIds.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = CalciteTypes.scanValue(types[i], value(v, i));
        }
        return out;
    }
}
