package io.kalamdb.core.jobs.executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.kalamdb.commons.enums.TableType;
import io.kalamdb.commons.ids.TableId;
import io.kalamdb.commons.models.TableDefinition;
import io.kalamdb.commons.models.TableOptions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CleanupJobsTest {
    static TableDefinition table(String namespace, String name, long uid, TableType type, String storageId) {
        TableOptions options = new TableOptions(storageId, null, null, null, null, null);
        return new TableDefinition(TableId.of(namespace, name), uid, type, 1, List.of(), options, null, 0, 0, 1);
    }

    @Test
    void idempotencyKeyFormatsTheUidAsEightHexDigits() {
        assertEquals("CL:app.messages:7f3a9c01",
                CleanupJobs.idempotencyKey(table("app", "messages", 0x7f3a9c01L, TableType.USER, "local")));
        assertEquals("CL:app.old:0000002a",
                CleanupJobs.idempotencyKey(table("app", "old", 42, TableType.SHARED, "local")));
        assertEquals("CL:app.big:1234567890",
                CleanupJobs.idempotencyKey(table("app", "big", 0x1234567890L, TableType.USER, "local")));
    }

    @Test
    void parametersNameTheTableUidTypeStorageAndTrash() {
        Map<String, Object> params = CleanupJobs.parameters(
                table("app", "messages", 7, TableType.USER, "s3_main"), "/data/.kalamdb-trash/7");
        assertEquals(List.of("table_id", "table_uid", "table_type", "storage_id", "trash_dir"),
                List.copyOf(params.keySet()));
        assertEquals("app.messages", params.get("table_id"));
        assertEquals(7L, params.get("table_uid"));
        assertEquals("user", params.get("table_type"));
        assertEquals("s3_main", params.get("storage_id"));
        assertEquals("/data/.kalamdb-trash/7", params.get("trash_dir"));
    }

    @Test
    void streamTablesWithoutStorageUseLocalAndMayHaveNoTrash() {
        Map<String, Object> params = CleanupJobs.parameters(
                table("app", "typing", 9, TableType.STREAM, null), null);
        assertEquals("stream", params.get("table_type"));
        assertEquals("local", params.get("storage_id"));
        assertNull(params.get("trash_dir"));
        assertEquals(5, params.size());
    }
}
