package io.kalamdb.core.sql.parser.ddl;

import io.kalamdb.core.AppContext;
import io.kalamdb.core.sql.ExecutableStatement;
import io.kalamdb.core.sql.ExecutionContext;
import io.kalamdb.core.sql.StatementResult;
import io.kalamdb.core.sql.ddl.DescribeHandler;
import io.kalamdb.core.sql.parser.RoleRequirement;

/** {@code DESCRIBE|DESC [TABLE] [ns.]t [HISTORY]} (spec sql.md §5). */
public record DescribeTableStatement(QualifiedName name, boolean history) implements ExecutableStatement {
    @Override
    public RoleRequirement requirement() {
        return RoleRequirement.ANY;
    }

    @Override
    public StatementResult execute(AppContext ctx, ExecutionContext exec) {
        return DescribeHandler.execute(ctx, this, exec);
    }
}
