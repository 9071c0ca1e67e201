package io.kalamdb.core.sql.parser.ddl;

/** {@code ADD [COLUMN] column_def}; {@code positioned} is true when FIRST or AFTER was written. */
public record AddColumn(ColumnSpec column, boolean positioned) implements AlterOperation {
}
