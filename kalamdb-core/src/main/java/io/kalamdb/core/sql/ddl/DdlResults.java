package io.kalamdb.core.sql.ddl;

import io.kalamdb.core.AppContext;
import io.kalamdb.core.sql.ExecutionContext;
import io.kalamdb.core.sql.StatementResult;

/** The message result and the audit entry every table DDL statement produces (spec http-api.md §5.6, auth.md §13). */
final class DdlResults {
    private DdlResults() {
    }

    static StatementResult message(String text, ExecutionContext exec) {
        return new StatementResult.Message(0, text, exec.asUser());
    }

    static void audit(AppContext ctx, ExecutionContext exec, String action, String target, String details) {
        ctx.auditLog().record(exec.asUser(), action, target, details, exec.session().clientIp(), null);
    }
}
