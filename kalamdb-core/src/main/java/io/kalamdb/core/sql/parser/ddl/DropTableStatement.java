package io.kalamdb.core.sql.parser.ddl;

import io.kalamdb.commons.enums.TableType;
import io.kalamdb.core.AppContext;
import io.kalamdb.core.sql.ExecutableStatement;
import io.kalamdb.core.sql.ExecutionContext;
import io.kalamdb.core.sql.StatementResult;
import io.kalamdb.core.sql.ddl.DropTableHandler;
import io.kalamdb.core.sql.parser.RoleRequirement;

/** {@code DROP [USER|SHARED|STREAM] TABLE [IF EXISTS] [ns.]t} (spec sql.md §5); {@code typeKeyword} may be null. */
public record DropTableStatement(QualifiedName name, TableType typeKeyword, boolean ifExists)
        implements ExecutableStatement {
    private static final RoleRequirement REQUIREMENT = RoleRequirement.admin("Role '{role}' cannot drop tables");

    @Override
    public RoleRequirement requirement() {
        return REQUIREMENT;
    }

    @Override
    public StatementResult execute(AppContext ctx, ExecutionContext exec) {
        return DropTableHandler.execute(ctx, this, exec);
    }
}
