package io.kalamdb.server.config;

import java.util.List;
import java.util.Optional;

/**
 * Checks a 5-field cron expression (minute, hour, day of month, month, day of week; UTC): each field is {@code *} or
 * a comma-separated list of numbers and ranges {@code a-b}, where {@code *} and ranges may carry a step {@code /n}.
 * Day of week accepts 0..7 (0 and 7 are Sunday).
 */
public final class CronSyntax {
    private static final List<String> NAMES = List.of("minute", "hour", "day of month", "month", "day of week");
    private static final int[] MIN = {0, 0, 1, 1, 0};
    private static final int[] MAX = {59, 23, 31, 12, 7};

    private CronSyntax() {
    }

    /** The reason the expression is invalid, if it is. */
    public static Optional<String> problem(String expression) {
        if (expression == null || expression.isBlank()) {
            return Optional.of("the expression is empty");
        }
        String[] fields = expression.trim().split("\\s+");
        if (fields.length != NAMES.size()) {
            return Optional.of("expected 5 fields, got " + fields.length);
        }
        for (int i = 0; i < fields.length; i++) {
            String reason = fieldProblem(fields[i], MIN[i], MAX[i]);
            if (reason != null) {
                return Optional.of(NAMES.get(i) + " field '" + fields[i] + "': " + reason);
            }
        }
        return Optional.empty();
    }

    private static String fieldProblem(String field, int min, int max) {
        for (String item : field.split(",", -1)) {
            String reason = itemProblem(item, min, max);
            if (reason != null) {
                return reason;
            }
        }
        return null;
    }

    private static String itemProblem(String item, int min, int max) {
        if (item.isEmpty()) {
            return "empty list item";
        }
        String range = item;
        int slash = item.indexOf('/');
        if (slash >= 0) {
            range = item.substring(0, slash);
            Integer step = number(item.substring(slash + 1));
            if (step == null || step < 1) {
                return "step must be a positive number";
            }
            if (!range.equals("*") && !range.contains("-")) {
                return "a step needs '*' or a range before '/'";
            }
        }
        if (range.equals("*")) {
            return null;
        }
        int dash = range.indexOf('-');
        String low = dash >= 0 ? range.substring(0, dash) : range;
        String high = dash >= 0 ? range.substring(dash + 1) : range;
        Integer from = number(low);
        Integer to = number(high);
        if (from == null || to == null) {
            return "'" + range + "' is not a number or range";
        }
        if (from < min || to > max || from > max || to < min) {
            return "values must be in " + min + ".." + max;
        }
        if (from > to) {
            return "range " + range + " is reversed";
        }
        return null;
    }

    private static Integer number(String text) {
        if (text.isEmpty() || text.length() > 9) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return null;
            }
        }
        return Integer.parseInt(text);
    }
}
