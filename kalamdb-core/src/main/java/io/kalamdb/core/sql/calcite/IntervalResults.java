package io.kalamdb.core.sql.calcite;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.rel.RelCollation;
import org.apache.calcite.rel.RelCollationTraitDef;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Result columns of interval type as their canonical text (spec http-api.md §5.4), in PostgreSQL's form:
 * {@code 01:30:00}, {@code 2 days 03:00:00}, {@code 00:00:00.5}, {@code 1 year 2 mons}. Calcite holds day-time
 * intervals as milliseconds and year-month intervals as months; a projection on top of the plan turns them into
 * text. A column the result is ordered by keeps its number, so the order stays numeric.
 */
public final class IntervalResults {
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
            exprs.add(rex.makeCall(months ? PlanFunctions.INTERVAL_MONTHS_TEXT : PlanFunctions.INTERVAL_TEXT,
                    rex.makeReinterpretCast(number, ref, rex.makeLiteral(false))));
            any = true;
        }
        return any ? LogicalProject.create(root, List.of(), exprs, root.getRowType().getFieldNames(), Set.of())
                : root;
    }
}
