package io.kalamdb.core.sql.calcite;

import io.kalamdb.core.sql.parser.Lexer;
import io.kalamdb.core.sql.parser.Token;
import io.kalamdb.core.sql.parser.TokenKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlWith;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * Names of unaliased computed result columns (spec sql.md §7): the expression's text as the client wrote it, with
 * keywords and function names in lower case and whitespace runs reduced to one space.
 */
public final class ColumnNames {
    private static final Set<String> KEYWORDS = Set.of("AS", "CAST", "CASE", "WHEN", "THEN", "ELSE", "END", "AND",
            "OR", "NOT", "NULL", "IS", "IN", "BETWEEN", "LIKE", "ILIKE", "DISTINCT", "TRUE", "FALSE", "INTERVAL",
            "EXISTS", "FROM", "FOR", "SIMILAR", "TO", "ESCAPE", "ALL", "ANY", "SOME", "OVER", "PARTITION", "BY",
            "ORDER", "ASC", "DESC", "NULLS", "FIRST", "LAST", "CURRENT_TIMESTAMP", "CURRENT_DATE", "CURRENT_TIME",
            "CURRENT_USER", "LOCALTIMESTAMP", "TEXT", "VARCHAR", "CHAR", "INT", "INTEGER", "BIGINT", "SMALLINT",
            "BOOLEAN", "DOUBLE", "FLOAT", "REAL", "DECIMAL", "NUMERIC", "DATE", "TIME", "TIMESTAMP", "PRECISION",
            "YEAR", "MONTH", "DAY", "HOUR", "MINUTE", "SECOND", "WEEK", "QUARTER", "TRAILING", "LEADING", "BOTH",
            "VARBINARY", "BINARY", "JSON", "UUID", "BYTES", "WITH", "WITHOUT", "ZONE", "SELECT", "WHERE", "GROUP",
            "HAVING", "LIMIT", "OFFSET", "JOIN", "INNER", "LEFT", "RIGHT", "FULL", "OUTER", "CROSS", "ON", "UNION",
            "EXCEPT", "INTERSECT");

    private static final Set<String> NILADIC_NAMES = Set.of("CURRENT_USER", "CURRENT_TIMESTAMP", "CURRENT_DATE",
            "CURRENT_TIME", "LOCALTIMESTAMP", "LOCALTIME", "SESSION_USER", "SYSTEM_USER", "USER");

    private ColumnNames() {
    }

    /**
     * The normalised text of each top-level select item of {@code parsed} that is an unaliased expression (null
     * entries for aliases and plain column references), or null when there is no plain select list
     * ({@code SELECT *}).
     */
    public static List<String> selectItemTexts(SqlNode parsed, String sql) {
        SqlSelect select = topSelect(parsed);
        if (select == null) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (SqlNode item : select.getSelectList()) {
            if (item instanceof SqlIdentifier id && id.isStar()) {
                return null;
            }
            out.add(isNamed(item) ? null : normalize(slice(sql, item.getParserPosition())));
        }
        return out;
    }

    /** Aliases and column references name themselves; {@code $n} and niladic functions are expressions. */
    private static boolean isNamed(SqlNode item) {
        if (item.getKind() == SqlKind.AS) {
            return true;
        }
        if (!(item instanceof SqlIdentifier id)) {
            return false;
        }
        if (!id.isSimple()) {
            return true;
        }
        String name = id.getSimple();
        return !name.startsWith("$") && !NILADIC_NAMES.contains(name.toUpperCase(Locale.ROOT));
    }

    private static SqlSelect topSelect(SqlNode node) {
        if (node instanceof SqlSelect s) {
            return s;
        }
        if (node instanceof SqlOrderBy ob) {
            return topSelect(ob.query);
        }
        if (node instanceof SqlWith w) {
            return topSelect(w.body);
        }
        if (node instanceof SqlCall call && call.getKind().belongsTo(SqlKind.SET_QUERY)) {
            return topSelect(call.operand(0));
        }
        return null;
    }

    private static String slice(String sql, SqlParserPos pos) {
        int start = offset(sql, pos.getLineNum(), pos.getColumnNum());
        int end = offset(sql, pos.getEndLineNum(), pos.getEndColumnNum()) + 1;
        if (start < 0 || end > sql.length() || start >= end) {
            return "";
        }
        return sql.substring(start, end);
    }

    private static int offset(String sql, int line, int column) {
        int l = 1;
        int i = 0;
        while (l < line && i < sql.length()) {
            if (sql.charAt(i++) == '\n') {
                l++;
            }
        }
        return i + column - 1;
    }

    /** Lower-cases keywords and function names and reduces whitespace between tokens to one space. */
    static String normalize(String text) {
        List<Token> tokens = Lexer.tokenize(text);
        StringBuilder out = new StringBuilder(text.length());
        int prevEnd = -1;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.kind() == TokenKind.EOF) {
                break;
            }
            if (prevEnd >= 0 && t.position() > prevEnd) {
                out.append(' ');
            }
            String original = text.substring(t.position(), end(text, t));
            boolean function = t.kind() == TokenKind.WORD && i + 1 < tokens.size() && tokens.get(i + 1).isSymbol("(");
            if (t.kind() == TokenKind.WORD && (function || KEYWORDS.contains(t.upper()))) {
                out.append(original.toLowerCase(Locale.ROOT));
            } else {
                out.append(original);
            }
            prevEnd = end(text, t);
        }
        return out.toString();
    }

    /** The end offset of a token in the original text (quoted tokens include their quotes and escapes). */
    private static int end(String text, Token t) {
        switch (t.kind()) {
            case STRING:
            case QUOTED_IDENT: {
                char q = text.charAt(t.position());
                int i = t.position() + 1;
                while (i < text.length()) {
                    if (text.charAt(i) == q) {
                        if (i + 1 < text.length() && text.charAt(i + 1) == q) {
                            i += 2;
                            continue;
                        }
                        return i + 1;
                    }
                    i++;
                }
                return text.length();
            }
            default:
                return t.position() + t.text().length();
        }
    }
}
