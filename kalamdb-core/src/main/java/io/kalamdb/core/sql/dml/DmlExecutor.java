package io.kalamdb.core.sql.dml;

import io.kalamdb.auth.RolePolicy;
import io.kalamdb.commons.enums.TableType;
import io.kalamdb.commons.errors.ErrorCode;
import io.kalamdb.commons.errors.KalamDbException;
import io.kalamdb.commons.ids.NamespaceId;
import io.kalamdb.commons.ids.SnowflakeGenerator;
import io.kalamdb.commons.ids.TableId;
import io.kalamdb.commons.models.ColumnDefault;
import io.kalamdb.commons.models.ColumnDefinition;
import io.kalamdb.commons.models.TableDefinition;
import io.kalamdb.commons.types.Ids;
import io.kalamdb.commons.types.KalamDataType;
import io.kalamdb.commons.types.RowCodec;
import io.kalamdb.commons.types.ValueCoercion;
import io.kalamdb.core.AppContext;
import io.kalamdb.core.sql.ExecutionContext;
import io.kalamdb.core.sql.SqlParam;
import io.kalamdb.core.sql.StatementResult;
import io.kalamdb.core.sql.calcite.CalciteTypes;
import io.kalamdb.core.sql.calcite.QueryEngine;
import io.kalamdb.core.sql.calcite.QueryScope;
import io.kalamdb.core.sql.calcite.SqlPreparer;
import io.kalamdb.core.sql.calcite.TableRows;
import io.kalamdb.core.tables.HotTableStore;
import io.kalamdb.core.tables.RowVersion;
import io.kalamdb.store.WriteBatch;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlBinaryStringLiteral;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlDelete;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlUpdate;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * INSERT, UPDATE and DELETE (spec sql.md §6, storage.md §4–§6). Each statement writes one WriteBatch under the
 * scope's commit lock, so it is atomic and its versions get increasing {@code _seq}. Rows to change are found by
 * running the statement's WHERE through the query engine in the caller's scope.
 */
public final class DmlExecutor {
    private static final SqlParserPos POS = SqlParserPos.ZERO;
    private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    private final AppContext ctx;
    private final QueryEngine engine;

    public DmlExecutor(AppContext ctx, QueryEngine engine) {
        this.ctx = ctx;
        this.engine = engine;
    }

    /** A DML target after the checks shared by INSERT, UPDATE and DELETE. */
    private record Target(TableDefinition def, TableRows rows, String scope) {
    }

    private Target target(SqlIdentifier id, ExecutionContext exec, QueryScope qs, boolean write) {
        List<String> names = id.names;
        String ns = names.size() == 2 ? names.get(0).toLowerCase(Locale.ROOT) : exec.defaultNamespace().value();
        String table = names.get(names.size() - 1).toLowerCase(Locale.ROOT);
        TableId tableId = TableId.of(ns, table);
        if (ns.equals("system") || ns.equals("information_schema")) {
            if (!qs.role().isAdmin()) {
                throw KalamDbException.permissionDenied("Access denied: system tables require the dba or system role");
            }
            throw KalamDbException.userError("Table '" + tableId + "' is read-only");
        }
        if (names.size() > 2) {
            throw new KalamDbException(ErrorCode.TABLE_NOT_FOUND, "Table '" + String.join(".", names) + "' not found");
        }
        if (!ctx.namespaces().exists(NamespaceId.of(ns))) {
            throw new KalamDbException(ErrorCode.TABLE_NOT_FOUND, "Namespace '" + ns + "' does not exist");
        }
        TableDefinition def = ctx.schemas().table(tableId).orElse(null);
        if (def == null) {
            if (ctx.schemas().view(tableId).isPresent()) {
                throw KalamDbException.userError("Cannot modify view " + tableId);
            }
            throw new KalamDbException(ErrorCode.TABLE_NOT_FOUND, "Table '" + tableId + "' not found");
        }
        if (def.tableType() == TableType.SHARED && qs.executeAs()) {
            throw KalamDbException.permissionDenied(
                    "EXECUTE AS USER is not allowed on SHARED tables (table '" + tableId + "')");
        }
        if (def.tableType() == TableType.SHARED && write) {
            RolePolicy.checkWriteShared(qs.role(), def.options().accessLevel(), tableId);
        }
        String scope = HotTableStore.isScoped(def) ? qs.userId().value() : null;
        return new Target(def, new TableRows(def, ctx.schemas().addedDefaults(def)), scope);
    }

