package io.kalamdb.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kalamdb.bench.run.LatencySummary;
import io.kalamdb.bench.run.ScenarioResult;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportTest {

    private static final RunInfo INFO = new RunInfo(Instant.parse("2026-01-02T03:04:05Z"), "http://127.0.0.1:1",
            "/x/kalamdb-server.jar", "0.1.0", "raw", 10, 2, 10, 4, 10, 1.5, 20.25, "17", 2, "Linux amd64");

    private static ScenarioResult result(String name, long... nanos) {
        return new ScenarioResult(name, "does <things> & more", 1, 2, LatencySummary.of(nanos), 1_000_000_000L, 1_500_000_000L,
                nanos.length * 2_000L);
    }

    @Test
    void targetsComparePointFiftyAgainstLimit() {
        List<ScenarioResult> results = List.of(result("single_insert", 140_000, 150_000, 900_000),
                result("point_lookup", 99_000, 101_000, 102_000), result("select_all", 1));
        List<TargetCheck> checks = Target.evaluate(Target.DEFAULTS, results);
        assertEquals(2, checks.size());
        assertEquals(150.0, checks.get(0).actualMicros());
        assertTrue(checks.get(0).met());
        assertEquals(101.0, checks.get(1).actualMicros());
        assertFalse(checks.get(1).met());
    }

    @Test
    void consoleTableHasOneLinePerScenarioAndTargetLines() {
        List<ScenarioResult> results = List.of(result("point_lookup", 99_000, 101_000, 102_000));
        String table = ConsoleTable.render(results, Target.evaluate(Target.DEFAULTS, results));
        String[] lines = table.split("\n");
        assertEquals("scenario     | threads | ops | p50 us | p95 us | p99 us | mean us | ops/s | srv cpu us/op | secs | total s",
                lines[0]);
        assertEquals("point_lookup |       1 |   3 |  101.0 |  102.0 |  102.0 |   100.7 |   3.0 |           2.0 | 1.00 |    1.50",
                lines[2]);
        assertEquals("[MISSED] point_lookup p50 <= 100.0 us: measured 101.0 us", lines[4]);
    }

    @Test
    void jsonReportUsesMicroseconds() {
        ObjectMapper mapper = new ObjectMapper();
        List<ScenarioResult> results = List.of(result("single_insert", 100_500));
        ObjectNode root = JsonReport.build(mapper, INFO, results, Target.evaluate(Target.DEFAULTS, results));
        assertEquals("2026-01-02T03:04:05Z", root.path("generated_at").asText());
        assertEquals(100.5, root.path("scenarios").path(0).path("p50_us").asDouble());
        assertEquals(1.0, root.path("scenarios").path(0).path("ops_per_sec").asDouble());
        assertEquals(1.5, root.path("scenarios").path(0).path("total_seconds").asDouble());
        assertEquals(2.0, root.path("scenarios").path(0).path("server_cpu_us_per_op").asDouble());
        assertTrue(root.path("targets").path(0).path("met").asBoolean());
        assertEquals("raw", root.path("run").path("client").asText());
    }

    @Test
    void htmlEscapesText() {
        String html = HtmlReport.render(INFO, List.of(result("select_all", 5_000)), List.of());
        assertTrue(html.contains("does &lt;things&gt; &amp; more"));
        assertFalse(html.contains("<things>"));
        assertEquals("&#39;a&#39; &quot;b&quot;", HtmlReport.escape("'a' \"b\""));
    }
}
