package io.kalamdb.core.sql.ddl;

import io.kalamdb.commons.errors.ErrorCode;
import io.kalamdb.commons.errors.KalamDbException;
import io.kalamdb.commons.ids.NamespaceId;
import io.kalamdb.commons.ids.TableId;
import io.kalamdb.commons.ids.TableName;
import io.kalamdb.commons.models.TableDefinition;
import io.kalamdb.core.AppContext;
import io.kalamdb.core.sql.ExecutionContext;
import io.kalamdb.core.sql.parser.ddl.QualifiedName;

/**
 * Resolution of {@code [ns.]t} names (spec sql.md §1): an unqualified name resolves against the request's default
 * namespace; namespace and table names are case-insensitive and held in lowercase. A table that must exist and
 * does not is {@code TABLE_NOT_FOUND}: {@code Namespace 'ns' does not exist} when the namespace is missing, else
 * {@code Table 'ns.t' not found}.
 */
public final class TableNames {
    private TableNames() {
    }

    public static TableId resolve(QualifiedName name, ExecutionContext exec) {
        NamespaceId namespace = name.namespace() == null ? exec.defaultNamespace() : NamespaceId.of(name.namespace());
        return new TableId(namespace, TableName.of(name.name()));
    }

    /** The latest definition of the table, or {@code TABLE_NOT_FOUND}. */
    public static TableDefinition require(AppContext ctx, TableId id) {
        return ctx.schemas().table(id).orElseThrow(() -> notFound(ctx, id));
    }

    /** Whether the namespace exists; {@code system} always does. */
    public static boolean namespaceExists(AppContext ctx, NamespaceId namespace) {
        return namespace.isSystem() || ctx.namespaces().exists(namespace);
    }

    /** The {@code TABLE_NOT_FOUND} error for a table or view that does not exist. */
    public static KalamDbException notFound(AppContext ctx, TableId id) {
        if (!namespaceExists(ctx, id.namespace())) {
            return new KalamDbException(ErrorCode.TABLE_NOT_FOUND, "Namespace '" + id.namespace() + "' does not exist");
        }
        return new KalamDbException(ErrorCode.TABLE_NOT_FOUND, "Table '" + id + "' not found");
    }
}
