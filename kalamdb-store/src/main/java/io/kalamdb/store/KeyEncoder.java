package io.kalamdb.store;

/**
 * Encodes primary keys of type {@code K} into order-preserving, prefix-free key bytes and back.
 *
 * @param <K> key type
 */
public interface KeyEncoder<K> {
    /** The key bytes of {@code key}. */
    byte[] encode(K key);

    /** The key encoded in {@code bytes}. */
    K decode(byte[] bytes);

    /** String keys as {@code str(s)}. */
    static KeyEncoder<String> string() {
        return StringKeyEncoder.INSTANCE;
    }

    /** Signed long keys as {@code i64(v)}, ordered numerically. */
    static KeyEncoder<Long> int64() {
        return LongKeyEncoder.INSTANCE;
    }
}