    public StatementResult insert(SqlInsert insert, String sql, ExecutionContext exec, List<SqlParam> params,
                                  QueryScope qs) {
        Target t = target((SqlIdentifier) insert.getTargetTable(), exec, qs, true);
        TableDefinition def = t.def();
        List<ColumnDefinition> targets = targetColumns(def, insert.getTargetColumnList());
        List<Value[]> sourceRows = sourceRows(insert.getSource(), targets, sql, exec, params, qs);
        List<Object[]> rows = new ArrayList<>(sourceRows.size());
        int rowNo = 0;
        for (Value[] source : sourceRows) {
            rowNo++;
            rows.add(fullRow(def, targets, source, qs, rowNo));
        }
        int pk = t.rows().pkIndex();
        if (pk >= 0 && def.tableType() != TableType.STREAM) {
            Set<Object> seen = new HashSet<>();
            for (Object[] row : rows) {
                if (!seen.add(keyOf(row[pk]))) {
                    throw KalamDbException.userError("Primary key violation: value '" + display(row[pk])
                            + "' appears multiple times in the insert batch");
                }
            }
        }
        write(t, (batch, seqs) -> {
            for (int i = 0; i < rows.size(); i++) {
                Object[] row = rows.get(i);
                if (pk >= 0 && def.tableType() != TableType.STREAM) {
                    RowVersion existing = ctx.hot().latest(def, t.scope(), row[pk]);
                    if (existing != null && !existing.record().deleted()) {
                        throw KalamDbException.userError("Primary key violation: value '" + display(row[pk])
                                + "' already exists in column '" + def.columns().get(pk).columnName() + "'");
                    }
                }
                addVersion(batch, t, seqs.next(), row, false);
            }
            return rows.size();
        }, rows.size());
        return new StatementResult.Message(rows.size(), "Inserted " + rows.size() + " row(s)", qs.userId().value());
    }

