package io.kalamdb.core.sql.calcite;

import io.kalamdb.commons.ids.TableId;
import io.kalamdb.commons.models.TableDefinition;

/** A table a query references, after resolution: a user table (with its definition) or a system table. */
public record TableRef(TableId id, TableDefinition definition, boolean system) {
}
