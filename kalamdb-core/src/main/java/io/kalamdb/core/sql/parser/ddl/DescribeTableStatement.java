package io.kalamdb.core.sql.parser.ddl;

import io.kalamdb.core.sql.parser.KalamStatement;
import io.kalamdb.core.sql.parser.RoleRequirement;

/**
 * {@code DESCRIBE|DESC [TABLE] [ns.]t [HISTORY]} (spec sql.md §5). Run by
 * {@link io.kalamdb.core.sql.ddl.DescribeHandler}, which needs the query engine for views and system tables.
 */
public record DescribeTableStatement(QualifiedName name, boolean history) implements KalamStatement {
    @Override
    public RoleRequirement requirement() {
        return RoleRequirement.ANY;
    }
}
