package io.kalamdb.commons.ids;

import java.util.Locale;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/** A namespace id: case-insensitive, always held in lowercase (spec sql.md §1). */
public record NamespaceId(@JsonValue String value) implements Comparable<NamespaceId> {
    public static final NamespaceId DEFAULT = new NamespaceId("default");
    public static final NamespaceId SYSTEM = new NamespaceId("system");

    public NamespaceId {
        Objects.requireNonNull(value, "value");
        value = value.toLowerCase(Locale.ROOT);
    }

    public static NamespaceId of(String name) {
        return new NamespaceId(name);
    }

    public boolean isSystem() {
        return SYSTEM.equals(this);
    }

    @JsonCreator
    static NamespaceId fromJson(String value) {
        return new NamespaceId(value);
    }

    @Override
    public int compareTo(NamespaceId o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
