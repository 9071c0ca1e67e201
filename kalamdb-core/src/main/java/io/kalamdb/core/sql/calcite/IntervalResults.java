package io.kalamdb.core.sql.calcite;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.linq4j.function.Strict;
import org.apache.calcite.rel.RelCollation;
import org.apache.calcite.rel.RelCollationTraitDef;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.schema.impl.ScalarFunctionImpl;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeTransforms;
import org.apache.calcite.sql.validate.SqlUserDefinedFunction;

/**
 * Result columns of interval type as their canonical text (spec http-api.md §5.4), in PostgreSQL's form:
 * {@code 01:30:00}, {@code 2 days 03:00:00}, {@code 00:00:00.5}, {@code 1 year 2 mons}. Calcite holds day-time
 * intervals as milliseconds and year-month intervals as months; a projection on top of the plan turns them into
 * text. A column the result is ordered by keeps its number, so the order stays numeric.
 */
public final class IntervalResults {
    private static final SqlUserDefinedFunction DAY_TIME_TEXT = function("KALAM_INTERVAL_TEXT", "dayTimeText",
            SqlTypeFamily.INTEGER, SqlTypeName.BIGINT);
    private static final SqlUserDefinedFunction YEAR_MONTH_TEXT = function("KALAM_INTERVAL_MONTHS_TEXT",
            "yearMonthText", SqlTypeFamily.INTEGER, SqlTypeName.INTEGER);

    private IntervalResults() {
    }

    /** {@code root} with its interval result columns as text, or {@code root} itself when it has none. */
    static RelNode asText(RelNode root) {
        List<RelDataType> types = root.getRowType().getFieldList().stream().map(f -> f.getType()).toList();
        if (types.stream().noneMatch(t -> SqlTypeName.INTERVAL_TYPES.contains(t.getSqlTypeName()))) {
            return root;
        }
        Set<Integer> ordered = new HashSet<>();
        List<RelCollation> collations = root.getTraitSet().getTraits(RelCollationTraitDef.INSTANCE);
        for (RelCollation c : collations == null ? List.<RelCollation>of() : collations) {
            c.getFieldCollations().forEach(f -> ordered.add(f.getFieldIndex()));
        }
        RexBuilder rex = root.getCluster().getRexBuilder();
        RelDataTypeFactory tf = rex.getTypeFactory();
        List<RexNode> exprs = new ArrayList<>(types.size());
        boolean any = false;
        for (int i = 0; i < types.size(); i++) {
            RelDataType t = types.get(i);
            RexNode ref = rex.makeInputRef(root, i);
            SqlTypeName name = t.getSqlTypeName();
            if (ordered.contains(i) || !SqlTypeName.INTERVAL_TYPES.contains(name)) {
                exprs.add(ref);
                continue;
            }
            boolean months = SqlTypeName.YEAR_INTERVAL_TYPES.contains(name);
            RelDataType number = tf.createTypeWithNullability(
                    tf.createSqlType(months ? SqlTypeName.INTEGER : SqlTypeName.BIGINT), t.isNullable());
            exprs.add(rex.makeCall(months ? YEAR_MONTH_TEXT : DAY_TIME_TEXT,
                    rex.makeReinterpretCast(number, ref, rex.makeLiteral(false))));
            any = true;
        }
        return any ? LogicalProject.create(root, List.of(), exprs, root.getRowType().getFieldNames(), Set.of())
                : root;
    }

    /** A day-time interval of {@code millis} as PostgreSQL writes it. */
    @Strict
    public static String dayTimeText(long millis) {
        StringBuilder sb = new StringBuilder();
        long rest = Math.abs(millis);
        long days = rest / 86_400_000L;
        rest %= 86_400_000L;
        String sign = millis < 0 ? "-" : "";
        if (days > 0) {
            sb.append(sign).append(days).append(days == 1 ? " day" : " days");
            if (rest == 0) {
                return sb.toString();
            }
            sb.append(' ');
        }
        sb.append(sign).append(String.format("%02d:%02d:%02d", rest / 3_600_000L, rest / 60_000L % 60,
                rest / 1000L % 60));
        long ms = rest % 1000L;
        if (ms > 0) {
            String fraction = String.format("%03d", ms);
            sb.append('.').append(fraction.replaceAll("0+$", ""));
        }
        return sb.toString();
    }

    /** A year-month interval of {@code months} as PostgreSQL writes it. */
    @Strict
    public static String yearMonthText(int months) {
        int rest = Math.abs(months);
        String sign = months < 0 ? "-" : "";
        int years = rest / 12;
        int mons = rest % 12;
        if (years == 0) {
            return sign + mons + (mons == 1 ? " mon" : " mons");
        }
        String text = sign + years + (years == 1 ? " year" : " years");
        return mons == 0 ? text : text + " " + sign + mons + (mons == 1 ? " mon" : " mons");
    }

    private static SqlUserDefinedFunction function(String name, String method, SqlTypeFamily family,
                                                   SqlTypeName argument) {
        return new SqlUserDefinedFunction(new SqlIdentifier(name, SqlParserPos.ZERO), SqlKind.OTHER_FUNCTION,
                ReturnTypes.VARCHAR.andThen(SqlTypeTransforms.TO_NULLABLE), null,
                OperandTypes.operandMetadata(List.of(family), f -> List.of(f.createSqlType(argument)),
                        i -> "interval", i -> false),
                ScalarFunctionImpl.create(IntervalResults.class, method));
    }
}
