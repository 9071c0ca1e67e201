package io.kalamdb.core.sql.parser.ddl;

import io.kalamdb.commons.enums.TableType;
import io.kalamdb.core.AppContext;
import io.kalamdb.core.sql.ExecutableStatement;
import io.kalamdb.core.sql.ExecutionContext;
import io.kalamdb.core.sql.StatementResult;
import io.kalamdb.core.sql.ddl.CreateTableHandler;
import io.kalamdb.core.sql.parser.RoleRequirement;
import java.util.List;
import java.util.Map;

/**
 * {@code CREATE [USER|SHARED|STREAM] TABLE} (spec sql.md §3). {@code typeKeyword} is null when no prefix was given;
 * {@code options} holds the WITH options, keys in upper case.
 */
public record CreateTableStatement(QualifiedName name, TableType typeKeyword, boolean ifNotExists,
                                   List<ColumnSpec> columns, List<TableConstraint> constraints,
                                   Map<String, OptionValue> options) implements ExecutableStatement {
    private static final RoleRequirement REQUIREMENT = RoleRequirement.service("Role '{role}' cannot create tables");

    @Override
    public RoleRequirement requirement() {
        return REQUIREMENT;
    }

    @Override
    public StatementResult execute(AppContext ctx, ExecutionContext exec) {
        return CreateTableHandler.execute(ctx, this, exec);
    }
}
