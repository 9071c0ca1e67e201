package io.kalamdb.commons.models;

import io.kalamdb.commons.ids.TableId;
import java.util.List;

/** A persisted view: its id, optional column aliases and its SELECT text (spec sql.md §5). */
public record ViewDefinition(TableId viewId, List<String> columnAliases, String sql, long createdAt,
                             long updatedAt) {
}
