package io.kalamdb.core.sql.parser;

import java.util.Locale;

/** One lexical token with its text and its character position in the statement. */
public record Token(TokenKind kind, String text, int position) {
    /** True for a bare word equal to {@code keyword}, ignoring case. */
    public boolean isKeyword(String keyword) {
        return kind == TokenKind.WORD && text.equalsIgnoreCase(keyword);
    }

    public boolean isSymbol(String symbol) {
        return kind == TokenKind.SYMBOL && text.equals(symbol);
    }

    /** The text in upper case, for keyword display. */
    public String upper() {
        return text.toUpperCase(Locale.ROOT);
    }

    /** How the token reads in an error message. */
    public String describe() {
        switch (kind) {
            case EOF: return "end of input";
            case STRING: return "'" + text + "'";
            case QUOTED_IDENT: return "\"" + text + "\"";
            default: return "'" + text + "'";
        }
    }
}
