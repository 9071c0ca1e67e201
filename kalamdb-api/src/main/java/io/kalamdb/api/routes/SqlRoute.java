package io.kalamdb.api.routes;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import io.kalamdb.api.ApiServices;
import io.kalamdb.api.http.ApiResponse;
import io.kalamdb.api.http.Json;
import io.kalamdb.api.http.RequestContext;
import io.kalamdb.api.http.RouteHandler;
import io.kalamdb.api.protection.QueryRateLimiter;
import io.kalamdb.auth.AuthSession;
import io.kalamdb.commons.errors.ErrorCode;
import io.kalamdb.commons.errors.KalamDbException;
import io.kalamdb.core.sql.ErrorView;
import io.kalamdb.core.sql.SqlParam;
import io.kalamdb.core.sql.SqlRequest;
import io.kalamdb.core.sql.SqlRequestException;
import io.kalamdb.core.sql.StatementResult;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code POST /v1/api/sql} (spec http-api.md §5): authentication, the per-user query bucket, body, then the SQL
 * executor.
 */
public final class SqlRoute implements RouteHandler {
    private static final String QUERY_RATE_LIMITED = "Too many queries per second. Please slow down.";

    private final ApiServices services;
    private final QueryRateLimiter queryLimiter;

    public SqlRoute(ApiServices services, QueryRateLimiter queryLimiter) {
        this.services = services;
        this.queryLimiter = queryLimiter;
    }

    @Override
    public ApiResponse handle(RequestContext request) {
        AuthSession session;
        try {
            session = ProtectedRoutes.authenticate(services, request);
        } catch (KalamDbException e) {
            return ProtectedRoutes.authFailure(e, request);
        }
        if (!queryLimiter.tryAcquire(session)) {
            KalamDbException limited = KalamDbException.preserved(ErrorCode.RATE_LIMIT_EXCEEDED, QUERY_RATE_LIMITED);
            return SqlEnvelope.error(ErrorView.of(new SqlRequestException(limited, 0, null), session.role()),
                    request.tookMillis());
        }
        try {
            SqlRequest sqlRequest = parseBody(request);
            List<StatementResult> results = services.sql().execute(session, sqlRequest);
            return SqlEnvelope.success(results, request.tookMillis());
        } catch (SqlRequestException e) {
            return SqlEnvelope.error(ErrorView.of(e, session.role()), request.tookMillis());
        } catch (KalamDbException e) {
            return SqlEnvelope.error(ErrorView.of(new SqlRequestException(e, 0, null), session.role()),
                    request.tookMillis());
        }
    }

    /**
     * Reads the JSON body (http-api.md §5.1); failures are 400 {@code INVALID_INPUT}, except an unusable
     * {@code params} value, which is 400 {@code INVALID_PARAMETER} (§5.10).
     */
    static SqlRequest parseBody(RequestContext request) {
        String contentType = request.header("Content-Type");
        if (contentType != null && !contentType.isBlank()) {
            String mime = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
            if (mime.equals("multipart/form-data")) {
                throw KalamDbException.notImplemented("File uploads (multipart/form-data)");
            }
            if (!mime.equals("application/json")) {
                throw invalidInput("Unsupported Content-Type '" + mime
                        + "'; use application/json or multipart/form-data");
            }
        }
        if (request.body().length == 0) {
            throw invalidInput("Invalid JSON payload: empty body");
        }
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(request.body());
        } catch (StreamConstraintsException e) {
            throw invalidInput("Invalid JSON payload: nested or sized beyond the parser's limits");
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw invalidInput("Invalid JSON payload: syntax error"
                    + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr()));
        } catch (IOException e) {
            throw invalidInput("Invalid JSON payload: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw invalidInput("Invalid JSON payload: expected a JSON object");
        }
        JsonNode sql = root.get("sql");
        if (sql == null || sql.isNull()) {
            throw invalidInput("Invalid JSON payload: missing field `sql`");
        }
        if (!sql.isTextual()) {
            throw invalidInput("Invalid JSON payload: field `sql` must be a string");
        }
        List<SqlParam> params = null;
        JsonNode paramsNode = root.get("params");
        if (paramsNode != null && !paramsNode.isNull()) {
            if (!paramsNode.isArray()) {
                throw KalamDbException.preserved(ErrorCode.INVALID_PARAMETER, "Params must be a JSON array");
            }
            params = new ArrayList<>(paramsNode.size());
            for (JsonNode p : paramsNode) {
                params.add(toParam(p));
            }
        }
        JsonNode ns = root.get("namespace_id");
        String namespace = null;
        if (ns != null && !ns.isNull()) {
            if (!ns.isTextual()) {
                throw invalidInput("Invalid JSON payload: field `namespace_id` must be a string");
            }
            namespace = ns.asText();
        }
        return new SqlRequest(sql.asText(), params, namespace);
    }

    private static SqlParam toParam(JsonNode node) {
        String text = node.toString();
        int bytes = text.getBytes(StandardCharsets.UTF_8).length;
        Object value;
        if (node.isNull()) {
            value = null;
        } else if (node.isBoolean()) {
            value = node.booleanValue();
        } else if (node.isIntegralNumber() && node.canConvertToLong()) {
            value = node.longValue();
        } else if (node.isNumber()) {
            value = node.doubleValue();
        } else if (node.isTextual()) {
            value = node.textValue();
        } else {
            value = text;
        }
        return new SqlParam(value, bytes);
    }

    private static KalamDbException invalidInput(String message) {
        return KalamDbException.preserved(ErrorCode.INVALID_INPUT, message);
    }
}
