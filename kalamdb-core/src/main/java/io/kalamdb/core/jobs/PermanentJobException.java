package io.kalamdb.core.jobs;

/**
 * A job failure that retrying cannot fix (bad parameters, unsupported target): the job becomes {@code failed} at
 * once with this message (spec storage.md §14.5).
 */
public class PermanentJobException extends RuntimeException {
    public PermanentJobException(String message) {
        super(message);
    }

    public PermanentJobException(String message, Throwable cause) {
        super(message, cause);
    }
}
