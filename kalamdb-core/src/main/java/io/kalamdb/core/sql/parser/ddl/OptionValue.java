package io.kalamdb.core.sql.parser.ddl;

/**
 * The value of a {@code WITH (key = value)} or {@code TBLPROPERTIES} option: the unquoted text of a
 * {@code 'string'}, or the text of a bare value as written ({@code rows:100}, {@code 168}, {@code -1}).
 */
public record OptionValue(String text, boolean quoted) {
    /** How the value reads in a normalised statement: quoted values keep their quotes. */
    public String sql() {
        return quoted ? "'" + text.replace("'", "''") + "'" : text;
    }
}
