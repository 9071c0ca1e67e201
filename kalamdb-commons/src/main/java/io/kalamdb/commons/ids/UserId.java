package io.kalamdb.commons.ids;

import java.nio.charset.StandardCharsets;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.Set;

/** A user id, which is the user name: case-sensitive (spec auth.md §1). */
public record UserId(@JsonValue String value) implements Comparable<UserId> {
    public static final UserId ROOT = new UserId("root");
    /** Ids that SQL and setup may never create. */
    public static final Set<String> RESERVED = Set.of("root", "system", "anonymous");
    public static final int MAX_LENGTH = 128;

    public UserId {
        Objects.requireNonNull(value, "value");
    }

    /** True when {@code s} is 1–128 characters of letters, digits, {@code _ - . @} and holds no {@code ..}. */
    public static boolean isValid(String s) {
        if (s == null || s.isEmpty() || s.length() > MAX_LENGTH
                || s.getBytes(StandardCharsets.UTF_8).length > MAX_LENGTH || s.contains("..")) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '_' || c == '-' || c == '.' || c == '@';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    public boolean isRoot() {
        return ROOT.equals(this);
    }

    @JsonCreator
    static UserId fromJson(String value) {
        return new UserId(value);
    }

    @Override
    public int compareTo(UserId o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
