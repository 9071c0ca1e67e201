package io.kalamdb.commons.config;

import java.util.Map;

/** {@code [logging]}. {@code level} is one of error|warn|info|debug|trace; {@code format} compact|pretty|json. */
public record LoggingSection(String level, String logsPath, boolean logToConsole, String format,
                             long slowQueryThresholdMs, Map<String, String> targets) {
    public static LoggingSection defaults() {
        return new LoggingSection("info", "./logs", true, "compact", 1200, Map.of());
    }
}
