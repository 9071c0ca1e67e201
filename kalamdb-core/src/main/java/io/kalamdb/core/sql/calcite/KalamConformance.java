package io.kalamdb.core.sql.calcite;

import org.apache.calcite.sql.validate.SqlConformanceEnum;
import org.apache.calcite.sql.validate.SqlDelegatingConformance;

/**
 * Calcite's lenient conformance ({@code !=}, no FROM required, …), except that CASE/UNION branches of different
 * string lengths become VARCHAR: {@code CASE … THEN 'high' ELSE 'low' END} yields {@code 'low'}, not {@code 'low '},
 * and integer and decimal arithmetic that overflows its type is an error instead of wrapping around.
 */
public final class KalamConformance extends SqlDelegatingConformance {
    public static final KalamConformance INSTANCE = new KalamConformance();

    private KalamConformance() {
        super(SqlConformanceEnum.LENIENT);
    }

    @Override
    public boolean shouldConvertRaggedUnionTypesToVarying() {
        return true;
    }

    @Override
    public boolean checkedArithmetic() {
        return true;
    }
}
