package io.kalamdb.core.sql.parser.ddl;

/** {@code ALTER [COLUMN] c SET NOT NULL}. */
public record SetColumnNotNull(String column) implements AlterOperation {
}
