package io.kalamdb.commons.types;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * Text helpers of the coercion rules: number syntax checks, hex and list parsing, and the short display form of a
 * value used in error messages.
 */
final class ValueText {
    /** Longest value text shown in an error message before it is cut with {@code ...}. */
    static final int MAX_SHOWN_CHARS = 200;
    private static final int MAX_PLAIN_SCALE = 1000;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private ValueText() {
    }

    static boolean isFixedInteger(Object v) {
        return v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte;
    }

    /** Optional sign followed by one or more ASCII digits. */
    static boolean isInteger(String s) {
        int n = s.length();
        int i = n > 0 && (s.charAt(0) == '+' || s.charAt(0) == '-') ? 1 : 0;
        if (i == n) {
            return false;
        }
        for (; i < n; i++) {
            char ch = s.charAt(i);
            if (ch < '0' || ch > '9') {
                return false;
            }
        }
        return true;
    }

    /** {@code [+-]digits[.digits][e[+-]digits]} or {@code [+-].digits[…]}: plain decimal notation only. */
    static boolean isDecimalNumber(String s) {
        int n = s.length();
        int i = n > 0 && (s.charAt(0) == '+' || s.charAt(0) == '-') ? 1 : 0;
        int digits = 0;
        while (i < n && isDigit(s.charAt(i))) {
            i++;
            digits++;
        }
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int exponentDigits = 0;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
                exponentDigits++;
            }
            if (exponentDigits == 0) {
                return false;
            }
        }
        return i == n;
    }

    static int hexValue(char ch) {
        if (ch >= '0' && ch <= '9') {
            return ch - '0';
        }
        if (ch >= 'a' && ch <= 'f') {
            return ch - 'a' + 10;
        }
        if (ch >= 'A' && ch <= 'F') {
            return ch - 'A' + 10;
        }
        return -1;
    }

    static boolean isDigit(char ch) {
        return ch >= '0' && ch <= '9';
    }

    /** Text form of a float or double: integral values without {@code .0}, others as Java prints them. */
    static String numberText(Number n) {
        double d = n.doubleValue();
        if (Double.isFinite(d) && d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return n instanceof Float ? Float.toString(n.floatValue()) : Double.toString(d);
    }

    /** Plain notation unless the exponent is extreme, where scientific notation keeps the text short. */
    static String plain(BigDecimal bd) {
        int scale = bd.scale();
        return scale >= -MAX_PLAIN_SCALE && scale <= MAX_PLAIN_SCALE ? bd.toPlainString() : bd.toString();
    }

    static String display(Object v) {
        String text;
        if (v instanceof String s) {
            text = s;
        } else if (v instanceof Double || v instanceof Float) {
            text = numberText((Number) v);
        } else if (v instanceof BigDecimal bd) {
            text = plain(bd);
        } else if (v instanceof byte[] b) {
            int shown = Math.min(b.length, MAX_SHOWN_CHARS / 2);
            char[] chars = new char[2 + 2 * shown];
            chars[0] = '\\';
            chars[1] = 'x';
            for (int i = 0; i < shown; i++) {
                chars[2 + 2 * i] = HEX[(b[i] >> 4) & 0xF];
                chars[3 + 2 * i] = HEX[b[i] & 0xF];
            }
            text = new String(chars) + (shown < b.length ? "..." : "");
        } else if (v instanceof float[] f) {
            StringBuilder sb = new StringBuilder().append('[');
            for (int i = 0; i < f.length && sb.length() <= MAX_SHOWN_CHARS; i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                sb.append(f[i]);
            }
            text = sb.append(']').toString();
        } else {
            text = String.valueOf(v);
        }
        return shorten(text);
    }

    static String shorten(String text) {
        return text.length() <= MAX_SHOWN_CHARS ? text : text.substring(0, MAX_SHOWN_CHARS) + "...";
    }

    static byte[] hexDecode(String s, int from) {
        int len = s.length() - from;
        if ((len & 1) != 0) {
            return null;
        }
        byte[] out = new byte[len / 2];
        for (int i = 0; i < out.length; i++) {
            int hi = hexValue(s.charAt(from + 2 * i));
            int lo = hexValue(s.charAt(from + 2 * i + 1));
            if (hi < 0 || lo < 0) {
                return null;
            }
            out[i] = (byte) (hi << 4 | lo);
        }
        return out;
    }

    /** {@code [1, 2, 255]} → those bytes; null when the text is not such a list. */
    static byte[] parseByteList(String s) {
        int end = s.length() - 1;
        int count = 0;
        boolean blank = true;
        for (int i = 1; i < end; i++) {
            char ch = s.charAt(i);
            if (ch == ',') {
                count++;
            } else if (!Character.isWhitespace(ch)) {
                blank = false;
            }
        }
        if (blank) {
            return count == 0 ? new byte[0] : null;
        }
        byte[] out = new byte[count + 1];
        int i = 1;
        for (int k = 0; k <= count; k++) {
            while (i < end && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            int value = 0;
            int digits = 0;
            while (i < end && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                value = value * 10 + (s.charAt(i) - '0');
                digits++;
                i++;
                if (digits > 3) {
                    return null;
                }
            }
            while (i < end && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            if (digits == 0 || value > 255 || (k < count ? i >= end || s.charAt(i) != ',' : i != end)) {
                return null;
            }
            out[k] = (byte) value;
            i++;
        }
        return out;
    }

    /** A 36-character hyphenated or 32-character hex UUID in any case; null for anything else. */
    static UUID parseUuid(String s) {
        int n = s.length();
        if (n != 36 && n != 32) {
            return null;
        }
        long msb = 0;
        long lsb = 0;
        int nibbles = 0;
        for (int i = 0; i < n; i++) {
            char ch = s.charAt(i);
            if (n == 36 && (i == 8 || i == 13 || i == 18 || i == 23)) {
                if (ch != '-') {
                    return null;
                }
                continue;
            }
            int d = hexValue(ch);
            if (d < 0) {
                return null;
            }
            if (nibbles < 16) {
                msb = msb << 4 | d;
            } else {
                lsb = lsb << 4 | d;
            }
            nibbles++;
        }
        return new UUID(msb, lsb);
    }

    /** {@code [0.1, 0.2]} → those floats; null when the text is not a list of finite numbers. */
    static float[] parseFloatList(String s) {
        int n = s.length();
        if (n < 2 || s.charAt(0) != '[' || s.charAt(n - 1) != ']') {
            return null;
        }
        int count = 0;
        boolean blank = true;
        for (int i = 1; i < n - 1; i++) {
            char ch = s.charAt(i);
            if (ch == ',') {
                count++;
            } else if (!Character.isWhitespace(ch)) {
                blank = false;
            }
        }
        if (blank) {
            return count == 0 ? new float[0] : null;
        }
        float[] out = new float[count + 1];
        int start = 1;
        for (int k = 0; k <= count; k++) {
            int comma = k < count ? s.indexOf(',', start) : n - 1;
            String token = s.substring(start, comma).trim();
            if (!isDecimalNumber(token)) {
                return null;
            }
            float f = Float.parseFloat(token);
            if (!Float.isFinite(f)) {
                return null;
            }
            out[k] = f;
            start = comma + 1;
        }
        return out;
    }
}
