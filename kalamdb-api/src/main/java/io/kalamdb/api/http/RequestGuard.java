package io.kalamdb.api.http;

import java.util.Optional;

/**
 * A check that runs on the event loop before routing, once the client IP is resolved. It must be cheap and never
 * block. An empty answer lets the request through; otherwise the answer is sent instead of routing.
 */
@FunctionalInterface
public interface RequestGuard {
    Optional<ApiResponse> check(ClientAddress client);
}
