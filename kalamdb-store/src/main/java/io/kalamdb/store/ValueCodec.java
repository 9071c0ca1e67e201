package io.kalamdb.store;

/**
 * Encodes values of type {@code V} to bytes and back. Implementations are thread-safe.
 *
 * @param <V> value type
 */
public interface ValueCodec<V> {
    /** The bytes of {@code v}. */
    byte[] encode(V v);

    /** The value encoded in {@code bytes}. */
    V decode(byte[] bytes);
}
