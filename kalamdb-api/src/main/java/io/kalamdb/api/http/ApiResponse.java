package io.kalamdb.api.http;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A response before it is written: status, JSON body bytes, extra headers and Set-Cookie values. */
public final class ApiResponse {
    private final HttpResponseStatus status;
    private final byte[] body;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final List<String> cookies = new ArrayList<>();

    public ApiResponse(HttpResponseStatus status, byte[] body) {
        this.status = status;
        this.body = body;
    }

    public ApiResponse header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public ApiResponse cookie(String setCookieValue) {
        cookies.add(setCookieValue);
        return this;
    }

    public HttpResponseStatus status() {
        return status;
    }

    public byte[] body() {
        return body;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public List<String> cookies() {
        return cookies;
    }
}
