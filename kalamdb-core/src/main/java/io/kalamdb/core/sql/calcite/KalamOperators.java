package io.kalamdb.core.sql.calcite;

import org.apache.calcite.sql.SqlBinaryOperator;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.InferTypes;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeTransforms;

/**
 * The JSON operators of KalamDB's grammar (spec sql.md §7.2): {@code doc -> key} (JSON text of a member or element)
 * and {@code doc ->> key} (member as text). They bind tighter than arithmetic and chain left to right; the
 * convertlet table turns them into calls of the JSON functions.
 */
public final class KalamOperators {
    public static final SqlBinaryOperator JSON_GET_OP = new SqlBinaryOperator("->", SqlKind.OTHER, 80, true,
            ReturnTypes.VARCHAR.andThen(SqlTypeTransforms.FORCE_NULLABLE), InferTypes.FIRST_KNOWN, OperandTypes.ANY_ANY);
    public static final SqlBinaryOperator JSON_GET_TEXT_OP = new SqlBinaryOperator("->>", SqlKind.OTHER, 80, true,
            ReturnTypes.VARCHAR.andThen(SqlTypeTransforms.FORCE_NULLABLE), InferTypes.FIRST_KNOWN, OperandTypes.ANY_ANY);

    public static final SqlBinaryOperator JSON_HAS_KEY_OP = new SqlBinaryOperator("?", SqlKind.OTHER, 80, true,
            ReturnTypes.BOOLEAN_NULLABLE, InferTypes.FIRST_KNOWN, OperandTypes.ANY_ANY);

    private KalamOperators() {
    }
}
