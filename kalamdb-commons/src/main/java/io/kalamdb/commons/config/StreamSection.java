package io.kalamdb.commons.config;

/** {@code [stream]}. */
public record StreamSection(long evictionIntervalSeconds) {
    public static StreamSection defaults() {
        return new StreamSection(60);
    }
}
