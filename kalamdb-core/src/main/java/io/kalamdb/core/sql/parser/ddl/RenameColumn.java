package io.kalamdb.core.sql.parser.ddl;

/** {@code RENAME [COLUMN] a TO b}. */
public record RenameColumn(String from, String to) implements AlterOperation {
}
