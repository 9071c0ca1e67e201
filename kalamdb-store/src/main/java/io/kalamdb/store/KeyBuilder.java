package io.kalamdb.store;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Fluent builder of an order-preserving key; see {@link KeyCodec} for the encodings. Not thread-safe.
 */
public final class KeyBuilder {
    private byte[] buf;
    private int len;

    KeyBuilder(int capacity) {
        this.buf = new byte[Math.max(capacity, 8)];
    }

    /** Appends {@code str(s)}: escaped UTF-8 followed by a {@code 0x00} terminator. */
    public KeyBuilder str(String s) {
        int n = s.length();
        ensure(n + 1);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                return strUtf8(s, i);
            }
            appendEscaped((byte) c);
        }
        appendByte((byte) 0);
        return this;
    }

    private KeyBuilder strUtf8(String s, int from) {
        byte[] utf8 = s.substring(from).getBytes(StandardCharsets.UTF_8);
        ensure(utf8.length + 1);
        for (byte b : utf8) {
            appendEscaped(b);
        }
        appendByte((byte) 0);
        return this;
    }

    private void appendEscaped(byte b) {
        if ((b & 0xFF) <= 0x01) {
            appendByte((byte) 0x01);
        }
        appendByte(b);
    }

    /** Appends a signed 64-bit integer: 8 bytes big-endian with the sign bit flipped. */
    public KeyBuilder i64(long v) {
        return u64(v ^ Long.MIN_VALUE);
    }

    /** Appends an unsigned 64-bit integer: 8 bytes big-endian. */
    public KeyBuilder u64(long v) {
        ensure(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            buf[len++] = (byte) (v >>> shift);
        }
        return this;
    }

    /** Appends a signed 32-bit integer: 4 bytes big-endian with the sign bit flipped. */
    public KeyBuilder i32(int v) {
        int u = v ^ Integer.MIN_VALUE;
        ensure(4);
        buf[len++] = (byte) (u >>> 24);
        buf[len++] = (byte) (u >>> 16);
        buf[len++] = (byte) (u >>> 8);
        buf[len++] = (byte) u;
        return this;
    }

    /** Appends one byte (0-255). */
    public KeyBuilder u8(int v) {
        if (v < 0 || v > 0xFF) {
            throw new IllegalArgumentException("u8 out of range: " + v);
        }
        ensure(1);
        buf[len++] = (byte) v;
        return this;
    }

    /** Appends raw bytes; not self-delimiting, so only for the last component. */
    public KeyBuilder bytes(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, buf, len, b.length);
        len += b.length;
        return this;
    }

    /** The number of bytes written so far. */
    public int length() {
        return len;
    }

    /** The key as a new array; the builder can continue afterwards. */
    public byte[] build() {
        return Arrays.copyOf(buf, len);
    }

    private void appendByte(byte b) {
        ensure(1);
        buf[len++] = b;
    }

    private void ensure(int extra) {
        if (len + extra > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + extra));
        }
    }
}
