package io.kalamdb.core.sql;

import io.kalamdb.core.AppContext;
import io.kalamdb.core.sql.parser.KalamStatement;

/** A parsed statement that knows how to run itself, after the executor's role check passed. */
public interface ExecutableStatement extends KalamStatement {
    StatementResult execute(AppContext ctx, ExecutionContext exec);
}
