package io.kalamdb.commons.ids;

import java.util.Locale;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/** A table or view name: case-insensitive, held in lowercase. */
public record TableName(@JsonValue String value) implements Comparable<TableName> {
    public TableName {
        Objects.requireNonNull(value, "value");
        value = value.toLowerCase(Locale.ROOT);
    }

    public static TableName of(String name) {
        return new TableName(name);
    }

    @JsonCreator
    static TableName fromJson(String value) {
        return new TableName(value);
    }

    @Override
    public int compareTo(TableName o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
