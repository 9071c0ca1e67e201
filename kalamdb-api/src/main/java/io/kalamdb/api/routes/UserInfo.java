package io.kalamdb.api.routes;

import io.kalamdb.commons.models.User;
import io.kalamdb.core.system.Micros;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code UserInfo} JSON of the auth endpoints and RFC 3339 time formatting (spec http-api.md §7). */
final class UserInfo {
    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxxx");
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

    private UserInfo() {
    }

    static Map<String, Object> of(User user) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", user.userId().value());
        m.put("role", user.role().wireName());
        m.put("email", user.email());
        m.put("created_at", MILLIS.format(Micros.toInstant(user.createdAt()).atOffset(ZoneOffset.UTC)));
        m.put("updated_at", MILLIS.format(Micros.toInstant(user.updatedAt()).atOffset(ZoneOffset.UTC)));
        return m;
    }

    static String seconds(Instant instant) {
        return SECONDS.format(instant.atOffset(ZoneOffset.UTC));
    }
}
