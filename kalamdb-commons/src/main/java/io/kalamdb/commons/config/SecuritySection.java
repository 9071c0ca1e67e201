package io.kalamdb.commons.config;

import java.util.List;

/** {@code [security]} and {@code [security.cors]}. */
public record SecuritySection(long maxWsMessageSize, boolean strictWsOriginCheck, List<String> trustedProxyRanges,
                              CorsSection cors) {
    public static SecuritySection defaults() {
        return new SecuritySection(1_048_576, false, List.of(), CorsSection.defaults());
    }
}
