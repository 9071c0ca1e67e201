package io.kalamdb.core.sql.parser.ddl;

import io.kalamdb.core.AppContext;
import io.kalamdb.core.sql.ExecutableStatement;
import io.kalamdb.core.sql.ExecutionContext;
import io.kalamdb.core.sql.StatementResult;
import io.kalamdb.core.sql.ddl.ShowTablesHandler;
import io.kalamdb.core.sql.parser.RoleRequirement;

/** {@code SHOW TABLES [IN [NAMESPACE] ns]} (spec sql.md §5); {@code namespace} is null without IN. */
public record ShowTablesStatement(String namespace) implements ExecutableStatement {
    @Override
    public RoleRequirement requirement() {
        return RoleRequirement.ANY;
    }

    @Override
    public StatementResult execute(AppContext ctx, ExecutionContext exec) {
        return ShowTablesHandler.execute(ctx, this, exec);
    }
}
