package io.kalamdb.core.sql.parser.ddl;

/** {@code ALTER [COLUMN] c SET DEFAULT d}. */
public record SetColumnDefault(String column, DefaultSpec value) implements AlterOperation {
}
