package io.kalamdb.commons.ids;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/** A storage id such as {@code local}. */
public record StorageId(@JsonValue String value) implements Comparable<StorageId> {
    public static final StorageId LOCAL = new StorageId("local");

    public StorageId {
        Objects.requireNonNull(value, "value");
    }

    /** Storage ids are {@code [A-Za-z0-9_-]+}. */
    public static boolean isValid(String s) {
        return s != null && !s.isEmpty() && s.matches("[A-Za-z0-9_-]+");
    }

    @JsonCreator
    static StorageId fromJson(String value) {
        return new StorageId(value);
    }

    @Override
    public int compareTo(StorageId o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
