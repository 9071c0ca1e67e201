package io.kalamdb.core.jobs.executors;

import io.kalamdb.commons.enums.JobType;
import io.kalamdb.core.jobs.Job;
import io.kalamdb.core.jobs.JobContext;
import io.kalamdb.core.jobs.JobExecutor;
import io.kalamdb.core.jobs.JobOutcome;
import io.kalamdb.core.jobs.PermanentJobException;
import io.kalamdb.core.tables.HotPartitions;
import io.kalamdb.filestore.DirectoryCleaner;
import io.kalamdb.filestore.TableDirectories;
import io.kalamdb.store.CloseableIterator;
import io.kalamdb.store.KeyValue;
import io.kalamdb.store.Partition;
import io.kalamdb.store.StorageBackend;
import io.kalamdb.store.WriteBatch;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CL job of a dropped table (spec storage.md §9): range-deletes the table uid's hot rows, PK index entries
 * and stream rows in one batch, then deletes the trash directory holding its cold files. Idempotent: a second run
 * finds nothing left and reports 0 rows and 0 bytes. Cleanup jobs cannot be cancelled.
 */
public final class CleanupExecutor implements JobExecutor {
    private static final Logger log = LoggerFactory.getLogger(CleanupExecutor.class);
    /** The directory under a storage's base directory that dropped tables are moved into. */
    public static final String TRASH_DIR_NAME = TableDirectories.TRASH_DIR;
    private static final List<Partition> HOT_PARTITIONS =
            List.of(HotPartitions.ROWS, HotPartitions.PK_INDEX, HotPartitions.STREAM_ROWS);

    private final StorageBackend backend;

    public CleanupExecutor(StorageBackend backend) {
        this.backend = backend;
    }

    @Override
    public JobType type() {
        return JobType.CLEANUP;
    }

    @Override
    public JobOutcome execute(Job job, JobContext ctx) {
        String tableId = ctx.requireString(CleanupJobs.TABLE_ID);
        long tableUid = ctx.requireLong(CleanupJobs.TABLE_UID);
        Path trashDir = trashDir(ctx.optionalString(CleanupJobs.TRASH_DIR));

        long rows = deleteHotRows(tableUid);
        long bytes = trashDir == null ? 0 : DirectoryCleaner.deleteTree(trashDir);
        long manifestEntries = 0;
        log.info("Cleaned up dropped table: job_id={} table_id={} rows={} bytes={}", job.jobId(), tableId, rows,
                bytes);
        return JobOutcome.completed("Cleaned up table " + tableId + " successfully - " + rows + " rows deleted, "
                + bytes + " bytes freed, " + manifestEntries + " manifest entries removed");
    }

    /** Counts the row entries of the uid, then removes every hot key of the uid in one atomic batch. */
    private long deleteHotRows(long tableUid) {
        byte[] prefix = HotPartitions.tablePrefix(tableUid);
        long rows = count(HotPartitions.ROWS, prefix) + count(HotPartitions.STREAM_ROWS, prefix);
        try (WriteBatch batch = backend.newBatch()) {
            for (Partition partition : HOT_PARTITIONS) {
                batch.deletePrefix(partition, prefix);
            }
            backend.write(batch);
        }
        return rows;
    }

    private long count(Partition partition, byte[] prefix) {
        long n = 0;
        try (CloseableIterator<KeyValue> it = backend.scanPrefix(partition, prefix)) {
            while (it.hasNext()) {
                it.next();
                n++;
            }
        }
        return n;
    }

    /**
     * The trash directory to delete: an absolute path inside a {@value #TRASH_DIR_NAME} directory, so a malformed
     * job can never delete anything else.
     */
    private static Path trashDir(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Path path;
        try {
            path = Path.of(value);
        } catch (InvalidPathException e) {
            throw new PermanentJobException("Invalid trash directory '" + value + "'");
        }
        if (!path.isAbsolute() || !path.normalize().equals(path) || !insideTrash(path)) {
            throw new PermanentJobException("Invalid trash directory '" + value + "': expected an absolute path"
                    + " inside a " + TRASH_DIR_NAME + " directory");
        }
        return path;
    }

    private static boolean insideTrash(Path path) {
        for (Path parent = path.getParent(); parent != null; parent = parent.getParent()) {
            Path name = parent.getFileName();
            if (name != null && name.toString().equals(TRASH_DIR_NAME)) {
                return true;
            }
        }
        return false;
    }
}
