package io.kalamdb.core.sql.ddl;

import io.kalamdb.commons.errors.KalamDbException;
import io.kalamdb.commons.ids.NamespaceId;
import io.kalamdb.commons.models.TableDefinition;
import io.kalamdb.commons.models.ViewDefinition;
import io.kalamdb.commons.types.KalamDataType;
import io.kalamdb.core.AppContext;
import io.kalamdb.core.sql.ExecutionContext;
import io.kalamdb.core.sql.SchemaField;
import io.kalamdb.core.sql.StatementResult;
import io.kalamdb.core.sql.parser.ddl.ShowTablesStatement;
import io.kalamdb.core.system.JsonText;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * {@code SHOW TABLES [IN [NAMESPACE] ns]} (spec sql.md §5): the rows of {@code system.tables} (storage.md §13.5),
 * tables and views, ordered by namespace and name. Cells follow the JSON cell encoding (http-api.md §5.5).
 */
public final class ShowTablesHandler {
    public static final List<SchemaField> SCHEMA = List.of(
            new SchemaField("namespace_id", KalamDataType.TEXT, 0, List.of("nn")),
            new SchemaField("table_name", KalamDataType.TEXT, 1, List.of("nn")),
            new SchemaField("table_type", KalamDataType.TEXT, 2, List.of("nn")),
            new SchemaField("storage_id", KalamDataType.TEXT, 3, List.of()),
            new SchemaField("version", KalamDataType.BIG_INT, 4, List.of("nn")),
            new SchemaField("options", KalamDataType.JSON, 5, List.of()),
            new SchemaField("comment", KalamDataType.TEXT, 6, List.of()),
            new SchemaField("updated_at", KalamDataType.TIMESTAMP, 7, List.of("nn")),
            new SchemaField("created_at", KalamDataType.TIMESTAMP, 8, List.of("nn")));

    private static final Comparator<List<Object>> ORDER = Comparator
            .comparing((List<Object> row) -> (String) row.get(0))
            .thenComparing(row -> (String) row.get(1));

    private ShowTablesHandler() {
    }

    public static StatementResult execute(AppContext ctx, ShowTablesStatement stmt, ExecutionContext exec) {
        NamespaceId namespace = stmt.namespace() == null ? null : NamespaceId.of(stmt.namespace());
        if (namespace != null && !TableNames.namespaceExists(ctx, namespace)) {
            throw KalamDbException.userError("Namespace '" + namespace + "' does not exist");
        }
        return new StatementResult.Rows(SCHEMA, rows(ctx, namespace), exec.asUser());
    }

    /** The rows of {@code system.tables}, of one namespace or (null) of all. */
    public static List<List<Object>> rows(AppContext ctx, NamespaceId namespace) {
        List<List<Object>> rows = new ArrayList<>();
        List<TableDefinition> tables = namespace == null ? ctx.schemas().tables() : ctx.schemas().tables(namespace);
        for (TableDefinition def : tables) {
            rows.add(tableRow(def));
        }
        for (ViewDefinition view : ctx.schemas().views()) {
            if (namespace == null || view.viewId().namespace().equals(namespace)) {
                rows.add(viewRow(view));
            }
        }
        rows.sort(ORDER);
        return rows;
    }

    private static List<Object> tableRow(TableDefinition def) {
        String storageId = def.options() == null ? null : def.options().storageId();
        return Arrays.asList(def.tableId().namespace().value(), def.tableId().table().value(),
                def.tableType().wireName(), storageId, Long.toString(def.schemaVersion()), TableOptionsJson.of(def),
                def.comment(), def.updatedAt(), def.createdAt());
    }

    private static List<Object> viewRow(ViewDefinition view) {
        return Arrays.asList(view.viewId().namespace().value(), view.viewId().table().value(), "view", null, "1",
                JsonText.compact(Map.of("sql", view.sql())), null, view.updatedAt(), view.createdAt());
    }
}
