package io.kalamdb.core.jobs;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.kalamdb.commons.enums.JobStatus;
import io.kalamdb.commons.enums.JobType;
import io.kalamdb.commons.ids.JobId;

/**
 * One row of {@code system.jobs} (spec storage.md §13.8, §14). Timestamps are microseconds since the epoch;
 * {@code parameters} is compact JSON; {@code nodeId} is 1 in standalone. Instances are immutable: each state change
 * makes a new one with {@code updatedAt} set.
 */
public record Job(JobId jobId, JobType jobType, JobStatus status, String parameters, String message,
                  String exceptionTrace, String idempotencyKey, int retryCount, int maxRetries, long createdAt,
                  long updatedAt, Long startedAt, Long finishedAt, long nodeId) {
    /** The node id of a standalone server. */
    public static final long STANDALONE_NODE_ID = 1;

    /** A new job, {@code queued} with no retries yet (spec storage.md §14.3). */
    public static Job queued(JobId jobId, JobType jobType, String parameters, String idempotencyKey, int maxRetries,
                             long now) {
        return new Job(jobId, jobType, JobStatus.QUEUED, parameters, null, null, idempotencyKey, 0, maxRetries,
                now, now, null, null, STANDALONE_NODE_ID);
    }

    /** Whether the job may still run: {@code new}, {@code queued}, {@code running} or {@code retrying}. */
    @JsonIgnore
    public boolean isActive() {
        return !status.isTerminal();
    }

    /** Back to {@code queued} (crash recovery of {@code new} and {@code retrying} jobs). */
    public Job requeued(long now) {
        return new Job(jobId, jobType, JobStatus.QUEUED, parameters, message, exceptionTrace, idempotencyKey,
                retryCount, maxRetries, createdAt, now, startedAt, finishedAt, nodeId);
    }

    /** {@code running}; {@code startedAt} keeps the first start across retries. */
    public Job running(long now) {
        return new Job(jobId, jobType, JobStatus.RUNNING, parameters, message, exceptionTrace, idempotencyKey,
                retryCount, maxRetries, createdAt, now, startedAt == null ? now : startedAt, finishedAt, nodeId);
    }

    /** {@code retrying} after a retryable failure, with one more retry counted. */
    public Job retrying(String trace, long now) {
        return new Job(jobId, jobType, JobStatus.RETRYING, parameters, message, trace, idempotencyKey,
                retryCount + 1, maxRetries, createdAt, now, startedAt, finishedAt, nodeId);
    }

    /** A terminal status with its message, {@code finishedAt = now}; a {@code null} trace keeps the current one. */
    public Job finished(JobStatus terminal, String resultMessage, String trace, long now) {
        return new Job(jobId, jobType, terminal, parameters, resultMessage, trace == null ? exceptionTrace : trace,
                idempotencyKey, retryCount, maxRetries, createdAt, now, startedAt, now, nodeId);
    }
}
