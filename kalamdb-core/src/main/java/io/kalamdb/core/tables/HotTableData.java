package io.kalamdb.core.tables;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kalamdb.commons.enums.TableType;
import io.kalamdb.commons.models.TableDefinition;
import io.kalamdb.core.schema.SchemaRegistry;
import io.kalamdb.core.sql.calcite.TableRows;
import java.io.IOException;
import java.util.function.Consumer;

/**
 * {@link TableDataInspector} over the hot store, every scope. Cold segments do not exist yet, so the hot versions
 * are all the data there is; the cold source plugs in here.
 */
public final class HotTableData implements TableDataInspector {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final HotTableStore store;
    private final SchemaRegistry schemas;

    public HotTableData(HotTableStore store, SchemaRegistry schemas) {
        this.store = store;
        this.schemas = schemas;
    }

    @Override
    public boolean hasRows(TableDefinition table) {
        if (table.tableType() == TableType.STREAM) {
            return store.countVersions(table, null) > 0;
        }
        boolean[] found = {false};
        store.scanLatest(table, null, false, v -> found[0] = true);
        return found[0];
    }

    @Override
    public long countNulls(TableDefinition table, int columnId) {
        TableRows rows = new TableRows(table, schemas.addedDefaults(table));
        int index = indexOf(table, columnId);
        long[] n = {0};
        visit(table, v -> {
            if (rows.value(v, index) == null) {
                n[0]++;
            }
        });
        return n[0];
    }

    @Override
    public long countInvalidJson(TableDefinition table, int columnId) {
        TableRows rows = new TableRows(table, schemas.addedDefaults(table));
        int index = indexOf(table, columnId);
        long[] n = {0};
        visit(table, v -> {
            Object value = rows.value(v, index);
            if (value != null) {
                try {
                    MAPPER.readTree(value.toString());
                } catch (IOException e) {
                    n[0]++;
                }
            }
        });
        return n[0];
    }

    private void visit(TableDefinition table, Consumer<RowVersion> sink) {
        if (table.tableType() == TableType.STREAM) {
            store.scanStream(table, null, sink);
        } else {
            store.scanLatest(table, null, false, sink);
        }
    }

    private static int indexOf(TableDefinition table, int columnId) {
        for (int i = 0; i < table.columns().size(); i++) {
            if (table.columns().get(i).columnId() == columnId) {
                return i;
            }
        }
        throw new IllegalArgumentException("no column id " + columnId + " in " + table.tableId());
    }
}
