package io.kalamdb.core.jobs;

import io.kalamdb.commons.enums.JobType;

/**
 * Runs the jobs of one {@link JobType}. Implementations are thread-safe: jobs of different tables run at the same
 * time. Between scopes and batches an executor checks {@link JobContext#isCancelled()} and stops when it is set;
 * the job then ends {@code cancelled} whatever the executor returns.
 * <p>
 * Failures are classified by type (spec storage.md §14.5): a {@link PermanentJobException} fails the job at once;
 * any other exception is retryable.
 */
public interface JobExecutor {
    /** The job type this executor runs. */
    JobType type();

    /** Runs {@code job} and returns its final message, {@code completed} or {@code skipped}. */
    JobOutcome execute(Job job, JobContext ctx) throws Exception;
}