    public StatementResult update(SqlUpdate update, String sql, ExecutionContext exec, List<SqlParam> params,
                                  QueryScope qs) {
        Target t = target((SqlIdentifier) update.getTargetTable(), exec, qs, true);
        TableDefinition def = t.def();
        if (def.tableType() == TableType.STREAM) {
            throw KalamDbException.userError("UPDATE is not supported for STREAM tables");
        }
        List<ColumnDefinition> columns = new ArrayList<>();
        for (SqlNode c : update.getTargetColumnList()) {
            ColumnDefinition col = column(def, ((SqlIdentifier) c).getSimple());
            if (col.isPrimaryKey()) {
                throw KalamDbException.userError("Cannot update primary key column '" + col.columnName() + "'");
            }
            columns.add(col);
        }
        boolean[] toDefault = new boolean[columns.size()];
        for (int i = 0; i < toDefault.length; i++) {
            toDefault[i] = update.getSourceExpressionList().get(i).getKind() == SqlKind.DEFAULT;
        }
        String pkName = def.primaryKey().columnName();
        List<Object[]> matches = matching(update, u -> {
            SqlUpdate up = (SqlUpdate) u;
            SqlNodeList select = new SqlNodeList(POS);
            select.add(new SqlIdentifier(pkName, POS));
            for (SqlNode e : up.getSourceExpressionList()) {
                // SET c = DEFAULT takes the column's DEFAULT below; the query only keeps the position
                select.add(e.getKind() == SqlKind.DEFAULT ? SqlLiteral.createNull(POS)
                        : QueryEngine.castUserParams(e, params));
            }
            return query(up.getTargetTable(), up.getAlias(), up.getCondition(), select);
        }, sql, exec, params, qs);
        int pkIndex = t.rows().pkIndex();
        int updated = write(t, (batch, seqs) -> {
            int n = 0;
            for (Object[] m : matches) {
                RowVersion current = ctx.hot().latest(def, t.scope(), m[0]);
                if (current == null || current.record().deleted()) {
                    continue;
                }
                Object[] values = t.rows().values(current);
                Object[] merged = values.clone();
                for (int i = 0; i < columns.size(); i++) {
                    ColumnDefinition c = columns.get(i);
                    merged[def.columns().indexOf(c)] = toDefault[i] ? (c.defaultValue() == null ? null
                            : defaultValue(c, qs)) : ValueCoercion.coerce(m[i + 1], c.dataType(), c.columnName());
                }
                if (sameUserValues(def, values, merged)) {
                    continue;
                }
                checkNotNull(def, merged, 0);
                addVersion(batch, t, seqs.next(), merged, false);
                n++;
            }
            return n;
        }, matches.size());
        return new StatementResult.Message(updated, "Updated " + updated + " row(s)", qs.userId().value());
    }

    public StatementResult delete(SqlDelete delete, String sql, ExecutionContext exec, List<SqlParam> params,
                                  QueryScope qs) {
        Target t = target((SqlIdentifier) delete.getTargetTable(), exec, qs, true);
        TableDefinition def = t.def();
        boolean stream = def.tableType() == TableType.STREAM;
        String key = stream ? ColumnDefinition.SEQ : def.primaryKey().columnName();
        List<Object[]> matches = matching(delete, d -> {
            SqlDelete del = (SqlDelete) d;
            SqlNodeList select = new SqlNodeList(POS);
            select.add(new SqlIdentifier(key, POS));
            return query(del.getTargetTable(), del.getAlias(), del.getCondition(), select);
        }, sql, exec, params, qs);
        int deleted = write(t, (batch, seqs) -> {
            int n = 0;
            for (Object[] m : matches) {
                if (stream) {
                    ctx.hot().deleteStreamRow(batch, def, t.scope(), (Long) m[0]);
                    n++;
                    continue;
                }
                RowVersion current = ctx.hot().latest(def, t.scope(), m[0]);
                if (current == null || current.record().deleted()) {
                    continue;
                }
                addVersion(batch, t, seqs.next(), t.rows().values(current), true);
                n++;
            }
            return n;
        }, stream ? 0 : matches.size());
        return new StatementResult.Message(deleted, "Deleted " + deleted + " row(s)", qs.userId().value());
    }

    /**
     * Runs the query {@code toQuery} builds from a DML statement as the caller and returns storage values; when the
     * engine needs an untouched tree again, it is built from a fresh parse of {@code sql}.
     */
    private List<Object[]> matching(SqlNode dml, Function<SqlNode, SqlNode> toQuery, String sql,
                                    ExecutionContext exec, List<SqlParam> params, QueryScope qs) {
        return engine.run(sql, toQuery.apply(dml), () -> toQuery.apply(prepareExpressions(engine.parse(sql))), exec,
                params, qs, QueryEngine.Mode.INTERNAL).rows();
    }

    /** {@code SELECT <select> FROM <table> [AS alias] WHERE <condition>}. */
    private static SqlSelect query(SqlNode table, SqlIdentifier alias, SqlNode condition, SqlNodeList select) {
        SqlNode from = alias == null ? table : SqlStdOperatorTable.AS.createCall(POS, table, alias);
        return new SqlSelect(POS, null, select, from, condition, null, null, null, null, null, null, null);
    }

