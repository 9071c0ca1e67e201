package io.kalamdb.core.system;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kalamdb.commons.errors.KalamDbException;

/** Compact JSON text of values stored in JSON columns ({@code options}, {@code parameters}, …). */
public final class JsonText {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonText() {
    }

    public static String compact(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw KalamDbException.internal("Cannot encode JSON", e);
        }
    }
}
