package io.kalamdb.core.sql.parser.ddl;

/**
 * A clause of ALTER TABLE that belongs to a later phase, e.g. {@code CREATE VECTOR INDEX}: answered
 * {@code NOT_IMPLEMENTED "<name> is not available in this version"} after the role check.
 */
public record UnavailableClause(String name) implements AlterOperation {
}
