package io.kalamdb.bench.http;

import java.nio.charset.StandardCharsets;

/**
 * Cheap checks on a raw SQL response envelope (http-api.md §5), so the hot loop does not build a JSON tree for every
 * response. Anything that does not pass the fast checks is parsed in full by {@link SqlClient}.
 */
public final class Envelope {

    private static final byte[] SUCCESS_PREFIX = "{\"status\":\"success\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ROW_COUNT_KEY = "\"row_count\":".getBytes(StandardCharsets.US_ASCII);

    private Envelope() {
    }

    /** True when the body begins with {@code {"status":"success"}, the field order the server writes. */
    public static boolean startsWithSuccess(byte[] body) {
        if (body.length < SUCCESS_PREFIX.length) {
            return false;
        }
        for (int i = 0; i < SUCCESS_PREFIX.length; i++) {
            if (body[i] != SUCCESS_PREFIX[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * The {@code row_count} of the first result, or -1 when there is none. A JSON string cannot hold the unescaped
     * pattern {@code "row_count":}, so the first match is the key of the first result.
     */
    public static long firstRowCount(byte[] body) {
        int at = indexOf(body, ROW_COUNT_KEY, 0);
        if (at < 0) {
            return -1;
        }
        int i = at + ROW_COUNT_KEY.length;
        while (i < body.length && body[i] == ' ') {
            i++;
        }
        long value = 0;
        int digits = 0;
        while (i < body.length && body[i] >= '0' && body[i] <= '9') {
            value = value * 10 + (body[i] - '0');
            i++;
            digits++;
        }
        return digits == 0 ? -1 : value;
    }

    /** Index of the first occurrence of {@code pattern} at or after {@code from}, or -1. */
    public static int indexOf(byte[] body, byte[] pattern, int from) {
        int last = body.length - pattern.length;
        outer:
        for (int i = Math.max(0, from); i <= last; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (body[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
