package io.kalamdb.api.http;

import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;

/**
 * One HTTP request as the route handlers see it: method, path, headers, the body bytes, the resolved client, the
 * request id and the receive time (for {@code took}).
 */
public record RequestContext(HttpMethod method, String path, HttpHeaders headers, byte[] body,
                             ClientAddress client, String requestId, long startNanos, boolean https) {

    /** Milliseconds since the request was received, rounded to 3 decimals. */
    public double tookMillis() {
        long micros = (System.nanoTime() - startNanos) / 1_000L;
        return micros / 1000.0;
    }

    public String header(String name) {
        return headers.get(name);
    }
}
