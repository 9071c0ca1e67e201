package io.kalamdb.bench.report;

import io.kalamdb.bench.run.ScenarioResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** {@code bench-report.html}: one static page, no scripts; bars show p50 and p99 on a logarithmic scale. */
public final class HtmlReport {

    public static final String FILE_NAME = "bench-report.html";

    private static final String STYLE = """
            body{font-family:system-ui,sans-serif;margin:2em;color:#222}
            table{border-collapse:collapse;margin:1em 0}
            th,td{padding:.3em .7em;border-bottom:1px solid #ddd;text-align:right;white-space:nowrap}
            th:first-child,td:first-child{text-align:left}
            td.desc{text-align:left;white-space:normal;color:#555;font-size:.9em;max-width:28em}
            .bar{height:.6em;background:#4a7bd0;margin:.1em 0}
            .bar.p99{background:#d08a4a}
            .met{color:#1a7f37;font-weight:600}.missed{color:#c62828;font-weight:600}
            dl{display:grid;grid-template-columns:max-content auto;gap:.2em 1em}dt{color:#666}
            """;

    private HtmlReport() {
    }

    public static String render(RunInfo info, List<ScenarioResult> results, List<TargetCheck> checks) {
        double maxLog = 1;
        for (ScenarioResult r : results) {
            maxLog = Math.max(maxLog, Math.log10(1 + r.latency().p99Micros()));
        }
        StringBuilder html = new StringBuilder(8192);
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>KalamDB benchmark</title>")
                .append("<style>").append(STYLE).append("</style></head><body>\n")
                .append("<h1>KalamDB benchmark</h1>\n<dl>");
        definition(html, "started", info.startedAt().toString());
        definition(html, "server", info.serverUrl() + (info.serverVersion() == null ? "" : " (version " + info.serverVersion() + ")"));
        if (info.serverJar() != null) {
            definition(html, "server jar", info.serverJar());
        }
        definition(html, "client", info.client() + ", HTTP/1.1 keep-alive, one connection per thread");
        definition(html, "iterations / warm-up", info.iterations() + " / " + info.warmup()
                + " (budgets " + info.measureBudgetSeconds() + " s / " + info.warmupBudgetSeconds() + " s per scenario)");
        definition(html, "machine", info.availableProcessors() + " CPUs, " + info.os() + ", Java " + info.javaVersion());
        definition(html, "setup / total", Format.seconds(info.setupSeconds()) + " s / " + Format.seconds(info.totalSeconds()) + " s");
        html.append("</dl>\n");

        if (!checks.isEmpty()) {
            html.append("<h2>Targets</h2>\n<ul>");
            for (TargetCheck check : checks) {
                html.append("<li><span class=\"").append(check.met() ? "met\">met" : "missed\">missed").append("</span> ")
                        .append(escape(check.target().label())).append(": measured ")
                        .append(Format.micros(check.actualMicros())).append(" &micro;s</li>");
            }
            html.append("</ul>\n");
        }

        html.append("<h2>Scenarios</h2>\n<table><thead><tr><th>scenario</th><th>threads</th><th>ops</th>")
                .append("<th>p50 &micro;s</th><th>p95 &micro;s</th><th>p99 &micro;s</th><th>mean &micro;s</th>")
                .append("<th>ops/s</th><th>server CPU &micro;s/op</th><th>seconds</th><th>p50 / p99 (log)</th><th>what it measures</th></tr></thead><tbody>\n");
        for (ScenarioResult r : results) {
            html.append("<tr><td>").append(escape(r.name())).append("</td>")
                    .append(cell(String.valueOf(r.threads())))
                    .append(cell(String.valueOf(r.operations())))
                    .append(cell(Format.micros(r.latency().p50Micros())))
                    .append(cell(Format.micros(r.latency().p95Micros())))
                    .append(cell(Format.micros(r.latency().p99Micros())))
                    .append(cell(Format.micros(r.latency().meanMicros())))
                    .append(cell(Format.rate(r.opsPerSecond())))
                    .append(cell(Format.cpu(r.serverCpuMicrosPerOp())))
                    .append(cell(Format.seconds(r.measuredSeconds())))
                    .append("<td style=\"width:12em\">")
                    .append(bar("p50", r.latency().p50Micros(), maxLog))
                    .append(bar("p99", r.latency().p99Micros(), maxLog))
                    .append("</td><td class=\"desc\">").append(escape(r.description())).append("</td></tr>\n");
        }
        html.append("</tbody></table>\n<p>Latency is measured in the client, per operation, from sending the request to")
                .append(" receiving the complete response over an HTTP/1.1 keep-alive connection. Server CPU is the CPU time of")
                .append(" the server process (all threads) during the measured phase, divided by the operations.</p>\n</body></html>\n");
        return html.toString();
    }

    private static String bar(String kind, double micros, double maxLog) {
        double percent = 100.0 * Math.log10(1 + micros) / maxLog;
        return String.format(Locale.ROOT, "<div class=\"bar %s\" style=\"width:%.1f%%\" title=\"%s %s us\"></div>",
                kind, percent, kind, Format.micros(micros));
    }

    private static String cell(String text) {
        return "<td>" + escape(text) + "</td>";
    }

    private static void definition(StringBuilder html, String term, String value) {
        html.append("<dt>").append(escape(term)).append("</dt><dd>").append(escape(value)).append("</dd>");
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    public static Path write(Path dir, RunInfo info, List<ScenarioResult> results, List<TargetCheck> checks) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(FILE_NAME);
        Files.writeString(file, render(info, results, checks), StandardCharsets.UTF_8);
        return file;
    }
}
