package io.kalamdb.core.sql.parser.ddl;

/** {@code ALTER [COLUMN] c DROP DEFAULT}. */
public record DropColumnDefault(String column) implements AlterOperation {
}
