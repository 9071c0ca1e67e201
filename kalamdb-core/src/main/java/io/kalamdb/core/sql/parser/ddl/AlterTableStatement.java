package io.kalamdb.core.sql.parser.ddl;

import io.kalamdb.core.AppContext;
import io.kalamdb.core.sql.ExecutableStatement;
import io.kalamdb.core.sql.ExecutionContext;
import io.kalamdb.core.sql.StatementResult;
import io.kalamdb.core.sql.ddl.AlterTableHandler;
import io.kalamdb.core.sql.parser.RoleRequirement;

/** {@code ALTER TABLE [ns.]t <operation>} (spec sql.md §4). */
public record AlterTableStatement(QualifiedName name, AlterOperation operation) implements ExecutableStatement {
    private static final RoleRequirement REQUIREMENT = RoleRequirement.service("Role '{role}' cannot alter tables");

    @Override
    public RoleRequirement requirement() {
        return REQUIREMENT;
    }

    @Override
    public StatementResult execute(AppContext ctx, ExecutionContext exec) {
        return AlterTableHandler.execute(ctx, this, exec);
    }
}
