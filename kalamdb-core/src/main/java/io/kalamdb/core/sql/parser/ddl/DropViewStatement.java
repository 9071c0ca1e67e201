package io.kalamdb.core.sql.parser.ddl;

import io.kalamdb.core.AppContext;
import io.kalamdb.core.sql.ExecutableStatement;
import io.kalamdb.core.sql.ExecutionContext;
import io.kalamdb.core.sql.StatementResult;
import io.kalamdb.core.sql.ddl.DropViewHandler;
import io.kalamdb.core.sql.parser.RoleRequirement;

/** {@code DROP VIEW [IF EXISTS] [ns.]v} (spec sql.md §5). */
public record DropViewStatement(QualifiedName name, boolean ifExists) implements ExecutableStatement {
    private static final RoleRequirement REQUIREMENT = RoleRequirement.admin(RoleRequirement.ADMIN_VIEW);

    @Override
    public RoleRequirement requirement() {
        return REQUIREMENT;
    }

    @Override
    public StatementResult execute(AppContext ctx, ExecutionContext exec) {
        return DropViewHandler.execute(ctx, this, exec);
    }
}
