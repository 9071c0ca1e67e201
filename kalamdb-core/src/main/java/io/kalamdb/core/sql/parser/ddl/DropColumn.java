package io.kalamdb.core.sql.parser.ddl;

/** {@code DROP [COLUMN] c}. */
public record DropColumn(String column) implements AlterOperation {
}
