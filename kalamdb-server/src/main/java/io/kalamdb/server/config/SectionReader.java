package io.kalamdb.server.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Typed access to one TOML table with environment overrides: every getter returns the environment value if one of
 * its variables is set (non-empty), else the file value, else the default. Wrong types are fatal
 * ({@link ConfigException}); keys that no getter asked for are reported as unknown by {@link #reportUnknown()}.
 * A section may come from several tables (an alias such as {@code [authentication]} for {@code [auth]}); the first
 * one holding a key wins.
 */
final class SectionReader {
    private static final List<String> TRUE_WORDS = List.of("true", "1", "yes");
    private static final List<String> FALSE_WORDS = List.of("false", "0", "no");

    private final String name;
    private final Map<String, ObjectNode> sources;
    private final Map<String, String> env;
    private final List<String> warnings;
    private final Set<String> consumed = new HashSet<>();

    private SectionReader(String name, Map<String, ObjectNode> sources, Map<String, String> env,
                          List<String> warnings) {
        this.name = name;
        this.sources = sources;
        this.env = env;
        this.warnings = warnings;
    }

    /** The reader of the whole document (its keys are the top-level keys and section names). */
    static SectionReader root(ObjectNode document, Map<String, String> env, List<String> warnings) {
        Map<String, ObjectNode> sources = new LinkedHashMap<>();
        sources.put("", document);
        return new SectionReader("", sources, env, warnings);
    }

    /** The sub-table {@code key}; further names are aliases, read when the first name lacks a key. */
    SectionReader child(String key, String... aliases) {
        Map<String, ObjectNode> childSources = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        names.add(key);
        names.addAll(Arrays.asList(aliases));
        for (String childName : names) {
            consumed.add(childName);
            for (Map.Entry<String, ObjectNode> source : sources.entrySet()) {
                JsonNode value = source.getValue().get(childName);
                if (value == null) {
                    continue;
                }
                String qualified = dotted(source.getKey(), childName);
                if (!value.isObject()) {
                    throw ConfigException.invalid("[" + qualified + "]", "must be a table");
                }
                childSources.put(qualified, (ObjectNode) value);
            }
        }
        return new SectionReader(dotted(name, key), childSources, env, warnings);
    }

    /** True if the table has {@code key}; the key counts as known. */
    boolean has(String key) {
        consumed.add(key);
        return sources.values().stream().anyMatch(node -> node.has(key));
    }

    String string(String key, String defaultValue, String... envVars) {
        Optional<Map.Entry<String, String>> fromEnv = envValue(envVars);
        if (fromEnv.isPresent()) {
            return fromEnv.get().getValue();
        }
        Optional<Map.Entry<String, JsonNode>> fromFile = fileValue(key);
        if (fromFile.isEmpty()) {
            return defaultValue;
        }
        JsonNode value = fromFile.get().getValue();
        if (!value.isTextual()) {
            throw ConfigException.invalid(fromFile.get().getKey(), "must be a string");
        }
        return value.asText();
    }

    /** A string from a fixed set of lower-case words; the value is matched case-insensitively. */
    String choice(String key, String defaultValue, List<String> allowed, String... envVars) {
        Optional<Map.Entry<String, String>> fromEnv = envValue(envVars);
        if (fromEnv.isPresent()) {
            String word = fromEnv.get().getValue().trim().toLowerCase(Locale.ROOT);
            if (!allowed.contains(word)) {
                throw ConfigException.invalidEnv(fromEnv.get().getKey(), fromEnv.get().getValue());
            }
            return word;
        }
        Optional<Map.Entry<String, JsonNode>> fromFile = fileValue(key);
        if (fromFile.isEmpty()) {
            return defaultValue;
        }
        JsonNode value = fromFile.get().getValue();
        String word = value.isTextual() ? value.asText().trim().toLowerCase(Locale.ROOT) : null;
        if (word == null || !allowed.contains(word)) {
            throw ConfigException.invalid(fromFile.get().getKey(), "must be one of " + String.join("|", allowed));
        }
        return word;
    }

    boolean bool(String key, boolean defaultValue, String... envVars) {
        Optional<Map.Entry<String, String>> fromEnv = envValue(envVars);
        if (fromEnv.isPresent()) {
            return parseBoolean(fromEnv.get().getKey(), fromEnv.get().getValue());
        }
        Optional<Map.Entry<String, JsonNode>> fromFile = fileValue(key);
        if (fromFile.isEmpty()) {
            return defaultValue;
        }
        JsonNode value = fromFile.get().getValue();
        if (!value.isBoolean()) {
            throw ConfigException.invalid(fromFile.get().getKey(), "must be a boolean (true or false)");
        }
        return value.booleanValue();
    }

    int integer(String key, int defaultValue, int min, int max, String... envVars) {
        return (int) number(key, defaultValue, min, max, envVars);
    }

    long number(String key, long defaultValue, long min, long max, String... envVars) {
        Optional<Map.Entry<String, String>> fromEnv = envValue(envVars);
        if (fromEnv.isPresent()) {
            return parseNumber(fromEnv.get().getKey(), fromEnv.get().getValue(), min, max);
        }
        Optional<Map.Entry<String, JsonNode>> fromFile = fileValue(key);
        if (fromFile.isEmpty()) {
            return defaultValue;
        }
        JsonNode value = fromFile.get().getValue();
        if (!value.isIntegralNumber()) {
            throw ConfigException.invalid(fromFile.get().getKey(), "must be " + describeRange(min, max));
        }
        if (!value.canConvertToLong() || value.longValue() > max) {
            throw ConfigException.invalid(fromFile.get().getKey(), "must be an integer in " + min + ".." + max);
        }
        long number = value.longValue();
        if (number < min) {
            throw ConfigException.invalid(fromFile.get().getKey(), "must be " + describeRange(min, max));
        }
        return number;
    }

    /** A list of strings; from the environment, a comma-separated list whose items are trimmed. */
    List<String> stringList(String key, List<String> defaultValue, String... envVars) {
        Optional<Map.Entry<String, String>> fromEnv = envValue(envVars);
        if (fromEnv.isPresent()) {
            return splitList(fromEnv.get().getValue());
        }
        Optional<Map.Entry<String, JsonNode>> fromFile = fileValue(key);
        if (fromFile.isEmpty()) {
            return defaultValue;
        }
        JsonNode value = fromFile.get().getValue();
        if (!value.isArray()) {
            throw ConfigException.invalid(fromFile.get().getKey(), "must be a list of strings");
        }
        List<String> items = new ArrayList<>(value.size());
        for (JsonNode item : value) {
            if (!item.isTextual()) {
                throw ConfigException.invalid(fromFile.get().getKey(), "must be a list of strings");
            }
            items.add(item.asText());
        }
        return List.copyOf(items);
    }

    /**
     * A table of string values. Nested tables are flattened with dots, so {@code kalamdb.flush = "debug"} written
     * unquoted inside {@code [logging.targets]} reads as the key {@code kalamdb.flush}.
     */
    Map<String, String> stringMap(String key, Map<String, String> defaultValue) {
        Optional<Map.Entry<String, JsonNode>> fromFile = fileValue(key);
        if (fromFile.isEmpty()) {
            return defaultValue;
        }
        JsonNode value = fromFile.get().getValue();
        if (!value.isObject()) {
            throw ConfigException.invalid(fromFile.get().getKey(), "must be a table of strings");
        }
        Map<String, String> entries = new LinkedHashMap<>();
        flatten("", value, fromFile.get().getKey(), entries);
        return Map.copyOf(entries);
    }

    /** Warns about an unknown key; an unknown table names each key inside it ({@code section.key}). */
    private void unknown(String key, JsonNode value) {
        if (value != null && value.isObject() && value.size() > 0) {
            value.fieldNames().forEachRemaining(name -> unknown(key + "." + name, value.get(name)));
        } else {
            warnings.add("unknown config key '" + key + "'");
        }
    }

    /** Adds a warning for every key of this section that no getter asked for. */
    void reportUnknown() {
        for (Map.Entry<String, ObjectNode> source : sources.entrySet()) {
            Iterator<String> names = source.getValue().fieldNames();
            while (names.hasNext()) {
                String field = names.next();
                if (!consumed.contains(field)) {
                    unknown(dotted(source.getKey(), field), source.getValue().get(field));
                }
            }
        }
    }

    /** Parses an integer environment variable without binding it to a key (for variables of later features). */
    static OptionalLong envNumber(Map<String, String> env, String variable, long min, long max) {
        String raw = env.get(variable);
        if (raw == null || raw.isEmpty()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(parseNumber(variable, raw, min, max));
    }

    static String describeRange(long min, long max) {
        if (!isUnbounded(max)) {
            return "an integer in " + min + ".." + max;
        }
        if (min == 0) {
            return "a non-negative integer";
        }
        if (min == 1) {
            return "a positive integer";
        }
        return "an integer >= " + min;
    }

    private static boolean isUnbounded(long max) {
        return max == Long.MAX_VALUE || max == Integer.MAX_VALUE;
    }

    private static void flatten(String prefix, JsonNode table, String label, Map<String, String> out) {
        Iterator<Map.Entry<String, JsonNode>> fields = table.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
            JsonNode value = field.getValue();
            if (value.isObject()) {
                flatten(key, value, label, out);
            } else if (value.isTextual()) {
                out.put(key, value.asText());
            } else {
                throw ConfigException.invalid(label, "must be a table of strings");
            }
        }
    }

    private static boolean parseBoolean(String variable, String raw) {
        String word = raw.trim().toLowerCase(Locale.ROOT);
        if (TRUE_WORDS.contains(word)) {
            return true;
        }
        if (FALSE_WORDS.contains(word)) {
            return false;
        }
        throw ConfigException.invalidEnv(variable, raw);
    }

    private static long parseNumber(String variable, String raw, long min, long max) {
        long number;
        try {
            number = Long.parseLong(raw.trim());
        } catch (NumberFormatException e) {
            throw ConfigException.invalidEnv(variable, raw);
        }
        if (number < min || number > max) {
            throw ConfigException.invalidEnv(variable, raw);
        }
        return number;
    }

    private static List<String> splitList(String raw) {
        List<String> items = new ArrayList<>();
        for (String item : raw.split(",")) {
            String trimmed = item.trim();
            if (!trimmed.isEmpty()) {
                items.add(trimmed);
            }
        }
        return List.copyOf(items);
    }

    private Optional<Map.Entry<String, String>> envValue(String... variables) {
        for (String variable : variables) {
            String value = env.get(variable);
            if (value != null && !value.isEmpty()) {
                return Optional.of(new AbstractMap.SimpleImmutableEntry<>(variable, value));
            }
        }
        return Optional.empty();
    }

    /** The file value of {@code key} with its label for messages ({@code [server].port}), if any. */
    private Optional<Map.Entry<String, JsonNode>> fileValue(String key) {
        consumed.add(key);
        Map.Entry<String, JsonNode> found = null;
        String foundSection = null;
        for (Map.Entry<String, ObjectNode> source : sources.entrySet()) {
            JsonNode value = source.getValue().get(key);
            if (value == null) {
                continue;
            }
            if (found == null) {
                foundSection = source.getKey();
                found = new AbstractMap.SimpleImmutableEntry<>(label(source.getKey(), key), value);
            } else {
                warnings.add("config key '" + dotted(source.getKey(), key) + "' is also set as '"
                        + dotted(foundSection, key) + "'; using '" + dotted(foundSection, key) + "'");
            }
        }
        return Optional.ofNullable(found);
    }

    private static String label(String section, String key) {
        return section.isEmpty() ? key : "[" + section + "]." + key;
    }

    private static String dotted(String section, String key) {
        return section.isEmpty() ? key : section + "." + key;
    }
}
