package io.kalamdb.core.sql.calcite;

import io.kalamdb.commons.errors.ErrorCode;
import io.kalamdb.commons.errors.KalamDbException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.runtime.CalciteException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client's error for a failure while a compiled query runs: division by zero, overflow and failed casts read as
 * SQL messages ({@code Division by zero}, {@code Integer overflow}, {@code Cannot convert 'abc' to INT}), never as Java exception text.
 * Calcite's own errors keep their message; any other failure is logged and answers {@code Query execution failed}.
 */
public final class ExecutionErrors {
    private static final Logger log = LoggerFactory.getLogger(ExecutionErrors.class);

    /** The runtime routines that convert text in a CAST, by simple class and method name, with their target type. */
    private static final Map<String, String> CASTS = Map.of("SqlFunctions.toShort", "SMALLINT",
            "SqlFunctions.toInt", "INT", "SqlFunctions.toLong", "BIGINT", "SqlFunctions.toFloat", "FLOAT",
            "SqlFunctions.toDouble", "DOUBLE", "Primitive.charToDecimalCast", "DECIMAL",
            "SqlFunctions.toBoolean", "BOOLEAN", "DateTimeUtils.dateStringToUnixDate", "DATE",
            "DateTimeUtils.timestampStringToUnixDate", "TIMESTAMP", "UUID.fromString", "UUID");

    /** The rejected text inside the messages of those routines. */
    private static final Pattern CAST_INPUT = Pattern.compile(
            "For input string: \"(.*)\"|for cast: (.*)|value, '(.*)'|UUID string: (.*)");

    /**
     * How the JVM reports, when a cached plan runs again, the constant expression that failed in its generated class's
     * initializer the first time ({@code SELECT 1/0}).
     */
    private static final String FAILED_INITIALIZER = "Exception " + ArithmeticException.class.getName() + ": ";

    private static final Pattern OUT_OF_RANGE = Pattern.compile("Value \\S+ out of range");

    private ExecutionErrors() {
    }

    /** The error to answer for {@code failure}, thrown while a query was compiled or run. */
    public static KalamDbException of(Throwable failure) {
        Throwable cause = rootCause(failure);
        if (cause instanceof KalamDbException k) {
            return k;
        }
        String message = cause.getMessage() == null ? "" : cause.getMessage();
        if (cause instanceof ArithmeticException || message.startsWith(FAILED_INITIALIZER)) {
            return arithmetic(message);
        }
        String target = castTarget(cause);
        if (target != null) {
            String input = castInput(message);
            return KalamDbException.userError(input == null ? "Cannot convert the value to " + target
                    : "Cannot convert '" + input + "' to " + target);
        }
        if (cause instanceof CalciteException && !message.isEmpty() || cause instanceof IllegalArgumentException
                && !message.isEmpty() && thrownBySqlFunction(cause)) {
            // e.g. "Cannot take logarithm of zero or negative number": written for SQL users
            return new KalamDbException(ErrorCode.SQL_EXECUTION_ERROR, message);
        }
        log.warn("Query execution failed", cause);
        return new KalamDbException(ErrorCode.SQL_EXECUTION_ERROR, "Query execution failed");
    }

    /** The innermost cause of {@code failure} (itself when it has none). */
    static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static KalamDbException arithmetic(String message) {
        if (message.contains("by zero") || message.contains("undefined")) {
            return new KalamDbException(ErrorCode.SQL_EXECUTION_ERROR, "Division by zero");
        }
        if (message.contains("overflow")) {
            return new KalamDbException(ErrorCode.SQL_EXECUTION_ERROR, "Integer overflow");
        }
        if (OUT_OF_RANGE.matcher(message).matches()) {
            return KalamDbException.userError(message);
        }
        return new KalamDbException(ErrorCode.SQL_EXECUTION_ERROR, "Numeric value out of range");
    }

    private static boolean thrownBySqlFunction(Throwable cause) {
        StackTraceElement[] frames = cause.getStackTrace();
        return frames.length > 0 && frames[0].getClassName().equals("org.apache.calcite.runtime.SqlFunctions");
    }

    private static String castTarget(Throwable cause) {
        for (StackTraceElement frame : cause.getStackTrace()) {
            String className = frame.getClassName();
            String type = CASTS.get(className.substring(className.lastIndexOf('.') + 1) + "." + frame.getMethodName());
            if (type != null) {
                return type;
            }
        }
        return null;
    }

    private static String castInput(String message) {
        Matcher m = CAST_INPUT.matcher(message);
        if (!m.find()) {
            return null;
        }
        for (int g = 1; g <= m.groupCount(); g++) {
            if (m.group(g) != null) {
                return m.group(g);
            }
        }
        return null;
    }
}
