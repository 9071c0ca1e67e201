package io.kalamdb.core.sql.parser.ddl;

import io.kalamdb.commons.errors.ErrorCode;
import io.kalamdb.commons.errors.KalamDbException;
import io.kalamdb.core.sql.parser.Token;
import io.kalamdb.core.sql.parser.TokenKind;
import java.util.List;

/**
 * A position in the token list of one statement, with the small reading helpers of a recursive-descent parser.
 * Syntax errors are {@code INVALID_SQL "Syntax error at position N: …"} with the 1-based character position.
 */
final class TokenCursor {
    static final String PARAMS_ONLY_DML = "Parameters are only supported for SELECT, INSERT, UPDATE and DELETE";

    private final List<Token> tokens;
    private final Token end;
    private int pos;

    TokenCursor(List<Token> tokens) {
        this.tokens = tokens;
        Token last = tokens.isEmpty() ? null : tokens.get(tokens.size() - 1);
        this.end = last != null && last.kind() == TokenKind.EOF ? last
                : new Token(TokenKind.EOF, "", last == null ? 0 : last.position() + last.text().length());
    }

    Token peek() {
        return peekAt(0);
    }

    Token peekAt(int offset) {
        int i = pos + offset;
        return i < tokens.size() ? tokens.get(i) : end;
    }

    Token next() {
        Token t = peek();
        if (t.kind() != TokenKind.EOF) {
            pos++;
        }
        return t;
    }

    int mark() {
        return pos;
    }

    void reset(int mark) {
        pos = mark;
    }

    boolean atEnd() {
        return peek().kind() == TokenKind.EOF;
    }

    boolean acceptKeyword(String keyword) {
        if (peek().isKeyword(keyword)) {
            next();
            return true;
        }
        return false;
    }

    void expectKeyword(String keyword) {
        if (!acceptKeyword(keyword)) {
            throw expected(keyword);
        }
    }

    boolean acceptSymbol(String symbol) {
        if (peek().isSymbol(symbol)) {
            next();
            return true;
        }
        return false;
    }

    void expectSymbol(String symbol) {
        if (!acceptSymbol(symbol)) {
            throw expected("'" + symbol + "'");
        }
    }

    /** A bare or double-quoted identifier, as written. */
    String identifier(String what) {
        Token t = peek();
        if (t.kind() == TokenKind.WORD || t.kind() == TokenKind.QUOTED_IDENT) {
            return next().text();
        }
        throw expected(what);
    }

    /** {@code name} or {@code namespace.name}. */
    QualifiedName qualifiedName(String what) {
        String first = identifier(what);
        if (acceptSymbol(".")) {
            return new QualifiedName(first, identifier(what));
        }
        return new QualifiedName(null, first);
    }

    /** {@code IF NOT EXISTS}, when present. */
    boolean ifNotExists() {
        if (acceptKeyword("IF")) {
            expectKeyword("NOT");
            expectKeyword("EXISTS");
            return true;
        }
        return false;
    }

    /** {@code IF EXISTS}, when present. */
    boolean ifExists() {
        if (acceptKeyword("IF")) {
            expectKeyword("EXISTS");
            return true;
        }
        return false;
    }

    /** Fails unless every token has been read. */
    void expectEnd() {
        if (!atEnd()) {
            throw syntax("unexpected " + peek().describe() + " after the end of the statement");
        }
    }

    /** Skips a balanced {@code ( … )} group; the cursor must be on its {@code (}. */
    void skipParenthesized() {
        expectSymbol("(");
        int depth = 1;
        while (depth > 0) {
            Token t = next();
            if (t.kind() == TokenKind.EOF) {
                throw expected("')'");
            } else if (t.isSymbol("(")) {
                depth++;
            } else if (t.isSymbol(")")) {
                depth--;
            }
        }
    }

    /** Skips tokens up to, not including, a {@code ,} or {@code )} outside parentheses, or the end. */
    void skipToListSeparator() {
        int depth = 0;
        while (!atEnd()) {
            Token t = peek();
            if (depth == 0 && (t.isSymbol(",") || t.isSymbol(")"))) {
                return;
            }
            if (t.isSymbol("(")) {
                depth++;
            } else if (t.isSymbol(")")) {
                depth--;
            }
            next();
        }
    }

    /** The source text of the tokens from {@code from} (a mark) up to the current position, runs of space as one. */
    String textFrom(int from) {
        StringBuilder sb = new StringBuilder();
        int previousEnd = -1;
        for (int i = from; i < pos; i++) {
            Token t = tokens.get(i);
            String rendered = render(t);
            if (previousEnd >= 0 && t.position() > previousEnd) {
                sb.append(' ');
            }
            sb.append(rendered);
            previousEnd = t.position() + rendered.length();
        }
        return sb.toString();
    }

    /** A token as it was written in the statement. */
    static String render(Token t) {
        switch (t.kind()) {
            case STRING:
                return "'" + t.text().replace("'", "''") + "'";
            case QUOTED_IDENT:
                return "\"" + t.text().replace("\"", "\"\"") + "\"";
            default:
                return t.text();
        }
    }

    KalamDbException expected(String what) {
        return syntax("expected " + what + " but found " + peek().describe());
    }

    /** A syntax error at the current token; a parameter where none may stand is the dialect's parameter error. */
    KalamDbException syntax(String reason) {
        Token t = peek();
        if (t.kind() == TokenKind.PARAM) {
            return KalamDbException.userError(PARAMS_ONLY_DML);
        }
        return syntaxAt(t, reason);
    }

    static KalamDbException syntaxAt(Token t, String reason) {
        return new KalamDbException(ErrorCode.INVALID_SQL,
                "Syntax error at position " + (t.position() + 1) + ": " + reason);
    }
}
