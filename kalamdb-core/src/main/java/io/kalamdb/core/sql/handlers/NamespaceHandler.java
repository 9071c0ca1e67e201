package io.kalamdb.core.sql.handlers;

import io.kalamdb.commons.errors.KalamDbException;
import io.kalamdb.commons.ids.IdentifierRules;
import io.kalamdb.commons.ids.NamespaceId;
import io.kalamdb.commons.models.Namespace;
import io.kalamdb.commons.models.TableDefinition;
import io.kalamdb.commons.models.ViewDefinition;
import io.kalamdb.commons.types.KalamDataType;
import io.kalamdb.core.AppContext;
import io.kalamdb.core.sql.ExecutionContext;
import io.kalamdb.core.sql.SchemaField;
import io.kalamdb.core.sql.StatementResult;
import io.kalamdb.core.sql.ddl.DropTableHandler;
import io.kalamdb.core.sql.parser.KalamStatement.AlterNamespace;
import io.kalamdb.core.sql.parser.KalamStatement.CreateNamespace;
import io.kalamdb.core.sql.parser.KalamStatement.DropNamespace;
import io.kalamdb.core.sql.parser.KalamStatement.UseNamespace;
import io.kalamdb.core.system.Micros;
import io.kalamdb.core.system.JsonText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** CREATE / ALTER / DROP NAMESPACE, SHOW NAMESPACES and USE (spec sql.md §2). */
public final class NamespaceHandler {
    private static final List<SchemaField> SHOW_SCHEMA = List.of(
            new SchemaField("namespace_id", KalamDataType.TEXT, 0, List.of("nn", "pk", "uq")),
            new SchemaField("name", KalamDataType.TEXT, 1, List.of("nn")),
            new SchemaField("created_at", KalamDataType.TIMESTAMP, 2, List.of("nn")),
            new SchemaField("options", KalamDataType.JSON, 3, List.of()),
            new SchemaField("table_count", KalamDataType.INT, 4, List.of("nn")));

    private final AppContext ctx;

    public NamespaceHandler(AppContext ctx) {
        this.ctx = ctx;
    }

    public StatementResult create(CreateNamespace stmt, ExecutionContext exec) {
        NamespaceId id = NamespaceId.of(stmt.name());
        if (IdentifierRules.isReservedNamespace(id.value())) {
            throw KalamDbException.userError("Namespace '" + id + "' is reserved and cannot be used");
        }
        IdentifierRules.violation(stmt.name()).ifPresent(problem -> {
            throw KalamDbException.userError(problem);
        });
        synchronized (ctx.schemas().ddlLock()) {
            if (ctx.namespaces().exists(id)) {
                if (stmt.ifNotExists()) {
                    return message("Namespace '" + id + "' already exists", exec);
                }
                throw KalamDbException.userError("Namespace '" + id + "' already exists");
            }
            ctx.namespaces().put(new Namespace(id, id.value(), Micros.now(ctx.clock()), Map.of()));
            ctx.schemas().touch();
        }
        audit(exec, "CREATE_NAMESPACE", id, null);
        return message("Namespace '" + id + "' created successfully", exec);
    }

    public StatementResult alter(AlterNamespace stmt, ExecutionContext exec) {
        NamespaceId id = NamespaceId.of(stmt.name());
        synchronized (ctx.schemas().ddlLock()) {
            Namespace current = ctx.namespaces().get(id).orElseThrow(() -> missing(id));
            ctx.namespaces().put(current.withMergedOptions(stmt.options()));
        }
        audit(exec, "ALTER_NAMESPACE", id, "SET OPTIONS " + String.join(",", stmt.options().keySet()));
        return message("Namespace '" + id + "' altered successfully", exec);
    }

    public StatementResult drop(DropNamespace stmt, ExecutionContext exec) {
        NamespaceId id = NamespaceId.of(stmt.name());
        if (id.equals(NamespaceId.DEFAULT) || id.isSystem()) {
            throw KalamDbException.userError("Namespace '" + id + "' is reserved and cannot be dropped");
        }
        synchronized (ctx.schemas().ddlLock()) {
            if (!ctx.namespaces().exists(id)) {
                if (stmt.ifExists()) {
                    return message("Namespace '" + id + "' does not exist", exec);
                }
                throw missing(id);
            }
            for (TableDefinition table : ctx.schemas().tables(id)) {
                DropTableHandler.dropTable(ctx, table, exec);
            }
            for (ViewDefinition view : ctx.schemas().views()) {
                if (view.viewId().namespace().equals(id)) {
                    ctx.schemas().dropView(view.viewId());
                }
            }
            ctx.namespaces().delete(id);
            ctx.schemas().touch();
        }
        audit(exec, "DROP_NAMESPACE", id, null);
        return message("Namespace '" + id + "' dropped successfully", exec);
    }

    public StatementResult show(ExecutionContext exec) {
        List<List<Object>> rows = new ArrayList<>();
        for (Namespace ns : ctx.namespaces().all()) {
            rows.add(List.of(ns.namespaceId().value(), ns.name(), ns.createdAt(), JsonText.compact(ns.options()),
                    ctx.schemas().objectCount(ns.namespaceId())));
        }
        return new StatementResult.Rows(SHOW_SCHEMA, rows, exec.asUser());
    }

    public StatementResult use(UseNamespace stmt, ExecutionContext exec) {
        NamespaceId id = NamespaceId.of(stmt.name());
        if (!id.isSystem() && !ctx.namespaces().exists(id)) {
            throw missing(id);
        }
        exec.useNamespace(id);
        return message("Namespace switched to '" + id + "'", exec);
    }

    private static KalamDbException missing(NamespaceId id) {
        return KalamDbException.userError("Namespace '" + id + "' does not exist");
    }

    private void audit(ExecutionContext exec, String action, NamespaceId id, String details) {
        ctx.auditLog().record(exec.asUser(), action, id.value(), details, exec.session().clientIp(), null);
    }

    private static StatementResult message(String text, ExecutionContext exec) {
        return new StatementResult.Message(0, text, exec.asUser());
    }
}
