package io.kalamdb.commons.models;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A column DEFAULT as stored in {@code system.schemas.columns} (spec storage.md §13.3): either
 * {@code {"literal": <json>}} or {@code {"function": "NAME", "args": []}}. Function names are upper case:
 * {@code SNOWFLAKE_ID}, {@code UUID_V7}, {@code ULID}, {@code NOW}, {@code CURRENT_DATE}, {@code CURRENT_USER}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ColumnDefault(Object literal, String function, List<Object> args) {

    public static ColumnDefault literal(Object jsonValue) {
        return new ColumnDefault(jsonValue, null, null);
    }

    public static ColumnDefault function(String name) {
        return new ColumnDefault(null, name, List.of());
    }

    @JsonIgnore
    public boolean isFunction() {
        return function != null;
    }

    /** The DESCRIBE text: {@code SNOWFLAKE_ID()}, {@code 'active'}, {@code 0}, {@code NULL}. */
    public String describe() {
        if (isFunction()) {
            return function + "()";
        }
        if (literal == null) {
            return "NULL";
        }
        if (literal instanceof String s) {
            return "'" + s.replace("'", "''") + "'";
        }
        return String.valueOf(literal);
    }
}
