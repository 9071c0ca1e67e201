package io.kalamdb.commons.config;

/** {@code [shutdown.flush]}: seconds to wait for running jobs at shutdown. */
public record ShutdownSection(long flushTimeoutSeconds) {
    public static ShutdownSection defaults() {
        return new ShutdownSection(300);
    }
}
