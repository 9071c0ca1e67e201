package io.kalamdb.core.sql.calcite;

import io.kalamdb.commons.errors.KalamDbException;
import io.kalamdb.commons.types.KalamDataType;
import io.kalamdb.commons.types.ValueCoercion;
import io.kalamdb.core.system.tables.SystemTable;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.prepare.RelOptTableImpl;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.core.SetOp;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.logical.LogicalSort;
import org.apache.calcite.rel.logical.LogicalTableScan;
import org.apache.calcite.rel.logical.LogicalValues;
import org.apache.calcite.rel.metadata.RelColumnOrigin;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexFieldCollation;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexOver;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexSubQuery;
import org.apache.calcite.rex.RexWindow;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.validate.SqlUserDefinedFunction;
import org.apache.calcite.util.TimeString;
import org.apache.calcite.util.TimestampString;

/**
 * Keeps the semantics of KalamDB's table values in the plans Calcite runs: TIMESTAMP, DATETIME and TIME exact to the
 * microsecond (Calcite's runtime holds TIMESTAMP as epoch milliseconds and TIME as milliseconds of the day), and
 * UUID columns (text in Calcite) compared by value, so {@code 'A0EEBC99-…'} and {@code 'a0eebc999c0b…'} match the
 * stored UUID as they do on INSERT.
 *
 * <p>Table scans yield times as µs longs (see {@link CalciteTypes#scanValue}); this rewrite, run on the logical plan
 * after sub-query removal and decorrelation, types those scan columns BIGINT and follows them up the plan. A column
 * that is only passed along (projected, filtered, sorted, joined, grouped, MIN/MAX, set operations whose inputs all
 * carry µs) stays µs, and the result reports it exactly. Comparisons of such a column with another µs column, a
 * time literal or a time parameter compare µs (the parameter is bound again, exactly, as an added µs parameter).
 * Every other use (functions, arithmetic, casts) sees the value converted to Calcite's millisecond form, as do nodes
 * this class does not follow. Every scan of a KalamDB table must pass through here: the scan's values are µs.
 *
 * <p>A UUID column compared with a text literal or a parameter gets the constant as its canonical UUID text (a
 * parameter is bound again, coerced, as an added parameter); text that is no UUID stays as it is and matches nothing.
 */
public final class TableValuesRewriter {
    /** Index of the first parameter the rewrite adds; {@link KalamDataContext} serves them from their own array. */
    static final int EXACT_PARAM_BASE = 1 << 20;

    /**
     * A parameter added by the rewrite: parameter {@code source} coerced to {@code type}, bound in the scan's
     * representation (µs for times, canonical text for UUIDs).
     */
    record ExactParam(int source, KalamDataType type) {
    }

    private static final Set<SqlKind> PASS_THROUGH_WINDOWS = Set.of(SqlKind.LAG, SqlKind.LEAD, SqlKind.FIRST_VALUE,
            SqlKind.LAST_VALUE, SqlKind.NTH_VALUE, SqlKind.MIN, SqlKind.MAX, SqlKind.ANY_VALUE);
    private static final Set<SqlKind> COMPARISONS = Set.of(SqlKind.EQUALS, SqlKind.NOT_EQUALS, SqlKind.LESS_THAN,
            SqlKind.LESS_THAN_OR_EQUAL, SqlKind.GREATER_THAN, SqlKind.GREATER_THAN_OR_EQUAL, SqlKind.IS_DISTINCT_FROM,
            SqlKind.IS_NOT_DISTINCT_FROM);
    private static final Set<SqlKind> PASS_THROUGH_AGGREGATES = Set.of(SqlKind.MIN, SqlKind.MAX, SqlKind.ANY_VALUE,
            SqlKind.SINGLE_VALUE, SqlKind.FIRST_VALUE, SqlKind.LAST_VALUE);

