package io.kalamdb.core.sql.ddl;

import io.kalamdb.commons.errors.KalamDbException;
import io.kalamdb.commons.ids.TableId;
import io.kalamdb.commons.models.ColumnDefinition;
import io.kalamdb.commons.models.TableDefinition;
import io.kalamdb.commons.models.ViewDefinition;
import io.kalamdb.commons.types.KalamDataType;
import io.kalamdb.core.AppContext;
import io.kalamdb.core.sql.ExecutionContext;
import io.kalamdb.core.sql.SchemaField;
import io.kalamdb.core.sql.StatementResult;
import io.kalamdb.core.sql.calcite.CompiledQuery;
import io.kalamdb.core.sql.handlers.QueryHandler;
import io.kalamdb.core.sql.parser.ddl.DescribeTableStatement;
import io.kalamdb.core.system.tables.SystemColumn;
import io.kalamdb.core.system.tables.SystemTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.sql.SqlNode;

/** {@code DESCRIBE [TABLE] t} and {@code DESCRIBE [TABLE] t HISTORY} (spec sql.md §5). */
public final class DescribeHandler {
    public static final List<SchemaField> COLUMNS_SCHEMA = List.of(
            new SchemaField("column_name", KalamDataType.TEXT, 0, List.of("nn")),
            new SchemaField("ordinal_position", KalamDataType.INT, 1, List.of("nn")),
            new SchemaField("column_id", KalamDataType.BIG_INT, 2, List.of("nn")),
            new SchemaField("data_type", KalamDataType.TEXT, 3, List.of("nn")),
            new SchemaField("is_nullable", KalamDataType.BOOLEAN, 4, List.of("nn")),
            new SchemaField("is_primary_key", KalamDataType.BOOLEAN, 5, List.of("nn")),
            new SchemaField("column_default", KalamDataType.TEXT, 6, List.of()),
            new SchemaField("column_comment", KalamDataType.TEXT, 7, List.of()),
            new SchemaField("schema_version", KalamDataType.INT, 8, List.of("nn")));

    public static final List<SchemaField> HISTORY_SCHEMA = List.of(
            new SchemaField("schema_version", KalamDataType.INT, 0, List.of("nn")),
            new SchemaField("is_latest", KalamDataType.BOOLEAN, 1, List.of("nn")),
            new SchemaField("created_at", KalamDataType.TIMESTAMP, 2, List.of("nn")),
            new SchemaField("columns", KalamDataType.JSON, 3, List.of("nn")));

    private DescribeHandler() {
    }

    /**
     * DESCRIBE of a table, of a system table (open to every role: a DESCRIBE is not a query over {@code system.*},
     * spec auth.md §10) or of a view (its columns as the caller's expansion of it derives them).
     */
    public static StatementResult execute(AppContext ctx, DescribeTableStatement stmt, ExecutionContext exec,
                                          QueryHandler queries) {
        TableId id = TableNames.resolve(stmt.name(), exec);
        Optional<TableDefinition> table = ctx.schemas().table(id);
        if (table.isPresent()) {
            TableDefinition def = table.get();
            return stmt.history() ? new StatementResult.Rows(HISTORY_SCHEMA, historyRows(ctx, def), exec.asUser())
                    : new StatementResult.Rows(COLUMNS_SCHEMA, columnRows(def), exec.asUser());
        }
        SystemTable system = id.namespace().isSystem()
                ? queries.engine().systemTables().system().get(id.table().value()) : null;
        if (system != null) {
            requireNoHistory(stmt, "System table " + id);
            return new StatementResult.Rows(COLUMNS_SCHEMA, systemColumnRows(system), exec.asUser());
        }
        ViewDefinition view = ctx.schemas().view(id).orElseThrow(() -> TableNames.notFound(ctx, id));
        requireNoHistory(stmt, "View " + id);
        return new StatementResult.Rows(COLUMNS_SCHEMA, viewColumnRows(view, exec, queries), exec.asUser());
    }

    private static List<List<Object>> columnRows(TableDefinition def) {
        List<List<Object>> rows = new ArrayList<>(def.columns().size());
        for (ColumnDefinition c : def.columns()) {
            rows.add(Arrays.asList(c.columnName(), c.ordinalPosition(), Long.toString(c.columnId()),
                    c.dataType().sqlName(), c.isNullable(), c.isPrimaryKey(),
                    c.defaultValue() == null ? null : c.defaultValue().describe(), c.comment(), def.schemaVersion()));
        }
        return rows;
    }

    private static void requireNoHistory(DescribeTableStatement stmt, String what) {
        if (stmt.history()) {
            throw KalamDbException.userError(what + " has no schema history");
        }
    }

    private static List<List<Object>> systemColumnRows(SystemTable table) {
        List<List<Object>> rows = new ArrayList<>(table.columns().size());
        int position = 1;
        for (SystemColumn c : table.columns()) {
            rows.add(Arrays.asList(c.name(), position, Long.toString(position), c.type().sqlName(), c.nullable(),
                    c.primaryKey(), null, null, 1));
            position++;
        }
        return rows;
    }

    /** The view's columns as its query derives them for the caller (invoker rights, spec sql.md §5). */
    private static List<List<Object>> viewColumnRows(ViewDefinition view, ExecutionContext exec, QueryHandler queries) {
        SqlNode parsed = queries.engine().parse(view.sql());
        CompiledQuery q = queries.engine().explain(view.sql(), parsed, exec, List.of(), queries.scope(exec));
        List<List<Object>> rows = new ArrayList<>(q.fieldNames().size());
        for (int i = 0; i < q.fieldNames().size(); i++) {
            String name = i < view.columnAliases().size() ? view.columnAliases().get(i) : q.fieldNames().get(i);
            int position = i + 1;
            rows.add(Arrays.asList(name, position, Long.toString(position), q.fieldTypes().get(i).sqlName(),
                    !q.fieldFlags().get(i).contains("nn"), false, null, null, 1));
        }
        return rows;
    }

    private static List<List<Object>> historyRows(AppContext ctx, TableDefinition latest) {
        List<List<Object>> rows = new ArrayList<>();
        for (TableDefinition version : ctx.schemas().history(latest.tableId())) {
            if (version.tableUid() != latest.tableUid()) {
                continue;
            }
            rows.add(List.of(version.schemaVersion(), version.schemaVersion() == latest.schemaVersion(),
                    version.updatedAt(), ColumnsJson.of(version.columns())));
        }
        return rows;
    }
}
