package io.kalamdb.core.jobs;

/**
 * Thrown by {@link JobContext#checkCancelled()} to unwind an executor whose job was cancelled; the job ends
 * {@code cancelled}, never retried.
 */
public class JobCancelledException extends RuntimeException {
    public JobCancelledException(String message) {
        super(message, null, false, false);
    }
}
