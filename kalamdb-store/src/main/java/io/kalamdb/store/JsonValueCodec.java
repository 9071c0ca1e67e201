package io.kalamdb.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.kalamdb.commons.errors.KalamDbException;
import java.io.IOException;

/**
 * A {@link ValueCodec} writing JSON with Jackson. One shared {@link ObjectMapper} serves every codec: it handles
 * Java records, ignores unknown properties (so older code reads newer rows) and writes nulls explicitly.
 *
 * @param <V> value type
 */
public final class JsonValueCodec<V> implements ValueCodec<V> {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.ALWAYS, JsonInclude.Include.ALWAYS))
            .build();

    private final String typeName;
    private final ObjectReader reader;
    private final ObjectWriter writer;

    private JsonValueCodec(JavaType type) {
        this.typeName = type.toCanonical();
        this.reader = MAPPER.readerFor(type);
        this.writer = MAPPER.writerFor(type);
    }

    /** A codec for values of class {@code type}. */
    public static <V> JsonValueCodec<V> of(Class<V> type) {
        return new JsonValueCodec<>(MAPPER.constructType(type));
    }

    /** A codec for a generic type, e.g. {@code new TypeReference<Map<String, Long>>() {}}. */
    public static <V> JsonValueCodec<V> of(TypeReference<V> type) {
        return new JsonValueCodec<>(MAPPER.constructType(type));
    }

    /** The shared mapper, for callers that need the same JSON conventions. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    @Override
    public byte[] encode(V v) {
        try {
            return writer.writeValueAsBytes(v);
        } catch (JsonProcessingException e) {
            throw KalamDbException.internal("cannot encode " + typeName + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    @Override
    public V decode(byte[] bytes) {
        try {
            return reader.readValue(bytes);
        } catch (IOException e) {
            throw KalamDbException.internal("cannot decode " + typeName + " from stored JSON: " + e.getMessage(), e);
        }
    }
}