    private final List<ExactParam> params = new ArrayList<>();
    private RexBuilder rex;
    private boolean[] resultMicros = new boolean[0];

    /** A rewritten node, which of its fields carry µs, and its field types before the rewrite. */
    private record Out(RelNode rel, boolean[] micros, RelDataType original) {
        boolean any() {
            for (boolean m : micros) {
                if (m) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Rewrites a logical plan; afterwards {@link #resultMicros()} and {@link #params()} describe the result. */
    RelNode rewrite(RelNode root) {
        rex = root.getCluster().getRexBuilder();
        Out out = visit(root);
        resultMicros = out.micros;
        return out.rel;
    }

    /** Per result column: true when it carries exact µs (a BIGINT standing for the column's time type). */
    boolean[] resultMicros() {
        return resultMicros.clone();
    }

    /** The parameters added by the rewrite, in index order from {@link #EXACT_PARAM_BASE}. */
    List<ExactParam> params() {
        return List.copyOf(params);
    }

    private Out visit(RelNode rel) {
        if (rel instanceof TableScan scan) {
            return scan(scan);
        }
        if (rel instanceof LogicalProject p) {
            return project(p);
        }
        if (rel instanceof LogicalFilter f) {
            Out in = visit(f.getInput());
            RexNode condition = f.getCondition().accept(new Exprs(in.micros, in.rel.getRowType(), List.of(in.rel)));
            return same(LogicalFilter.create(in.rel, condition, ImmutableSet.copyOf(f.getVariablesSet())), in, f);
        }
        if (rel instanceof LogicalSort s) {
            Out in = visit(s.getInput());
            return same(s.copy(s.getTraitSet(), in.rel, s.getCollation(), s.offset, s.fetch), in, s);
        }
        if (rel instanceof LogicalJoin j) {
            return join(j);
        }
        if (rel instanceof LogicalAggregate a) {
            return aggregate(a);
        }
        if (rel instanceof SetOp s) {
            return setOp(s);
        }
        if (rel instanceof LogicalValues v) {
            return values(v);
        }
        // a node this rewrite does not follow sees its inputs in Calcite's own representation
        List<RelNode> inputs = new ArrayList<>(rel.getInputs().size());
        for (RelNode input : rel.getInputs()) {
            inputs.add(restore(visit(input)));
        }
        return none(inputs.isEmpty() ? rel : rel.copy(rel.getTraitSet(), inputs));
    }

    private static Out none(RelNode rel) {
        return new Out(rel, new boolean[rel.getRowType().getFieldCount()], rel.getRowType());
    }

    private static Out same(RelNode rewritten, Out in, RelNode original) {
        return new Out(rewritten, in.micros, original.getRowType());
    }

    private Out scan(TableScan scan) {
        RelOptTable table = scan.getTable();
        if (table.unwrap(KalamTable.class) == null && table.unwrap(SystemTable.class) == null) {
            return none(scan);
        }
        RelDataTypeFactory tf = scan.getCluster().getTypeFactory();
        List<RelDataTypeField> fields = scan.getRowType().getFieldList();
        boolean[] micros = new boolean[fields.size()];
        RelDataTypeFactory.Builder b = tf.builder();
        boolean any = false;
        for (int i = 0; i < fields.size(); i++) {
            RelDataType t = fields.get(i).getType();
            if (isTime(t)) {
                micros[i] = true;
                any = true;
                t = bigint(tf, t.isNullable());
            }
            b.add(fields.get(i).getName(), t);
        }
        if (!any) {
            return none(scan);
        }
        if (!(table instanceof RelOptTableImpl impl)) {
            throw new IllegalStateException("cannot retype the scan of " + table.getQualifiedName());
        }
        RelNode retyped = LogicalTableScan.create(scan.getCluster(), impl.copy(b.build()), scan.getHints());
        return new Out(retyped, micros, scan.getRowType());
    }

    private Out project(LogicalProject p) {
        Out in = visit(p.getInput());
        Exprs exprs = new Exprs(in.micros, in.rel.getRowType(), List.of(in.rel));
        List<RexNode> out = new ArrayList<>(p.getProjects().size());
        boolean[] micros = new boolean[p.getProjects().size()];
        for (int i = 0; i < micros.length; i++) {
            RexNode e = p.getProjects().get(i);
            RexNode exact = exprs.exactValue(e);
            if (exact == null && e instanceof RexLiteral && isTime(e.getType())) {
                exact = exprs.constant(e);
            }
            if (exact != null) {
                out.add(exact);
                micros[i] = true;
            } else {
                out.add(e.accept(exprs));
            }
        }
        RelNode rewritten = LogicalProject.create(in.rel, p.getHints(), out, p.getRowType().getFieldNames(),
                p.getVariablesSet());
        return new Out(rewritten, micros, p.getRowType());
    }

    private Out join(LogicalJoin j) {
        Out left = visit(j.getLeft());
        Out right = visit(j.getRight());
        int nl = left.micros.length;
        boolean[] both = new boolean[nl + right.micros.length];
        System.arraycopy(left.micros, 0, both, 0, nl);
        System.arraycopy(right.micros, 0, both, nl, right.micros.length);
        RelDataType bothTypes = j.getCluster().getTypeFactory().createJoinType(left.rel.getRowType(),
                right.rel.getRowType());
        RexNode condition = j.getCondition().accept(new Exprs(both, bothTypes, List.of(left.rel, right.rel)));
        RelNode rewritten = LogicalJoin.create(left.rel, right.rel, j.getHints(), condition, j.getVariablesSet(),
                j.getJoinType(), j.isSemiJoinDone(), ImmutableList.copyOf(
                        j.getSystemFieldList()));
        return new Out(rewritten, j.getJoinType().projectsRight() ? both : left.micros, j.getRowType());
    }

    private Out aggregate(LogicalAggregate a) {
        Out in = visit(a.getInput());
        boolean passThrough = true;
        for (AggregateCall c : a.getAggCallList()) {
            boolean readsMicros = c.getArgList().stream().anyMatch(i -> in.micros[i]);
            if (readsMicros && c.getAggregation().getKind() != SqlKind.COUNT
                    && !(PASS_THROUGH_AGGREGATES.contains(c.getAggregation().getKind())
                    && c.getArgList().size() == 1)) {
                passThrough = false;
            }
        }
        Out input = passThrough ? in : none(restore(in));
        if (!input.any()) {
            return none(a.copy(a.getTraitSet(), input.rel, a.getGroupSet(), a.getGroupSets(), a.getAggCallList()));
        }
        boolean[] micros = new boolean[a.getRowType().getFieldCount()];
        int k = 0;
        for (int key : a.getGroupSet()) {
            micros[k++] = input.micros[key];
        }
        List<AggregateCall> calls = new ArrayList<>(a.getAggCallList().size());
        for (AggregateCall c : a.getAggCallList()) {
            boolean exact = c.getAggregation().getKind() != SqlKind.COUNT && c.getArgList().size() == 1
                    && input.micros[c.getArgList().get(0)];
            micros[k++] = exact;
            calls.add(!exact ? c : AggregateCall.create(c.getAggregation(), c.isDistinct(), c.isApproximate(),
                    c.ignoreNulls(), c.rexList, c.getArgList(), c.filterArg, c.distinctKeys, c.collation,
                    a.getGroupCount(), input.rel, null, c.getName()));
        }
        RelNode rewritten = LogicalAggregate.create(input.rel, a.getHints(), a.getGroupSet(), a.getGroupSets(), calls);
        return new Out(rewritten, micros, a.getRowType());
    }

    private Out setOp(SetOp s) {
        List<Out> ins = new ArrayList<>(s.getInputs().size());
        for (RelNode input : s.getInputs()) {
            ins.add(visit(input));
        }
        boolean[] keep = new boolean[s.getRowType().getFieldCount()];
        for (int i = 0; i < keep.length; i++) {
            keep[i] = true;
            for (Out in : ins) {
                keep[i] &= in.micros[i];
            }
        }
        List<RelNode> inputs = new ArrayList<>(ins.size());
        for (Out in : ins) {
            boolean[] convert = new boolean[keep.length];
            for (int i = 0; i < keep.length; i++) {
                convert[i] = in.micros[i] && !keep[i];
            }
            inputs.add(toMillis(in, convert));
        }
        return new Out(s.copy(s.getTraitSet(), inputs, s.all), keep, s.getRowType());
    }

    /** The node with every µs field back in Calcite's representation. */
    private RelNode restore(Out in) {
        return in.any() ? toMillis(in, in.micros) : in.rel;
    }

    private RelNode toMillis(Out in, boolean[] convert) {
        boolean any = false;
        for (boolean c : convert) {
            any |= c;
        }
        if (!any) {
            return in.rel;
        }
        List<RexNode> exprs = new ArrayList<>(convert.length);
        for (int i = 0; i < convert.length; i++) {
            RexNode ref = rex.makeInputRef(in.rel, i);
            exprs.add(convert[i] ? millis(ref, in.original.getFieldList().get(i).getType()) : ref);
        }
        return LogicalProject.create(in.rel, List.of(), exprs, in.original.getFieldNames(), Set.of());
    }

    /** A µs value as Calcite's TIMESTAMP or TIME of type {@code target}. */
    private RexNode millis(RexNode micros, RelDataType target) {
        SqlUserDefinedFunction f = target.getSqlTypeName() == SqlTypeName.TIME
                ? PlanFunctions.MICROS_TO_MILLIS_OF_DAY : PlanFunctions.MICROS_TO_MILLIS;
        return rex.makeReinterpretCast(target, rex.makeCall(f, micros), rex.makeLiteral(false));
    }

    private static boolean isTime(RelDataType t) {
        return t.getSqlTypeName() == SqlTypeName.TIMESTAMP || t.getSqlTypeName() == SqlTypeName.TIME;
    }

    private static RelDataType bigint(RelDataTypeFactory tf, boolean nullable) {
        return tf.createTypeWithNullability(tf.createSqlType(SqlTypeName.BIGINT), nullable);
    }

    /** Rewrites the expressions of a node whose input fields {@code micros} carry µs. */
    private final class Exprs extends RexShuttle {
        private final boolean[] micros;
        private final RelDataType inputType;

        private final List<RelNode> inputs;

        Exprs(boolean[] micros, RelDataType inputType, List<RelNode> inputs) {
            this.micros = micros;
            this.inputType = inputType;
            this.inputs = inputs;
        }

        @Override
        public RexNode visitInputRef(RexInputRef ref) {
            if (!micros[ref.getIndex()]) {
                return ref;
            }
            RexNode exact = new RexInputRef(ref.getIndex(), inputType.getFieldList().get(ref.getIndex()).getType());
            return millis(exact, ref.getType());
        }

        @Override
        public RexNode visitCall(RexCall call) {
            List<RexNode> ops = call.getOperands();
            if (COMPARISONS.contains(call.getKind()) && ops.size() == 2) {
                RexNode uuid = uuidComparison(call);
                if (uuid != null) {
                    return uuid;
                }
            }
            if (COMPARISONS.contains(call.getKind()) && ops.size() == 2
                    && ops.get(0).getType().getSqlTypeName() == ops.get(1).getType().getSqlTypeName()) {
                RexNode a = exactValue(ops.get(0));
                RexNode b = exactValue(ops.get(1));
                if (a != null || b != null) {
                    a = a != null ? a : constant(ops.get(0));
                    b = b != null ? b : constant(ops.get(1));
                    if (a != null && b != null) {
                        return rex.makeCall(call.getParserPosition(), call.getOperator(), List.of(a, b));
                    }
                }
            }
            if (call.getKind() == SqlKind.IS_NULL || call.getKind() == SqlKind.IS_NOT_NULL) {
                RexNode exact = exactValue(ops.get(0));
                if (exact != null) {
                    return rex.makeCall(call.getParserPosition(), call.getOperator(), List.of(exact));
                }
            }
            if (call.getKind() == SqlKind.CAST && SqlTypeName.CHAR_TYPES.contains(call.getType().getSqlTypeName())
                    && isTime(ops.get(0).getType())) {
                RexNode exact = exactValue(ops.get(0));
                if (exact != null) {
                    SqlUserDefinedFunction text = ops.get(0).getType().getSqlTypeName() == SqlTypeName.TIME
                            ? PlanFunctions.MICROS_OF_DAY_TEXT : PlanFunctions.MICROS_TEXT;
                    return rex.makeCast(call.getType(), rex.makeCall(text, exact));
                }
            }
            RexNode exact = isTime(call.getType()) ? exactValue(call) : null;
            return exact != null ? millis(exact, call.getType()) : super.visitCall(call);
        }

        @Override
        public RexNode visitOver(RexOver over) {
            RexNode exact = isTime(over.getType()) ? exactOver(over) : null;
            return exact != null ? millis(exact, over.getType()) : super.visitOver(over);
        }

        /** A window function returning one of its input's values (LAG, MIN, FIRST_VALUE …) in exact µs, or null. */
        private RexNode exactOver(RexOver over) {
            if (!PASS_THROUGH_WINDOWS.contains(over.getAggOperator().getKind()) || over.getOperands().isEmpty()) {
                return null;
            }
            List<RexNode> ops = new ArrayList<>(over.getOperands().size());
            for (RexNode op : over.getOperands()) {
                RexNode exact = !isTime(op.getType()) ? op.accept(this) : ops.isEmpty() ? exactValue(op)
                        : exactValue(op) != null ? exactValue(op) : constant(op);
                if (exact == null) {
                    return null;
                }
                ops.add(exact);
            }
            RexWindow w = over.getWindow();
            List<RexNode> partition = new ArrayList<>(w.partitionKeys.size());
            for (RexNode key : w.partitionKeys) {
                partition.add(key.accept(this));
            }
            ImmutableList.Builder<RexFieldCollation> order = ImmutableList.builder();
            for (RexFieldCollation key : w.orderKeys) {
                order.add(new RexFieldCollation(key.left.accept(this), key.right));
            }
            return rex.makeOver(bigint(rex.getTypeFactory(), over.getType().isNullable()), over.getAggOperator(), ops,
                    partition, order.build(), w.getLowerBound(), w.getUpperBound(), w.isRows(), true, false,
                    over.isDistinct(), over.ignoreNulls());
        }

        @Override
        public RexNode visitSubQuery(RexSubQuery subQuery) {
            RexSubQuery rewritten = subQuery.clone(restore(visit(subQuery.rel)));
            return super.visitSubQuery(rewritten);
        }

        /**
         * {@code e} as an exact µs BIGINT when its value is a µs field (through casts that keep its time type), or a
         * CASE (COALESCE, NULLIF) choosing among such fields and time constants; else null.
         */
        RexNode exactValue(RexNode e) {
            RexNode inner = stripTimeCasts(e);
            if (inner instanceof RexInputRef ref && micros[ref.getIndex()]) {
                return new RexInputRef(ref.getIndex(), inputType.getFieldList().get(ref.getIndex()).getType());
            }
            if (inner instanceof RexOver over) {
                return isTime(over.getType()) ? exactOver(over) : null;
            }
            if (inner.getKind() == SqlKind.CAST && inner instanceof RexCall cast && isTime(cast.getType())
                    && SqlTypeName.CHAR_TYPES.contains(cast.getOperands().get(0).getType().getSqlTypeName())) {
                // text read as a column value would be: ISO forms with T, Z or an offset, and µs fractions
                return rex.makeCall(cast.getType().getSqlTypeName() == SqlTypeName.TIME
                        ? PlanFunctions.TEXT_TO_MICROS_OF_DAY : PlanFunctions.TEXT_TO_MICROS,
                        cast.getOperands().get(0).accept(this));
            }
            if (inner instanceof RexCall c && isTime(c.getType())
                    && (c.getKind() == SqlKind.PLUS || c.getKind() == SqlKind.MINUS) && c.getOperands().size() == 2) {
                return shifted(c);
            }
            if (inner.getKind() != SqlKind.CASE || !(inner instanceof RexCall c) || !isTime(c.getType())) {
                return null;
            }
            List<RexNode> ops = c.getOperands();
            List<RexNode> out = new ArrayList<>(ops.size());
            boolean readsField = false;
            for (int i = 0; i < ops.size(); i++) {
                boolean isValue = i % 2 == 1 || i == ops.size() - 1;
                if (!isValue) {
                    out.add(ops.get(i).accept(this));
                    continue;
                }
                RexNode v = exactValue(ops.get(i));
                readsField |= v != null;
                v = v != null ? v : constant(ops.get(i));
                if (v == null) {
                    return null;
                }
                out.add(v);
            }
            return readsField ? rex.makeCall(bigint(rex.getTypeFactory(), c.getType().isNullable()), c.getOperator(),
                    out) : null;
        }

        /** {@code timestamp ± day-time interval} (or {@code interval + timestamp}) in exact µs, or null. */
        private RexNode shifted(RexCall c) {
            int timeSide = isTime(c.getOperands().get(0).getType()) ? 0 : 1;
            if (timeSide == 1 && c.getKind() == SqlKind.MINUS) {
                return null;
            }
            RexNode time = exactValue(c.getOperands().get(timeSide));
            RexNode interval = c.getOperands().get(1 - timeSide);
            if (time == null || !SqlTypeName.INTERVAL_TYPES.contains(interval.getType().getSqlTypeName())) {
                return null;
            }
            if (c.getType().getSqlTypeName() == SqlTypeName.TIME
                    || !SqlTypeName.DAY_INTERVAL_TYPES.contains(interval.getType().getSqlTypeName())) {
                return shiftedInMillis(c, timeSide, time);
            }
            RelDataType bigint = bigint(rex.getTypeFactory(), interval.getType().isNullable());
            RexNode micros = rex.makeCall(SqlStdOperatorTable.MULTIPLY,
                    rex.makeReinterpretCast(bigint, interval.accept(this), rex.makeLiteral(false)),
                    rex.makeBigintLiteral(BigDecimal.valueOf(1000)));
            return rex.makeCall(c.getKind() == SqlKind.PLUS ? SqlStdOperatorTable.PLUS : SqlStdOperatorTable.MINUS,
                    time, micros);
        }

        /**
         * {@code time ± interval} that Calcite computes (months, TIME wrapping at midnight) on the millisecond value,
         * with the sub-millisecond digits of {@code micros} put back.
         */
        private RexNode shiftedInMillis(RexCall c, int timeSide, RexNode micros) {
            RelDataTypeFactory tf = rex.getTypeFactory();
            List<RexNode> ops = new ArrayList<>(c.getOperands());
            ops.set(timeSide, millis(micros, c.getOperands().get(timeSide).getType()));
            ops.set(1 - timeSide, ops.get(1 - timeSide).accept(this));
            RexNode shifted = rex.makeCall(c.getType(), c.getOperator(), ops);
            boolean time = c.getType().getSqlTypeName() == SqlTypeName.TIME;
            RexNode millis = rex.makeReinterpretCast(tf.createTypeWithNullability(tf.createSqlType(time
                    ? SqlTypeName.INTEGER : SqlTypeName.BIGINT), c.getType().isNullable()), shifted,
                    rex.makeLiteral(false));
            RelDataType bigint = bigint(tf, c.getType().isNullable());
            RexNode whole = rex.makeCall(SqlStdOperatorTable.MULTIPLY, rex.makeCast(bigint, millis),
                    rex.makeBigintLiteral(BigDecimal.valueOf(1000)));
            return rex.makeCall(SqlStdOperatorTable.PLUS, whole, rex.makeCall(PlanFunctions.SUB_MILLIS, micros));
        }

        /**
         * A time constant as an exact µs BIGINT: a literal (typed, text or integer µs, as a column value would read
         * it) or a parameter (bound again as an added µs parameter); else null.
         */
        private RexNode constant(RexNode e) {
            KalamDataType type = e.getType().getSqlTypeName() == SqlTypeName.TIME ? KalamDataType.TIME
                    : KalamDataType.TIMESTAMP;
            RelDataType bigint = bigint(rex.getTypeFactory(), e.getType().isNullable());
            RexNode inner = e;
            while (inner.getKind() == SqlKind.CAST && inner instanceof RexCall c) {
                inner = c.getOperands().get(0);
            }
            if (inner instanceof RexDynamicParam p && p.getIndex() < EXACT_PARAM_BASE) {
                params.add(new ExactParam(p.getIndex(), type));
                return new RexDynamicParam(bigint, EXACT_PARAM_BASE + params.size() - 1);
            }
            return inner instanceof RexLiteral lit ? microsLiteral(lit, type, bigint) : null;
        }

        /** {@code uuidColumn <op> constant} (either side) with the constant as canonical UUID text, or null. */
        private RexNode uuidComparison(RexCall call) {
            for (int side = 0; side < 2; side++) {
                RexNode column = stripCasts(call.getOperands().get(side));
                if (!(column instanceof RexInputRef ref) || micros[ref.getIndex()] || !isUuidColumn(ref.getIndex())) {
                    continue;
                }
                RexNode constant = uuidConstant(call.getOperands().get(1 - side));
                if (constant == null) {
                    return null;
                }
                List<RexNode> ops = new ArrayList<>(call.getOperands());
                ops.set(1 - side, constant);
                return rex.makeCall(call.getParserPosition(), call.getOperator(), ops);
            }
            return null;
        }

        /** A text literal or parameter as canonical UUID text (parameters bound again, coerced); else null. */
        private RexNode uuidConstant(RexNode e) {
            RexNode inner = stripCasts(e);
            if (inner instanceof RexDynamicParam p && p.getIndex() < EXACT_PARAM_BASE) {
                params.add(new ExactParam(p.getIndex(), KalamDataType.UUID));
                RelDataType text = rex.getTypeFactory().createTypeWithNullability(
                        rex.getTypeFactory().createSqlType(SqlTypeName.VARCHAR), true);
                return rex.makeCast(e.getType(), new RexDynamicParam(text, EXACT_PARAM_BASE + params.size() - 1));
            }
            if (inner instanceof RexLiteral lit && !lit.isNull()
                    && SqlTypeName.CHAR_TYPES.contains(lit.getType().getSqlTypeName())) {
                try {
                    Object uuid = ValueCoercion.coerce(lit.getValueAs(String.class), KalamDataType.UUID, null);
                    return rex.makeCast(e.getType(), rex.makeLiteral(uuid.toString()));
                } catch (KalamDbException notAUuid) {
                    return null;
                }
            }
            return null;
        }

        /** True when input field {@code index} is a UUID column of a KalamDB table, passed along unchanged. */
        private boolean isUuidColumn(int index) {
            int i = index;
            for (RelNode input : inputs) {
                int n = input.getRowType().getFieldCount();
                if (i >= n) {
                    i -= n;
                    continue;
                }
                Set<RelColumnOrigin> origins = input.getCluster().getMetadataQuery().getColumnOrigins(input, i);
                if (origins == null || origins.size() != 1) {
                    return false;
                }
                RelColumnOrigin o = origins.iterator().next();
                KalamTable table = o.getOriginTable().unwrap(KalamTable.class);
                return !o.isDerived() && table != null && table.definition().columns().get(o.getOriginColumnOrdinal())
                        .dataType().kind() == KalamDataType.Kind.UUID;
            }
            return false;
        }
    }

    /**
     * A literal (typed time, text, or integer µs) as the µs BIGINT literal of a {@code type} value, as a column would
     * read it; null when it is no such value.
     */
    private RexLiteral microsLiteral(RexLiteral lit, KalamDataType type, RelDataType bigint) {
        if (lit.isNull()) {
            return (RexLiteral) rex.makeNullLiteral(bigint);
        }
        Object value;
        switch (lit.getType().getSqlTypeName()) {
            case TIMESTAMP: value = lit.getValueAs(TimestampString.class).toString(); break;
            case TIME: value = lit.getValueAs(TimeString.class).toString(); break;
            case CHAR:
            case VARCHAR: value = lit.getValueAs(String.class); break;
            case TINYINT:
            case SMALLINT:
            case INTEGER:
            case BIGINT: value = lit.getValueAs(Long.class); break;
            default: return null;
        }
        try {
            return (RexLiteral) rex.makeLiteral(ValueCoercion.coerce(value, type, null), bigint);
        } catch (KalamDbException notATime) {
            return null;
        }
    }

    /** VALUES rows with their time columns as exact µs. */
    private Out values(LogicalValues v) {
        List<RelDataTypeField> fields = v.getRowType().getFieldList();
        boolean[] micros = new boolean[fields.size()];
        RelDataTypeFactory tf = v.getCluster().getTypeFactory();
        RelDataTypeFactory.Builder b = tf.builder();
        for (int i = 0; i < micros.length; i++) {
            RelDataType t = fields.get(i).getType();
            micros[i] = isTime(t);
            b.add(fields.get(i).getName(), micros[i] ? bigint(tf, t.isNullable()) : t);
        }
        RelDataType rowType = b.build();
        List<List<RexLiteral>> tuples = new ArrayList<>(v.getTuples().size());
        for (List<RexLiteral> tuple : v.getTuples()) {
            List<RexLiteral> row = new ArrayList<>(tuple.size());
            for (int i = 0; i < tuple.size(); i++) {
                RexLiteral lit = tuple.get(i);
                if (micros[i]) {
                    KalamDataType type = fields.get(i).getType().getSqlTypeName() == SqlTypeName.TIME
                            ? KalamDataType.TIME : KalamDataType.TIMESTAMP;
                    lit = microsLiteral(lit, type, rowType.getFieldList().get(i).getType());
                    if (lit == null) {
                        return none(v);
                    }
                }
                row.add(lit);
            }
            tuples.add(row);
        }
        return new Out(LogicalValues.create(v.getCluster(), rowType, ImmutableList.copyOf(
                tuples.stream().map(ImmutableList::copyOf).toList())), micros, v.getRowType());
    }

    /** {@code e} without the casts around it. */
    static RexNode stripCasts(RexNode e) {
        RexNode inner = e;
        while (inner.getKind() == SqlKind.CAST && inner instanceof RexCall c) {
            inner = c.getOperands().get(0);
        }
        return inner;
    }

    /** {@code e} without the casts around it that keep its time type (precision or nullability changes). */
    private static RexNode stripTimeCasts(RexNode e) {
        RexNode inner = e;
        while (inner.getKind() == SqlKind.CAST && inner instanceof RexCall c
                && c.getOperands().get(0).getType().getSqlTypeName() == c.getType().getSqlTypeName()) {
            inner = c.getOperands().get(0);
        }
        return inner;
    }
}
