package io.kalamdb.core.sql;

import io.kalamdb.commons.types.KalamDataType;
import java.util.List;

/** One column of a row result (spec http-api.md §5.4). {@code flags} is empty for computed columns. */
public record SchemaField(String name, KalamDataType dataType, int index, List<String> flags) {
    public static SchemaField of(String name, KalamDataType dataType, int index) {
        return new SchemaField(name, dataType, index, List.of());
    }
}