    /** Work done under the commit lock, taking up to {@code seqCount} sequence numbers; returns rows written. */
    @FunctionalInterface
    private interface BatchWork {
        int apply(WriteBatch batch, Seqs seqs);
    }

    /**
     * The {@code _seq} values of one statement, increasing, reserved from the generator in batches of at most one
     * millisecond's worth ({@value SnowflakeGenerator#IDS_PER_MILLI}), so a statement may write any number of rows.
     */
    private static final class Seqs {
        private final SnowflakeGenerator generator;
        private int unreserved;
        private long next;
        private int left;

        Seqs(SnowflakeGenerator generator, int count) {
            this.generator = generator;
            this.unreserved = count;
        }

        long next() {
            if (left == 0) {
                if (unreserved <= 0) {
                    throw new IllegalStateException("more versions written than reserved");
                }
                left = Math.min(unreserved, SnowflakeGenerator.IDS_PER_MILLI);
                unreserved -= left;
                next = generator.reserve(left);
            }
            left--;
            return next++;
        }
    }

    private int write(Target t, BatchWork work, int seqCount) {
        synchronized (ctx.hot().commitLock(t.def(), t.scope())) {
            Seqs seqs = new Seqs(ctx.snowflake(), seqCount);
            try (WriteBatch batch = ctx.backend().newBatch()) {
                int n = work.apply(batch, seqs);
                if (batch.size() > 0) {
                    ctx.backend().write(batch);
                }
                return n;
            }
        }
    }

    private void addVersion(WriteBatch batch, Target t, long seq, Object[] values, boolean deleted) {
        TableDefinition def = t.def();
        int userColumns = 0;
        for (ColumnDefinition c : def.columns()) {
            if (!c.isSystemColumn()) {
                userColumns++;
            }
        }
        int[] ids = new int[userColumns];
        Object[] vals = new Object[userColumns];
        int j = 0;
        for (int i = 0; i < def.columns().size(); i++) {
            ColumnDefinition c = def.columns().get(i);
            if (!c.isSystemColumn()) {
                ids[j] = c.columnId();
                vals[j++] = values[i];
            }
        }
        byte[] record = RowCodec.encode(def.schemaVersion(), deleted, ids, vals);
        int pk = t.rows().pkIndex();
        ctx.hot().addVersion(batch, def, t.scope(), seq, pk >= 0 ? values[pk] : null, record, deleted);
    }

    private static List<ColumnDefinition> targetColumns(TableDefinition def, SqlNodeList list) {
        List<ColumnDefinition> out = new ArrayList<>();
        if (list == null || list.isEmpty()) {
            for (ColumnDefinition c : def.columns()) {
                if (!c.isSystemColumn()) {
                    out.add(c);
                }
            }
            return out;
        }
        Set<Integer> seen = new HashSet<>();
        for (SqlNode n : list) {
            ColumnDefinition c = column(def, ((SqlIdentifier) n).getSimple());
            if (!seen.add(c.columnId())) {
                throw KalamDbException.userError("Column '" + c.columnName() + "' is specified more than once");
            }
            out.add(c);
        }
        return out;
    }

    private static ColumnDefinition column(TableDefinition def, String name) {
        ColumnDefinition c = def.column(name);
        if (c == null) {
            throw KalamDbException.userError("Column '" + name + "' does not exist in table " + def.tableId());
        }
        if (c.isSystemColumn()) {
            throw KalamDbException.userError("Cannot write system column '" + c.columnName() + "'");
        }
        return c;
    }

    /** A source value and, when it came from {@code $n}, its 1-based parameter number ({@link #DEFAULT}: -1). */
    private record Value(Object value, int param) {
        /** The {@code DEFAULT} keyword: the column gets its DEFAULT, as if it were omitted. */
        static final Value DEFAULT = new Value(null, -1);
    }

