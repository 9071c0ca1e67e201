package io.kalamdb.bench.http;

import java.net.URI;
import java.util.Locale;

/** Which HTTP client implementation the benchmark drives the server with. */
public enum ClientKind {
    /** Blocking socket with a minimal HTTP/1.1 codec: the least client-side overhead per request. */
    RAW,
    /** {@code java.net.http.HttpClient} pinned to HTTP/1.1. */
    JDK;

    public HttpTransport open(URI baseUri) {
        return switch (this) {
            case RAW -> new RawHttpTransport(baseUri);
            case JDK -> new JdkHttpTransport(baseUri);
        };
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ClientKind parse(String text) {
        for (ClientKind kind : values()) {
            if (kind.label().equals(text.toLowerCase(Locale.ROOT))) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown client '" + text + "' (expected raw or jdk)");
    }
}
