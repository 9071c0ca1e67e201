package io.kalamdb.core.jobs;

import io.kalamdb.commons.enums.JobStatus;
import java.util.Objects;

/**
 * The result of a successful {@link JobExecutor#execute}: {@code completed} with the result text, or
 * {@code skipped} with the reason (e.g. the table was dropped).
 *
 * @param status  {@link JobStatus#COMPLETED} or {@link JobStatus#SKIPPED}
 * @param message plain text stored in {@code system.jobs.message}
 */
public record JobOutcome(JobStatus status, String message) {
    public JobOutcome {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(message, "message");
        if (status != JobStatus.COMPLETED && status != JobStatus.SKIPPED) {
            throw new IllegalArgumentException("a job outcome is completed or skipped, not " + status);
        }
    }

    public static JobOutcome completed(String message) {
        return new JobOutcome(JobStatus.COMPLETED, message);
    }

    public static JobOutcome skipped(String message) {
        return new JobOutcome(JobStatus.SKIPPED, message);
    }
}
