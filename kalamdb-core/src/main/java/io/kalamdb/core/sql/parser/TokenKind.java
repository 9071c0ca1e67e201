package io.kalamdb.core.sql.parser;

/** Kinds of lexical tokens of KalamDB's SQL dialect. */
public enum TokenKind {
    /** A bare word: keyword or unquoted identifier, case as written. */
    WORD,
    /** A {@code "quoted"} identifier, unescaped. */
    QUOTED_IDENT,
    /** A {@code 'string'} literal, unescaped. */
    STRING,
    /** An integer or decimal number literal. */
    NUMBER,
    /** A positional parameter {@code $n}. */
    PARAM,
    /** Punctuation or an operator. */
    SYMBOL,
    /** End of input. */
    EOF
}
