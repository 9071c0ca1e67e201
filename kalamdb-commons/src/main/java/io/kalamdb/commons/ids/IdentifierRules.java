package io.kalamdb.commons.ids;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Identifier rules for namespace, table, view, column and topic names (spec sql.md §1). */
public final class IdentifierRules {
    public static final int MAX_LENGTH = 64;

    public static final Set<String> RESERVED_KEYWORDS = Set.of(
            "ALL", "ALTER", "AND", "ANY", "AS", "ASC", "BETWEEN", "BY", "CASE", "CAST", "CHECK", "COLUMN",
            "CONSTRAINT", "CREATE", "CROSS", "DATABASE", "DEFAULT", "DELETE", "DESC", "DISTINCT", "DROP", "ELSE",
            "END", "EXCEPT", "EXISTS", "EXPLAIN", "FALSE", "FETCH", "FOR", "FOREIGN", "FROM", "FULL", "GROUP",
            "HAVING", "IN", "INDEX", "INNER", "INSERT", "INTERSECT", "INTERVAL", "INTO", "IS", "JOIN", "LATERAL",
            "LEFT", "LIKE", "LIMIT", "NATURAL", "NOT", "NULL", "OFFSET", "ON", "OR", "ORDER", "OUTER", "PRIMARY",
            "REFERENCES", "RETURNING", "RIGHT", "SCHEMA", "SELECT", "SET", "TABLE", "TABLES", "TABLESPACE", "THEN",
            "TO", "TRUE", "UNION", "UNIQUE", "UPDATE", "USING", "VALUES", "VIEW", "WHEN", "WHERE", "WINDOW", "WITH");

    public static final Set<String> RESERVED_NAMESPACES = Set.of(
            "system", "sys", "root", "kalamdb", "kalam", "main", "default", "sql", "admin", "internal",
            "information_schema", "pg_catalog", "datafusion");

    private IdentifierRules() {
    }

    /** Returns the violation message for {@code name}, or empty when the name is valid. */
    public static Optional<String> violation(String name) {
        if (name == null || name.isEmpty()) {
            return Optional.of("Name cannot be empty");
        }
        if (name.length() > MAX_LENGTH) {
            return Optional.of("Name is too long (" + name.length() + " characters, max " + MAX_LENGTH + ")");
        }
        char first = name.charAt(0);
        if (first >= '0' && first <= '9') {
            return Optional.of("Name cannot start with a number");
        }
        if (first == '_') {
            return Optional.of("Name cannot start with underscore (reserved for system columns)");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
            if (!ok) {
                return Optional.of("Name '" + name + "' contains invalid characters (only alphanumeric and underscore allowed)");
            }
        }
        if (RESERVED_KEYWORDS.contains(name.toUpperCase(Locale.ROOT))) {
            return Optional.of("Name '" + name + "' is a reserved SQL keyword and cannot be used");
        }
        return Optional.empty();
    }

    public static boolean isReservedNamespace(String name) {
        return RESERVED_NAMESPACES.contains(name.toLowerCase(Locale.ROOT));
    }
}
