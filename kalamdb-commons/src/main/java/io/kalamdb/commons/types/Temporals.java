package io.kalamdb.commons.types;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Parsers for the temporal literal forms of sql.md §12.3. Each returns the storage number or throws
 * {@link DateTimeException} when the text is not in the accepted form or names an impossible date or time.
 */
final class Temporals {
    static final long MICROS_PER_SECOND = 1_000_000L;
    static final long MICROS_PER_DAY = 86_400L * MICROS_PER_SECOND;
    private static final int MAX_OFFSET_HOURS = 18;

    private Temporals() {
    }

    /**
     * {@code YYYY-MM-DD}, or {@code YYYY-MM-DD[ T]HH:MM[:SS[.f…]]} followed by an optional {@code Z} or
     * {@code ±HH[:MM]} offset (no offset = UTC): µs since the epoch, UTC. Fraction digits beyond 6 are truncated.
     */
    static long parseTimestampMicros(String s) {
        int n = s.length();
        long epochDay = parseDate(s, 0);
        if (n == 10) {
            return epochDay * MICROS_PER_DAY;
        }
        char sep = s.charAt(10);
        if (sep != ' ' && sep != 'T' && sep != 't') {
            throw invalid();
        }
        long[] end = new long[1];
        long timeMicros = parseTime(s, 11, end);
        int i = (int) end[0];
        while (i < n && s.charAt(i) == ' ') {
            i++;
        }
        long offsetSeconds = 0;
        if (i < n) {
            offsetSeconds = parseOffset(s, i);
        }
        return epochDay * MICROS_PER_DAY + timeMicros - offsetSeconds * MICROS_PER_SECOND;
    }

    /** Exactly {@code YYYY-MM-DD}: days since 1970-01-01. */
    static int parseDateDays(String s) {
        if (s.length() != 10) {
            throw invalid();
        }
        return (int) parseDate(s, 0);
    }

    /** Exactly {@code HH:MM[:SS[.f…]]}: µs since midnight. */
    static long parseTimeMicros(String s) {
        long[] end = new long[1];
        long micros = parseTime(s, 0, end);
        if (end[0] != s.length()) {
            throw invalid();
        }
        return micros;
    }

    private static long parseDate(String s, int at) {
        if (s.length() < at + 10 || s.charAt(at + 4) != '-' || s.charAt(at + 7) != '-') {
            throw invalid();
        }
        int year = digits(s, at, 4);
        int month = digits(s, at + 5, 2);
        int day = digits(s, at + 8, 2);
        return LocalDate.of(year, month, day).toEpochDay();
    }

    /** Parses {@code HH:MM[:SS[.f…]]} at {@code at}; stores the index after it in {@code end[0]}. */
    private static long parseTime(String s, int at, long[] end) {
        int n = s.length();
        if (n < at + 5 || s.charAt(at + 2) != ':') {
            throw invalid();
        }
        int hour = digits(s, at, 2);
        int minute = digits(s, at + 3, 2);
        int second = 0;
        long fraction = 0;
        int i = at + 5;
        if (i < n && s.charAt(i) == ':') {
            second = digits(s, i + 1, 2);
            i += 3;
            if (i < n && s.charAt(i) == '.') {
                i++;
                int start = i;
                long scale = 100_000L;
                while (i < n && isDigit(s.charAt(i))) {
                    if (scale > 0) {
                        fraction += (s.charAt(i) - '0') * scale;
                        scale /= 10;
                    }
                    i++;
                }
                if (i == start || i - start > 9) {
                    throw invalid();
                }
            }
        }
        if (hour > 23 || minute > 59 || second > 59) {
            throw new DateTimeException("time out of range");
        }
        end[0] = i;
        return ((hour * 60L + minute) * 60L + second) * MICROS_PER_SECOND + fraction;
    }

    /** {@code Z}, {@code ±HH}, {@code ±HHMM} or {@code ±HH:MM}, running to the end of the text: seconds east of UTC. */
    private static long parseOffset(String s, int at) {
        int n = s.length();
        char c = s.charAt(at);
        if ((c == 'Z' || c == 'z') && at + 1 == n) {
            return 0;
        }
        if (c != '+' && c != '-') {
            throw invalid();
        }
        int hours = digits(s, at + 1, 2);
        int minutes = 0;
        int rest = n - (at + 3);
        if (rest == 3 && s.charAt(at + 3) == ':') {
            minutes = digits(s, at + 4, 2);
        } else if (rest == 2) {
            minutes = digits(s, at + 3, 2);
        } else if (rest != 0) {
            throw invalid();
        }
        if (hours > MAX_OFFSET_HOURS || minutes > 59 || hours == MAX_OFFSET_HOURS && minutes > 0) {
            throw new DateTimeException("offset out of range");
        }
        long seconds = hours * 3600L + minutes * 60L;
        return c == '-' ? -seconds : seconds;
    }

    private static int digits(String s, int at, int count) {
        if (s.length() < at + count) {
            throw invalid();
        }
        int value = 0;
        for (int i = at; i < at + count; i++) {
            char c = s.charAt(i);
            if (!isDigit(c)) {
                throw invalid();
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static DateTimeException invalid() {
        return new DateTimeException("malformed temporal text");
    }
}
