package io.kalamdb.core.sql.ddl;

import io.kalamdb.commons.errors.KalamDbException;
import io.kalamdb.commons.ids.TableId;
import io.kalamdb.core.AppContext;
import io.kalamdb.core.schema.SchemaRegistry;
import io.kalamdb.core.sql.ExecutionContext;
import io.kalamdb.core.sql.StatementResult;
import io.kalamdb.core.sql.parser.ddl.DropViewStatement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code DROP VIEW [IF EXISTS] [ns.]v} (spec sql.md §5). */
public final class DropViewHandler {
    private static final Logger log = LoggerFactory.getLogger(DropViewHandler.class);

    private DropViewHandler() {
    }

    public static StatementResult execute(AppContext ctx, DropViewStatement stmt, ExecutionContext exec) {
        TableId id = TableNames.resolve(stmt.name(), exec);
        SchemaRegistry schemas = ctx.schemas();
        synchronized (schemas.ddlLock()) {
            if (schemas.view(id).isEmpty()) {
                if (stmt.ifExists()) {
                    return DdlResults.message("View " + id + " does not exist (skipped)", exec);
                }
                if (schemas.table(id).isPresent()) {
                    throw KalamDbException.userError(id + " is a table, not a view (use DROP TABLE)");
                }
                throw TableNames.notFound(ctx, id);
            }
            schemas.dropView(id);
        }
        log.info("View dropped table_id={}", id);
        DdlResults.audit(ctx, exec, "DROP_VIEW", id.toString(), null);
        return DdlResults.message("View " + id + " dropped successfully", exec);
    }
}
