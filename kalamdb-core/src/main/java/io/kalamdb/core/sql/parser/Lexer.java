package io.kalamdb.core.sql.parser;

import io.kalamdb.commons.errors.ErrorCode;
import io.kalamdb.commons.errors.KalamDbException;
import io.kalamdb.core.sql.SqlSplitter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Turns one SQL statement into tokens. Comments and whitespace are dropped. */
public final class Lexer {
    private static final Set<String> TWO_CHAR_SYMBOLS = Set.of("->", ">=", "<=", "<>", "!=", "::", "||");

    private Lexer() {
    }

    public static List<Token> tokenize(String sql) {
        return tokenize(sql, Integer.MAX_VALUE);
    }

    /** The first {@code limit} tokens of {@code sql}, then EOF (a cheap look at a statement's leading keywords). */
    public static List<Token> tokenize(String sql, int limit) {
        List<Token> tokens = new ArrayList<>();
        int n = sql.length();
        int i = 0;
        while (i < n && tokens.size() < limit) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int eol = sql.indexOf('\n', i);
                i = eol < 0 ? n : eol + 1;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                if (end < 0) {
                    throw syntax("unterminated block comment", i);
                }
                i = end + 2;
            } else if (c == '\'' || c == '"') {
                int close = SqlSplitter.closingQuote(sql, i, c);
                if (close < 0) {
                    throw syntax(c == '\'' ? "unterminated string literal" : "unterminated quoted identifier", i);
                }
                String quote = String.valueOf(c);
                String body = sql.substring(i + 1, close).replace(quote + quote, quote);
                tokens.add(new Token(c == '\'' ? TokenKind.STRING : TokenKind.QUOTED_IDENT, body, i));
                i = close + 1;
            } else if (isWordStart(c)) {
                int start = i;
                while (i < n && isWordPart(sql.charAt(i))) {
                    i++;
                }
                tokens.add(new Token(TokenKind.WORD, sql.substring(start, i), start));
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(sql.charAt(i + 1)))) {
                int start = i;
                while (i < n && (Character.isDigit(sql.charAt(i)) || sql.charAt(i) == '.')) {
                    i++;
                }
                if (i < n && (sql.charAt(i) == 'e' || sql.charAt(i) == 'E')) {
                    int j = i + 1;
                    if (j < n && (sql.charAt(j) == '+' || sql.charAt(j) == '-')) {
                        j++;
                    }
                    if (j < n && Character.isDigit(sql.charAt(j))) {
                        i = j;
                        while (i < n && Character.isDigit(sql.charAt(i))) {
                            i++;
                        }
                    }
                }
                tokens.add(new Token(TokenKind.NUMBER, sql.substring(start, i), start));
            } else if (c == '$' && i + 1 < n && Character.isDigit(sql.charAt(i + 1))) {
                int start = i++;
                while (i < n && Character.isDigit(sql.charAt(i))) {
                    i++;
                }
                tokens.add(new Token(TokenKind.PARAM, sql.substring(start, i), start));
            } else {
                String two = i + 1 < n ? sql.substring(i, i + 2) : "";
                if ("->".equals(two) && i + 2 < n && sql.charAt(i + 2) == '>') {
                    tokens.add(new Token(TokenKind.SYMBOL, "->>", i));
                    i += 3;
                } else if (TWO_CHAR_SYMBOLS.contains(two)) {
                    tokens.add(new Token(TokenKind.SYMBOL, two, i));
                    i += 2;
                } else {
                    tokens.add(new Token(TokenKind.SYMBOL, String.valueOf(c), i));
                    i++;
                }
            }
        }
        tokens.add(new Token(TokenKind.EOF, "", i < n ? i : n));
        return tokens;
    }

    private static boolean isWordStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    private static boolean isWordPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '@';
    }

    static KalamDbException syntax(String reason, int position) {
        return new KalamDbException(ErrorCode.INVALID_SQL,
                "Syntax error at position " + (position + 1) + ": " + reason);
    }
}
