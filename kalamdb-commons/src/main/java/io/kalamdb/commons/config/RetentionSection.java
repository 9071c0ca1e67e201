package io.kalamdb.commons.config;

/** {@code [retention]}. */
public record RetentionSection(long defaultDeletedRetentionHours, long checkIntervalSeconds) {
    public static RetentionSection defaults() {
        return new RetentionSection(168, 3600);
    }
}
