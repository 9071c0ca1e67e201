package io.kalamdb.bench.http;

import java.nio.charset.StandardCharsets;

/** One HTTP response: status code and the complete body. */
public record HttpReply(int status, byte[] body) {

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
