package io.kalamdb.core.sql;

/** UTF-8 byte counting without encoding the whole string. */
public final class Utf8 {
    private Utf8() {
    }

    /** The number of UTF-8 bytes of {@code s}. */
    public static int length(CharSequence s) {
        return byteOffset(s, s.length());
    }

    /** The UTF-8 byte offset of the character at {@code charIndex}. */
    public static int byteOffset(CharSequence s, int charIndex) {
        int bytes = 0;
        for (int i = 0; i < charIndex; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < charIndex && Character.isLowSurrogate(s.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
