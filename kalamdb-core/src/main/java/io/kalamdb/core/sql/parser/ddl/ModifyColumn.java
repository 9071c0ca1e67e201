package io.kalamdb.core.sql.parser.ddl;

/**
 * {@code MODIFY [COLUMN] c type [NULL | NOT NULL]} or {@code ALTER [COLUMN] c TYPE type} ({@code alterSyntax}).
 * {@code notNull} is {@code TRUE}, {@code FALSE} or null when not given.
 */
public record ModifyColumn(String column, TypeSpec type, Boolean notNull, boolean alterSyntax)
        implements AlterOperation {
}
