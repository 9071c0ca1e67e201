package io.kalamdb.server.logging;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kalamdb.commons.config.LoggingSection;
import io.kalamdb.server.config.ConfigException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoggingSetupTest {
    private static final Pattern COMPACT_LINE = Pattern.compile(
            "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z INFO  \\[[^]]+] io\\.kalamdb\\.test\\.compact - "
                    + "hello world");
    private static final Pattern JSON_TIMESTAMP = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");

    @TempDir
    Path dir;

    @AfterEach
    void restoreDefaultLogging() throws Exception {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        new ContextInitializer(context).autoConfig();
    }

    private static LoggingSection section(Path logs, String level, String format, Map<String, String> targets) {
        return new LoggingSection(level, logs.toString(), false, format, 1200, targets);
    }

    private static List<String> lines(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8);
    }

    @Test
    void compactFormatWritesOneLinePerEventToServerLog() throws IOException {
        Path logs = dir.resolve("nested/logs");

        Path main = LoggingSetup.configure(section(logs, "info", "compact", Map.of()));
        Logger log = LoggerFactory.getLogger("io.kalamdb.test.compact");
        log.info("hello {}", "world");
        log.debug("not at info level");

        assertEquals(logs.resolve("server.log"), main);
        List<String> lines = lines(main);
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(COMPACT_LINE.matcher(lines.get(0)).matches(), lines.get(0));
        assertFalse(Files.exists(logs.resolve("server.jsonl")));
    }

    @Test
    void slowLoggerWritesOnlyToSlowLog() throws IOException {
        LoggingSetup.configure(section(dir, "error", "compact", Map.of()));

        LoggerFactory.getLogger(LoggingSetup.SLOW_LOGGER).info("slow statement took {} ms", 1500);
        LoggerFactory.getLogger("io.kalamdb.test.slow").error("an error");

        List<String> slow = lines(dir.resolve("slow.log"));
        assertEquals(1, slow.size());
        assertTrue(slow.get(0).endsWith(" INFO  [" + Thread.currentThread().getName()
                + "] kalamdb.slow - slow statement took 1500 ms"), slow.get(0));
        List<String> main = lines(dir.resolve("server.log"));
        assertEquals(1, main.size());
        assertTrue(main.get(0).endsWith("io.kalamdb.test.slow - an error"), main.get(0));
    }

    @Test
    void thirdPartyLoggersAreQuietUnlessATargetSaysOtherwise() throws IOException {
        LoggingSetup.configure(section(dir, "debug", "compact",
                Map.of("io.netty", "debug", "io.kalamdb.test.quiet", "warn")));

        LoggerFactory.getLogger("org.apache.parquet.hadoop.ParquetWriter").info("parquet info");
        LoggerFactory.getLogger("org.apache.calcite.plan").warn("calcite warning");
        LoggerFactory.getLogger("io.netty.channel").debug("netty debug");
        LoggerFactory.getLogger("io.kalamdb.test.quiet").info("quiet info");
        LoggerFactory.getLogger("io.kalamdb.test.loud").debug("loud debug");

        String content = Files.readString(dir.resolve("server.log"));
        assertFalse(content.contains("parquet info"), content);
        assertTrue(content.contains("calcite warning"), content);
        assertTrue(content.contains("netty debug"), content);
        assertFalse(content.contains("quiet info"), content);
        assertTrue(content.contains("loud debug"), content);
    }

    @Test
    void jsonFormatWritesOneValidObjectPerLineToServerJsonl() throws IOException {
        Path main = LoggingSetup.configure(section(dir, "info", "json", Map.of()));
        Logger log = LoggerFactory.getLogger("io.kalamdb.test.json");
        String tricky = "quote \" backslash \\ newline \n tab \t bell \u0007 snowman \u2603 emoji \uD83D\uDE00";
        log.info("first {}", tricky);
        MDC.put("table_id", "app.messages");
        try {
            log.warn("flushed", new IllegalStateException("boom"));
        } finally {
            MDC.remove("table_id");
        }

        assertEquals(dir.resolve("server.jsonl"), main);
        assertFalse(Files.exists(dir.resolve("server.log")));
        List<String> lines = lines(main);
        assertEquals(2, lines.size(), lines.toString());
        ObjectMapper mapper = new ObjectMapper();

        JsonNode first = mapper.readTree(lines.get(0));
        assertTrue(JSON_TIMESTAMP.matcher(first.get("timestamp").asText()).matches(), lines.get(0));
        assertEquals("INFO", first.get("level").asText());
        assertEquals(Thread.currentThread().getName(), first.get("thread").asText());
        assertEquals("io.kalamdb.test.json", first.get("target").asText());
        assertEquals("first " + tricky, first.get("message").asText());
        assertFalse(first.has("fields"));
        assertFalse(first.has("error"));

        JsonNode second = mapper.readTree(lines.get(1));
        assertEquals("WARN", second.get("level").asText());
        assertEquals("flushed", second.get("message").asText());
        assertEquals("app.messages", second.get("fields").get("table_id").asText());
        assertTrue(second.get("error").asText().startsWith("java.lang.IllegalStateException: boom"),
                second.get("error").asText());
    }

    @Test
    void prettyFormatPutsTheMessageOnItsOwnIndentedLine() throws IOException {
        LoggingSetup.configure(section(dir, "info", "pretty", Map.of()));

        LoggerFactory.getLogger("io.kalamdb.test.pretty").info("KalamDB listening on {}:{}", "127.0.0.1", 8080);

        List<String> lines = lines(dir.resolve("server.log"));
        assertEquals(3, lines.size(), lines.toString());
        assertTrue(lines.get(0).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3} UTC  INFO   "
                + "io\\.kalamdb\\.test\\.pretty  \\[[^]]+]"), lines.get(0));
        assertEquals("    KalamDB listening on 127.0.0.1:8080", lines.get(1));
        assertEquals("", lines.get(2));
    }

    @Test
    void logsPathThatCannotBeCreatedIsFatal() throws IOException {
        Path file = Files.writeString(dir.resolve("not-a-dir"), "x");
        Path logs = file.resolve("logs");

        ConfigException e = assertThrows(ConfigException.class,
                () -> LoggingSetup.configure(section(logs, "info", "compact", Map.of())));

        assertTrue(e.getMessage().startsWith("invalid config: [logging].logs_path '" + logs + "' cannot be created: "),
                e.getMessage());
    }
}
