package io.kalamdb.api.routes;

import io.kalamdb.api.ApiServices;
import io.kalamdb.api.http.ApiResponse;
import io.kalamdb.api.http.Json;
import io.kalamdb.api.http.RequestContext;
import io.kalamdb.api.protection.AuthRateLimiter;
import io.kalamdb.auth.AuthException;
import io.kalamdb.commons.models.User;
import io.kalamdb.core.account.LoginResult;
import io.kalamdb.core.account.SetupException;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The auth endpoints {@code /v1/api/auth/*} (spec http-api.md §7, auth.md §2, §6). Login, refresh and setup
 * first take a token from the per-IP auth bucket (§3.2).
 */
public final class AuthRoutes {
    private static final Logger log = LoggerFactory.getLogger(AuthRoutes.class);
    private static final int MAX_USER_BYTES = 128;
    private static final int MAX_PASSWORD_BYTES = 256;
    private static final Set<String> LOGIN_FIELDS = Set.of("user", "username", "password");
    private static final Set<String> SETUP_FIELDS = Set.of("user", "username", "password", "root_password", "email");
    private static final String AUTH_RATE_LIMITED = "Too many authentication attempts. Please retry shortly.";
    private static final String SETUP_RATE_LIMITED = "Too many setup attempts. Please retry shortly.";

    private final ApiServices services;
    private final AuthRateLimiter authLimiter;

    public AuthRoutes(ApiServices services, AuthRateLimiter authLimiter) {
        this.services = services;
        this.authLimiter = authLimiter;
    }

    public ApiResponse login(RequestContext request) {
        if (!authLimiter.tryAcquire(request.client())) {
            return rateLimited(AUTH_RATE_LIMITED);
        }
        String user;
        String password;
        try {
            AuthBody body = AuthBody.parse(request.body(), LOGIN_FIELDS);
            user = body.required("user", "username");
            password = body.required("password");
            checkSize("user", user, MAX_USER_BYTES);
            checkSize("password", password, MAX_PASSWORD_BYTES);
        } catch (AuthBody.BadRequest e) {
            return badRequest(e.getMessage());
        }
        try {
            LoginResult result = services.accounts().login(user, password, request.client().ip(),
                    request.client().local());
            return tokenResponse(result, request);
        } catch (AuthException e) {
            return authError(e);
        } catch (RuntimeException e) {
            log.error("Login failed with an internal error (request_id={})", request.requestId(), e);
            return Json.error(HttpResponseStatus.INTERNAL_SERVER_ERROR, "internal_error", "Authentication failed");
        }
    }

    public ApiResponse refresh(RequestContext request) {
        if (!authLimiter.tryAcquire(request.client())) {
            return rateLimited(AUTH_RATE_LIMITED);
        }
        String token = AuthCookies.read(request, AuthCookies.REFRESH);
        if (token == null) {
            String header = request.header("Authorization");
            if (header != null) {
                if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                    return unauthorized("Invalid credentials");
                }
                token = header.substring(7).trim();
            }
        }
        if (token == null || token.isEmpty()) {
            return unauthorized("No refresh token found");
        }
        try {
            return tokenResponse(services.accounts().refresh(token), request);
        } catch (AuthException e) {
            return unauthorized(e.detailMessage());
        }
    }

    public ApiResponse logout(RequestContext request) {
        ApiResponse response = Json.response(HttpResponseStatus.OK, Map.of("message", "Logged out successfully"));
        AuthCookies.clear(response, secureCookies(request));
        return response;
    }

    public ApiResponse me(RequestContext request) {
        String header = request.header("Authorization");
        String token;
        if (header != null) {
            if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                return unauthorized("Invalid credentials");
            }
            token = header.substring(7).trim();
        } else {
            token = AuthCookies.read(request, AuthCookies.AUTH);
            if (token == null) {
                return unauthorized("No auth token found");
            }
        }
        try {
            User user = services.accounts().me(token);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("user", UserInfo.of(user));
            body.put("admin_ui_access", user.role().isAdmin());
            return Json.response(HttpResponseStatus.OK, body);
        } catch (AuthException e) {
            return unauthorized("Invalid credentials");
        }
    }

    public ApiResponse status(RequestContext request) {
        if (!request.client().local() && !services.app().config().auth().allowRemoteSetup()) {
            return Json.error(HttpResponseStatus.FORBIDDEN, "forbidden",
                    "Setup status can only be checked from localhost");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        if (services.accounts().needsSetup()) {
            body.put("needs_setup", true);
            body.put("message", "Server requires initial setup. Call POST /v1/api/auth/setup with user, password, "
                    + "root_password, and optional email.");
        } else {
            body.put("needs_setup", false);
            body.put("message", "Server is configured and ready.");
        }
        return Json.response(HttpResponseStatus.OK, body);
    }

    public ApiResponse setup(RequestContext request) {
        if (!authLimiter.tryAcquire(request.client())) {
            return rateLimited(SETUP_RATE_LIMITED);
        }
        if (!request.client().local() && !services.app().config().auth().allowRemoteSetup()) {
            return Json.error(HttpResponseStatus.FORBIDDEN, "forbidden",
                    "Server setup can only be performed from localhost");
        }
        String user;
        String password;
        String rootPassword;
        String email;
        try {
            AuthBody body = AuthBody.parse(request.body(), SETUP_FIELDS);
            user = body.required("user", "username");
            password = body.required("password");
            rootPassword = body.required("root_password");
            email = body.optional("email");
            checkSize("user", user, MAX_USER_BYTES);
            checkSize("password", password, MAX_PASSWORD_BYTES);
            checkSize("root_password", rootPassword, MAX_PASSWORD_BYTES);
        } catch (AuthBody.BadRequest e) {
            return badRequest(e.getMessage());
        }
        try {
            User created = services.accounts().setup(user, password, rootPassword, email, request.client().ip());
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("user", UserInfo.of(created));
            body.put("message", "Server setup complete. Root password configured and DBA user '" + created.userId()
                    + "' created. Please login to continue.");
            return Json.response(HttpResponseStatus.OK, body);
        } catch (SetupException e) {
            switch (e.kind()) {
                case ALREADY_CONFIGURED:
                    return Json.error(HttpResponseStatus.CONFLICT, "already_configured", e.getMessage());
                case USER_EXISTS:
                    return Json.error(HttpResponseStatus.CONFLICT, "user_exists", e.getMessage());
                case WEAK_PASSWORD:
                    return Json.error(HttpResponseStatus.BAD_REQUEST, "weak_password", e.getMessage());
                default:
                    return Json.error(HttpResponseStatus.BAD_REQUEST, "invalid_user", e.getMessage());
            }
        }
    }

    private ApiResponse tokenResponse(LoginResult result, RequestContext request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("user", UserInfo.of(result.user()));
        body.put("admin_ui_access", result.user().role().isAdmin());
        body.put("expires_at", UserInfo.seconds(result.tokens().accessExpiresAt()));
        body.put("access_token", result.tokens().accessToken());
        body.put("refresh_token", result.tokens().refreshToken());
        body.put("refresh_expires_at", UserInfo.seconds(result.tokens().refreshExpiresAt()));
        ApiResponse response = Json.response(HttpResponseStatus.OK, body);
        AuthCookies.set(response, result.tokens(), secureCookies(request));
        return response;
    }

    private boolean secureCookies(RequestContext request) {
        return services.app().config().auth().cookieSecure() && request.https();
    }

    private static ApiResponse authError(AuthException e) {
        switch (e.reason()) {
            case SETUP_REQUIRED:
                return Json.error(HttpResponseStatus.PRECONDITION_REQUIRED, "setup_required",
                        "Server requires initial setup. Root password is not configured.");
            case ACCOUNT_LOCKED:
                return Json.error(HttpResponseStatus.UNAUTHORIZED, "account_locked", e.detailMessage());
            case REMOTE_ACCESS_DENIED:
                return Json.error(HttpResponseStatus.FORBIDDEN, "forbidden",
                        "System users with empty passwords cannot authenticate remotely");
            case RATE_LIMITED:
                return rateLimited(AUTH_RATE_LIMITED);
            default:
                return unauthorized("Invalid credentials");
        }
    }

    private static void checkSize(String field, String value, int maxBytes) {
        if (value.getBytes(StandardCharsets.UTF_8).length > maxBytes) {
            throw new AuthBody.BadRequest("Invalid request body: field '" + field + "' exceeds " + maxBytes + " bytes");
        }
    }

    private static ApiResponse rateLimited(String message) {
        return Json.error(HttpResponseStatus.TOO_MANY_REQUESTS, "rate_limited", message);
    }

    private static ApiResponse unauthorized(String message) {
        return Json.error(HttpResponseStatus.UNAUTHORIZED, "unauthorized", message);
    }

    private static ApiResponse badRequest(String message) {
        return Json.error(HttpResponseStatus.BAD_REQUEST, "bad_request", message);
    }
}
