package io.kalamdb.core.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kalamdb.commons.config.JobsSection;
import io.kalamdb.commons.config.RocksDbSection;
import io.kalamdb.commons.enums.JobStatus;
import io.kalamdb.commons.enums.JobType;
import io.kalamdb.commons.errors.ErrorCode;
import io.kalamdb.commons.errors.KalamDbException;
import io.kalamdb.commons.ids.JobId;
import io.kalamdb.store.RocksDbBackend;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class JobManagerTest {
    private static final JobsSection FAST = new JobsSection(4, 3, 1, 7);

    @TempDir
    static Path warmupDir;

    @TempDir
    Path dir;

    private RocksDbBackend backend;
    private final List<JobManager> managers = new ArrayList<>();

    @BeforeAll
    static void warmUp() throws InterruptedException {
        JobWarmup.run(warmupDir);
    }

    @BeforeEach
    void open() {
        backend = RocksDbBackend.open(dir, RocksDbSection.defaults());
    }

    @AfterEach
    void close() {
        for (JobManager manager : managers) {
            manager.stop(Duration.ofSeconds(1));
        }
        backend.close();
    }

    private JobManager manager(JobsSection config, JobExecutor... executors) {
        JobManager manager = new JobManager(backend, config, Clock.systemUTC(), List.of(executors));
        managers.add(manager);
        return manager;
    }

    private static Map<String, Object> flushParams(String tableId) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("table_id", tableId);
        params.put("table_type", "user");
        params.put("trigger", "manual");
        return params;
    }

    private static JobOutcome done(Job job, JobContext ctx, int attempt) {
        return JobOutcome.completed("Flushed " + ctx.requireString("table_id"));
    }

    @Test
    void createdJobIsQueuedAndListedInCreationOrder() {
        JobManager jobs = manager(FAST);
        JobId first = jobs.create(JobType.FLUSH, flushParams("app.t"), "FL:app.t:2026-05-04-10", 7L);
        JobId second = jobs.create(JobType.COMPACT, Map.of(), null, null);

        Job job = jobs.get(first).orElseThrow();
        assertTrue(first.value().matches("FL-[0-9a-f]{12}"), first.value());
        assertTrue(second.value().matches("CO-[0-9a-f]{12}"), second.value());
        assertEquals(JobType.FLUSH, job.jobType());
        assertEquals(JobStatus.QUEUED, job.status());
        assertEquals("{\"table_id\":\"app.t\",\"table_type\":\"user\",\"trigger\":\"manual\",\"table_uid\":7}",
                job.parameters());
        assertEquals("FL:app.t:2026-05-04-10", job.idempotencyKey());
        assertEquals(0, job.retryCount());
        assertEquals(3, job.maxRetries());
        assertEquals(1, job.nodeId());
        assertEquals(job.createdAt(), job.updatedAt());
        assertNull(job.startedAt());
        assertNull(job.finishedAt());
        assertNull(job.message());
        assertNull(job.exceptionTrace());
        assertEquals("{}", jobs.get(second).orElseThrow().parameters());

        assertEquals(List.of(first, second), jobs.list().stream().map(Job::jobId).toList());
        assertTrue(jobs.list().get(0).createdAt() < jobs.list().get(1).createdAt());
        assertEquals(Optional.empty(), jobs.get(new JobId("FL-000000000000")));
        assertEquals(List.of(first), new JobStore(backend).byStatus(JobStatus.QUEUED).stream()
                .filter(j -> j.jobType() == JobType.FLUSH).map(Job::jobId).toList());
    }

    @Test
    @Timeout(value = 1, unit = TimeUnit.SECONDS)
    void activeIdempotencyKeyConflictsAndTerminalDoesNot() throws InterruptedException {
        JobManager jobs = manager(FAST, new ScriptedExecutor(JobType.FLUSH, JobManagerTest::done));
        String key = "FL:app.t:2026-05-04-10";
        JobId queued = jobs.create(JobType.FLUSH, flushParams("app.t"), key, 7L);

        JobConflictException conflict = assertThrows(JobConflictException.class,
                () -> jobs.create(JobType.FLUSH, flushParams("app.t"), key, 7L));
        assertEquals("Job with idempotency key 'FL:app.t:2026-05-04-10' is already running or queued",
                conflict.getMessage());
        assertEquals(ErrorCode.SQL_EXECUTION_ERROR, conflict.code());
        assertTrue(conflict.isPreserved());
        assertEquals(queued, conflict.activeJobId());
        JobConflictException renamed = conflict.withMessage("Flush already queued or running");
        assertEquals("Flush already queued or running", renamed.getMessage());
        assertEquals(key, renamed.idempotencyKey());
        assertTrue(renamed.isPreserved());
        assertEquals(1, jobs.list().size());

        jobs.kill(queued);
        JobId second = jobs.create(JobType.FLUSH, flushParams("app.t"), key, 7L);
        jobs.start();
        assertEquals(JobStatus.COMPLETED, JobAwait.terminal(jobs, second).status());
        JobId third = jobs.create(JobType.FLUSH, flushParams("app.t"), key, 7L);
        assertEquals(JobStatus.COMPLETED, JobAwait.terminal(jobs, third).status());
        assertEquals(3, jobs.list().size());
    }

    @Test
    @Timeout(value = 1, unit = TimeUnit.SECONDS)
    void retryableFailuresAreRetriedWithBackoffThenComplete() throws InterruptedException {
        List<JobStatus> seen = new CopyOnWriteArrayList<>();
        AtomicBoolean ownJobSeen = new AtomicBoolean();
        JobManager[] holder = new JobManager[1];
        ScriptedExecutor flaky = new ScriptedExecutor(JobType.FLUSH, (job, ctx, attempt) -> {
            seen.add(holder[0].get(job.jobId()).orElseThrow().status());
            ownJobSeen.set(job.retryCount() == attempt - 1);
            if (attempt <= 2) {
                throw new IOException("disk busy (attempt " + attempt + ")");
            }
            return JobOutcome.completed("Flushed app.t successfully (3 rows, 1 files)");
        });
        JobManager jobs = manager(FAST, flaky);
        holder[0] = jobs;
        jobs.start();
        JobId id = jobs.create(JobType.FLUSH, flushParams("app.t"), null, 7L);

        Job job = JobAwait.terminal(jobs, id);
        assertEquals(JobStatus.COMPLETED, job.status());
        assertEquals("Flushed app.t successfully (3 rows, 1 files)", job.message());
        assertEquals(2, job.retryCount());
        assertEquals(3, flaky.attempts());
        assertEquals(List.of(JobStatus.RUNNING, JobStatus.RUNNING, JobStatus.RUNNING), seen);
        assertTrue(ownJobSeen.get());
        assertEquals("disk busy (attempt 2)", job.exceptionTrace());
        assertNotNull(job.startedAt());
        assertNotNull(job.finishedAt());
        assertTrue(job.finishedAt() >= job.startedAt());
        assertEquals(job.finishedAt(), job.updatedAt());
    }

    @Test
    @Timeout(value = 1, unit = TimeUnit.SECONDS)
    void retryBackoffDoublesPerRetry() throws InterruptedException {
        List<Long> attemptNanos = new CopyOnWriteArrayList<>();
        ScriptedExecutor flaky = new ScriptedExecutor(JobType.FLUSH, (job, ctx, attempt) -> {
            attemptNanos.add(System.nanoTime());
            if (attempt <= 2) {
                throw new IOException("busy");
            }
            return JobOutcome.completed("ok");
        });
        JobManager jobs = manager(new JobsSection(4, 3, 20, 7), flaky);
        jobs.start();
        JobId id = jobs.create(JobType.FLUSH, flushParams("app.t"), null, 7L);

        assertEquals(JobStatus.COMPLETED, JobAwait.terminal(jobs, id).status());
        assertEquals(3, attemptNanos.size());
        long firstWait = TimeUnit.NANOSECONDS.toMillis(attemptNanos.get(1) - attemptNanos.get(0));
        long secondWait = TimeUnit.NANOSECONDS.toMillis(attemptNanos.get(2) - attemptNanos.get(1));
        assertTrue(firstWait >= 20, "first backoff " + firstWait + " ms");
        assertTrue(secondWait >= 40, "second backoff " + secondWait + " ms");
    }

    @Test
    @Timeout(value = 1, unit = TimeUnit.SECONDS)
    void killRetryingJobEndsItsBackoff() throws InterruptedException {
        ScriptedExecutor flaky = new ScriptedExecutor(JobType.FLUSH, (job, ctx, attempt) -> {
            if (ctx.requireString("table_id").equals("app.next")) {
                return done(job, ctx, attempt);
            }
            throw new IOException("busy");
        });
        JobManager jobs = manager(new JobsSection(4, 3, 60_000, 7), flaky);
        jobs.start();
        JobId id = jobs.create(JobType.FLUSH, flushParams("app.t"), null, 7L);
        Job retrying = JobAwait.status(jobs, id, JobStatus.RETRYING);
        assertEquals(1, retrying.retryCount());
        assertEquals("busy", retrying.exceptionTrace());
        JobId next = jobs.create(JobType.FLUSH, flushParams("app.next"), null, 7L);

        assertEquals("Job " + id + " killed: cancelled", jobs.kill(id));

        assertEquals(JobStatus.COMPLETED, JobAwait.terminal(jobs, next).status());
        Job killed = jobs.get(id).orElseThrow();
        assertEquals(JobStatus.CANCELLED, killed.status());
        assertEquals(1, killed.retryCount());
        assertEquals(2, flaky.attempts());
    }

    @Test
    @Timeout(value = 1, unit = TimeUnit.SECONDS)
    void queuedJobsRunInCreationOrder() throws InterruptedException {
        List<String> order = new CopyOnWriteArrayList<>();
        ScriptedExecutor flush = new ScriptedExecutor(JobType.FLUSH, (job, ctx, attempt) -> {
            order.add(ctx.requireString("table_id"));
            return done(job, ctx, attempt);
        });
        JobManager jobs = manager(new JobsSection(1, 3, 1, 7), flush);
        List<JobId> ids = new ArrayList<>();
        for (String table : List.of("app.c", "app.a", "app.d", "app.b")) {
            ids.add(jobs.create(JobType.FLUSH, flushParams(table), null, null));
        }
        jobs.start();
        for (JobId id : ids) {
            assertEquals(JobStatus.COMPLETED, JobAwait.terminal(jobs, id).status());
        }
        assertEquals(List.of("app.c", "app.a", "app.d", "app.b"), order);
    }

    @Test
    @Timeout(value = 1, unit = TimeUnit.SECONDS)
    void permanentFailureFailsAtOnce() throws InterruptedException {
        ScriptedExecutor broken = new ScriptedExecutor(JobType.FLUSH, (job, ctx, attempt) -> {
            throw new PermanentJobException("Table app.t is not flushable",
                    new IllegalStateException("no primary key"));
        });
        JobManager jobs = manager(FAST, broken);
        jobs.start();
        JobId id = jobs.create(JobType.FLUSH, flushParams("app.t"), null, 7L);

        Job job = JobAwait.terminal(jobs, id);
        assertEquals(JobStatus.FAILED, job.status());
        assertEquals("Table app.t is not flushable", job.message());
        assertEquals("Table app.t is not flushable; caused by: no primary key", job.exceptionTrace());
        assertEquals(0, job.retryCount());
        assertEquals(1, broken.attempts());
        assertNotNull(job.finishedAt());
    }

    @Test
    @Timeout(value = 1, unit = TimeUnit.SECONDS)
    void exhaustedRetriesFailWithLastError() throws InterruptedException {
        ScriptedExecutor failing = new ScriptedExecutor(JobType.FLUSH, (job, ctx, attempt) -> {
            throw new IOException("disk full");
        });
        JobManager jobs = manager(new JobsSection(4, 2, 1, 7), failing);
        jobs.start();
        JobId id = jobs.create(JobType.FLUSH, flushParams("app.t"), null, 7L);

        Job job = JobAwait.terminal(jobs, id);
        assertEquals(JobStatus.FAILED, job.status());
        assertEquals("Max retries exceeded: disk full", job.message());
        assertEquals("disk full", job.exceptionTrace());
        assertEquals(2, job.retryCount());
        assertEquals(2, job.maxRetries());
        assertEquals(3, failing.attempts());
    }

    @Test
    @Timeout(value = 1, unit = TimeUnit.SECONDS)
    void jobWithoutExecutorFails() throws InterruptedException {
        JobManager jobs = manager(FAST);
        jobs.start();
        JobId id = jobs.create(JobType.RETENTION, Map.of("table_id", "app.t"), null, 7L);
        Job job = JobAwait.terminal(jobs, id);
        assertEquals(JobStatus.FAILED, job.status());
        assertEquals("No executor for job type retention", job.message());
    }

    @Test
    void killQueuedJobCancelsIt() {
        JobManager jobs = manager(FAST);
        JobId id = jobs.create(JobType.FLUSH, flushParams("app.t"), null, 7L);

        assertEquals("Job " + id + " killed: cancelled", jobs.kill(id));

        Job job = jobs.get(id).orElseThrow();
        assertEquals(JobStatus.CANCELLED, job.status());
        assertEquals("Cancelled by KILL JOB", job.message());
        assertNotNull(job.finishedAt());
        assertEquals(job.finishedAt(), job.updatedAt());
        KalamDbException again = assertThrows(KalamDbException.class, () -> jobs.kill(id));
        assertEquals("Cannot cancel job " + id + " in status cancelled", again.getMessage());
    }

    @Test
    @Timeout(value = 1, unit = TimeUnit.SECONDS)
    void killRunningJobSetsFlagAndEndsCancelled() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch returned = new CountDownLatch(1);
        AtomicBoolean observed = new AtomicBoolean();
        ScriptedExecutor blocking = new ScriptedExecutor(JobType.FLUSH, (job, ctx, attempt) -> {
            if (ctx.requireString("table_id").equals("app.next")) {
                return done(job, ctx, attempt);
            }
            started.countDown();
            while (!ctx.isCancelled()) {
                Thread.sleep(1);
            }
            observed.set(true);
            returned.countDown();
            return JobOutcome.completed("partial");
        });
        JobManager jobs = manager(FAST, blocking);
        jobs.start();
        JobId id = jobs.create(JobType.FLUSH, flushParams("app.t"), null, 7L);
        started.await();
        assertEquals(JobStatus.RUNNING, jobs.get(id).orElseThrow().status());
        JobId next = jobs.create(JobType.FLUSH, flushParams("app.next"), null, 7L);

        assertEquals("Job " + id + " killed: cancelled", jobs.kill(id));

        Job killed = jobs.get(id).orElseThrow();
        assertEquals(JobStatus.CANCELLED, killed.status());
        assertNotNull(killed.finishedAt());
        returned.await();
        assertTrue(observed.get());
        assertEquals(JobStatus.COMPLETED, JobAwait.terminal(jobs, next).status());
        Job after = jobs.get(id).orElseThrow();
        assertEquals(JobStatus.CANCELLED, after.status());
        assertEquals("Cancelled by KILL JOB", after.message());
        assertEquals(killed.finishedAt(), after.finishedAt());
    }

    @Test
    @Timeout(value = 1, unit = TimeUnit.SECONDS)
    void killCompletedJobIsRefused() throws InterruptedException {
        JobManager jobs = manager(FAST, new ScriptedExecutor(JobType.FLUSH, JobManagerTest::done));
        jobs.start();
        JobId id = jobs.create(JobType.FLUSH, flushParams("app.t"), null, 7L);
        assertEquals(JobStatus.COMPLETED, JobAwait.terminal(jobs, id).status());

        KalamDbException e = assertThrows(KalamDbException.class, () -> jobs.kill(id));
        assertEquals("Cannot cancel job " + id + " in status completed", e.getMessage());
        assertEquals(ErrorCode.SQL_EXECUTION_ERROR, e.code());
        assertTrue(e.isPreserved());
        assertEquals(JobStatus.COMPLETED, jobs.get(id).orElseThrow().status());
    }

    @Test
    void killUnknownJobIsNotFound() {
        JobManager jobs = manager(FAST);
        KalamDbException e = assertThrows(KalamDbException.class, () -> jobs.kill(new JobId("x")));
        assertEquals("Job 'x' not found", e.getMessage());
        assertEquals(ErrorCode.SQL_EXECUTION_ERROR, e.code());
    }

    @Test
    void cleanupJobsCannotBeKilled() {
        JobManager jobs = manager(FAST);
        JobId id = jobs.create(JobType.CLEANUP, Map.of("table_id", "app.t"), "CL:app.t:00000007", 7L);
        KalamDbException e = assertThrows(KalamDbException.class, () -> jobs.kill(id));
        assertEquals("Cleanup jobs cannot be cancelled", e.getMessage());
        assertEquals(JobStatus.QUEUED, jobs.get(id).orElseThrow().status());
    }

    @Test
    @Timeout(value = 1, unit = TimeUnit.SECONDS)
    void startRecoversJobsOfThePreviousRun() throws InterruptedException {
        JobStore store = new JobStore(backend);
        long t = 1_700_000_000_000_000L;
        Job wasRunning = Job.queued(new JobId("FL-000000000001"), JobType.FLUSH, "{\"table_uid\":1}", null, 3, t)
                .running(t + 1);
        Job wasRetrying = Job.queued(new JobId("FL-000000000002"), JobType.FLUSH, "{\"table_uid\":2}", null, 3, t)
                .running(t + 1).retrying("disk busy", t + 2);
        Job wasNew = new Job(new JobId("FL-000000000003"), JobType.FLUSH, JobStatus.NEW, "{\"table_uid\":3}", null,
                null, null, 0, 3, t, t, null, null, 1);
        Job wasDone = Job.queued(new JobId("FL-000000000004"), JobType.FLUSH, "{}", null, 3, t)
                .running(t + 1).finished(JobStatus.COMPLETED, "Flushed", null, t + 3);
        for (Job job : List.of(wasRunning, wasRetrying, wasNew, wasDone)) {
            store.put(job);
        }
        ScriptedExecutor flush = new ScriptedExecutor(JobType.FLUSH, (job, ctx, attempt) ->
                JobOutcome.completed("Recovered " + job.jobId()));
        JobManager jobs = manager(FAST, flush);

        jobs.start();

        Job failed = jobs.get(wasRunning.jobId()).orElseThrow();
        assertEquals(JobStatus.FAILED, failed.status());
        assertEquals("Server restarted", failed.message());
        assertEquals("Job was running when server shut down", failed.exceptionTrace());
        assertNotNull(failed.finishedAt());
        assertTrue(failed.finishedAt() > t);
        Job retried = JobAwait.terminal(jobs, wasRetrying.jobId());
        assertEquals(JobStatus.COMPLETED, retried.status());
        assertEquals("Recovered FL-000000000002", retried.message());
        assertEquals(1, retried.retryCount());
        assertEquals(JobStatus.COMPLETED, JobAwait.terminal(jobs, wasNew.jobId()).status());
        assertEquals(wasDone, jobs.get(wasDone.jobId()).orElseThrow());
        assertEquals(2, flush.attempts());
        assertEquals(List.of(), store.byStatus(JobStatus.RUNNING));
    }

    @Test
    @Timeout(value = 1, unit = TimeUnit.SECONDS)
    void atMostOneJobPerTableRunsAtATime() throws InterruptedException {
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        Map<Long, AtomicInteger> runningPerTable = new ConcurrentHashMap<>();
        AtomicInteger maxPerTable = new AtomicInteger();
        ScriptedExecutor flush = new ScriptedExecutor(JobType.FLUSH, (job, ctx, attempt) -> {
            long uid = ctx.requireLong("table_uid");
            int now = runningPerTable.computeIfAbsent(uid, u -> new AtomicInteger()).incrementAndGet();
            maxPerTable.accumulateAndGet(now, Math::max);
            try {
                if (ctx.requireString("table_id").equals("app.first")) {
                    firstStarted.countDown();
                    releaseFirst.await();
                }
                return done(job, ctx, attempt);
            } finally {
                runningPerTable.get(uid).decrementAndGet();
            }
        });
        JobManager jobs = manager(FAST, flush);
        jobs.start();
        JobId first = jobs.create(JobType.FLUSH, flushParams("app.first"), null, 1L);
        firstStarted.await();
        JobId sameTable = jobs.create(JobType.FLUSH, flushParams("app.second"), null, 1L);
        JobId otherTable = jobs.create(JobType.FLUSH, flushParams("app.other"), null, 2L);

        assertEquals(JobStatus.COMPLETED, JobAwait.terminal(jobs, otherTable).status());
        assertEquals(JobStatus.RUNNING, jobs.get(first).orElseThrow().status());
        assertEquals(JobStatus.QUEUED, jobs.get(sameTable).orElseThrow().status());

        releaseFirst.countDown();
        Job second = JobAwait.terminal(jobs, sameTable);
        Job firstDone = jobs.get(first).orElseThrow();
        assertEquals(JobStatus.COMPLETED, second.status());
        assertEquals(JobStatus.COMPLETED, firstDone.status());
        assertTrue(second.startedAt() >= firstDone.finishedAt());
        assertEquals(1, maxPerTable.get());
    }

    @Test
    @Timeout(value = 1, unit = TimeUnit.SECONDS)
    void cancelTableJobsCancelsMaintenanceJobsAndWaitsForTheRunningOne() throws InterruptedException {
        CountDownLatch compacting = new CountDownLatch(1);
        AtomicBoolean compactionReturned = new AtomicBoolean();
        ScriptedExecutor compact = new ScriptedExecutor(JobType.COMPACT, (job, ctx, attempt) -> {
            compacting.countDown();
            while (!ctx.isCancelled()) {
                Thread.sleep(1);
            }
            Thread.sleep(20);
            compactionReturned.set(true);
            ctx.checkCancelled();
            return JobOutcome.completed("not reached");
        });
        ScriptedExecutor flush = new ScriptedExecutor(JobType.FLUSH, JobManagerTest::done);
        ScriptedExecutor cleanup = new ScriptedExecutor(JobType.CLEANUP, (job, ctx, attempt) ->
                JobOutcome.completed("Cleaned up table app.t"));
        JobManager jobs = manager(FAST, compact, flush, cleanup);
        jobs.start();
        JobId running = jobs.create(JobType.COMPACT, Map.of("table_id", "app.t"), "CO:app.t", 5L);
        compacting.await();
        JobId queued = jobs.create(JobType.FLUSH, flushParams("app.t"), null, 5L);
        JobId cleanupJob = jobs.create(JobType.CLEANUP, Map.of("table_id", "app.t"), "CL:app.t:00000005", 5L);
        JobId otherTable = jobs.create(JobType.FLUSH, flushParams("app.u"), null, 9L);
        assertEquals(JobStatus.COMPLETED, JobAwait.terminal(jobs, otherTable).status());

        jobs.cancelTableJobs(5L);

        assertTrue(compactionReturned.get());
        Job compaction = jobs.get(running).orElseThrow();
        assertEquals(JobStatus.CANCELLED, compaction.status());
        assertEquals("Cancelled by DROP TABLE", compaction.message());
        assertNotNull(compaction.finishedAt());
        assertEquals(JobStatus.CANCELLED, jobs.get(queued).orElseThrow().status());
        assertEquals(1, flush.attempts());
        Job cleaned = JobAwait.terminal(jobs, cleanupJob);
        assertEquals(JobStatus.COMPLETED, cleaned.status());
        assertEquals("Cleaned up table app.t", cleaned.message());
        assertTrue(cleaned.startedAt() >= compaction.finishedAt());
    }

    @Test
    @Timeout(value = 1, unit = TimeUnit.SECONDS)
    void stopLeavesStuckJobsWhichFailAtTheNextStart() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        ScriptedExecutor stuck = new ScriptedExecutor(JobType.FLUSH, (job, ctx, attempt) -> {
            started.countDown();
            never.await();
            return JobOutcome.completed("not reached");
        });
        JobManager first = manager(FAST, stuck);
        first.start();
        JobId id = first.create(JobType.FLUSH, flushParams("app.t"), null, 7L);
        started.await();

        first.stop(Duration.ofMillis(50));
        assertEquals(JobStatus.RUNNING, first.get(id).orElseThrow().status());

        JobManager second = manager(FAST, new ScriptedExecutor(JobType.FLUSH, JobManagerTest::done));
        second.start();
        Job job = second.get(id).orElseThrow();
        assertEquals(JobStatus.FAILED, job.status());
        assertEquals("Server restarted", job.message());
    }
}
