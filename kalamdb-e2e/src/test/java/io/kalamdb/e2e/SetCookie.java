package io.kalamdb.e2e;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One parsed {@code Set-Cookie} header: name, value and attributes (attribute names in lower case). */
record SetCookie(String name, String value, Map<String, String> attributes) {

    static SetCookie parse(String header) {
        String[] parts = header.split(";");
        String pair = parts[0].strip();
        int eq = pair.indexOf('=');
        Map<String, String> attributes = new LinkedHashMap<>();
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i].strip();
            if (part.isEmpty()) {
                continue;
            }
            int at = part.indexOf('=');
            String key = (at < 0 ? part : part.substring(0, at)).strip().toLowerCase(Locale.ROOT);
            attributes.put(key, at < 0 ? "" : part.substring(at + 1).strip());
        }
        return new SetCookie(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip(), attributes);
    }

    /** The cookie called {@code name} among the response's Set-Cookie headers, or null. */
    static SetCookie find(Response response, String name) {
        List<String> headers = response.headers("Set-Cookie");
        for (String header : headers) {
            SetCookie cookie = parse(header);
            if (cookie.name().equals(name)) {
                return cookie;
            }
        }
        return null;
    }

    boolean has(String attribute) {
        return attributes.containsKey(attribute.toLowerCase(Locale.ROOT));
    }

    String attribute(String attribute) {
        return attributes.get(attribute.toLowerCase(Locale.ROOT));
    }
}
