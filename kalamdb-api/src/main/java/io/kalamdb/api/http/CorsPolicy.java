package io.kalamdb.api.http;

import io.kalamdb.commons.config.CorsSection;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * CORS per spec http-api.md §1 and {@code [security.cors]}: an empty {@code allowed_origins} or one holding
 * {@code "*"} reflects any {@code Origin}; otherwise the origin must match an entry exactly, and a non-matching
 * origin gets no {@code Access-Control-*} header at all. Every response carries {@code Vary: Origin}.
 */
public final class CorsPolicy {
    public static final String ALLOW_ORIGIN = "Access-Control-Allow-Origin";
    public static final String ALLOW_CREDENTIALS = "Access-Control-Allow-Credentials";
    public static final String ALLOW_METHODS = "Access-Control-Allow-Methods";
    public static final String ALLOW_HEADERS = "Access-Control-Allow-Headers";
    public static final String EXPOSE_HEADERS = "Access-Control-Expose-Headers";
    public static final String MAX_AGE = "Access-Control-Max-Age";
    public static final String REQUEST_METHOD = "Access-Control-Request-Method";
    public static final String REQUEST_HEADERS = "Access-Control-Request-Headers";
    public static final String ORIGIN = "Origin";
    public static final String VARY = "Vary";

    private static final String ANY = "*";
    private static final byte[] EMPTY = new byte[0];

    private final boolean anyOrigin;
    private final Set<String> origins;
    private final boolean anyMethod;
    private final String methods;
    private final boolean anyHeader;
    private final String headers;
    private final String exposeHeaders;
    private final String maxAge;
    private final boolean allowCredentials;

    public CorsPolicy(CorsSection config) {
        this.anyOrigin = config.allowsAnyOrigin();
        this.origins = Set.copyOf(config.allowedOrigins());
        this.anyMethod = config.allowedMethods().contains(ANY);
        this.methods = join(config.allowedMethods());
        this.anyHeader = config.allowedHeaders().contains(ANY);
        this.headers = join(config.allowedHeaders());
        this.exposeHeaders = config.exposeHeaders().isEmpty() ? null : join(config.exposeHeaders());
        this.maxAge = Long.toString(config.maxAge());
        this.allowCredentials = config.allowCredentials();
    }

    /** True when {@code origin} may read responses: any origin is allowed, or it matches an entry exactly. */
    public boolean allowsOrigin(String origin) {
        return origin != null && (anyOrigin || origins.contains(origin));
    }

    /**
     * Adds the CORS headers of an actual (non-preflight) response to {@code header}: {@code Vary: Origin} always;
     * for an allowed {@code origin} also the reflected {@code Access-Control-Allow-Origin}, the credentials flag
     * when configured and {@code Access-Control-Expose-Headers} when configured.
     */
    public void addResponseHeaders(String origin, BiConsumer<String, String> header) {
        header.accept(VARY, ORIGIN);
        if (!allowsOrigin(origin)) {
            return;
        }
        header.accept(ALLOW_ORIGIN, origin);
        if (allowCredentials) {
            header.accept(ALLOW_CREDENTIALS, "true");
        }
        if (exposeHeaders != null) {
            header.accept(EXPOSE_HEADERS, exposeHeaders);
        }
    }

    /**
     * The 204 answer to an {@code OPTIONS} request on any path. An allowed origin gets
     * {@code Access-Control-Allow-Origin}, {@code -Methods}, {@code -Headers}, {@code -Max-Age} and, when
     * configured, {@code -Credentials}; a request without {@code Origin} gets the method, header and max-age
     * headers only; a non-matching origin gets none of them.
     */
    public ApiResponse preflight(HttpHeaders request) {
        ApiResponse response = new ApiResponse(HttpResponseStatus.NO_CONTENT, EMPTY);
        response.header(VARY, ORIGIN);
        String origin = request.get(ORIGIN);
        if (origin != null && !allowsOrigin(origin)) {
            return response;
        }
        if (origin != null) {
            response.header(ALLOW_ORIGIN, origin);
            if (allowCredentials) {
                response.header(ALLOW_CREDENTIALS, "true");
            }
        }
        response.header(ALLOW_METHODS, allowedMethods(request.get(REQUEST_METHOD)));
        response.header(ALLOW_HEADERS, allowedHeaders(request.get(REQUEST_HEADERS)));
        response.header(MAX_AGE, maxAge);
        return response;
    }

    /** With {@code "*"} configured, the requested method is reflected (or {@code *} when none was named). */
    private String allowedMethods(String requested) {
        if (!anyMethod) {
            return methods;
        }
        return requested == null || requested.isBlank() ? ANY : requested.trim();
    }

    /**
     * With {@code "*"} configured, the requested headers are reflected (or {@code *} when none were named), so
     * that a credentialed request, for which browsers do not honour a literal {@code *}, works too.
     */
    private String allowedHeaders(String requested) {
        if (!anyHeader) {
            return headers;
        }
        return requested == null || requested.isBlank() ? ANY : requested.trim();
    }

    private static String join(List<String> values) {
        return String.join(", ", values);
    }
}
