package io.kalamdb.core.jobs.executors;

import io.kalamdb.commons.enums.JobType;
import io.kalamdb.commons.ids.JobId;
import io.kalamdb.commons.ids.StorageId;
import io.kalamdb.commons.models.TableDefinition;
import io.kalamdb.core.jobs.JobManager;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The parameters and idempotency key of the CL job created by DROP TABLE (spec storage.md §9, §14.3). */
public final class CleanupJobs {
    static final String TABLE_ID = "table_id";
    static final String TABLE_UID = "table_uid";
    static final String TABLE_TYPE = "table_type";
    static final String STORAGE_ID = "storage_id";
    static final String TRASH_DIR = "trash_dir";

    private CleanupJobs() {
    }

    /**
     * {@code {"table_id":"ns.t","table_uid":N,"table_type":"user","storage_id":"local","trash_dir":…}}; the
     * storage is {@code local} when the table names none (STREAM tables).
     *
     * @param trashDir the absolute trash directory the table's files were moved to, or {@code null} when none
     */
    public static Map<String, Object> parameters(TableDefinition def, String trashDir) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put(TABLE_ID, def.tableId().toString());
        params.put(TABLE_UID, def.tableUid());
        params.put(TABLE_TYPE, def.tableType().wireName());
        String storageId = def.options() == null ? null : def.options().storageId();
        params.put(STORAGE_ID, storageId == null ? StorageId.LOCAL.value() : storageId);
        params.put(TRASH_DIR, trashDir);
        return Collections.unmodifiableMap(params);
    }

    /** {@code CL:<ns>.<t>:<uid as 8 or more lowercase hex digits>}, e.g. {@code CL:app.messages:7f3a9c01}. */
    public static String idempotencyKey(TableDefinition def) {
        return JobType.CLEANUP.prefix() + ":" + def.tableId() + ":" + String.format(Locale.ROOT, "%08x", def.tableUid());
    }

    /** Creates the CL job of a dropped table. */
    public static JobId create(JobManager jobs, TableDefinition def, String trashDir) {
        return jobs.create(JobType.CLEANUP, parameters(def, trashDir), idempotencyKey(def), def.tableUid());
    }
}
