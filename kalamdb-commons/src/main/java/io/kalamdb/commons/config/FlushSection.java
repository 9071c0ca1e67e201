package io.kalamdb.commons.config;

/** {@code [flush]}. */
public record FlushSection(long defaultRowLimit, long defaultTimeInterval, long flushBatchSize,
                           long checkIntervalSeconds) {
    public static FlushSection defaults() {
        return new FlushSection(10_000, 300, 10_000, 60);
    }
}
