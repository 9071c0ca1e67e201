package io.kalamdb.core.sql.calcite;

import io.kalamdb.commons.enums.TableType;
import io.kalamdb.commons.ids.SnowflakeGenerator;
import io.kalamdb.commons.models.ColumnDefinition;
import io.kalamdb.commons.models.TableDefinition;
import io.kalamdb.commons.types.ValueCoercion;
import io.kalamdb.core.tables.HotTableStore;
import io.kalamdb.core.tables.RowVersion;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.impl.AbstractTable;

/**
 * A USER, SHARED or STREAM table as Calcite sees it (one object per table version, shared by all users). A scan
 * reads the caller's scope (USER/STREAM) or the whole table (SHARED) from the hot store and resolves the latest
 * version per key; when the plan's {@link ScanHints} name a primary-key parameter it is a point lookup through the
 * PK index. Tombstones are produced only when the query's WHERE mentions {@code _deleted}; STREAM rows past their
 * TTL are hidden. As a plain scannable table it runs inside the compiled plan, with no per-execution interpreter.
 */
public final class KalamTable extends AbstractTable implements ScannableTable {
    private final TableRows rows;
    private final HotTableStore store;

    public KalamTable(TableRows rows, HotTableStore store) {
        this.rows = rows;
        this.store = store;
    }

    public TableDefinition definition() {
        return rows.definition();
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory typeFactory) {
        RelDataTypeFactory.Builder b = typeFactory.builder();
        for (ColumnDefinition c : rows.definition().columns()) {
            b.add(c.columnName(), CalciteTypes.toRel(typeFactory, c.dataType(), c.isNullable()));
        }
        return b.build();
    }

    @Override
    public Enumerable<Object[]> scan(DataContext root) {
        QueryScope scope = (QueryScope) root.get(QueryScope.KEY);
        ScanHints hints = (ScanHints) root.get(ScanHints.KEY);
        if (hints == null) {
            hints = ScanHints.NONE;
        }
        TableDefinition def = rows.definition();
        String owner = HotTableStore.isScoped(def) ? scope.userId().value() : null;
        List<Object[]> out = new ArrayList<>();
        if (def.tableType() == TableType.STREAM) {
            long ttlMillis = def.options().ttlSeconds() == null ? Long.MAX_VALUE / 2 : def.options().ttlSeconds() * 1000L;
            long nowMillis = scope.nowMicros() / 1000L;
            store.scanStream(def, owner, v -> {
                if (SnowflakeGenerator.timestampMillis(v.seq()) + ttlMillis > nowMillis) {
                    out.add(rows.scanRow(v));
                }
            });
            return Linq4j.asEnumerable(out);
        }
        boolean includeDeleted = hints.includeDeleted();
        int pkParam = hints.pkParam(def.tableId());
        Object pkValue = pkParam < 0 || rows.pkIndex() < 0 || !(root instanceof KalamDataContext dc) ? null
                : dc.storageParam(pkParam);
        if (pkValue != null) {
            int pk = rows.pkIndex();
            RowVersion v = store.latest(def, owner,
                    ValueCoercion.coerce(pkValue, rows.type(pk), def.columns().get(pk).columnName()));
            if (v != null && (includeDeleted || !v.record().deleted())) {
                out.add(rows.scanRow(v));
            }
            return Linq4j.asEnumerable(out);
        }
        store.scanLatest(def, owner, includeDeleted, v -> out.add(rows.scanRow(v)));
        return Linq4j.asEnumerable(out);
    }
}
