package io.kalamdb.core.jobs;

import io.kalamdb.commons.ids.JobId;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The in-memory state of a job a worker holds, from claim to end (including retry backoffs): its table uid (busy
 * while the job is held), the cancellation flag, a wake-up for backoff waits and a latch released when the worker
 * lets go of the job.
 */
final class RunningJob {
    private final JobId jobId;
    private final Long tableUid;
    private final String tableId;
    private final CountDownLatch wake = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);
    private volatile boolean cancelled;

    RunningJob(JobId jobId, Long tableUid, String tableId) {
        this.jobId = jobId;
        this.tableUid = tableUid;
        this.tableId = tableId;
    }

    JobId jobId() {
        return jobId;
    }

    Long tableUid() {
        return tableUid;
    }

    String tableId() {
        return tableId;
    }

    boolean isCancelled() {
        return cancelled;
    }

    /** Sets the cancellation flag and ends any backoff wait. */
    void cancel() {
        cancelled = true;
        wake.countDown();
    }

    /** Ends any backoff wait without cancelling (shutdown). */
    void wakeUp() {
        wake.countDown();
    }

    /** Waits up to {@code millis} or until woken; true when woken early. */
    boolean awaitWake(long millis) throws InterruptedException {
        return wake.await(millis, TimeUnit.MILLISECONDS);
    }

    void markReleased() {
        released.countDown();
    }

    /** Waits until the worker let go of the job; true when it did within {@code millis}. */
    boolean awaitReleased(long millis) throws InterruptedException {
        return released.await(millis, TimeUnit.MILLISECONDS);
    }
}
