package io.kalamdb.store;

import io.kalamdb.commons.errors.ErrorCode;
import io.kalamdb.commons.errors.KalamDbException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Sequential decoder of a key written by {@link KeyBuilder}. Components must be read in the order and with the
 * types they were written. A malformed key raises a {@link KalamDbException} ({@code INTERNAL_ERROR}).
 */
public final class KeyReader {
    private final byte[] key;
    private int pos;

    KeyReader(byte[] key, int offset) {
        if (offset < 0 || offset > key.length) {
            throw malformed("offset " + offset + " outside key of " + key.length + " bytes");
        }
        this.key = key;
        this.pos = offset;
    }

    /** Reads a {@code str} component. */
    public String str() {
        int start = pos;
        int escapes = 0;
        int i = pos;
        while (true) {
            if (i >= key.length) {
                throw malformed("unterminated string component at offset " + start);
            }
            byte b = key[i];
            if (b == 0) {
                break;
            }
            if (b == 1) {
                if (i + 1 >= key.length || (key[i + 1] & 0xFF) > 0x01) {
                    throw malformed("bad escape in string component at offset " + i);
                }
                escapes++;
                i += 2;
            } else {
                i++;
            }
        }
        pos = i + 1;
        if (escapes == 0) {
            return new String(key, start, i - start, StandardCharsets.UTF_8);
        }
        byte[] raw = new byte[i - start - escapes];
        int n = 0;
        for (int j = start; j < i; j++) {
            if (key[j] == 1) {
                j++;
            }
            raw[n++] = key[j];
        }
        return new String(raw, StandardCharsets.UTF_8);
    }

    /** Reads an {@code i64} component. */
    public long i64() {
        return u64() ^ Long.MIN_VALUE;
    }

    /** Reads a {@code u64} component. */
    public long u64() {
        need(8);
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (key[pos++] & 0xFFL);
        }
        return v;
    }

    /** Reads an {@code i32} component. */
    public int i32() {
        need(4);
        int u = ((key[pos] & 0xFF) << 24) | ((key[pos + 1] & 0xFF) << 16) | ((key[pos + 2] & 0xFF) << 8)
                | (key[pos + 3] & 0xFF);
        pos += 4;
        return u ^ Integer.MIN_VALUE;
    }

    /** Reads a {@code u8} component (0-255). */
    public int u8() {
        need(1);
        return key[pos++] & 0xFF;
    }

    /** Reads the rest of the key as raw bytes. */
    public byte[] rest() {
        byte[] out = Arrays.copyOfRange(key, pos, key.length);
        pos = key.length;
        return out;
    }

    /** The number of bytes not read yet. */
    public int remaining() {
        return key.length - pos;
    }

    /** The current read offset. */
    public int position() {
        return pos;
    }

    private void need(int n) {
        if (key.length - pos < n) {
            throw malformed("needs " + n + " bytes at offset " + pos + ", key has " + key.length);
        }
    }

    private static KalamDbException malformed(String detail) {
        return new KalamDbException(ErrorCode.INTERNAL_ERROR, "malformed storage key: " + detail);
    }
}
