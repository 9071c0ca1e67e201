package io.kalamdb.core.sql;

import java.util.regex.Pattern;

/**
 * Removes secrets from SQL before it is shown or logged (spec auth.md §14): the values of {@code PASSWORD '…'},
 * {@code CREDENTIALS '…'} and of {@code "password"} / {@code "root_password"} JSON fields become {@code '***'}.
 */
public final class SqlRedaction {
    private static final Pattern QUOTED_SECRET =
            Pattern.compile("(?i)\\b(PASSWORD|CREDENTIALS)(\\s+)'(?:[^']|'')*'");
    private static final Pattern JSON_SECRET =
            Pattern.compile("(?i)(\"(?:root_)?password\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\"");

    private SqlRedaction() {
    }

    public static String redact(String sql) {
        if (sql == null) {
            return null;
        }
        String out = QUOTED_SECRET.matcher(sql).replaceAll("$1$2'***'");
        return JSON_SECRET.matcher(out).replaceAll("$1\"***\"");
    }
}
