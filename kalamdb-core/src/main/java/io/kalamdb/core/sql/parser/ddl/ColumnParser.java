package io.kalamdb.core.sql.parser.ddl;

import io.kalamdb.core.sql.parser.Token;
import io.kalamdb.core.sql.parser.TokenKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Column definitions, data types and DEFAULT expressions (spec sql.md §3):
 * {@code column type [NOT NULL | NULL] [PRIMARY KEY] [DEFAULT d] [identity] [COMMENT 'text']}, the clauses in any
 * order. Constraints the dialect refuses are recorded, not rejected, so the role check comes first.
 */
final class ColumnParser {
    /** Words that end a type or a DEFAULT expression: the starts of the column clauses. */
    private static final Set<String> CLAUSE_WORDS = Set.of("NOT", "NULL", "PRIMARY", "DEFAULT", "AUTO_INCREMENT",
            "AUTO", "GENERATED", "COMMENT", "UNIQUE", "CHECK", "REFERENCES", "CONSTRAINT", "FIRST", "AFTER");

    private final TokenCursor in;

    ColumnParser(TokenCursor in) {
        this.in = in;
    }

    ColumnSpec column() {
        String name = in.identifier("a column name");
        TypeSpec type = type();
        Boolean notNull = null;
        boolean primaryKey = false;
        DefaultSpec defaultValue = null;
        boolean identity = false;
        String comment = null;
        List<String> refused = new ArrayList<>();
        while (true) {
            if (in.acceptKeyword("NOT")) {
                in.expectKeyword("NULL");
                notNull = Boolean.TRUE;
            } else if (in.acceptKeyword("NULL")) {
                notNull = Boolean.FALSE;
            } else if (in.acceptKeyword("PRIMARY")) {
                in.expectKeyword("KEY");
                primaryKey = true;
            } else if (in.peek().isKeyword("DEFAULT")) {
                if (defaultValue != null) {
                    throw in.syntax("DEFAULT is given twice");
                }
                in.next();
                defaultValue = defaultExpression();
            } else if (identityClause()) {
                identity = true;
            } else if (in.acceptKeyword("COMMENT")) {
                comment = string("the comment");
            } else if (in.acceptKeyword("CONSTRAINT")) {
                in.identifier("a constraint name");
            } else if (in.acceptKeyword("UNIQUE")) {
                in.acceptKeyword("KEY");
                refused.add("UNIQUE");
            } else if (in.peek().isKeyword("CHECK")) {
                in.next();
                in.skipParenthesized();
                refused.add("CHECK");
            } else if (in.acceptKeyword("REFERENCES")) {
                in.skipToListSeparator();
                refused.add("REFERENCES");
            } else {
                break;
            }
        }
        return new ColumnSpec(name, type, notNull, primaryKey, defaultValue, identity, comment, List.copyOf(refused));
    }

    /** {@code AUTO_INCREMENT}, {@code AUTO INCREMENT} or {@code GENERATED {ALWAYS | BY DEFAULT} AS IDENTITY}. */
    private boolean identityClause() {
        if (in.acceptKeyword("AUTO_INCREMENT")) {
            return true;
        }
        if (in.peek().isKeyword("AUTO") && in.peekAt(1).isKeyword("INCREMENT")) {
            in.next();
            in.next();
            return true;
        }
        if (!in.acceptKeyword("GENERATED")) {
            return false;
        }
        if (!in.acceptKeyword("ALWAYS")) {
            if (!in.peek().isKeyword("BY")) {
                throw in.expected("ALWAYS or BY DEFAULT");
            }
            in.next();
            in.expectKeyword("DEFAULT");
        }
        in.expectKeyword("AS");
        in.expectKeyword("IDENTITY");
        if (in.peek().isSymbol("(")) {
            in.skipParenthesized();
        }
        return true;
    }

    /**
     * Type words, an optional {@code (n[, m])}, more type words and {@code []} suffixes. Parentheses holding anything
     * but numbers (e.g. {@code ENUM('a')}, {@code DECIMAL(-1)}) stay part of the name, so the type is refused by it.
     */
    TypeSpec type() {
        List<String> words = new ArrayList<>();
        typeWords(words);
        if (words.isEmpty()) {
            throw in.expected("a data type");
        }
        List<Integer> params = new ArrayList<>();
        if (in.peek().isSymbol("(")) {
            String raw = typeParams(params);
            if (raw != null) {
                appendToLast(words, raw);
            }
            typeWords(words);
        }
        while (in.peek().isSymbol("[")) {
            in.next();
            in.expectSymbol("]");
            appendToLast(words, "[]");
        }
        return new TypeSpec(String.join(" ", words), List.copyOf(params));
    }

