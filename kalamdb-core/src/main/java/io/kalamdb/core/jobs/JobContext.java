package io.kalamdb.core.jobs;

import io.kalamdb.commons.ids.JobId;
import java.util.Map;

/**
 * What an executor sees of its running job: the parsed parameters and the cancellation flag. Typed accessors throw
 * {@link PermanentJobException} for a missing or malformed parameter, so a bad job fails without retries.
 */
public final class JobContext {
    private final JobId jobId;
    private final Map<String, Object> parameters;
    private final RunningJob running;

    JobContext(JobId jobId, Map<String, Object> parameters, RunningJob running) {
        this.jobId = jobId;
        this.parameters = parameters;
        this.running = running;
    }

    public JobId jobId() {
        return jobId;
    }

    /** The parameters parsed from the job's JSON; read-only. */
    public Map<String, Object> parameters() {
        return parameters;
    }

    /** Whether KILL JOB or DROP TABLE asked the job to stop. */
    public boolean isCancelled() {
        return running.isCancelled();
    }

    /** Throws {@link JobCancelledException} when the job was asked to stop. */
    public void checkCancelled() {
        if (running.isCancelled()) {
            throw new JobCancelledException("Job " + jobId + " was cancelled");
        }
    }

    /** A required text parameter. */
    public String requireString(String name) {
        String value = optionalString(name);
        if (value == null) {
            throw new PermanentJobException("Missing job parameter '" + name + "'");
        }
        return value;
    }

    /** A text parameter, or {@code null} when absent or JSON null. */
    public String optionalString(String name) {
        Object value = parameters.get(name);
        if (value == null) {
            return null;
        }
        if (value instanceof String s) {
            return s;
        }
        throw new PermanentJobException("Job parameter '" + name + "' must be text");
    }

    /** A required integer parameter, given as a JSON number or as decimal text. */
    public long requireLong(String name) {
        Long value = JobParameters.asLong(parameters.get(name));
        if (value == null) {
            throw new PermanentJobException("Missing or invalid job parameter '" + name + "'");
        }
        return value;
    }
}
