package io.kalamdb.server.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.LayoutBase;
import org.slf4j.event.KeyValuePair;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * One JSON object per line: {@code {"timestamp":"2024-05-04T10:00:00.123456Z","level":"INFO","thread":"main",
 * "target":"io.kalamdb.server.Main","message":"…"}}, plus {@code "fields"} (MDC entries and SLF4J key-value pairs)
 * and {@code "error"} (the stack trace) when present. Timestamps are UTC with microseconds.
 */
public class JsonLineLayout extends LayoutBase<ILoggingEvent> {
    private static final char LINE_SEPARATOR = (char) 0x2028;
    private static final char PARAGRAPH_SEPARATOR = (char) 0x2029;
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    @Override
    public String doLayout(ILoggingEvent event) {
        StringBuilder json = new StringBuilder(256);
        json.append("{\"timestamp\":\"").append(TIMESTAMP.format(event.getInstant())).append('"');
        json.append(",\"level\":\"").append(event.getLevel().toString()).append('"');
        field(json, "thread", event.getThreadName());
        field(json, "target", event.getLoggerName());
        field(json, "message", event.getFormattedMessage());
        appendFields(json, event.getMDCPropertyMap(), event.getKeyValuePairs());
        IThrowableProxy throwable = event.getThrowableProxy();
        if (throwable != null) {
            field(json, "error", ThrowableProxyUtil.asString(throwable));
        }
        return json.append("}\n").toString();
    }

    @Override
    public String getContentType() {
        return "application/x-ndjson";
    }

    private static void appendFields(StringBuilder json, Map<String, String> mdc, List<KeyValuePair> pairs) {
        boolean hasMdc = mdc != null && !mdc.isEmpty();
        boolean hasPairs = pairs != null && !pairs.isEmpty();
        if (!hasMdc && !hasPairs) {
            return;
        }
        json.append(",\"fields\":{");
        boolean first = true;
        if (hasMdc) {
            for (Map.Entry<String, String> entry : mdc.entrySet()) {
                first = member(json, first, entry.getKey(), entry.getValue());
            }
        }
        if (hasPairs) {
            for (KeyValuePair pair : pairs) {
                first = member(json, first, pair.key, pair.value == null ? null : String.valueOf(pair.value));
            }
        }
        json.append('}');
    }

    private static boolean member(StringBuilder json, boolean first, String key, String value) {
        if (!first) {
            json.append(',');
        }
        quote(json, key == null ? "" : key);
        json.append(':');
        if (value == null) {
            json.append("null");
        } else {
            quote(json, value);
        }
        return false;
    }

    private static void field(StringBuilder json, String name, String value) {
        json.append(",\"").append(name).append("\":");
        if (value == null) {
            json.append("null");
        } else {
            quote(json, value);
        }
    }

    /** Appends {@code value} as a JSON string literal (RFC 8259 escaping; U+2028/U+2029 escaped too). */
    static void quote(StringBuilder json, String value) {
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                case '\b' -> json.append("\\b");
                case '\f' -> json.append("\\f");
                default -> {
                    if (c < 0x20 || c == LINE_SEPARATOR || c == PARAGRAPH_SEPARATOR
                            || (Character.isSurrogate(c) && !validPair(value, i))) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }

    /** True if the surrogate at {@code i} belongs to a well-formed pair (a lone one is written as an escape). */
    private static boolean validPair(String value, int i) {
        char c = value.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(value.charAt(i - 1));
    }
}
