package io.kalamdb.core.jobs;

import io.kalamdb.commons.config.JobsSection;
import io.kalamdb.commons.enums.JobStatus;
import io.kalamdb.commons.enums.JobType;
import io.kalamdb.commons.errors.KalamDbException;
import io.kalamdb.commons.ids.JobId;
import io.kalamdb.core.system.Micros;
import io.kalamdb.store.StorageBackend;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates, schedules, retries and cancels jobs (spec storage.md §14). Jobs live in {@link JobStore}; every state
 * change is persisted with {@code updated_at}. Read-modify-write of job rows is serialised by one lock (job state
 * changes are rare, so it never sits on a row read or write path).
 * <p>
 * Scheduling: a dispatcher thread, woken by {@link #create} and otherwise polling every
 * {@value #POLL_MILLIS} ms, hands queued jobs in creation order to a pool of {@code jobs.max_concurrent} workers.
 * A job whose parameters carry a {@code table_uid} waits while another job of that uid is held by a worker, so at
 * most one job per table runs at a time. A worker holds its job through retries and their backoff waits.
 */
public final class JobManager {
    private static final Logger log = LoggerFactory.getLogger(JobManager.class);
    private static final long POLL_MILLIS = 500;
    private static final Duration DROP_TABLE_WAIT = Duration.ofSeconds(30);
    private static final Set<JobType> TABLE_MAINTENANCE =
            EnumSet.of(JobType.FLUSH, JobType.COMPACT, JobType.RETENTION);
    private static final String KILLED_MESSAGE = "Cancelled by KILL JOB";
    private static final String DROPPED_MESSAGE = "Cancelled by DROP TABLE";
    private static final String CANCELLED_MESSAGE = "Cancelled";
    private static final int MAX_TRACE_CAUSES = 8;

    private final JobStore store;
    private final JobsSection config;
    private final Clock clock;
    private final Map<JobType, JobExecutor> executors = new EnumMap<>(JobType.class);
    private final int maxConcurrent;
    private final Object stateLock = new Object();
    private final Map<JobId, RunningJob> held = new ConcurrentHashMap<>();
    private final Set<Long> busyTables = ConcurrentHashMap.newKeySet();
    private final Semaphore wakeups = new Semaphore(0);
    private volatile boolean stopping;
    /** Guarded by {@link #stateLock}. */
    private boolean started;
    /** Guarded by {@link #stateLock}: once set, workers left running after {@link #stop} persist nothing. */
    private boolean abandoned;
    /** Guarded by {@link #stateLock}: created_at of the last job, so creation timestamps strictly increase. */
    private long lastCreatedAt;
    /** Set once by {@link #start()} under {@link #stateLock}. */
    private Thread dispatcher;
    /** Set once by {@link #start()} under {@link #stateLock}. */
    private ExecutorService workers;

    public JobManager(StorageBackend backend, JobsSection config, Clock clock, List<JobExecutor> executors) {
        this.store = new JobStore(backend);
        this.config = config;
        this.clock = clock;
        this.maxConcurrent = Math.max(1, config.maxConcurrent());
        for (JobExecutor executor : executors) {
            if (this.executors.put(executor.type(), executor) != null) {
                throw KalamDbException.internal("Two executors for job type " + executor.type().wireName(), null);
            }
        }
    }

    /**
     * Creates a {@code queued} job (spec storage.md §14.3). When {@code tableUid} is given it is stored as the
     * {@code table_uid} parameter, and the job never runs while another job of that table runs.
     *
     * @param parameters     the job's parameters, stored as compact JSON in their iteration order
     * @param idempotencyKey {@code <PREFIX>:<subject>[:<window>]}, or {@code null}
     * @throws JobConflictException when a {@code new}, {@code queued}, {@code running} or {@code retrying} job has
     *                              the same idempotency key
     */
    public JobId create(JobType type, Map<String, Object> parameters, String idempotencyKey, Long tableUid) {
        Objects.requireNonNull(type, "type");
        Map<String, Object> params = parameters == null ? new LinkedHashMap<>() : new LinkedHashMap<>(parameters);
        if (tableUid != null) {
            params.put(JobParameters.TABLE_UID, tableUid);
        }
        String json = JobParameters.encode(params);
        Job job;
        synchronized (stateLock) {
            if (idempotencyKey != null) {
                for (Job other : store.byIdempotencyKey(idempotencyKey)) {
                    if (other.isActive()) {
                        throw new JobConflictException(idempotencyKey, other.jobId());
                    }
                }
            }
            long now = Math.max(Micros.now(clock), lastCreatedAt + 1);
            lastCreatedAt = now;
            job = Job.queued(freshId(type), type, json, idempotencyKey, config.maxRetries(), now);
            store.put(job);
        }
        log.info("Job queued: job_id={} job_type={} table_id={}", job.jobId(), type.wireName(),
                JobParameters.tableId(job));
        wakeups.release();
        return job.jobId();
    }

    /** The job with this id. */
    public Optional<Job> get(JobId id) {
        return store.get(id);
    }

    /** Every job, in creation order ({@code system.jobs}). */
    public List<Job> list() {
        return store.list();
    }

    /**
     * Recovers the jobs of the previous run (spec storage.md §14.7), then starts the dispatcher and the workers.
     * Called once.
     */
    public void start() {
        synchronized (stateLock) {
            if (started) {
                throw KalamDbException.internal("The job manager was already started", null);
            }
            started = true;
            recover();
            workers = Executors.newFixedThreadPool(maxConcurrent, daemonThreads("kalamdb-job-worker-"));
            dispatcher = new Thread(this::dispatchLoop, "kalamdb-job-dispatcher");
            dispatcher.setDaemon(true);
            dispatcher.start();
        }
        log.info("Job manager started with {} workers", maxConcurrent);
    }

    /**
     * KILL JOB (spec storage.md §14.6): a {@code new}, {@code queued}, {@code retrying} or {@code running} job
     * becomes {@code cancelled} with {@code finished_at} set; a running one is also asked to stop, and its table
     * stays busy until its executor returns.
     *
     * @return {@code Job <id> killed: cancelled}
     * @throws KalamDbException for an unknown job, a cleanup job or a job already finished
     */
    public String kill(JobId id) {
        Job cancelled;
        synchronized (stateLock) {
            Job job = store.get(id).orElseThrow(() -> KalamDbException.userError("Job '" + id + "' not found"));
            if (job.jobType() == JobType.CLEANUP) {
                throw KalamDbException.userError("Cleanup jobs cannot be cancelled");
            }
            if (job.status().isTerminal()) {
                throw KalamDbException.userError("Cannot cancel job " + id + " in status " + job.status().wireName());
            }
            cancelled = job.finished(JobStatus.CANCELLED, KILLED_MESSAGE, null, Micros.now(clock));
            store.put(cancelled);
            RunningJob running = held.get(id);
            if (running != null) {
                running.cancel();
            }
        }
        log.info("Job killed: job_id={} job_type={} table_id={}", id, cancelled.jobType().wireName(),
                JobParameters.tableId(cancelled));
        return "Job " + id + " killed: cancelled";
    }

    /**
     * DROP TABLE step 2 (spec storage.md §9): the table's active flush, compaction and retention jobs become
     * {@code cancelled}; a running one is asked to stop, and this waits up to 30 s for it to stop.
     */
    public void cancelTableJobs(long tableUid) {
        cancelTableJobs(tableUid, DROP_TABLE_WAIT);
    }

    /** {@link #cancelTableJobs(long)} waiting at most {@code wait} for running jobs to stop. */
    public void cancelTableJobs(long tableUid, Duration wait) {
        List<RunningJob> toAwait = new ArrayList<>();
        synchronized (stateLock) {
            long now = Micros.now(clock);
            for (JobStatus status : List.of(JobStatus.NEW, JobStatus.QUEUED, JobStatus.RETRYING, JobStatus.RUNNING)) {
                for (Job job : store.byStatus(status)) {
                    if (!TABLE_MAINTENANCE.contains(job.jobType())
                            || !Long.valueOf(tableUid).equals(JobParameters.tableUid(job))) {
                        continue;
                    }
                    store.put(job.finished(JobStatus.CANCELLED, DROPPED_MESSAGE, null, now));
                    log.info("Job cancelled by DROP TABLE: job_id={} table_id={}", job.jobId(),
                            JobParameters.tableId(job));
                    RunningJob running = held.get(job.jobId());
                    if (running != null) {
                        running.cancel();
                        toAwait.add(running);
                    }
                }
            }
        }
        long deadline = System.nanoTime() + wait.toNanos();
        try {
            for (RunningJob running : toAwait) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (!running.awaitReleased(Math.max(0, left))) {
                    log.warn("Job still running after cancellation: job_id={} table_id={}", running.jobId(),
                            running.tableId());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Stops scheduling and waits up to {@code timeout} for the running jobs; jobs still running then are left
     * alone (interrupted, nothing more persisted) and become {@code failed} at the next start. Jobs waiting for a
     * retry stay {@code retrying} and are queued again at the next start.
     */
    public void stop(Duration timeout) {
        synchronized (stateLock) {
            if (!started || stopping) {
                return;
            }
            stopping = true;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        wakeups.release();
        boolean finished = false;
        try {
            dispatcher.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            held.values().forEach(RunningJob::wakeUp);
            workers.shutdown();
            finished = workers.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            synchronized (stateLock) {
                abandoned = true;
            }
            if (!finished) {
                log.warn("Job manager stopped with {} job(s) still running; they fail at the next start",
                        held.size());
                dispatcher.interrupt();
                workers.shutdownNow();
            }
        }
        log.info("Job manager stopped");
    }

    private void recover() {
        long now = Micros.now(clock);
        for (Job job : store.byStatus(JobStatus.RUNNING)) {
            store.put(job.finished(JobStatus.FAILED, "Server restarted", "Job was running when server shut down",
                    now));
            log.warn("Job failed by restart: job_id={} table_id={}", job.jobId(), JobParameters.tableId(job));
        }
        for (JobStatus status : List.of(JobStatus.RETRYING, JobStatus.NEW)) {
            for (Job job : store.byStatus(status)) {
                store.put(job.requeued(now));
            }
        }
    }

    private void dispatchLoop() {
        while (!stopping) {
            try {
                dispatchReady();
            } catch (RuntimeException e) {
                log.error("Job dispatch failed", e);
            }
            try {
                wakeups.tryAcquire(POLL_MILLIS, TimeUnit.MILLISECONDS);
                wakeups.drainPermits();
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void dispatchReady() {
        if (held.size() >= maxConcurrent) {
            return;
        }
        for (Job queued : store.byStatus(JobStatus.QUEUED)) {
            if (stopping || held.size() >= maxConcurrent) {
                return;
            }
            Long tableUid = JobParameters.tableUid(queued);
            if (tableUid != null && busyTables.contains(tableUid)) {
                continue;
            }
            RunningJob running = new RunningJob(queued.jobId(), tableUid, JobParameters.tableId(queued));
            Job claimed = claim(running);
            if (claimed != null) {
                workers.execute(() -> work(running, claimed));
            }
        }
    }

    /** Marks the job {@code running} and holds its table, unless it left {@code queued} meanwhile. */
    private Job claim(RunningJob running) {
        synchronized (stateLock) {
            Job current = store.get(running.jobId()).orElse(null);
            if (stopping || current == null || current.status() != JobStatus.QUEUED) {
                return null;
            }
            Job claimed = current.running(Micros.now(clock));
            store.put(claimed);
            held.put(running.jobId(), running);
            if (running.tableUid() != null) {
                busyTables.add(running.tableUid());
            }
            return claimed;
        }
    }

    private void work(RunningJob running, Job claimed) {
        try {
            JobExecutor executor = executors.get(claimed.jobType());
            if (executor == null) {
                finish(running, JobStatus.FAILED, "No executor for job type " + claimed.jobType().wireName(), null);
                return;
            }
            Job current = claimed;
            while (current != null) {
                current = attempt(executor, running, current);
            }
        } catch (InterruptedException e) {
            log.warn("Job interrupted: job_id={} table_id={}", running.jobId(), running.tableId());
        } catch (Throwable t) {
            log.error("Job worker failed: job_id={} table_id={}", running.jobId(), running.tableId(), t);
            finish(running, JobStatus.FAILED, errorText(t), trace(t));
        } finally {
            held.remove(running.jobId());
            if (running.tableUid() != null) {
                busyTables.remove(running.tableUid());
            }
            running.markReleased();
            wakeups.release();
        }
    }

    /** Runs the job once; returns the job to run again after a retry backoff, or {@code null} when it is over. */
    private Job attempt(JobExecutor executor, RunningJob running, Job job) throws InterruptedException {
        if (running.isCancelled()) {
            finish(running, JobStatus.CANCELLED, CANCELLED_MESSAGE, null);
            return null;
        }
        try {
            JobOutcome outcome = executor.execute(job, new JobContext(job.jobId(),
                    JobParameters.parse(job.parameters()), running));
            if (running.isCancelled()) {
                finish(running, JobStatus.CANCELLED, CANCELLED_MESSAGE, null);
            } else if (outcome == null) {
                finish(running, JobStatus.FAILED, "The job executor returned no outcome", null);
            } else {
                finish(running, outcome.status(), outcome.message(), null);
            }
            return null;
        } catch (JobCancelledException e) {
            finish(running, JobStatus.CANCELLED, CANCELLED_MESSAGE, null);
            return null;
        } catch (PermanentJobException e) {
            if (running.isCancelled()) {
                finish(running, JobStatus.CANCELLED, CANCELLED_MESSAGE, null);
            } else {
                finish(running, JobStatus.FAILED, errorText(e), trace(e));
            }
            return null;
        } catch (Exception e) {
            return retryOrFail(running, job, e);
        }
    }

    private Job retryOrFail(RunningJob running, Job job, Exception e) throws InterruptedException {
        if (running.isCancelled()) {
            finish(running, JobStatus.CANCELLED, CANCELLED_MESSAGE, null);
            return null;
        }
        String error = errorText(e);
        if (job.retryCount() >= job.maxRetries()) {
            log.warn("Job failed after {} retries: job_id={} table_id={}", job.retryCount(), job.jobId(),
                    running.tableId(), e);
            finish(running, JobStatus.FAILED, "Max retries exceeded: " + error, trace(e));
            return null;
        }
        long now = Micros.now(clock);
        Job retrying = update(job.jobId(), j -> j.status() == JobStatus.RUNNING, j -> j.retrying(trace(e), now));
        if (retrying == null) {
            return null;
        }
        long backoff = backoffMillis(retrying.retryCount());
        log.warn("Job retrying in {} ms (retry {} of {}): job_id={} table_id={} error={}", backoff,
                retrying.retryCount(), retrying.maxRetries(), job.jobId(), running.tableId(), error);
        if (running.awaitWake(backoff)) {
            return null;
        }
        long resumed = Micros.now(clock);
        return update(job.jobId(), j -> j.status() == JobStatus.RETRYING, j -> j.running(resumed));
    }

    private void finish(RunningJob running, JobStatus status, String message, String trace) {
        long now = Micros.now(clock);
        Job done = update(running.jobId(), Job::isActive, j -> j.finished(status, message, trace, now));
        if (done != null) {
            log.info("Job {}: job_id={} job_type={} table_id={} message={}", status.wireName(), done.jobId(),
                    done.jobType().wireName(), running.tableId(), message);
        }
    }

    /** Applies {@code change} when the stored job passes {@code allowed}; returns the new job or {@code null}. */
    private Job update(JobId id, Predicate<Job> allowed, UnaryOperator<Job> change) {
        synchronized (stateLock) {
            if (abandoned) {
                return null;
            }
            Job current = store.get(id).orElse(null);
            if (current == null || !allowed.test(current)) {
                return null;
            }
            Job next = change.apply(current);
            store.put(next);
            return next;
        }
    }

    private long backoffMillis(int retryCount) {
        return config.retryBackoffMs() << Math.min(30, Math.max(0, retryCount - 1));
    }

    private JobId freshId(JobType type) {
        JobId id = JobId.newId(type);
        while (store.get(id).isPresent()) {
            id = JobId.newId(type);
        }
        return id;
    }

    /** The error text of a failure: its message, never a class name or stack trace. */
    private static String errorText(Throwable t) {
        String message = t.getMessage();
        return message == null || message.isBlank() ? "Unexpected error" : message;
    }

    /** The diagnostic of a failure: the messages of its cause chain. */
    private static String trace(Throwable t) {
        StringBuilder out = new StringBuilder(errorText(t));
        String previous = t.getMessage();
        Throwable cause = t.getCause();
        for (int i = 0; cause != null && cause != t && i < MAX_TRACE_CAUSES; i++) {
            String message = cause.getMessage();
            if (message != null && !message.isBlank() && !message.equals(previous)) {
                out.append("; caused by: ").append(message);
            }
            previous = message;
            t = cause;
            cause = cause.getCause();
        }
        return out.toString();
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger next = new AtomicInteger(1);
        return r -> {
            Thread thread = new Thread(r, prefix + next.getAndIncrement());
            thread.setDaemon(true);
            return thread;
        };
    }
}
