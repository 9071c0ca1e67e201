package io.kalamdb.store;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A secondary index of an {@link IndexedEntityStore}: {@code keysOf} returns the index keys of an entity
 * (none when {@code null} or empty), e.g. a job's status or a user's role.
 *
 * @param name   index name, unique within its store
 * @param keysOf index keys of an entity
 * @param <V>    entity type
 */
public record SecondaryIndex<V>(String name, Function<V, List<String>> keysOf) {
    public SecondaryIndex {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(keysOf, "keysOf");
    }

    /** An index with at most one key per entity ({@code keyOf} may return {@code null}). */
    public static <V> SecondaryIndex<V> single(String name, Function<V, String> keyOf) {
        return new SecondaryIndex<>(name, v -> {
            String key = keyOf.apply(v);
            return key == null ? List.of() : List.of(key);
        });
    }
}
