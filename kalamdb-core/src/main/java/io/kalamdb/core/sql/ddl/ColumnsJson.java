package io.kalamdb.core.sql.ddl;

import io.kalamdb.commons.models.ColumnDefault;
import io.kalamdb.commons.models.ColumnDefinition;
import io.kalamdb.commons.types.KalamDataType;
import io.kalamdb.core.system.JsonText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The compact {@code columns} JSON array of {@code system.schemas} (spec storage.md §13.3), keys in the order
 * {@code column_id, column_name, ordinal_position, data_type, is_nullable, is_primary_key, default_value, comment}.
 */
public final class ColumnsJson {
    private ColumnsJson() {
    }

    public static String of(List<ColumnDefinition> columns) {
        List<Map<String, Object>> out = new ArrayList<>(columns.size());
        for (ColumnDefinition c : columns) {
            Map<String, Object> column = new LinkedHashMap<>();
            column.put("column_id", c.columnId());
            column.put("column_name", c.columnName());
            column.put("ordinal_position", c.ordinalPosition());
            column.put("data_type", dataType(c.dataType()));
            column.put("is_nullable", c.isNullable());
            column.put("is_primary_key", c.isPrimaryKey());
            column.put("default_value", defaultValue(c.defaultValue()));
            column.put("comment", c.comment());
            out.add(column);
        }
        return JsonText.compact(out);
    }

    /** The {@code data_type} JSON value with a fixed key order for Decimal. */
    static Object dataType(KalamDataType type) {
        switch (type.kind()) {
            case DECIMAL:
                Map<String, Object> decimal = new LinkedHashMap<>();
                decimal.put("precision", type.precision());
                decimal.put("scale", type.scale());
                return Map.of("Decimal", decimal);
            case EMBEDDING:
                return Map.of("Embedding", type.dimension());
            default:
                return type.kind().jsonName();
        }
    }

    private static Map<String, Object> defaultValue(ColumnDefault value) {
        if (value == null) {
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        if (value.isFunction()) {
            out.put("function", value.function());
            out.put("args", value.args() == null ? List.of() : value.args());
        } else {
            out.put("literal", value.literal());
        }
        return out;
    }
}
