package io.kalamdb.core.sql.ddl;

import io.kalamdb.commons.errors.KalamDbException;
import io.kalamdb.commons.ids.TableId;
import io.kalamdb.commons.models.TableDefinition;
import io.kalamdb.core.AppContext;
import io.kalamdb.core.schema.SchemaRegistry;
import io.kalamdb.core.sql.ExecutionContext;
import io.kalamdb.core.sql.StatementResult;
import io.kalamdb.core.sql.parser.ddl.AddColumn;
import io.kalamdb.core.sql.parser.ddl.AlterOperation;
import io.kalamdb.core.sql.parser.ddl.AlterTableStatement;
import io.kalamdb.core.sql.parser.ddl.DropColumn;
import io.kalamdb.core.sql.parser.ddl.DropColumnDefault;
import io.kalamdb.core.sql.parser.ddl.DropColumnNotNull;
import io.kalamdb.core.sql.parser.ddl.ModifyColumn;
import io.kalamdb.core.sql.parser.ddl.RenameColumn;
import io.kalamdb.core.sql.parser.ddl.SetAccessLevel;
import io.kalamdb.core.sql.parser.ddl.SetColumnDefault;
import io.kalamdb.core.sql.parser.ddl.SetColumnNotNull;
import io.kalamdb.core.sql.parser.ddl.SetTableProperties;
import io.kalamdb.core.sql.parser.ddl.UnavailableClause;
import io.kalamdb.core.system.Micros;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ALTER TABLE} (spec sql.md §4): one operation per statement; a change stores a new schema version, a no-op
 * answers with the "unchanged" message.
 */
public final class AlterTableHandler {
    private static final Logger log = LoggerFactory.getLogger(AlterTableHandler.class);

    private AlterTableHandler() {
    }

    public static StatementResult execute(AppContext ctx, AlterTableStatement stmt, ExecutionContext exec) {
        if (stmt.operation() instanceof UnavailableClause clause) {
            throw KalamDbException.notImplemented(clause.name());
        }
        TableId id = TableNames.resolve(stmt.name(), exec);
        if (id.namespace().isSystem()) {
            throw KalamDbException.userError("Cannot alter system table '" + id + "'");
        }
        SchemaRegistry schemas = ctx.schemas();
        AlterOutcome outcome;
        int version;
        synchronized (schemas.ddlLock()) {
            TableDefinition def = TableNames.require(ctx, id);
            outcome = apply(ctx, def, stmt.operation());
            if (!outcome.changed()) {
                return DdlResults.message("Table " + id + " unchanged: " + outcome.change() + " (version "
                        + def.schemaVersion() + " - no changes needed)", exec);
            }
            version = def.schemaVersion() + 1;
            schemas.put(new TableDefinition(id, def.tableUid(), def.tableType(), version, outcome.columns(),
                    outcome.options(), def.comment(), def.createdAt(), Micros.now(ctx.clock()),
                    outcome.nextColumnId()));
        }
        log.info("Table altered table_id={} version={}", id, version);
        DdlResults.audit(ctx, exec, "ALTER_TABLE", id.toString(), outcome.change());
        return DdlResults.message("Table " + id + " altered successfully: " + outcome.change() + " (version "
                + version + ")", exec);
    }

    private static AlterOutcome apply(AppContext ctx, TableDefinition def, AlterOperation operation) {
        if (operation instanceof AddColumn op) {
            return ColumnAlterations.add(ctx, def, op);
        } else if (operation instanceof DropColumn op) {
            return ColumnAlterations.drop(def, op);
        } else if (operation instanceof RenameColumn op) {
            return ColumnAlterations.rename(def, op);
        } else if (operation instanceof ModifyColumn op) {
            return ColumnChanges.modify(ctx, def, op);
        } else if (operation instanceof SetColumnNotNull op) {
            return ColumnChanges.setNotNull(ctx, def, op.column());
        } else if (operation instanceof DropColumnNotNull op) {
            return ColumnChanges.dropNotNull(def, op.column());
        } else if (operation instanceof SetColumnDefault op) {
            return ColumnChanges.setDefault(def, op.column(), op.value());
        } else if (operation instanceof DropColumnDefault op) {
            return ColumnChanges.dropDefault(def, op.column());
        } else if (operation instanceof SetAccessLevel op) {
            return OptionAlterations.accessLevel(def, op);
        } else if (operation instanceof SetTableProperties op) {
            return OptionAlterations.properties(def, op);
        }
        throw KalamDbException.internal("Unhandled ALTER TABLE operation", null);
    }
}
