package io.kalamdb.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Status, headers (names in lower case) and body of one HTTP response. */
record Response(int status, Map<String, List<String>> headers, String body) {

    /** The body parsed as JSON; fails with the raw body when it is not JSON. */
    JsonNode json() {
        return Json.parse(body, "HTTP " + status + " body");
    }

    /** The first value of a header, or null. */
    String header(String name) {
        List<String> values = headers(name);
        return values.isEmpty() ? null : values.get(0);
    }

    List<String> headers(String name) {
        return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }

    @Override
    public String toString() {
        return "HTTP " + status + " " + headers + " " + (body.length() > 2000 ? body.substring(0, 2000) + "…" : body);
    }
}
