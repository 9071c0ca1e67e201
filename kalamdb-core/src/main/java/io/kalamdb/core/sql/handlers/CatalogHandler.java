package io.kalamdb.core.sql.handlers;

import io.kalamdb.commons.enums.TableType;
import io.kalamdb.commons.errors.KalamDbException;
import io.kalamdb.commons.ids.IdentifierRules;
import io.kalamdb.commons.ids.JobId;
import io.kalamdb.commons.ids.NamespaceId;
import io.kalamdb.commons.ids.TableId;
import io.kalamdb.commons.ids.TableName;
import io.kalamdb.commons.models.TableDefinition;
import io.kalamdb.commons.models.ViewDefinition;
import io.kalamdb.commons.types.KalamDataType;
import io.kalamdb.core.AppContext;
import io.kalamdb.core.sql.ExecutionContext;
import io.kalamdb.core.sql.SchemaField;
import io.kalamdb.core.sql.SqlParam;
import io.kalamdb.core.sql.StatementResult;
import io.kalamdb.core.sql.calcite.CompiledQuery;
import io.kalamdb.core.sql.parser.KalamStatement.CreateView;
import io.kalamdb.core.sql.parser.KalamStatement.KillJob;
import io.kalamdb.core.sql.ddl.TableNames;
import io.kalamdb.core.sql.parser.KalamStatement.ShowStats;
import io.kalamdb.core.system.Micros;
import io.kalamdb.core.tables.HotTableStore;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;

/** CREATE VIEW, KILL JOB and SHOW STATS (spec sql.md §5, §13). */
public final class CatalogHandler {
    private static final List<SchemaField> STATS_SCHEMA = List.of(
            SchemaField.of("table_name", KalamDataType.TEXT, 0), SchemaField.of("namespace", KalamDataType.TEXT, 1),
            SchemaField.of("table_type", KalamDataType.TEXT, 2), SchemaField.of("schema_version", KalamDataType.INT, 3),
            SchemaField.of("hot_rows", KalamDataType.BIG_INT, 4), SchemaField.of("cold_segments", KalamDataType.BIG_INT, 5),
            SchemaField.of("cold_rows", KalamDataType.BIG_INT, 6), SchemaField.of("cold_bytes", KalamDataType.BIG_INT, 7));

    private final AppContext ctx;
    private final QueryHandler queries;

    public CatalogHandler(AppContext ctx, QueryHandler queries) {
        this.ctx = ctx;
        this.queries = queries;
    }

    public StatementResult createView(CreateView stmt, ExecutionContext exec, List<SqlParam> params) {
        NamespaceId ns = stmt.namespace() == null ? exec.defaultNamespace() : NamespaceId.of(stmt.namespace());
        IdentifierRules.violation(stmt.name()).ifPresent(problem -> {
            throw KalamDbException.userError(problem);
        });
        if (ns.isSystem()) {
            throw KalamDbException.userError("Cannot create views in the system namespace");
        }
        if (!ctx.namespaces().exists(ns)) {
            throw KalamDbException.userError("Namespace '" + ns + "' does not exist. Create it first with CREATE NAMESPACE "
                    + ns);
        }
        SqlNode parsed = queries.engine().parse(stmt.querySql());
        if (!parsed.getKind().belongsTo(SqlKind.QUERY)) {
            throw KalamDbException.userError("A view must be defined by a SELECT query");
        }
        CompiledQuery q = queries.engine().explain(stmt.querySql(), parsed, exec, params, queries.scope(exec));
        if (!stmt.columns().isEmpty() && stmt.columns().size() != q.fieldNames().size()) {
            throw KalamDbException.userError("View has " + stmt.columns().size() + " column names but its query returns "
                    + q.fieldNames().size() + " columns");
        }
        TableId id = new TableId(ns, TableName.of(stmt.name()));
        long now = Micros.now(ctx.clock());
        synchronized (ctx.schemas().ddlLock()) {
            if (ctx.schemas().table(id).isPresent()) {
                throw KalamDbException.userError("Table " + id + " already exists");
            }
            ViewDefinition existing = ctx.schemas().view(id).orElse(null);
            if (existing != null && !stmt.orReplace()) {
                if (stmt.ifNotExists()) {
                    return new StatementResult.Message(0, "View " + id + " already exists", exec.asUser());
                }
                throw KalamDbException.userError("View " + id + " already exists");
            }
            ctx.schemas().putView(new ViewDefinition(id, stmt.columns(), stmt.querySql(),
                    existing == null ? now : existing.createdAt(), now));
        }
        ctx.auditLog().record(exec.asUser(), "CREATE_VIEW", id.toString(), null, exec.session().clientIp(), null);
        return new StatementResult.Message(0, "View " + id + " created successfully", exec.asUser());
    }

    public StatementResult killJob(KillJob stmt, ExecutionContext exec) {
        String message = ctx.jobs().kill(new JobId(stmt.jobId()));
        ctx.auditLog().record(exec.asUser(), "KILL_JOB", "job:" + stmt.jobId(), null, exec.session().clientIp(), null);
        return new StatementResult.Message(0, message, exec.asUser());
    }

    public StatementResult showStats(ShowStats stmt, ExecutionContext exec) {
        NamespaceId ns = stmt.namespace() == null ? exec.defaultNamespace()
                : NamespaceId.of(stmt.namespace().toLowerCase(Locale.ROOT));
        TableId id = TableId.of(ns.value(), stmt.table());
        TableDefinition def = TableNames.require(ctx, id);
        boolean allScopes = exec.session().role().isAdmin() || def.tableType() == TableType.SHARED;
        String scope = HotTableStore.isScoped(def) && !allScopes ? exec.asUser() : null;
        long hot = ctx.hot().countVersions(def, scope);
        List<Object> row = List.of(def.tableId().table().value(), ns.value(), def.tableType().wireName(),
                def.schemaVersion(), Long.toString(hot), "0", "0", "0");
        return new StatementResult.Rows(STATS_SCHEMA, List.of(row), exec.asUser());
    }
}
