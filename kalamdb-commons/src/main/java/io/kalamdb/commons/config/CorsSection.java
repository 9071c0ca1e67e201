package io.kalamdb.commons.config;

import java.util.List;

/** {@code [security.cors]}. An empty {@code allowedOrigins} or one holding {@code "*"} allows any origin. */
public record CorsSection(List<String> allowedOrigins, List<String> allowedMethods, List<String> allowedHeaders,
                          List<String> exposeHeaders, long maxAge, boolean allowCredentials) {
    public static CorsSection defaults() {
        return new CorsSection(List.of(), List.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"),
                List.of("Authorization", "Content-Type", "Accept", "Origin", "X-Requested-With"), List.of(), 3600,
                false);
    }

    public boolean allowsAnyOrigin() {
        return allowedOrigins.isEmpty() || allowedOrigins.contains("*");
    }
}
