package io.kalamdb.bench.http;

import java.io.Closeable;
import java.io.IOException;

/**
 * One client connection to the server (HTTP/1.1 keep-alive). Not thread-safe: each benchmark thread opens its own,
 * so that every thread keeps one warm connection like a real pooled client.
 */
public interface HttpTransport extends Closeable {

    /** {@code GET path} without credentials. */
    HttpReply get(String path) throws IOException;

    /** {@code POST path} with a JSON body; {@code authorization} is the full header value, or null for none. */
    HttpReply post(String path, byte[] jsonBody, String authorization) throws IOException;

    @Override
    void close();
}