    private List<Value[]> sourceRows(SqlNode source, List<ColumnDefinition> targets, String sql,
                                     ExecutionContext exec, List<SqlParam> params, QueryScope qs) {
        int width = targets.size();
        List<Value[]> out = new ArrayList<>();
        if (source.getKind() == SqlKind.VALUES) {
            for (SqlNode rowNode : ((SqlCall) source).getOperandList()) {
                List<SqlNode> items = rowNode.getKind() == SqlKind.ROW ? ((SqlCall) rowNode).getOperandList()
                        : List.of(rowNode);
                if (items.size() != width) {
                    throw KalamDbException.userError("INSERT has " + items.size() + " values but " + width
                            + " target columns");
                }
                Value[] row = new Value[width];
                for (int i = 0; i < width; i++) {
                    row[i] = constant(items.get(i), targets.get(i).dataType(), sql, exec, params, qs);
                }
                out.add(row);
            }
            return out;
        }
        QueryEngine.Result result = engine.run(sql, source,
                () -> ((SqlInsert) prepareExpressions(engine.parse(sql))).getSource(), exec, params, qs,
                QueryEngine.Mode.INTERNAL);
        if (result.query().fieldNames().size() != width) {
            throw KalamDbException.userError("INSERT has " + result.query().fieldNames().size() + " values but "
                    + width + " target columns");
        }
        for (Object[] r : result.rows()) {
            Value[] row = new Value[width];
            for (int i = 0; i < width; i++) {
                row[i] = new Value(r[i], 0);
            }
            out.add(row);
        }
        return out;
    }

    /** A constant expression's value: literals and parameters directly, anything else through the engine. */
    private Value constant(SqlNode node, KalamDataType type, String sql, ExecutionContext exec, List<SqlParam> params,
                           QueryScope qs) {
        if (node instanceof SqlDynamicParam p) {
            return new Value(params.get(p.getIndex()).value(), p.getIndex() + 1);
        }
        if (node.getKind() == SqlKind.DEFAULT) {
            return Value.DEFAULT;
        }
        if (node instanceof SqlLiteral lit) {
            return new Value(literal(lit), 0);
        }
        if (node.getKind() == SqlKind.MINUS_PREFIX && ((SqlBasicCall) node).operand(0) instanceof SqlNumericLiteral n) {
            Object v = literal(n);
            Object negated = v instanceof Long l ? (Object) (-l) : v instanceof BigDecimal d ? d.negate() : -((Double) v);
            return new Value(negated, 0);
        }
        SqlNodeList select = new SqlNodeList(POS);
        select.add(typed(QueryEngine.castUserParams(node, params), type));
        SqlSelect query = new SqlSelect(POS, null, select, null, null, null, null, null, null, null, null, null);
        List<Object[]> rows = engine.run(sql, query, exec, params, qs, QueryEngine.Mode.INTERNAL).rows();
        return new Value(rows.isEmpty() ? null : rows.get(0)[0], 0);
    }

    /** {@code CAST(expr AS <column type>)}, so parameters inside {@code expr} get the column's type. */
    private static SqlNode typed(SqlNode expr, KalamDataType type) {
        return SqlStdOperatorTable.CAST.createCall(POS, expr, CalciteTypes.typeSpec(type));
    }

    private static Object literal(SqlLiteral lit) {
        if (lit.getTypeName() == SqlTypeName.NULL) {
            return null;
        }
        if (lit instanceof SqlNumericLiteral n) {
            if (!n.isExact()) {
                // a decimal literal keeps its digits: the column type decides (exact into DECIMAL)
                return n.bigDecimalValue();
            }
            BigDecimal d = n.bigDecimalValue();
            if (d.scale() <= 0 && d.compareTo(LONG_MIN) >= 0 && d.compareTo(LONG_MAX) <= 0) {
                return d.longValueExact();
            }
            return d;
        }
        if (lit instanceof SqlCharStringLiteral s) {
            return s.getValueAs(String.class);
        }
        if (lit instanceof SqlBinaryStringLiteral b) {
            return b.getBitString().getAsByteArray();
        }
        if (lit.getTypeName() == SqlTypeName.BOOLEAN) {
            return lit.booleanValue();
        }
        return lit.toValue();
    }