    private static void appendToLast(List<String> words, String suffix) {
        words.set(words.size() - 1, words.get(words.size() - 1) + suffix);
    }

    private void typeWords(List<String> words) {
        while (in.peek().kind() == TokenKind.WORD && !isClauseWord(in.peek())) {
            words.add(in.next().text());
        }
    }

    /** Reads {@code (n[, m])} into {@code params}; returns the written text instead when it holds anything else. */
    private String typeParams(List<Integer> params) {
        int mark = in.mark();
        in.next();
        List<Integer> numbers = new ArrayList<>();
        boolean numeric = true;
        do {
            if (in.peek().kind() != TokenKind.NUMBER) {
                numeric = false;
                break;
            }
            numbers.add(parseParam(in.next().text()));
        } while (in.acceptSymbol(","));
        if (numeric && in.acceptSymbol(")")) {
            params.addAll(numbers);
            return null;
        }
        in.reset(mark);
        in.skipParenthesized();
        return in.textFrom(mark);
    }

    private static Integer parseParam(String text) {
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * A DEFAULT expression: a literal, one of the supported functions, or any other expression up to the next
     * column clause, {@code ,} or {@code )}, which the handler refuses with its text.
     */
    DefaultSpec defaultExpression() {
        int start = in.mark();
        DefaultSpec simple = simpleDefault();
        if (simple != null && atExpressionEnd()) {
            return simple;
        }
        in.reset(start);
        int depth = 0;
        while (!in.atEnd() && !(depth == 0 && atExpressionEnd())) {
            if (in.peek().kind() == TokenKind.PARAM) {
                throw in.syntax("unexpected parameter");
            }
            Token t = in.next();
            if (t.isSymbol("(")) {
                depth++;
            } else if (t.isSymbol(")")) {
                depth--;
            }
        }
        if (in.mark() == start) {
            throw in.expected("a DEFAULT expression");
        }
        return DefaultSpec.unsupported(in.textFrom(start));
    }

    private boolean atExpressionEnd() {
        Token t = in.peek();
        return t.kind() == TokenKind.EOF || t.isSymbol(",") || t.isSymbol(")") || isClauseWord(t);
    }

    private DefaultSpec simpleDefault() {
        int start = in.mark();
        Token t = in.next();
        switch (t.kind()) {
            case STRING:
                return DefaultSpec.literal(t.text(), in.textFrom(start));
            case NUMBER:
                return number(t.text(), false, start);
            case SYMBOL:
                if ((t.isSymbol("-") || t.isSymbol("+")) && in.peek().kind() == TokenKind.NUMBER) {
                    return number(in.next().text(), t.isSymbol("-"), start);
                }
                return null;
            case WORD:
                return wordDefault(t, start);
            default:
                return null;
        }
    }

    private DefaultSpec number(String text, boolean negative, int start) {
        Object value = NumberLiterals.parse(text, negative);
        return value == null ? null : DefaultSpec.literal(value, in.textFrom(start));
    }

    private DefaultSpec wordDefault(Token t, int start) {
        switch (t.upper()) {
            case "TRUE":
                return DefaultSpec.literal(Boolean.TRUE, in.textFrom(start));
            case "FALSE":
                return DefaultSpec.literal(Boolean.FALSE, in.textFrom(start));
            case "NULL":
                return DefaultSpec.literal(null, in.textFrom(start));
            case "SNOWFLAKE_ID": case "UUID_V7": case "ULID":
                return emptyCall() ? DefaultSpec.function(t.upper(), in.textFrom(start)) : null;
            case "NOW": case "CURRENT_TIMESTAMP":
                return optionalEmptyCall() ? DefaultSpec.function("NOW", in.textFrom(start)) : null;
            case "CURRENT_DATE": case "CURRENT_USER":
                return optionalEmptyCall() ? DefaultSpec.function(t.upper(), in.textFrom(start)) : null;
            default:
                return null;
        }
    }

    /** Reads {@code ()}; false when it is not there. */
    private boolean emptyCall() {
        if (in.peek().isSymbol("(") && in.peekAt(1).isSymbol(")")) {
            in.next();
            in.next();
            return true;
        }
        return false;
    }

    /** Reads {@code ()} when present; false only when a parenthesis opens something else. */
    private boolean optionalEmptyCall() {
        return emptyCall() || !in.peek().isSymbol("(");
    }

    private String string(String what) {
        if (in.peek().kind() == TokenKind.STRING) {
            return in.next().text();
        }
        throw in.expected(what + " as a quoted string");
    }

    private static boolean isClauseWord(Token t) {
        return t.kind() == TokenKind.WORD && CLAUSE_WORDS.contains(t.upper());
    }
}
