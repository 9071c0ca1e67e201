package io.kalamdb.core.jobs.executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kalamdb.commons.config.JobsSection;
import io.kalamdb.commons.config.RocksDbSection;
import io.kalamdb.commons.enums.JobStatus;
import io.kalamdb.commons.enums.JobType;
import io.kalamdb.commons.enums.TableType;
import io.kalamdb.commons.ids.JobId;
import io.kalamdb.commons.models.TableDefinition;
import io.kalamdb.core.jobs.Job;
import io.kalamdb.core.jobs.JobAwait;
import io.kalamdb.core.jobs.JobManager;
import io.kalamdb.core.jobs.JobWarmup;
import io.kalamdb.core.tables.HotPartitions;
import io.kalamdb.store.CloseableIterator;
import io.kalamdb.store.KeyCodec;
import io.kalamdb.store.Partition;
import io.kalamdb.store.RocksDbBackend;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class CleanupExecutorTest {
    private static final long DROPPED = 7;
    private static final long KEPT = 8;

    @TempDir
    static Path warmupDir;

    @TempDir
    Path dir;

    private RocksDbBackend backend;
    private JobManager jobs;

    @BeforeAll
    static void warmUp() throws InterruptedException {
        JobWarmup.run(warmupDir);
    }

    @BeforeEach
    void open() {
        backend = RocksDbBackend.open(dir.resolve("rocksdb"), RocksDbSection.defaults());
        jobs = new JobManager(backend, new JobsSection(2, 3, 1, 7), Clock.systemUTC(),
                List.of(new CleanupExecutor(backend)));
        jobs.start();
    }

    @AfterEach
    void close() {
        jobs.stop(Duration.ofSeconds(1));
        backend.close();
    }

    private void putUserRow(Partition partition, long uid, String user, long seq) {
        byte[] key = KeyCodec.builder().bytes(HotPartitions.tablePrefix(uid)).str(user).u64(seq).build();
        backend.put(partition, key, new byte[] {1, 2, 3});
    }

    private void putPkEntry(long uid, String user, String pk, long seq) {
        byte[] key = KeyCodec.builder().bytes(HotPartitions.tablePrefix(uid)).str(user).str(pk).u64(seq).build();
        backend.put(HotPartitions.PK_INDEX, key, new byte[] {0});
    }

    private long count(Partition partition, long uid) {
        long n = 0;
        try (CloseableIterator<?> it = backend.scanPrefix(partition, HotPartitions.tablePrefix(uid))) {
            while (it.hasNext()) {
                it.next();
                n++;
            }
        }
        return n;
    }

    private void seed(long uid, int rows, int streamRows) {
        for (int i = 0; i < rows; i++) {
            putUserRow(HotPartitions.ROWS, uid, "alice", i);
            putPkEntry(uid, "alice", "pk" + i, i);
        }
        for (int i = 0; i < streamRows; i++) {
            putUserRow(HotPartitions.STREAM_ROWS, uid, "bob", i);
        }
    }

    private Job runCleanup(TableDefinition def, String trash) throws InterruptedException {
        JobId id = CleanupJobs.create(jobs, def, trash);
        return JobAwait.terminal(jobs, id);
    }

    @Test
    @Timeout(value = 1, unit = TimeUnit.SECONDS)
    void deletesOnlyTheDroppedUidAndItsTrashDirectory() throws IOException, InterruptedException {
        seed(DROPPED, 3, 2);
        seed(KEPT, 2, 1);
        Path trash = Files.createDirectories(dir.resolve("storage").resolve(".kalamdb-trash").resolve("7"));
        Files.createDirectories(trash.resolve("alice"));
        Files.write(trash.resolve("manifest.json"), new byte[100]);
        Files.write(trash.resolve("alice").resolve("batch-0.parquet"), new byte[28]);
        TableDefinition def = CleanupJobsTest.table("app", "messages", DROPPED, TableType.USER, "local");

        Job job = runCleanup(def, trash.toString());

        assertEquals(JobStatus.COMPLETED, job.status());
        assertEquals("Cleaned up table app.messages successfully - 5 rows deleted, 128 bytes freed, "
                + "0 manifest entries removed", job.message());
        assertEquals(JobType.CLEANUP, job.jobType());
        assertEquals("CL:app.messages:00000007", job.idempotencyKey());
        for (Partition p : List.of(HotPartitions.ROWS, HotPartitions.PK_INDEX, HotPartitions.STREAM_ROWS)) {
            assertEquals(0, count(p, DROPPED), p.toString());
        }
        assertEquals(2, count(HotPartitions.ROWS, KEPT));
        assertEquals(2, count(HotPartitions.PK_INDEX, KEPT));
        assertEquals(1, count(HotPartitions.STREAM_ROWS, KEPT));
        assertFalse(Files.exists(trash));
        assertTrue(Files.isDirectory(trash.getParent()));
    }

    @Test
    @Timeout(value = 1, unit = TimeUnit.SECONDS)
    void secondRunFindsNothingLeft() throws IOException, InterruptedException {
        seed(DROPPED, 1, 0);
        Path trash = Files.createDirectories(dir.resolve(".kalamdb-trash").resolve("7"));
        Files.write(trash.resolve("f.parquet"), new byte[10]);
        TableDefinition def = CleanupJobsTest.table("app", "t", DROPPED, TableType.SHARED, "local");

        assertEquals("Cleaned up table app.t successfully - 1 rows deleted, 10 bytes freed, "
                + "0 manifest entries removed", runCleanup(def, trash.toString()).message());
        Job again = runCleanup(def, trash.toString());

        assertEquals(JobStatus.COMPLETED, again.status());
        assertEquals("Cleaned up table app.t successfully - 0 rows deleted, 0 bytes freed, "
                + "0 manifest entries removed", again.message());
    }

    @Test
    @Timeout(value = 1, unit = TimeUnit.SECONDS)
    void trashOutsideAKalamdbTrashDirectoryFailsWithoutDeleting() throws IOException, InterruptedException {
        Path precious = Files.createDirectories(dir.resolve("precious"));
        Files.write(precious.resolve("keep"), new byte[5]);
        seed(DROPPED, 1, 0);
        JobId id = jobs.create(JobType.CLEANUP, Map.of("table_id", "app.t", "trash_dir", precious.toString()),
                null, DROPPED);

        Job job = JobAwait.terminal(jobs, id);

        assertEquals(JobStatus.FAILED, job.status());
        assertEquals("Invalid trash directory '" + precious + "': expected an absolute path inside a "
                + ".kalamdb-trash directory", job.message());
        assertEquals(0, job.retryCount());
        assertTrue(Files.exists(precious.resolve("keep")));
        assertEquals(1, count(HotPartitions.ROWS, DROPPED));
    }
}