    /**
     * The full row in column order: given values coerced, omitted columns and {@code DEFAULT} from the column's
     * DEFAULT (else NULL), system columns null.
     */
    private Object[] fullRow(TableDefinition def, List<ColumnDefinition> targets, Value[] source, QueryScope qs,
                             int rowNo) {
        Object[] row = new Object[def.columns().size()];
        boolean[] given = new boolean[row.length];
        for (int i = 0; i < targets.size(); i++) {
            ColumnDefinition c = targets.get(i);
            int index = def.columns().indexOf(c);
            Value v = source[i];
            if (v == Value.DEFAULT) {
                continue;
            }
            row[index] = v.param() > 0 ? ValueCoercion.coerceParam(v.value(), c.dataType(), v.param())
                    : ValueCoercion.coerce(v.value(), c.dataType(), c.columnName());
            given[index] = true;
        }
        for (int i = 0; i < row.length; i++) {
            ColumnDefinition c = def.columns().get(i);
            if (!given[i] && !c.isSystemColumn() && c.defaultValue() != null) {
                row[i] = defaultValue(c, qs);
            }
        }
        checkNotNull(def, row, rowNo);
        return row;
    }

    private Object defaultValue(ColumnDefinition c, QueryScope qs) {
        ColumnDefault d = c.defaultValue();
        if (!d.isFunction()) {
            return d.literal() == null ? null : ValueCoercion.coerce(d.literal(), c.dataType(), c.columnName());
        }
        KalamDataType type = c.dataType();
        switch (d.function()) {
            case "SNOWFLAKE_ID": return ctx.snowflake().nextId();
            case "UUID_V7": return ValueCoercion.coerce(Ids.uuidV7(), type, c.columnName());
            case "ULID": return Ids.ulid();
            case "NOW":
            case "CURRENT_TIMESTAMP":
                return type.kind() == KalamDataType.Kind.DATE ? (int) Math.floorDiv(qs.nowMicros(), 86_400_000_000L)
                        : qs.nowMicros();
            case "CURRENT_DATE": return (int) Math.floorDiv(qs.nowMicros(), 86_400_000_000L);
            case "CURRENT_USER": return qs.userId().value();
            default: throw KalamDbException.userError("Unsupported DEFAULT expression '" + d.function() + "()'");
        }
    }

    private static void checkNotNull(TableDefinition def, Object[] row, int rowNo) {
        for (int i = 0; i < row.length; i++) {
            ColumnDefinition c = def.columns().get(i);
            if (!c.isSystemColumn() && !c.isNullable() && row[i] == null) {
                throw KalamDbException.userError("NOT NULL constraint violation: column '" + c.columnName()
                        + "' cannot be NULL" + (rowNo > 0 ? " (row " + rowNo + ")" : ""));
            }
        }
    }

    private static boolean sameUserValues(TableDefinition def, Object[] a, Object[] b) {
        for (int i = 0; i < a.length; i++) {
            if (!def.columns().get(i).isSystemColumn() && !Objects.deepEquals(a[i], b[i])) {
                return false;
            }
        }
        return true;
    }

    private static Object keyOf(Object pk) {
        return pk instanceof BigDecimal d ? d.stripTrailingZeros() : pk;
    }

    private static String display(Object value) {
        return value instanceof BigDecimal d ? d.toPlainString() : String.valueOf(value);
    }

    /** The tree preparation of DML statements: parameters, literals and JSON operators, as for queries. */
    public static SqlNode prepareExpressions(SqlNode node) {
        return node.accept(new SqlPreparer.ExpressionShuttle());
    }
}
