package io.kalamdb.filestore;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The storage path templates of spec storage.md §12.2: variables {@code {namespace}}, {@code {tableName}} and
 * {@code {userId}}, legacy spellings normalized first, a fixed variable order, no {@code ..} segment and no
 * absolute path.
 */
public final class PathTemplates {
    public static final String NAMESPACE = "{namespace}";
    public static final String TABLE_NAME = "{tableName}";
    public static final String USER_ID = "{userId}";

    private static final Map<String, String> LEGACY = legacySpellings();
    private static final Set<String> VARIABLES = Set.of(NAMESPACE, TABLE_NAME, USER_ID);
    private static final Pattern VARIABLE = Pattern.compile("\\{[^{}]*}");
    private static final Pattern WINDOWS_DRIVE = Pattern.compile("^[A-Za-z]:.*");

    private PathTemplates() {
    }

    /** Replaces the legacy variable spellings ({@code {table_name}}, {@code {user_id}}, …) by the canonical ones. */
    public static String normalize(String template) {
        String result = template;
        for (Map.Entry<String, String> legacy : LEGACY.entrySet()) {
            result = result.replace(legacy.getKey(), legacy.getValue());
        }
        return result;
    }

    /** The problem of a SHARED table template, as {@code Invalid SHARED_TABLES_TEMPLATE '…': …}, if any. */
    public static Optional<String> sharedTemplateProblem(String template) {
        return problem("SHARED_TABLES_TEMPLATE", template, false);
    }

    /** The problem of a USER table template, as {@code Invalid USER_TABLES_TEMPLATE '…': …}, if any. */
    public static Optional<String> userTemplateProblem(String template) {
        return problem("USER_TABLES_TEMPLATE", template, true);
    }

    /**
     * The scope directory of a table: {@code base / template} with the variables filled in (storage.md §12.2).
     * {@code userId} is null for SHARED tables. Fails when the result would leave {@code base}.
     */
    public static Path scopeDirectory(Path base, String template, String namespace, String table, String userId) {
        String resolved = normalize(template).replace(NAMESPACE, namespace).replace(TABLE_NAME, table);
        if (userId != null) {
            resolved = resolved.replace(USER_ID, userId);
        }
        Path root = base.toAbsolutePath().normalize();
        Path dir = root.resolve(resolved).normalize();
        if (!dir.startsWith(root) || dir.equals(root)) {
            throw new IllegalArgumentException("Path '" + resolved + "' escapes the storage base directory");
        }
        return dir;
    }

    private static Optional<String> problem(String kind, String template, boolean user) {
        String reason = reason(template == null ? "" : normalize(template), user);
        return reason == null ? Optional.empty()
                : Optional.of("Invalid " + kind + " '" + (template == null ? "" : template) + "': " + reason);
    }

    private static String reason(String template, boolean user) {
        if (template.isBlank()) {
            return "the template is empty";
        }
        if (template.startsWith("/") || template.startsWith("\\") || WINDOWS_DRIVE.matcher(template).matches()) {
            return "an absolute path is not allowed";
        }
        for (String segment : template.split("[/\\\\]")) {
            if (segment.equals("..")) {
                return "'..' segments are not allowed";
            }
        }
        Matcher variables = VARIABLE.matcher(template);
        while (variables.find()) {
            if (!VARIABLES.contains(variables.group())) {
                return "unknown template variable " + variables.group();
            }
        }
        int namespace = template.indexOf(NAMESPACE);
        int table = template.indexOf(TABLE_NAME);
        int userId = template.indexOf(USER_ID);
        if (namespace < 0) {
            return NAMESPACE + " is required";
        }
        if (table < 0) {
            return TABLE_NAME + " is required";
        }
        if (namespace > table) {
            return NAMESPACE + " must come before " + TABLE_NAME;
        }
        if (!user) {
            return userId >= 0 ? USER_ID + " is not allowed in a shared table template" : null;
        }
        if (userId < 0) {
            return USER_ID + " is required";
        }
        if (table > userId) {
            return TABLE_NAME + " must come before " + USER_ID;
        }
        return null;
    }

    private static Map<String, String> legacySpellings() {
        Map<String, String> legacy = new LinkedHashMap<>();
        legacy.put("{table_name}", TABLE_NAME);
        legacy.put("{table-id}", TABLE_NAME);
        legacy.put("{namespace_id}", NAMESPACE);
        legacy.put("{namespaceId}", NAMESPACE);
        legacy.put("{namespace-id}", NAMESPACE);
        legacy.put("{user_id}", USER_ID);
        legacy.put("{user-id}", USER_ID);
        return legacy;
    }
}
