package io.kalamdb.commons.models;

import io.kalamdb.commons.ids.NamespaceId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A row of {@code system.namespaces} (spec storage.md §13.4). {@code options} keeps its insertion order and
 * holds JSON-compatible values (String, Long, Double, Boolean). {@code createdAt} is µs since the epoch.
 */
public record Namespace(NamespaceId namespaceId, String name, long createdAt, Map<String, Object> options) {
    public Namespace {
        options = options == null ? new LinkedHashMap<>() : new LinkedHashMap<>(options);
    }

    /** A copy whose options are these options merged with {@code changes} (later keys win). */
    public Namespace withMergedOptions(Map<String, Object> changes) {
        Map<String, Object> merged = new LinkedHashMap<>(options);
        merged.putAll(changes);
        return new Namespace(namespaceId, name, createdAt, merged);
    }
}
