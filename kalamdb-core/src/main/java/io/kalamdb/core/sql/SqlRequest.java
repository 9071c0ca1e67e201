package io.kalamdb.core.sql;

import java.util.List;

/** A {@code POST /v1/api/sql} request after body parsing. {@code params} is null when the body had none. */
public record SqlRequest(String sql, List<SqlParam> params, String namespaceId) {
}
