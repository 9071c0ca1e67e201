package io.kalamdb.core.sql.calcite;

import java.math.RoundingMode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * Result types of aggregates as the contract fixes them (spec sql.md §7): SUM of integers is BIGINT, SUM of
 * DECIMAL(p,s) is DECIMAL(38,s), AVG is DOUBLE; decimals go up to 38 digits.
 */
public final class KalamTypeSystem extends RelDataTypeSystemImpl {
    public static final KalamTypeSystem INSTANCE = new KalamTypeSystem();

    /** Decimals round half-up when a scale drops digits, in CASTs as on INSERT (spec sql.md §12.3). */
    @Override
    public RoundingMode roundingMode() {
        return RoundingMode.HALF_UP;
    }

    /** {@code CAST(x AS TIMESTAMP)} and {@code TIME} keep their fraction, as in PostgreSQL (not Calcite's 0). */
    @Override
    public int getDefaultPrecision(SqlTypeName typeName) {
        switch (typeName) {
            case TIMESTAMP:
            case TIME: return 6;
            default: return super.getDefaultPrecision(typeName);
        }
    }

    /** Decimals up to 38 digits; time literals keep microseconds (the runtime itself holds milliseconds). */
    @Override
    public int getMaxPrecision(SqlTypeName typeName) {
        switch (typeName) {
            case DECIMAL: return 38;
            case TIMESTAMP:
            case TIME: return 6;
            default: return super.getMaxPrecision(typeName);
        }
    }

    @Override
    public RelDataType deriveSumType(RelDataTypeFactory f, RelDataType argumentType) {
        if (SqlTypeUtil.isExactNumeric(argumentType) && argumentType.getSqlTypeName() != SqlTypeName.DECIMAL) {
            return f.createTypeWithNullability(f.createSqlType(SqlTypeName.BIGINT), argumentType.isNullable());
        }
        if (argumentType.getSqlTypeName() == SqlTypeName.DECIMAL) {
            return f.createTypeWithNullability(f.createSqlType(SqlTypeName.DECIMAL, 38, argumentType.getScale()),
                    argumentType.isNullable());
        }
        if (SqlTypeUtil.isApproximateNumeric(argumentType)) {
            return f.createTypeWithNullability(f.createSqlType(SqlTypeName.DOUBLE), argumentType.isNullable());
        }
        return super.deriveSumType(f, argumentType);
    }

    @Override
    public RelDataType deriveAvgAggType(RelDataTypeFactory f, RelDataType argumentType) {
        if (SqlTypeUtil.isNumeric(argumentType)) {
            return f.createTypeWithNullability(f.createSqlType(SqlTypeName.DOUBLE), argumentType.isNullable());
        }
        return super.deriveAvgAggType(f, argumentType);
    }
}
