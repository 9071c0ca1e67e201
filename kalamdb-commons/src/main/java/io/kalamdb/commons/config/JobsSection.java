package io.kalamdb.commons.config;

/** {@code [jobs]}. */
public record JobsSection(int maxConcurrent, int maxRetries, long retryBackoffMs, long jobRetentionDays) {
    public static JobsSection defaults() {
        return new JobsSection(10, 3, 100, 7);
    }
}
