package io.kalamdb.core.sql.ddl;

import io.kalamdb.commons.enums.TableType;
import io.kalamdb.commons.models.FlushPolicy;
import io.kalamdb.commons.models.TableDefinition;
import io.kalamdb.commons.models.TableOptions;
import io.kalamdb.core.system.JsonText;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The compact {@code options} JSON of {@code system.schemas} and {@code system.tables} (spec storage.md §13.3), with
 * its key order: USER {@code {"table_type":"user","storage_id":"local","flush_policy":…,"deleted_retention_hours":168,
 * "use_user_storage":false}}; SHARED the same without {@code use_user_storage} and with {@code access_level} last;
 * STREAM {@code {"table_type":"stream","ttl_seconds":60}}.
 */
public final class TableOptionsJson {
    private TableOptionsJson() {
    }

    public static String of(TableDefinition def) {
        return JsonText.compact(map(def.tableType(), def.options()));
    }

    /** The options as an ordered map of JSON values. */
    public static Map<String, Object> map(TableType type, TableOptions options) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("table_type", type.wireName());
        if (options == null) {
            return out;
        }
        if (type == TableType.STREAM) {
            out.put("ttl_seconds", options.ttlSeconds());
            return out;
        }
        out.put("storage_id", options.storageId());
        out.put("flush_policy", flushPolicy(options.flushPolicy()));
        out.put("deleted_retention_hours", options.deletedRetentionHours());
        if (type == TableType.USER) {
            out.put("use_user_storage", Boolean.TRUE.equals(options.useUserStorage()));
        }
        if (type == TableType.SHARED) {
            out.put("access_level", options.accessLevel() == null ? null : options.accessLevel().wireName());
        }
        return out;
    }

    private static Map<String, Object> flushPolicy(FlushPolicy policy) {
        if (policy == null) {
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("rows", policy.rows());
        out.put("interval_seconds", policy.intervalSeconds());
        return out;
    }
}
