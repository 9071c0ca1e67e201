package io.kalamdb.core.sql.parser.ddl;

import io.kalamdb.core.sql.parser.Token;
import io.kalamdb.core.sql.parser.TokenKind;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code (key = value [, …])} of {@code WITH} and {@code SET TBLPROPERTIES} (spec sql.md §3.3): keys are bare,
 * quoted or string tokens and are returned in upper case in the order written; values are {@code 'strings'} or bare
 * text up to the next {@code ,} or {@code )} (e.g. {@code rows:100}, {@code 168}, {@code -1}).
 */
final class OptionListParser {
    private OptionListParser() {
    }

    static Map<String, OptionValue> parse(TokenCursor in) {
        in.expectSymbol("(");
        Map<String, OptionValue> options = new LinkedHashMap<>();
        do {
            String key = key(in);
            in.expectSymbol("=");
            options.put(key, value(in));
        } while (in.acceptSymbol(","));
        in.expectSymbol(")");
        return Collections.unmodifiableMap(options);
    }

    private static String key(TokenCursor in) {
        Token t = in.peek();
        if (t.kind() == TokenKind.WORD || t.kind() == TokenKind.QUOTED_IDENT || t.kind() == TokenKind.STRING) {
            return in.next().text().toUpperCase(Locale.ROOT);
        }
        throw in.expected("an option name");
    }

    private static OptionValue value(TokenCursor in) {
        Token t = in.peek();
        if (t.kind() == TokenKind.STRING && (in.peekAt(1).isSymbol(",") || in.peekAt(1).isSymbol(")"))) {
            in.next();
            return new OptionValue(t.text(), true);
        }
        int start = in.mark();
        while (!in.atEnd() && !in.peek().isSymbol(",") && !in.peek().isSymbol(")")) {
            if (in.peek().kind() == TokenKind.PARAM || in.peek().isSymbol("(")) {
                throw in.syntax("unexpected " + in.peek().describe() + " in an option value");
            }
            in.next();
        }
        if (in.mark() == start) {
            throw in.expected("an option value");
        }
        return new OptionValue(in.textFrom(start), false);
    }
}
