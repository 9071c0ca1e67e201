package io.kalamdb.core.jobs;

import io.kalamdb.commons.enums.JobType;
import java.util.concurrent.atomic.AtomicInteger;

/** A test executor running a lambda and counting its attempts. */
public final class ScriptedExecutor implements JobExecutor {
    /** The body of one attempt. */
    @FunctionalInterface
    public interface Body {
        JobOutcome run(Job job, JobContext ctx, int attempt) throws Exception;
    }

    private final JobType type;
    private final Body body;
    private final AtomicInteger attempts = new AtomicInteger();

    public ScriptedExecutor(JobType type, Body body) {
        this.type = type;
        this.body = body;
    }

    @Override
    public JobType type() {
        return type;
    }

    @Override
    public JobOutcome execute(Job job, JobContext ctx) throws Exception {
        return body.run(job, ctx, attempts.incrementAndGet());
    }

    public int attempts() {
        return attempts.get();
    }
}
