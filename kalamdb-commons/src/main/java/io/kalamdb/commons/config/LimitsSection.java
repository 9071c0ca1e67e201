package io.kalamdb.commons.config;

/** {@code [limits]}. */
public record LimitsSection(int defaultQueryLimit, int maxQueryLimit) {
    public static LimitsSection defaults() {
        return new LimitsSection(50, 1000);
    }
}
