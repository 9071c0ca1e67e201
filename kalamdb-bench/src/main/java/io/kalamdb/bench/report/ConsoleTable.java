package io.kalamdb.bench.report;

import io.kalamdb.bench.run.ScenarioResult;
import java.util.ArrayList;
import java.util.List;

/** The results as a fixed-width text table for stdout. */
public final class ConsoleTable {

    private static final String[] HEADERS = {
        "scenario", "threads", "ops", "p50 us", "p95 us", "p99 us", "mean us", "ops/s", "srv cpu us/op", "secs", "total s"
    };

    private ConsoleTable() {
    }

    public static String render(List<ScenarioResult> results, List<TargetCheck> checks) {
        List<String[]> rows = new ArrayList<>();
        for (ScenarioResult r : results) {
            rows.add(new String[] {
                r.name(),
                String.valueOf(r.threads()),
                String.valueOf(r.operations()),
                Format.micros(r.latency().p50Micros()),
                Format.micros(r.latency().p95Micros()),
                Format.micros(r.latency().p99Micros()),
                Format.micros(r.latency().meanMicros()),
                Format.rate(r.opsPerSecond()),
                Format.cpu(r.serverCpuMicrosPerOp()),
                Format.seconds(r.measuredSeconds()),
                Format.seconds(r.totalSeconds())
            });
        }
        int[] widths = new int[HEADERS.length];
        for (int c = 0; c < HEADERS.length; c++) {
            widths[c] = HEADERS[c].length();
            for (String[] row : rows) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        StringBuilder out = new StringBuilder();
        appendRow(out, HEADERS, widths);
        StringBuilder rule = new StringBuilder();
        for (int c = 0; c < widths.length; c++) {
            rule.append(c == 0 ? "" : "-+-").append("-".repeat(widths[c]));
        }
        out.append(rule).append('\n');
        for (String[] row : rows) {
            appendRow(out, row, widths);
        }
        if (!checks.isEmpty()) {
            out.append('\n');
            for (TargetCheck check : checks) {
                out.append(check.met() ? "[met]    " : "[MISSED] ").append(check.target().label())
                        .append(": measured ").append(Format.micros(check.actualMicros())).append(" us\n");
            }
        }
        return out.toString();
    }

    /** First column left-aligned, numbers right-aligned. */
    private static void appendRow(StringBuilder out, String[] cells, int[] widths) {
        for (int c = 0; c < cells.length; c++) {
            if (c > 0) {
                out.append(" | ");
            }
            String cell = cells[c];
            String pad = " ".repeat(widths[c] - cell.length());
            out.append(c == 0 ? cell + pad : pad + cell);
        }
        out.append('\n');
    }
}
