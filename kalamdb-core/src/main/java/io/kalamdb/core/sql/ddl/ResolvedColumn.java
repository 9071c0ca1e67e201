package io.kalamdb.core.sql.ddl;

import io.kalamdb.commons.models.ColumnDefault;
import io.kalamdb.commons.types.KalamDataType;

/** A written column's resolved type and stored default, after identity and SERIAL rewriting. */
record ResolvedColumn(KalamDataType type, ColumnDefault defaultValue) {
}
