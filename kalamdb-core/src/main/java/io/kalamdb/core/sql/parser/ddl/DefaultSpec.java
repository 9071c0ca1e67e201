package io.kalamdb.core.sql.parser.ddl;

/**
 * A {@code DEFAULT} expression as parsed. {@code kind} tells which of the other fields applies: a literal value
 * ({@code String}, {@code Long}, {@code BigDecimal}, {@code Boolean} or null), a function name in canonical upper
 * case ({@code SNOWFLAKE_ID}, {@code UUID_V7}, {@code ULID}, {@code NOW}, {@code CURRENT_DATE},
 * {@code CURRENT_USER}), or an expression that is not supported. {@code text} is the expression as written.
 */
public record DefaultSpec(Kind kind, Object literal, String function, String text) {
    /** The kinds of DEFAULT expressions. */
    public enum Kind { LITERAL, FUNCTION, UNSUPPORTED }

    public static DefaultSpec literal(Object value, String text) {
        return new DefaultSpec(Kind.LITERAL, value, null, text);
    }

    public static DefaultSpec function(String name, String text) {
        return new DefaultSpec(Kind.FUNCTION, null, name, text);
    }

    public static DefaultSpec unsupported(String text) {
        return new DefaultSpec(Kind.UNSUPPORTED, null, null, text);
    }
}
