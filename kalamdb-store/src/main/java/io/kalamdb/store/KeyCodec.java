package io.kalamdb.store;

import java.util.Arrays;

/**
 * Order-preserving tuple key codec (spec storage.md §4.3). Keys built from the same sequence of component types
 * compare, byte by byte (unsigned), in the natural order of their components:
 * <ul>
 *   <li>{@code str(s)}: UTF-8 in which each byte {@code <= 0x01} is written as {@code 0x01, b}, then a {@code 0x00}
 *   terminator; order-preserving and prefix-free ({@code "bob"} is never a prefix of {@code "bob2"});</li>
 *   <li>{@code i64(v)}: 8 bytes big-endian of {@code v XOR 0x8000000000000000} (signed order);</li>
 *   <li>{@code i32(v)}: 4 bytes big-endian of {@code v XOR 0x80000000} (signed order);</li>
 *   <li>{@code u64(v)}: 8 bytes big-endian (unsigned order, e.g. a table uid or a {@code _seq});</li>
 *   <li>{@code u8(v)}: one byte (type tags, flags);</li>
 *   <li>{@code bytes(b)}: raw bytes, for the last component only.</li>
 * </ul>
 */
public final class KeyCodec {
    private static final byte[] EMPTY = new byte[0];

    private KeyCodec() {
    }

    /** A builder for a new key. */
    public static KeyBuilder builder() {
        return new KeyBuilder(32);
    }

    /** A builder for a new key with room for {@code capacity} bytes before it grows. */
    public static KeyBuilder builder(int capacity) {
        return new KeyBuilder(capacity);
    }

    /** A reader decoding {@code key} from {@code offset}. */
    public static KeyReader reader(byte[] key, int offset) {
        return new KeyReader(key, offset);
    }

    /** A reader decoding {@code key} from its start. */
    public static KeyReader reader(byte[] key) {
        return new KeyReader(key, 0);
    }

    /** {@code str(s)} alone, e.g. a scope prefix. */
    public static byte[] str(String s) {
        return builder(s.length() + 2).str(s).build();
    }

    /** {@code u64(v)} alone. */
    public static byte[] u64(long v) {
        return builder(8).u64(v).build();
    }

    /** The empty key, shared. */
    public static byte[] empty() {
        return EMPTY;
    }

    /**
     * The smallest key greater than every key starting with {@code prefix}, or {@code null} when there is none
     * (the prefix is empty or all {@code 0xFF}).
     */
    public static byte[] prefixEnd(byte[] prefix) {
        for (int i = prefix.length - 1; i >= 0; i--) {
            if (prefix[i] != (byte) 0xFF) {
                byte[] end = Arrays.copyOf(prefix, i + 1);
                end[i]++;
                return end;
            }
        }
        return null;
    }

    /** {@code a ‖ b} as a new array. */
    public static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** Whether {@code key} starts with {@code prefix}. */
    public static boolean startsWith(byte[] key, byte[] prefix) {
        return key.length >= prefix.length
                && Arrays.equals(key, 0, prefix.length, prefix, 0, prefix.length);
    }

    /** Unsigned lexicographic comparison, the order of keys in the store. */
    public static int compare(byte[] a, byte[] b) {
        return Arrays.compareUnsigned(a, b);
    }
}
