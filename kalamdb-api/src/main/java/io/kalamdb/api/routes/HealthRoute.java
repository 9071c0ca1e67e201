package io.kalamdb.api.routes;

import io.kalamdb.api.ApiServices;
import io.kalamdb.api.http.ApiResponse;
import io.kalamdb.api.http.Json;
import io.kalamdb.api.http.RequestContext;
import io.kalamdb.api.http.RouteHandler;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code GET /health} and {@code GET /v1/api/healthcheck}: localhost only (spec http-api.md §6). */
public final class HealthRoute implements RouteHandler {
    private final byte[] healthy;

    public HealthRoute(ApiServices services) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "healthy");
        body.put("version", services.version());
        body.put("api_version", "v1");
        body.put("build_date", services.buildDate());
        this.healthy = Json.bytes(body);
    }

    @Override
    public ApiResponse handle(RequestContext request) {
        if (!request.client().local()) {
            return Json.response(HttpResponseStatus.FORBIDDEN,
                    Map.of("error", "Access denied. Health endpoint is localhost-only."));
        }
        return new ApiResponse(HttpResponseStatus.OK, healthy);
    }
}
