package io.kalamdb.core.sql.calcite;

import io.kalamdb.commons.enums.TableType;
import io.kalamdb.commons.ids.SnowflakeGenerator;
import io.kalamdb.commons.models.ColumnDefinition;
import io.kalamdb.commons.models.TableDefinition;
import io.kalamdb.core.tables.HotTableStore;
import io.kalamdb.core.tables.RowVersion;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexVisitorImpl;
import org.apache.calcite.schema.ProjectableFilterableTable;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.SqlKind;

/**
 * A USER, SHARED or STREAM table as Calcite sees it (one object per table version, shared by all users). A scan
 * reads the caller's scope (USER/STREAM) or the whole table (SHARED) from the hot store and resolves the latest
 * version per key; an equality filter on the primary key becomes a point lookup through the PK index. Tombstones
 * are visible only when a filter references {@code _deleted}; STREAM rows past their TTL are hidden.
 */
public final class KalamTable extends AbstractTable implements ProjectableFilterableTable {
    private final TableRows rows;
    private final HotTableStore store;

    public KalamTable(TableDefinition def, HotTableStore store) {
        this.rows = new TableRows(def);
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
    public Enumerable<Object[]> scan(DataContext root, List<RexNode> filters, int[] projects) {
        QueryScope scope = (QueryScope) root.get(QueryScope.KEY);
        TableDefinition def = rows.definition();
        String owner = HotTableStore.isScoped(def) ? scope.userId().value() : null;
        List<Object[]> out = new ArrayList<>();
        if (def.tableType() == TableType.STREAM) {
            long ttlMillis = def.options().ttlSeconds() == null ? Long.MAX_VALUE / 2 : def.options().ttlSeconds() * 1000L;
            long nowMillis = scope.nowMicros() / 1000L;
            store.scanStream(def, owner, v -> {
                if (SnowflakeGenerator.timestampMillis(v.seq()) + ttlMillis > nowMillis) {
                    out.add(rows.calciteRow(v, projects));
                }
            });
            return Linq4j.asEnumerable(out);
        }
        boolean includeDeleted = referencesColumn(filters, rows.deletedIndex());
        PkMatch match = pkEquality(root, filters);
        if (match != null) {
            // the point lookup answers the equality itself: Calcite need not evaluate it again
            filters.remove(match.filter());
            RowVersion v = store.latest(def, owner, match.value());
            if (v != null && (includeDeleted || !v.record().deleted())) {
                out.add(rows.calciteRow(v, projects));
            }
            return Linq4j.asEnumerable(out);
        }
        store.scanLatest(def, owner, includeDeleted, v -> out.add(rows.calciteRow(v, projects)));
        return Linq4j.asEnumerable(out);
    }

    /** A {@code pk = constant} filter and the key's storage value. */
    private record PkMatch(RexNode filter, Object value) {
    }

    /** The first {@code pk = constant} filter, or null. */
    private PkMatch pkEquality(DataContext root, List<RexNode> filters) {
        int pk = rows.pkIndex();
        if (pk < 0) {
            return null;
        }
        for (RexNode f : filters) {
            if (f.getKind() != SqlKind.EQUALS) {
                continue;
            }
            List<RexNode> ops = ((RexCall) f).getOperands();
            RexNode a = stripCast(ops.get(0));
            RexNode b = stripCast(ops.get(1));
            RexNode constant = null;
            if (a instanceof RexInputRef ref && ref.getIndex() == pk) {
                constant = b;
            } else if (b instanceof RexInputRef ref && ref.getIndex() == pk) {
                constant = a;
            }
            Object value = null;
            if (constant instanceof RexLiteral lit) {
                value = lit.getValue2();
            } else if (constant instanceof RexDynamicParam param) {
                value = root.get("?" + param.getIndex());
            }
            if (value != null) {
                try {
                    return new PkMatch(f, CalciteTypes.fromCalcite(rows.type(pk), value));
                } catch (RuntimeException e) {
                    return null;
                }
            }
        }
        return null;
    }

    private static RexNode stripCast(RexNode n) {
        return n.getKind() == SqlKind.CAST ? ((RexCall) n).getOperands().get(0) : n;
    }

    private static boolean referencesColumn(List<RexNode> filters, int index) {
        if (index < 0) {
            return false;
        }
        boolean[] found = {false};
        RexVisitorImpl<Void> visitor = new RexVisitorImpl<>(true) {
            @Override
            public Void visitInputRef(RexInputRef ref) {
                if (ref.getIndex() == index) {
                    found[0] = true;
                }
                return null;
            }
        };
        for (RexNode f : filters) {
            f.accept(visitor);
        }
        return found[0];
    }
}
