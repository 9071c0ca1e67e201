package io.kalamdb.core.sql.parser.ddl;

import java.util.List;

/**
 * One column definition as written in CREATE TABLE or ALTER TABLE ADD (spec sql.md §3). {@code notNull} is
 * {@code TRUE} for {@code NOT NULL}, {@code FALSE} for an explicit {@code NULL} and null when neither was given.
 * {@code refusedConstraints} lists the constraint kinds the dialect refuses ({@code UNIQUE}, {@code CHECK},
 * {@code REFERENCES}), in the order written; the handler reports them after the role check.
 */
public record ColumnSpec(String name, TypeSpec type, Boolean notNull, boolean primaryKey, DefaultSpec defaultValue,
                         boolean identity, String comment, List<String> refusedConstraints) {
}
