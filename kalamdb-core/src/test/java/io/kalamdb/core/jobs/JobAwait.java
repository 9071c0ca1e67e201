package io.kalamdb.core.jobs;

import io.kalamdb.commons.enums.JobStatus;
import io.kalamdb.commons.ids.JobId;
import java.util.function.BooleanSupplier;

/** Polling waits for job tests; the test's {@code @Timeout} bounds them. */
public final class JobAwait {
    private JobAwait() {
    }

    /** Waits until the job has {@code status} and returns it. */
    public static Job status(JobManager jobs, JobId id, JobStatus status) throws InterruptedException {
        until(() -> jobs.get(id).orElseThrow().status() == status);
        return jobs.get(id).orElseThrow();
    }

    /** Waits until the job is terminal and returns it. */
    public static Job terminal(JobManager jobs, JobId id) throws InterruptedException {
        until(() -> jobs.get(id).orElseThrow().status().isTerminal());
        return jobs.get(id).orElseThrow();
    }

    public static void until(BooleanSupplier condition) throws InterruptedException {
        while (!condition.getAsBoolean()) {
            Thread.sleep(2);
        }
    }
}
