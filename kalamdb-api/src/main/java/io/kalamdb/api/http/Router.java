package io.kalamdb.api.http;

import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Exact-path routing with the contract's 404 and 405 answers (spec http-api.md §1), plus prefix routes for
 * paths with variables ({@code /v1/files/…}).
 */
public final class Router {
    private final Map<String, Map<HttpMethod, RouteHandler>> exact = new HashMap<>();
    private final Map<String, Map<HttpMethod, RouteHandler>> prefixes = new LinkedHashMap<>();

    public Router add(HttpMethod method, String path, RouteHandler handler) {
        exact.computeIfAbsent(path, p -> new LinkedHashMap<>()).put(method, handler);
        return this;
    }

    public Router addPrefix(HttpMethod method, String pathPrefix, RouteHandler handler) {
        prefixes.computeIfAbsent(pathPrefix, p -> new LinkedHashMap<>()).put(method, handler);
        return this;
    }

    /** The handler for a request, or a handler answering 404 / 405. */
    public RouteHandler route(HttpMethod method, String path) {
        Map<HttpMethod, RouteHandler> methods = exact.get(path);
        if (methods == null) {
            for (Map.Entry<String, Map<HttpMethod, RouteHandler>> e : prefixes.entrySet()) {
                if (path.startsWith(e.getKey())) {
                    methods = e.getValue();
                    break;
                }
            }
        }
        if (methods == null) {
            return request -> Json.error(HttpResponseStatus.NOT_FOUND, "not_found",
                    "No route for " + method.name() + " " + path);
        }
        RouteHandler handler = methods.get(method);
        if (handler != null) {
            return handler;
        }
        if (HttpMethod.HEAD.equals(method) && methods.containsKey(HttpMethod.GET)) {
            return methods.get(HttpMethod.GET);
        }
        String allow = String.join(", ", methods.keySet().stream().map(HttpMethod::name).toList());
        return request -> Json.error(HttpResponseStatus.METHOD_NOT_ALLOWED, "method_not_allowed",
                "Method " + method.name() + " is not allowed on " + path).header("Allow", allow);
    }
}
