package io.kalamdb.core.sql.ddl;

import io.kalamdb.commons.enums.JobType;
import io.kalamdb.commons.errors.KalamDbException;
import io.kalamdb.commons.ids.JobId;
import io.kalamdb.commons.ids.TableId;
import io.kalamdb.commons.models.TableDefinition;
import io.kalamdb.core.AppContext;
import io.kalamdb.core.jobs.executors.CleanupJobs;
import io.kalamdb.core.schema.SchemaRegistry;
import io.kalamdb.core.sql.ExecutionContext;
import io.kalamdb.core.sql.StatementResult;
import io.kalamdb.core.sql.parser.ddl.DropTableStatement;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code DROP [USER|SHARED|STREAM] TABLE} (spec sql.md §5) with the cleanup of spec storage.md §9. */
public final class DropTableHandler {
    private static final Logger log = LoggerFactory.getLogger(DropTableHandler.class);

    private DropTableHandler() {
    }

    public static StatementResult execute(AppContext ctx, DropTableStatement stmt, ExecutionContext exec) {
        TableId id = TableNames.resolve(stmt.name(), exec);
        if (id.namespace().isSystem()) {
            throw KalamDbException.userError("Cannot drop system table '" + id + "'");
        }
        SchemaRegistry schemas = ctx.schemas();
        JobId job;
        synchronized (schemas.ddlLock()) {
            Optional<TableDefinition> found = schemas.table(id);
            if (found.isEmpty()) {
                if (stmt.ifExists()) {
                    return DdlResults.message("Table " + id + " does not exist (skipped)", exec);
                }
                if (schemas.view(id).isPresent()) {
                    throw KalamDbException.userError(id + " is a view, not a table (use DROP VIEW)");
                }
                throw TableNames.notFound(ctx, id);
            }
            TableDefinition def = found.get();
            if (stmt.typeKeyword() != null && stmt.typeKeyword() != def.tableType()) {
                throw KalamDbException.userError("Table " + id + " is a " + def.tableType().name() + " table, not a "
                        + stmt.typeKeyword().name() + " table");
            }
            job = dropTable(ctx, def, exec);
        }
        return DdlResults.message("Table " + id + " dropped successfully. Cleanup job: " + job, exec);
    }

    /**
     * Drops one table as DROP TABLE does (spec storage.md §9): cancels its queued jobs, moves its cold files to the
     * trash, removes every schema version, creates its CL job and writes the {@code DROP_TABLE} audit entry. DROP
     * NAMESPACE calls this once per table. Returns the id of the CL job.
     */
    public static JobId dropTable(AppContext ctx, TableDefinition def, ExecutionContext exec) {
        TableId id = def.tableId();
        JobId job;
        synchronized (ctx.schemas().ddlLock()) {
            ctx.jobs().cancelTableJobs(def.tableUid());
            String trashDir = TableTrash.moveToTrash(ctx, def);
            ctx.schemas().drop(id);
            job = ctx.jobs().create(JobType.CLEANUP, CleanupJobs.parameters(def, trashDir),
                    CleanupJobs.idempotencyKey(def), def.tableUid());
        }
        log.info("Table dropped table_id={} uid={} cleanup_job={}", id, def.tableUid(), job);
        DdlResults.audit(ctx, exec, "DROP_TABLE", id.toString(),
                "Type: " + def.tableType().wireName() + ", Cleanup Job: " + job);
        return job;
    }
}
