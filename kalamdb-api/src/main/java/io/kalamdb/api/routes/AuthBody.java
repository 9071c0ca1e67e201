package io.kalamdb.api.routes;

import com.fasterxml.jackson.databind.JsonNode;
import io.kalamdb.api.http.Json;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * A strictly parsed auth endpoint body: a JSON object of string fields from a fixed set (aliases allowed);
 * anything else is a {@link BadRequest} with the contract's "Invalid request body: …" message.
 */
final class AuthBody {
    private final JsonNode root;

    private AuthBody(JsonNode root) {
        this.root = root;
    }

    /** Thrown for an unparseable body; its message is the full client message. */
    static final class BadRequest extends RuntimeException {
        BadRequest(String message) {
            super(message);
        }
    }

    static AuthBody parse(byte[] body, Set<String> allowedFields) {
        JsonNode root;
        try {
            root = body.length == 0 ? null : Json.MAPPER.readTree(body);
        } catch (IOException e) {
            throw new BadRequest("Invalid request body: malformed JSON");
        }
        if (root == null || !root.isObject()) {
            throw new BadRequest("Invalid request body: expected a JSON object");
        }
        Iterator<Map.Entry<String, JsonNode>> fields = root.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            if (!allowedFields.contains(f.getKey())) {
                throw new BadRequest("Invalid request body: unknown field '" + f.getKey() + "'");
            }
            if (!f.getValue().isTextual() && !f.getValue().isNull()) {
                throw new BadRequest("Invalid request body: field '" + f.getKey() + "' must be a string");
            }
        }
        return new AuthBody(root);
    }

    /** The first present field among {@code names} (a name and its aliases), or null. */
    String optional(String... names) {
        for (String n : names) {
            JsonNode v = root.get(n);
            if (v != null && !v.isNull()) {
                return v.textValue();
            }
        }
        return null;
    }

    String required(String... names) {
        String v = optional(names);
        if (v == null) {
            throw new BadRequest("Invalid request body: missing field '" + names[0] + "'");
        }
        return v;
    }
}
