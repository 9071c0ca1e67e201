package io.kalamdb.core.sql.ddl;

import io.kalamdb.commons.ids.TableId;
import io.kalamdb.commons.models.ColumnDefinition;
import io.kalamdb.commons.models.TableDefinition;
import io.kalamdb.commons.types.KalamDataType;
import io.kalamdb.core.AppContext;
import io.kalamdb.core.sql.ExecutionContext;
import io.kalamdb.core.sql.SchemaField;
import io.kalamdb.core.sql.StatementResult;
import io.kalamdb.core.sql.parser.ddl.DescribeTableStatement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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

    public static StatementResult execute(AppContext ctx, DescribeTableStatement stmt, ExecutionContext exec) {
        TableId id = TableNames.resolve(stmt.name(), exec);
        TableDefinition def = TableNames.require(ctx, id);
        if (stmt.history()) {
            return new StatementResult.Rows(HISTORY_SCHEMA, historyRows(ctx, def), exec.asUser());
        }
        return new StatementResult.Rows(COLUMNS_SCHEMA, columnRows(def), exec.asUser());
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
