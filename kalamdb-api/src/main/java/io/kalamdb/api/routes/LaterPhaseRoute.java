package io.kalamdb.api.routes;

import io.kalamdb.api.ApiServices;
import io.kalamdb.api.http.ApiResponse;
import io.kalamdb.api.http.Json;
import io.kalamdb.api.http.RequestContext;
import io.kalamdb.api.http.RouteHandler;
import io.kalamdb.auth.AuthSession;
import io.kalamdb.commons.enums.Role;
import io.kalamdb.commons.errors.KalamDbException;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A route of a later phase (spec http-api.md §2): it authenticates, applies its role rule, then answers 501
 * {@code {"error":"not_implemented","message":"<route> is not available in this version"}}.
 */
public final class LaterPhaseRoute implements RouteHandler {
    private final ApiServices services;
    private final String routeName;
    private final Role minimumRole;
    private final boolean authenticated;
    private final String deniedMessage;

    public LaterPhaseRoute(ApiServices services, String routeName, Role minimumRole, boolean authenticated) {
        this(services, routeName, minimumRole, authenticated, null);
    }

    /** {@code deniedMessage}: the route's own refusal text (topics.md §4), answered as {@code {"error":…,"code":"FORBIDDEN"}}. */
    public LaterPhaseRoute(ApiServices services, String routeName, Role minimumRole, boolean authenticated,
                           String deniedMessage) {
        this.services = services;
        this.routeName = routeName;
        this.minimumRole = minimumRole;
        this.authenticated = authenticated;
        this.deniedMessage = deniedMessage;
    }

    @Override
    public ApiResponse handle(RequestContext request) {
        if (authenticated) {
            AuthSession session;
            try {
                session = ProtectedRoutes.authenticate(services, request);
            } catch (KalamDbException e) {
                return ProtectedRoutes.authFailure(e, request);
            }
            if (session.role().ordinal() < minimumRole.ordinal()) {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("error", deniedMessage != null ? deniedMessage
                        : "Role '" + session.role().wireName() + "' is not allowed to use " + routeName);
                body.put("code", "FORBIDDEN");
                return Json.response(HttpResponseStatus.FORBIDDEN, body);
            }
        }
        return Json.error(HttpResponseStatus.NOT_IMPLEMENTED, "not_implemented",
                routeName + " is not available in this version");
    }
}
