package io.kalamdb.core.sql.parser.ddl;

/** {@code ALTER [COLUMN] c DROP NOT NULL}. */
public record DropColumnNotNull(String column) implements AlterOperation {
}
