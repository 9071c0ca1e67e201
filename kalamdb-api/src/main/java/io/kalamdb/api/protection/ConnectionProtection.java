package io.kalamdb.api.protection;

import io.kalamdb.api.http.ApiResponse;
import io.kalamdb.api.http.ClientAddress;
import io.kalamdb.api.http.Json;
import io.kalamdb.api.http.RequestGuard;
import io.kalamdb.commons.config.RateLimitSection;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * The connection checks that run before routing (spec http-api.md §3.2), after the body limit: when
 * {@code rate_limit.enable_connection_protection} is on, a non-loopback client is refused with 429
 * {@code IP_BANNED} while banned and with 429 {@code RATE_LIMIT_EXCEEDED} when its request bucket is empty.
 * Loopback is decided on the resolved client IP, so a client forwarded by a trusted proxy is limited.
 */
public final class ConnectionProtection implements RequestGuard {
    private final boolean enabled;
    private final IpGuard guard;

    public ConnectionProtection(RateLimitSection config) {
        this(config, System::nanoTime);
    }

    public ConnectionProtection(RateLimitSection config, LongSupplier nanoClock) {
        this.enabled = config.enableConnectionProtection();
        this.guard = enabled ? new IpGuard(config, nanoClock) : null;
    }

    /** Empty when the request may proceed to routing, else the 429 answer. */
    @Override
    public Optional<ApiResponse> check(ClientAddress client) {
        if (!enabled || client.loopback()) {
            return Optional.empty();
        }
        IpVerdict verdict = guard.admit(client.ip());
        switch (verdict.outcome()) {
            case BANNED:
                return Optional.of(refusal("IP_BANNED",
                        "Your IP has been temporarily banned due to excessive requests", verdict.retryAfterSeconds()));
            case RATE_LIMITED:
                return Optional.of(refusal("RATE_LIMIT_EXCEEDED", "Too many requests from your IP address",
                        verdict.retryAfterSeconds()));
            default:
                return Optional.empty();
        }
    }

    private static ApiResponse refusal(String error, String message, long retryAfterSeconds) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("message", message);
        body.put("retry_after_seconds", retryAfterSeconds);
        return Json.response(HttpResponseStatus.TOO_MANY_REQUESTS, body)
                .header("Retry-After", Long.toString(retryAfterSeconds));
    }
}
