package io.kalamdb.commons.config;

/** {@code [performance]}. */
public record PerformanceSection(int maxConnections) {
    public static PerformanceSection defaults() {
        return new PerformanceSection(25_000);
    }
}
