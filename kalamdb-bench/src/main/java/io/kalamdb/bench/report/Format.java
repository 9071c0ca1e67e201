package io.kalamdb.bench.report;

import java.util.Locale;

/** Number formatting shared by the console table and the HTML report. */
final class Format {

    private Format() {
    }

    /** Microseconds: one decimal below 1000, none above. */
    static String micros(double micros) {
        return micros < 1000 ? String.format(Locale.ROOT, "%.1f", micros) : String.format(Locale.ROOT, "%,.0f", micros);
    }

    /** Server CPU microseconds per operation; "-" when unknown. */
    static String cpu(double micros) {
        return micros < 0 ? "-" : micros(micros);
    }

    static String rate(double perSecond) {
        return perSecond < 100 ? String.format(Locale.ROOT, "%.1f", perSecond) : String.format(Locale.ROOT, "%,.0f", perSecond);
    }

    static String seconds(double seconds) {
        return String.format(Locale.ROOT, "%.2f", seconds);
    }

    /** Rounds for JSON output: three decimals. */
    static double round3(double value) {
        return Math.round(value * 1000.0) / 1000.0;
    }
}
