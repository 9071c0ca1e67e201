package io.kalamdb.commons.ids;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.kalamdb.commons.enums.JobType;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/** A job id: {@code <PREFIX>-<12 lowercase hex>}, e.g. {@code FL-3f9a1c2b7d4e} (spec storage.md §14.1). */
public record JobId(@JsonValue String value) implements Comparable<JobId> {
    public JobId {
        Objects.requireNonNull(value, "value");
    }

    /** A fresh id: the first 12 hex digits of a random UUID. */
    public static JobId newId(JobType type) {
        String hex = UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        return new JobId(type.prefix() + "-" + hex);
    }

    @JsonCreator
    static JobId fromJson(String value) {
        return new JobId(value);
    }

    @Override
    public int compareTo(JobId o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
