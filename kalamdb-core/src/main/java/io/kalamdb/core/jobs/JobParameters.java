package io.kalamdb.core.jobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectReader;
import io.kalamdb.commons.errors.KalamDbException;
import io.kalamdb.store.JsonValueCodec;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The compact JSON of job parameters, and the {@code table_uid} that serialises the jobs of one table. */
final class JobParameters {
    static final String TABLE_UID = "table_uid";
    static final String TABLE_ID = "table_id";

    private static final ObjectReader READER =
            JsonValueCodec.mapper().readerFor(new TypeReference<LinkedHashMap<String, Object>>() { });

    private JobParameters() {
    }

    /** Compact JSON of {@code parameters}, in their iteration order. */
    static String encode(Map<String, Object> parameters) {
        try {
            return JsonValueCodec.mapper().writeValueAsString(parameters);
        } catch (JsonProcessingException e) {
            throw KalamDbException.internal("Cannot encode job parameters: " + e.getOriginalMessage(), e);
        }
    }

    /** The parameters of a stored job; an empty map for null or blank JSON. */
    static Map<String, Object> parse(String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        try {
            Map<String, Object> parsed = READER.readValue(json);
            return parsed == null ? Map.of() : Collections.unmodifiableMap(parsed);
        } catch (JsonProcessingException e) {
            throw new PermanentJobException("Job parameters are not a JSON object");
        }
    }

    /** The table uid of a job, or {@code null} when it is not about one table (or its parameters are invalid). */
    static Long tableUid(Job job) {
        try {
            return asLong(parse(job.parameters()).get(TABLE_UID));
        } catch (PermanentJobException e) {
            return null;
        }
    }

    /** The {@code table_id} parameter, for logs; {@code null} when absent or invalid. */
    static String tableId(Job job) {
        try {
            Object value = parse(job.parameters()).get(TABLE_ID);
            return value instanceof String s ? s : null;
        } catch (PermanentJobException e) {
            return null;
        }
    }

    /** A JSON number or decimal text as a long; {@code null} when absent or not an integer. */
    static Long asLong(Object value) {
        if (value instanceof Long || value instanceof Integer || value instanceof Short) {
            return ((Number) value).longValue();
        }
        if (value instanceof String s) {
            try {
                return Long.parseLong(s.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}
