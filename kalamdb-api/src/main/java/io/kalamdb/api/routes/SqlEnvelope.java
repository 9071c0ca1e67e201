package io.kalamdb.api.routes;

import io.kalamdb.api.http.ApiResponse;
import io.kalamdb.api.http.Json;
import io.kalamdb.core.sql.ErrorView;
import io.kalamdb.core.sql.SchemaField;
import io.kalamdb.core.sql.StatementResult;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The SQL endpoint's JSON envelope (spec http-api.md §5.3, §5.10). */
public final class SqlEnvelope {
    private SqlEnvelope() {
    }

    public static ApiResponse success(List<StatementResult> results, double tookMillis) {
        List<Object> out = new ArrayList<>(results.size());
        for (StatementResult r : results) {
            out.add(result(r));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "success");
        body.put("results", out);
        body.put("took", round3(tookMillis));
        return Json.response(HttpResponseStatus.OK, body);
    }

    public static ApiResponse error(ErrorView error, double tookMillis) {
        Map<String, Object> err = new LinkedHashMap<>();
        err.put("code", error.code().name());
        err.put("message", error.message());
        if (error.details() != null) {
            err.put("details", error.details());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "error");
        body.put("results", List.of());
        body.put("took", round3(tookMillis));
        body.put("error", err);
        return Json.response(HttpResponseStatus.valueOf(error.code().httpStatus()), body);
    }

    private static Map<String, Object> result(StatementResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (r instanceof StatementResult.Rows rows) {
            List<Object> schema = new ArrayList<>(rows.schema().size());
            for (SchemaField f : rows.schema()) {
                Map<String, Object> field = new LinkedHashMap<>();
                field.put("name", f.name());
                field.put("data_type", f.dataType().toJson());
                field.put("index", f.index());
                if (!f.flags().isEmpty()) {
                    field.put("flags", f.flags());
                }
                schema.add(field);
            }
            m.put("schema", schema);
            m.put("rows", rows.rows());
            m.put("row_count", rows.rows().size());
        } else if (r instanceof StatementResult.Message msg) {
            m.put("row_count", msg.rowCount());
            m.put("message", msg.message());
        }
        m.put("as_user", r.asUser());
        return m;
    }

    private static double round3(double millis) {
        return Math.round(millis * 1000.0) / 1000.0;
    }
}
