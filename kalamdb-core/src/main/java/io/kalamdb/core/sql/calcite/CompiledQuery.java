package io.kalamdb.core.sql.calcite;

import io.kalamdb.commons.ids.TableId;
import io.kalamdb.commons.types.KalamDataType;
import java.util.List;
import java.util.Map;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.runtime.Bindable;

/**
 * A planned and compiled query, shared by every execution of the same normalised SQL and catalog version: the
 * bindable plan and its internal parameters, the validated parameter types and the exact-µs parameters the plan
 * added, and per result column its name as Calcite derived it, its KalamDB type, its flags, whether its values are
 * exact µs (see {@link TableValuesRewriter}) and whether it is a plain table column (origin name or null).
 * Nothing about the caller is stored here.
 */
public record CompiledQuery(Bindable<Object> bindable, Map<String, Object> internalParameters,
                            RelDataType parameterRowType, List<TableValuesRewriter.ExactParam> exactParams,
                            List<String> fieldNames, List<KalamDataType> fieldTypes, List<List<String>> fieldFlags,
                            boolean[] microsFields, List<String> originNames, List<TableId> systemTables,
                            String logicalPlan, String physicalPlan) {
}
