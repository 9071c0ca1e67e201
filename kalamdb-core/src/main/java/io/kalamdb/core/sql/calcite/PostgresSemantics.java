package io.kalamdb.core.sql.calcite;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.calcite.avatica.util.TimeUnitRange;
import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlLibraryOperators;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * KalamDB's SQL semantics (PostgreSQL's) where Calcite's runtime differs, applied to the logical plan before
 * {@link TableValuesRewriter}: ILIKE folds every letter, {@code length} counts code points and BYTES count bytes,
 * {@code extract(dow …)} counts from Sunday 0, DECIMAL division keeps the whole result scale, SUM of integers is
 * exact and fails with {@code Integer overflow} rather than wrapping around (as does {@code abs} of an integer
 * type's smallest value), and AVG of integers averages doubles.
 */
final class PostgresSemantics extends RexShuttle {
    private static final Set<String> LENGTHS = Set.of("LENGTH", "CHAR_LENGTH", "CHARACTER_LENGTH");

    private final RexBuilder rex;

    private PostgresSemantics(RexBuilder rex) {
        this.rex = rex;
    }

    /** The plan with every expression and aggregate rewritten. */
    static RelNode apply(RelNode root) {
        PostgresSemantics semantics = new PostgresSemantics(root.getCluster().getRexBuilder());
        return root.accept(new RelHomogeneousShuttle() {
            @Override
            public RelNode visit(RelNode other) {
                RelNode visited = super.visit(other).accept(semantics);
                return visited instanceof LogicalAggregate agg ? semantics.checkedSums(agg) : visited;
            }
        });
    }

    @Override
    public RexNode visitCall(RexCall call) {
        List<RexNode> ops = call.getOperands();
        if (call.getOperator() == SqlLibraryOperators.ILIKE
                || call.getOperator() == SqlLibraryOperators.NOT_ILIKE) {
            // case-insensitive for every letter, not only ASCII: both sides lower-cased as lower() does
            List<RexNode> lowered = new ArrayList<>(ops.size());
            for (int i = 0; i < ops.size(); i++) {
                RexNode op = ops.get(i).accept(this);
                lowered.add(i < 2 ? rex.makeCall(SqlStdOperatorTable.LOWER, op) : op);
            }
            return rex.makeCall(call.getParserPosition(), call.getOperator() == SqlLibraryOperators.ILIKE
                    ? SqlStdOperatorTable.LIKE : SqlStdOperatorTable.NOT_LIKE, lowered);
        }
        if (call.getKind() == SqlKind.EXTRACT && ops.get(0) instanceof RexLiteral unit
                && unit.getValue() == TimeUnitRange.DOW) {
            // PostgreSQL's day of week: Sunday 0 … Saturday 6 (Calcite counts 1 … 7)
            RexNode day = rex.makeCall(call.getParserPosition(), call.getOperator(),
                    List.of(unit, ops.get(1).accept(this)));
            return rex.makeCall(SqlStdOperatorTable.MINUS, day, rex.makeExactLiteral(BigDecimal.ONE,
                    day.getType()));
        }
        String name = call.getOperator().getName().toUpperCase(Locale.ROOT);
        if ((LENGTHS.contains(name) || name.equals("OCTET_LENGTH")) && ops.size() == 1) {
            RexNode arg = TableValuesRewriter.stripCasts(ops.get(0));
            SqlTypeName argType = arg.getType().getSqlTypeName();
            if (SqlTypeName.BINARY_TYPES.contains(argType) && !name.equals("OCTET_LENGTH")) {
                // BYTES have a length in bytes, not in the characters of their hex text
                return rex.makeCast(call.getType(), rex.makeCall(SqlStdOperatorTable.OCTET_LENGTH,
                        arg.accept(this)));
            }
            if (SqlTypeName.CHAR_TYPES.contains(argType)) {
                // text counts code points (length) or UTF-8 bytes (octet_length), as in PostgreSQL
                return rex.makeCast(call.getType(), rex.makeCall(name.equals("OCTET_LENGTH")
                        ? PlanFunctions.UTF8_BYTES : PlanFunctions.CHARACTERS, arg.accept(this)));
            }
        }
        if ((call.getKind() == SqlKind.DIVIDE || call.getKind() == SqlKind.CHECKED_DIVIDE)
                && call.getType().getSqlTypeName() == SqlTypeName.DECIMAL) {
            return decimalDivide(call);
        }
        if (call.getOperator().getName().equalsIgnoreCase("ABS") && ops.size() == 1
                && SqlTypeName.INT_TYPES.contains(ops.get(0).getType().getSqlTypeName())) {
            // abs of the smallest value of an integer type does not fit the type: an error, not a negative number
            RelDataTypeFactory tf = rex.getTypeFactory();
            RelDataType type = ops.get(0).getType();
            long min = switch (type.getSqlTypeName()) {
                case TINYINT -> Byte.MIN_VALUE;
                case SMALLINT -> Short.MIN_VALUE;
                case INTEGER -> Integer.MIN_VALUE;
                default -> Long.MIN_VALUE;
            };
            RexNode value = rex.makeCast(tf.createTypeWithNullability(tf.createSqlType(SqlTypeName.BIGINT),
                    type.isNullable()), ops.get(0).accept(this));
            return rex.makeCast(call.getType(), rex.makeCall(PlanFunctions.CHECKED_ABS, value,
                    rex.makeBigintLiteral(BigDecimal.valueOf(min))));
        }
        return super.visitCall(call);
    }

    /** DECIMAL division to the full scale of its result type, rounded half-up (Calcite's keeps 16 digits). */
    private RexNode decimalDivide(RexCall call) {
        RelDataTypeFactory tf = rex.getTypeFactory();
        List<RexNode> ops = new ArrayList<>(3);
        for (RexNode op : call.getOperands()) {
            RexNode visited = op.accept(this);
            ops.add(visited.getType().getSqlTypeName() == SqlTypeName.DECIMAL ? visited : rex.makeCast(
                    tf.createTypeWithNullability(tf.createSqlType(SqlTypeName.DECIMAL, 19, 0),
                            visited.getType().isNullable()), visited));
        }
        ops.add(rex.makeExactLiteral(BigDecimal.valueOf(call.getType().getScale())));
        return rex.makeCall(call.getType(), PlanFunctions.DECIMAL_DIVIDE, ops);
    }

    /**
     * The aggregate with its integer SUMs computed exactly (over DECIMAL) and checked back into their BIGINT result:
     * a sum beyond BIGINT is {@code Integer overflow}, never a wrapped-around number.
     */
    private RelNode checkedSums(LogicalAggregate agg) {
        RelNode input = agg.getInput();
        List<RelDataTypeField> fields = input.getRowType().getFieldList();
        RelDataTypeFactory tf = rex.getTypeFactory();
        List<RexNode> below = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            below.add(rex.makeInputRef(input, i));
        }
        List<AggregateCall> calls = new ArrayList<>(agg.getAggCallList().size());
        boolean[] checked = new boolean[agg.getAggCallList().size()];
        for (int c = 0; c < checked.length; c++) {
            AggregateCall call = agg.getAggCallList().get(c);
            SqlKind kind = call.getAggregation().getKind();
            RelDataType argType = call.getArgList().size() == 1
                    ? fields.get(call.getArgList().get(0)).getType() : null;
            checked[c] = (kind == SqlKind.SUM || kind == SqlKind.SUM0) && argType != null
                    && SqlTypeName.INT_TYPES.contains(argType.getSqlTypeName())
                    && call.getType().getSqlTypeName() == SqlTypeName.BIGINT;
            if (kind == SqlKind.AVG && argType != null && SqlTypeName.INT_TYPES.contains(argType.getSqlTypeName())) {
                // AVG is DOUBLE: averaging the values as doubles never overflows an integer running sum
                below.add(rex.makeCast(tf.createTypeWithNullability(tf.createSqlType(SqlTypeName.DOUBLE),
                        argType.isNullable()), rex.makeInputRef(input, call.getArgList().get(0))));
                calls.add(call.withArgList(List.of(below.size() - 1)));
                continue;
            }
            if (!checked[c]) {
                calls.add(call);
                continue;
            }
            below.add(rex.makeCast(tf.createTypeWithNullability(tf.createSqlType(SqlTypeName.DECIMAL, 19, 0),
                    argType.isNullable()), rex.makeInputRef(input, call.getArgList().get(0))));
            calls.add(call.withArgList(List.of(below.size() - 1)));
        }
        if (calls.equals(agg.getAggCallList())) {
            return agg;
        }
        RelNode widened = LogicalProject.create(input, List.of(), below, (List<String>) null, Set.of());
        List<AggregateCall> exact = new ArrayList<>(calls.size());
        for (int c = 0; c < calls.size(); c++) {
            AggregateCall call = calls.get(c);
            exact.add(!checked[c] ? call : AggregateCall.create(call.getAggregation(), call.isDistinct(),
                    call.isApproximate(), call.ignoreNulls(), call.rexList, call.getArgList(), call.filterArg,
                    call.distinctKeys, call.collation, agg.getGroupCount(), widened, null, call.getName()));
        }
        RelNode summed = LogicalAggregate.create(widened, agg.getHints(), agg.getGroupSet(), agg.getGroupSets(), exact);
        List<RexNode> above = new ArrayList<>();
        int groups = agg.getGroupCount();
        for (int i = 0; i < agg.getRowType().getFieldCount(); i++) {
            RexNode ref = rex.makeInputRef(summed, i);
            boolean sum = i >= groups && checked[i - groups];
            above.add(sum ? rex.makeCall(agg.getRowType().getFieldList().get(i).getType(), PlanFunctions.CHECKED_LONG,
                    List.of(ref)) : ref);
        }
        return LogicalProject.create(summed, List.of(), above, agg.getRowType().getFieldNames(), Set.of());
    }
}
