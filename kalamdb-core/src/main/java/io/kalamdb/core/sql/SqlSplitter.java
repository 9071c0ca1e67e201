package io.kalamdb.core.sql;

import io.kalamdb.commons.errors.ErrorCode;
import io.kalamdb.commons.errors.KalamDbException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Splits a request's SQL at top-level {@code ;} (spec http-api.md §5.2 step 4): quote-, comment- and
 * parenthesis-aware. Empty statements are skipped.
 */
public final class SqlSplitter {
    private SqlSplitter() {
    }

    public static List<String> split(String sql) {
        List<String> out = new ArrayList<>();
        int[] start = {0};
        int[] depth = {0};
        scanCode(sql, i -> {
            char c = sql.charAt(i);
            if (c == '(') {
                depth[0]++;
            } else if (c == ')' && depth[0] > 0) {
                depth[0]--;
            } else if (c == ';' && depth[0] == 0) {
                addIfNotBlank(out, sql.substring(start[0], i));
                start[0] = i + 1;
            }
        });
        addIfNotBlank(out, sql.substring(start[0]));
        return out;
    }

    /** The highest {@code $n} placeholder in a statement (outside literals, quoted names and comments), or 0. */
    public static int maxParamIndex(String sql) {
        int[] max = {0};
        scanCode(sql, i -> {
            if (sql.charAt(i) != '$') {
                return;
            }
            int j = i + 1;
            long n = 0;
            while (j < sql.length() && Character.isDigit(sql.charAt(j)) && n <= Integer.MAX_VALUE) {
                n = n * 10 + (sql.charAt(j++) - '0');
            }
            max[0] = (int) Math.max(max[0], Math.min(n, Integer.MAX_VALUE));
        });
        return max[0];
    }

    /** Calls {@code code} with the index of every character outside quotes and comments. */
    private static void scanCode(String sql, IntConsumer code) {
        int n = sql.length();
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"') {
                int close = closingQuote(sql, i, c);
                if (close < 0) {
                    throw splitError((c == '\'' ? "unterminated string literal" : "unterminated quoted identifier"),
                            sql, i);
                }
                i = close + 1;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int eol = sql.indexOf('\n', i);
                i = eol < 0 ? n : eol + 1;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                if (end < 0) {
                    throw splitError("unterminated block comment", sql, i);
                }
                i = end + 2;
            } else {
                code.accept(i);
                i++;
            }
        }
    }

    /** Index of the quote closing the one at {@code open} (doubled quotes are escapes), or -1. */
    public static int closingQuote(String sql, int open, char quote) {
        int i = open + 1;
        int n = sql.length();
        while (i < n) {
            if (sql.charAt(i) == quote) {
                if (i + 1 < n && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i;
            }
            i++;
        }
        return -1;
    }

    private static void addIfNotBlank(List<String> out, String statement) {
        if (!isBlank(statement)) {
            out.add(statement.strip());
        }
    }

    /** True when the text holds only whitespace and comments. */
    private static boolean isBlank(String s) {
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && i + 1 < n && s.charAt(i + 1) == '-') {
                int eol = s.indexOf('\n', i);
                i = eol < 0 ? n : eol + 1;
            } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
                i = s.indexOf("*/", i + 2) + 2;
            } else {
                return false;
            }
        }
        return true;
    }

    private static KalamDbException splitError(String what, String sql, int charIndex) {
        return new KalamDbException(ErrorCode.BATCH_PARSE_ERROR,
                "Failed to split SQL batch: " + what + " at byte " + Utf8.byteOffset(sql, charIndex));
    }
}
