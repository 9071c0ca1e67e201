package io.kalamdb.core.sql.calcite;

import io.kalamdb.commons.ids.TableId;
import java.util.Map;

/**
 * What a planned query tells its table scans, found on the query tree: the parameter that holds the primary-key
 * value of a {@code pk = constant} predicate (so the scan is a point lookup through the PK index), and whether the
 * query's WHERE mentions {@code _deleted} (so tombstones are produced for it to select). The predicate itself stays
 * in the plan, so results are exact either way.
 */
public record ScanHints(Map<TableId, Integer> pkParams, boolean includeDeleted) {
    public static final String KEY = "kalam.hints";
    public static final ScanHints NONE = new ScanHints(Map.of(), false);

    /** The parameter index holding the key for a point lookup of {@code table}, or -1. */
    public int pkParam(TableId table) {
        Integer i = pkParams.get(table);
        return i == null ? -1 : i;
    }
}
