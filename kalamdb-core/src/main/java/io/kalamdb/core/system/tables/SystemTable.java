package io.kalamdb.core.system.tables;

import io.kalamdb.commons.ids.TableId;
import io.kalamdb.commons.types.KalamDataType;
import io.kalamdb.core.sql.calcite.CalciteTypes;
import io.kalamdb.core.sql.calcite.QueryScope;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.impl.AbstractTable;

/**
 * A read-only table computed from the server's metadata ({@code system.*} and {@code information_schema.*}). Its
 * rows are storage values, produced at scan time for the caller's scope.
 */
public final class SystemTable extends AbstractTable implements ScannableTable {
    private final TableId id;
    private final List<SystemColumn> columns;
    private final Function<QueryScope, List<Object[]>> rows;

    public SystemTable(TableId id, List<SystemColumn> columns, Function<QueryScope, List<Object[]>> rows) {
        this.id = id;
        this.columns = List.copyOf(columns);
        this.rows = rows;
    }

    public TableId id() {
        return id;
    }

    public List<SystemColumn> columns() {
        return columns;
    }

    /** The rows in storage values, as the caller of {@code scope} may see them. */
    public List<Object[]> rows(QueryScope scope) {
        return rows.apply(scope);
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory typeFactory) {
        RelDataTypeFactory.Builder b = typeFactory.builder();
        for (SystemColumn c : columns) {
            b.add(c.name(), CalciteTypes.toRel(typeFactory, c.type(), c.nullable()));
        }
        return b.build();
    }

    @Override
    public Enumerable<Object[]> scan(DataContext root) {
        QueryScope scope = (QueryScope) root.get(QueryScope.KEY);
        List<Object[]> source = rows.apply(scope);
        List<Object[]> out = new ArrayList<>(source.size());
        for (Object[] r : source) {
            Object[] c = new Object[r.length];
            for (int i = 0; i < r.length; i++) {
                KalamDataType t = columns.get(i).type();
                c[i] = CalciteTypes.scanValue(t, r[i]);
            }
            out.add(c);
        }
        return Linq4j.asEnumerable(out);
    }
}
