package io.kalamdb.e2e;

import java.util.LinkedHashMap;
import java.util.Map;

/** A tiny TOML writer: sections of raw key/value lines, rendered in insertion order (root keys first). */
final class TomlConfig {

    private final Map<String, Map<String, String>> sections = new LinkedHashMap<>();

    /** Sets {@code key = rawValue} in {@code section} ("" is the root table); the value is written verbatim. */
    TomlConfig set(String section, String key, String rawValue) {
        sections.computeIfAbsent(section, s -> new LinkedHashMap<>()).put(key, rawValue);
        return this;
    }

    /** Sets a string value, quoted and escaped as a TOML basic string. */
    TomlConfig setString(String section, String key, String value) {
        return set(section, key, quote(value));
    }

    TomlConfig remove(String section, String key) {
        Map<String, String> keys = sections.get(section);
        if (keys != null) {
            keys.remove(key);
        }
        return this;
    }

    String render() {
        StringBuilder out = new StringBuilder();
        Map<String, String> root = sections.get("");
        if (root != null) {
            root.forEach((k, v) -> out.append(k).append(" = ").append(v).append('\n'));
        }
        sections.forEach((name, keys) -> {
            if (name.isEmpty() || keys.isEmpty()) {
                return;
            }
            out.append('\n').append('[').append(name).append("]\n");
            keys.forEach((k, v) -> out.append(k).append(" = ").append(v).append('\n'));
        });
        return out.toString();
    }

    static String quote(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }

    /** A TOML array of strings. */
    static String stringArray(String... values) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append(", ");
            }
            out.append(quote(values[i]));
        }
        return out.append(']').toString();
    }
}
