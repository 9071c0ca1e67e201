package io.kalamdb.core.sql;

import io.kalamdb.commons.errors.ErrorCode;
import io.kalamdb.commons.errors.KalamDbException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code EXECUTE AS USER 'name' (<statement>)} wrapper (spec sql.md §9): the target user and the one wrapped
 * statement. Malformed wrappers are {@code INVALID_INPUT} with the contract's messages.
 */
public record ExecuteAsWrapper(String targetUser, String innerSql) {
    private static final Pattern PREFIX = Pattern.compile("(?i)^EXECUTE\\s+AS\\s+USER(?=[\\s'(]|$)");

    /** The wrapper of {@code sql}, or empty when the statement is not an EXECUTE AS USER. */
    public static Optional<ExecuteAsWrapper> parse(String sql) {
        String s = sql.strip();
        Matcher m = PREFIX.matcher(s);
        if (!m.find()) {
            return Optional.empty();
        }
        int i = skipSpace(s, m.end());
        String user;
        if (i < s.length() && s.charAt(i) == '\'') {
            StringBuilder name = new StringBuilder();
            int j = i + 1;
            boolean closed = false;
            while (j < s.length()) {
                char c = s.charAt(j);
                if (c == '\'') {
                    if (j + 1 < s.length() && s.charAt(j + 1) == '\'') {
                        name.append('\'');
                        j += 2;
                        continue;
                    }
                    closed = true;
                    break;
                }
                name.append(c);
                j++;
            }
            if (!closed) {
                throw invalid("EXECUTE AS USER username quote was not closed");
            }
            user = name.toString();
            i = j + 1;
        } else {
            int start = i;
            while (i < s.length() && !Character.isWhitespace(s.charAt(i)) && s.charAt(i) != '(') {
                i++;
            }
            user = s.substring(start, i);
        }
        if (user.isBlank()) {
            throw invalid("EXECUTE AS USER username cannot be empty");
        }
        i = skipSpace(s, i);
        if (i >= s.length() || s.charAt(i) != '(' || s.charAt(s.length() - 1) != ')') {
            throw invalid("EXECUTE AS USER must wrap SQL in parentheses");
        }
        String inner = s.substring(i + 1, s.length() - 1).strip();
        if (inner.isEmpty()) {
            throw invalid("EXECUTE AS USER requires a non-empty inner SQL statement");
        }
        List<String> statements = SqlSplitter.split(inner);
        if (statements.size() != 1) {
            throw invalid(statements.isEmpty() ? "EXECUTE AS USER requires a non-empty inner SQL statement"
                    : "EXECUTE AS USER must contain exactly one wrapped SQL statement");
        }
        return Optional.of(new ExecuteAsWrapper(user, statements.get(0)));
    }

    /** The inner statement's leading keyword, for the audit details (never literal values). */
    public String statementKind() {
        String inner = innerSql.strip();
        int end = 0;
        while (end < inner.length() && Character.isLetter(inner.charAt(end))) {
            end++;
        }
        return inner.substring(0, end).toUpperCase(Locale.ROOT);
    }

    private static int skipSpace(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static KalamDbException invalid(String message) {
        return KalamDbException.preserved(ErrorCode.INVALID_INPUT, message);
    }
}
