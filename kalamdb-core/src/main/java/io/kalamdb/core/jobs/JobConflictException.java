package io.kalamdb.core.jobs;

import io.kalamdb.commons.errors.ErrorCode;
import io.kalamdb.commons.errors.KalamDbException;
import io.kalamdb.commons.ids.JobId;

/**
 * An idempotency conflict (spec storage.md §14.3): a job with the same idempotency key is still {@code new},
 * {@code queued}, {@code running} or {@code retrying}. A {@code SQL_EXECUTION_ERROR} shown to every role; callers
 * that need their own wording (flush, compaction) use {@link #withMessage(String)}.
 */
public class JobConflictException extends KalamDbException {
    private final String idempotencyKey;
    private final JobId activeJobId;

    public JobConflictException(String idempotencyKey, JobId activeJobId) {
        this("Job with idempotency key '" + idempotencyKey + "' is already running or queued", idempotencyKey,
                activeJobId);
    }

    private JobConflictException(String message, String idempotencyKey, JobId activeJobId) {
        super(ErrorCode.SQL_EXECUTION_ERROR, message);
        this.idempotencyKey = idempotencyKey;
        this.activeJobId = activeJobId;
    }

    /** The same conflict with another message. */
    public JobConflictException withMessage(String message) {
        return new JobConflictException(message, idempotencyKey, activeJobId);
    }

    @Override
    public boolean isPreserved() {
        return true;
    }

    /** The conflicting key. */
    public String idempotencyKey() {
        return idempotencyKey;
    }

    /** The active job holding the key. */
    public JobId activeJobId() {
        return activeJobId;
    }
}
