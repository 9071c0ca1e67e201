package io.kalamdb.core.sql.ddl;

import io.kalamdb.commons.errors.KalamDbException;
import io.kalamdb.commons.models.FlushPolicy;
import java.util.Locale;

/** {@code FLUSH_POLICY} values: {@code 'rows:N'}, {@code 'interval:S'} or both, keys case-insensitive (sql.md §3.3). */
final class FlushPolicyText {
    static final long MAX_ROWS = 1_000_000;
    static final long MAX_INTERVAL_SECONDS = 86_400;
    private static final String MUST_SPECIFY = "FLUSH_POLICY must specify 'rows' or 'interval' > 0";

    private FlushPolicyText() {
    }

    static FlushPolicy parse(String text) {
        if (text.isBlank()) {
            throw KalamDbException.userError(MUST_SPECIFY);
        }
        Long rows = null;
        Long interval = null;
        for (String raw : text.split(",", -1)) {
            String part = raw.trim();
            int colon = part.indexOf(':');
            if (colon < 0) {
                throw invalidFormat(part);
            }
            String key = part.substring(0, colon).trim();
            long value = number(part, part.substring(colon + 1).trim());
            switch (key.toLowerCase(Locale.ROOT)) {
                case "rows":
                    if (value >= MAX_ROWS) {
                        throw KalamDbException.userError("Row limit must be less than 1,000,000");
                    }
                    rows = value;
                    break;
                case "interval":
                    if (value >= MAX_INTERVAL_SECONDS) {
                        throw KalamDbException.userError("Interval must be less than 86400 seconds (24 hours)");
                    }
                    interval = value;
                    break;
                default:
                    throw KalamDbException.userError("Unknown FLUSH_POLICY key '" + key + "'");
            }
        }
        if (rows != null && rows <= 0 || interval != null && interval <= 0) {
            throw KalamDbException.userError(MUST_SPECIFY);
        }
        return new FlushPolicy(rows, interval);
    }

    private static long number(String part, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw invalidFormat(part);
        }
    }

    private static KalamDbException invalidFormat(String part) {
        return KalamDbException.userError("Invalid FLUSH_POLICY format '" + part + "'. Expected 'key:value'");
    }
}
