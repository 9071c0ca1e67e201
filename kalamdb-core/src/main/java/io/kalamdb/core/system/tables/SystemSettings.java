package io.kalamdb.core.system.tables;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.kalamdb.commons.config.ServerConfig;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rows of {@code system.settings}: one per effective configuration key, named as in {@code server.toml}
 * ({@code section.key}); secrets are never listed (spec storage.md §13.14).
 */
final class SystemSettings {
    private static final ObjectMapper SNAKE = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
    private static final Set<String> SECRETS = Set.of("auth.jwt_secret", "auth.root_password");
    private static final Map<String, String> RENAMED = Map.of("shutdown.flush_timeout_seconds", "shutdown.flush.timeout");

    private SystemSettings() {
    }

    static List<Object[]> rows(ServerConfig config) {
        List<Object[]> out = new ArrayList<>();
        flatten("", SNAKE.valueToTree(config), out);
        return out;
    }

    private static void flatten(String prefix, JsonNode node, List<Object[]> out) {
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            String name = prefix.isEmpty() ? f.getKey() : prefix + "." + f.getKey();
            JsonNode v = f.getValue();
            if (v.isObject() && !name.equals("logging.targets")) {
                flatten(name, v, out);
                continue;
            }
            if (SECRETS.contains(name)) {
                continue;
            }
            String key = RENAMED.getOrDefault(name, name);
            String category = key.contains(".") ? key.substring(0, key.indexOf('.')) : "server";
            String value = v.isNull() ? null : v.isValueNode() ? v.asText() : v.toString();
            out.add(new Object[] {key, value, "Effective value of " + key, category});
        }
    }
}
