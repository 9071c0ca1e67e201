package io.kalamdb.core.system.tables;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kalamdb.commons.config.LoggingSection;
import io.kalamdb.core.system.Micros;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.stream.Stream;

/**
 * Rows of {@code system.server_logs}: the last lines of {@code <logs_path>/server.jsonl} when the log format is
 * json; no rows otherwise (spec storage.md §13.15).
 */
final class ServerLogRows {
    private static final int MAX_LINES = 10_000;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ServerLogRows() {
    }

    static List<Object[]> read(LoggingSection logging) {
        if (!"json".equals(logging.format())) {
            return List.of();
        }
        Path file = Path.of(logging.logsPath()).resolve("server.jsonl");
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        Deque<String> tail = new ArrayDeque<>();
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            lines.forEach(line -> {
                tail.addLast(line);
                if (tail.size() > MAX_LINES) {
                    tail.removeFirst();
                }
            });
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
        List<Object[]> out = new ArrayList<>(tail.size());
        for (String line : tail) {
            try {
                JsonNode n = MAPPER.readTree(line);
                long ts = Micros.of(Instant.parse(n.path("timestamp").asText()));
                out.add(new Object[] {ts, n.path("level").asText(), text(n, "thread"), text(n, "target"),
                    n.hasNonNull("line") ? n.get("line").asLong() : null, n.path("message").asText()});
            } catch (IOException | RuntimeException e) {
                // a partially written last line is skipped
            }
        }
        return out;
    }

    private static String text(JsonNode n, String field) {
        return n.hasNonNull(field) ? n.get(field).asText() : null;
    }
}
