package io.kalamdb.server.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.TimeBasedRollingPolicy;
import io.kalamdb.commons.config.LoggingSection;
import io.kalamdb.server.config.ConfigException;
import io.kalamdb.server.config.IoMessages;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Configures Logback from {@code [logging]} (spec config.md §2, §5), replacing whatever configuration was active:
 * <ul>
 *   <li>the root level from {@code level}, per-logger levels from {@code targets};</li>
 *   <li>stdout when {@code log_to_console};</li>
 *   <li>{@code <logs_path>/server.log} (compact or pretty text) or {@code <logs_path>/server.jsonl} (one JSON object
 *       per line), rotated daily, 7 files kept;</li>
 *   <li>{@code <logs_path>/slow.log} for the logger {@value #SLOW_LOGGER} only (not additive);</li>
 *   <li>the chatty third-party loggers of {@link #QUIET_LOGGERS} at WARN unless {@code targets} says otherwise.</li>
 * </ul>
 */
public final class LoggingSetup {
    /** The logger that slow statements are written to; it only goes to {@code slow.log}. */
    public static final String SLOW_LOGGER = "kalamdb.slow";
    /** Libraries that log heavily at INFO/DEBUG; held at WARN unless a target names them. */
    public static final List<String> QUIET_LOGGERS = List.of("org.apache.parquet", "org.apache.calcite",
            "org.apache.hadoop", "io.netty", "org.rocksdb", "org.codehaus.janino");

    /** One line: UTC timestamp, level, thread, logger, the request id when there is one, message. */
    static final String COMPACT_PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSS'Z',UTC} %-5level [%thread] %logger"
            + "%replace( request_id=%X{request_id}){' request_id=$', ''} - %msg%n";
    /** A header line, the message indented on the next line, a blank line between events. */
    static final String PRETTY_PATTERN =
            "%d{yyyy-MM-dd HH:mm:ss.SSS,UTC} UTC  %-5level  %logger  [%thread]%n    %msg%n%ex%n";
    static final int MAX_HISTORY_DAYS = 7;

    private LoggingSetup() {
    }

    /**
     * Applies the logging section. Creates {@code logs_path}.
     *
     * @return the main log file ({@code server.log} or {@code server.jsonl})
     * @throws ConfigException if {@code logs_path} cannot be created or a log file cannot be opened
     */
    public static Path configure(LoggingSection logging) {
        Path logsDir = Path.of(logging.logsPath()).toAbsolutePath().normalize();
        try {
            Files.createDirectories(logsDir);
        } catch (IOException e) {
            throw ConfigException.invalid("[logging].logs_path",
                    "'" + logsDir + "' cannot be created: " + IoMessages.describe(e));
        }
        boolean json = "json".equals(logging.format().toLowerCase(Locale.ROOT));
        boolean pretty = "pretty".equals(logging.format().toLowerCase(Locale.ROOT));
        String textPattern = pretty ? PRETTY_PATTERN : COMPACT_PATTERN;

        LoggerContext context = context();
        context.reset();

        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.toLevel(logging.level(), Level.INFO));
        if (logging.logToConsole()) {
            ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
            console.setContext(context);
            console.setName("console");
            console.setEncoder(json ? jsonEncoder(context) : patternEncoder(context, textPattern));
            start(console, logsDir);
            root.addAppender(console);
        }
        Path mainFile = logsDir.resolve(json ? "server.jsonl" : "server.log");
        root.addAppender(rollingFile(context, "main", mainFile, json ? "server.%d{yyyy-MM-dd}.jsonl"
                : "server.%d{yyyy-MM-dd}.log", json ? jsonEncoder(context) : patternEncoder(context, textPattern)));

        Logger slow = context.getLogger(SLOW_LOGGER);
        slow.setAdditive(false);
        slow.setLevel(Level.INFO);
        slow.addAppender(rollingFile(context, "slow", logsDir.resolve("slow.log"), "slow.%d{yyyy-MM-dd}.log",
                patternEncoder(context, COMPACT_PATTERN)));

        for (String name : QUIET_LOGGERS) {
            context.getLogger(name).setLevel(Level.WARN);
        }
        for (Map.Entry<String, String> target : logging.targets().entrySet()) {
            context.getLogger(target.getKey()).setLevel(Level.toLevel(target.getValue(), Level.INFO));
        }
        return mainFile;
    }

    /** Flushes and closes every appender (call once, at the very end of shutdown). */
    public static void stop() {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (factory instanceof LoggerContext context) {
            context.stop();
        }
    }

    private static LoggerContext context() {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (factory instanceof LoggerContext context) {
            return context;
        }
        throw new IllegalStateException("SLF4J is not bound to Logback");
    }

    private static Appender<ILoggingEvent> rollingFile(LoggerContext context, String name, Path file,
                                                       String rolledName, Encoder<ILoggingEvent> encoder) {
        RollingFileAppender<ILoggingEvent> appender = new RollingFileAppender<>();
        appender.setContext(context);
        appender.setName(name);
        appender.setFile(file.toString());
        appender.setAppend(true);
        appender.setEncoder(encoder);

        TimeBasedRollingPolicy<ILoggingEvent> policy = new TimeBasedRollingPolicy<>();
        policy.setContext(context);
        policy.setParent(appender);
        policy.setFileNamePattern(file.resolveSibling(rolledName).toString());
        policy.setMaxHistory(MAX_HISTORY_DAYS);
        policy.setCleanHistoryOnStart(true);
        policy.start();
        appender.setRollingPolicy(policy);
        start(appender, file);
        return appender;
    }

    private static void start(Appender<ILoggingEvent> appender, Path target) {
        appender.start();
        if (!appender.isStarted()) {
            throw ConfigException.invalid("[logging].logs_path", "'" + target + "' cannot be opened for logging");
        }
    }

    private static Encoder<ILoggingEvent> patternEncoder(LoggerContext context, String pattern) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(pattern);
        encoder.setCharset(StandardCharsets.UTF_8);
        encoder.start();
        return encoder;
    }

    private static Encoder<ILoggingEvent> jsonEncoder(LoggerContext context) {
        JsonLineLayout layout = new JsonLineLayout();
        layout.setContext(context);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        encoder.setCharset(StandardCharsets.UTF_8);
        encoder.start();
        return encoder;
    }
}
