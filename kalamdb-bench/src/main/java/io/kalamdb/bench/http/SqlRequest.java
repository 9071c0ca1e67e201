package io.kalamdb.bench.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** Body of {@code POST /v1/api/sql}; {@code params} is left out when there are none. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SqlRequest(String sql, List<Object> params) {
}
